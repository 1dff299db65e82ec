import type { AnswerValue, Field, FileAnswer } from "@intake/form-schema";
import {
  act,
  fireEvent,
  render,
  screen,
  waitFor,
} from "@testing-library/react";
import { useState } from "react";
import { beforeEach, describe, expect, test, vi } from "vitest";

import {
  FileUploadError,
  FileUploaderProvider,
  type FileUploader,
} from "./file-upload-context";
import { FormField } from "./form-field";

// jsdom has no canvas, so a stand-in pad lets tests draw strokes.
const pads: FakePad[] = [];
class FakePad extends EventTarget {
  data: { points: { x: number; y: number }[] }[] = [];
  penColor = "#000";
  dotSize = 1;
  minWidth = 1;
  maxWidth = 2;
  velocityFilterWeight = 0.7;
  compositeOperation = "source-over";
  constructor() {
    super();
    pads.push(this);
  }
  clear() {
    this.data = [];
  }
  off() {}
  toData() {
    return this.data;
  }
  fromData(groups: { points: { x: number; y: number }[] }[]) {
    this.data = groups;
  }
  draw(points: { x: number; y: number }[]) {
    this.data.push({ points });
    this.dispatchEvent(new Event("endStroke"));
  }
}
vi.mock("signature_pad", () => ({ default: FakePad }));

function Stateful({
  field,
  onChange = () => {},
  uploader = null,
  initial,
}: {
  field: Field;
  onChange?: (value: AnswerValue | undefined) => void;
  uploader?: FileUploader | null;
  initial?: AnswerValue;
}) {
  const [value, setValue] = useState<AnswerValue | undefined>(initial);
  return (
    <FileUploaderProvider uploader={uploader}>
      <FormField
        field={field}
        value={value}
        onChange={(next) => {
          setValue(next);
          onChange(next);
        }}
      />
    </FileUploaderProvider>
  );
}

beforeEach(() => {
  pads.length = 0;
  HTMLCanvasElement.prototype.getBoundingClientRect = () =>
    ({ width: 300, height: 150, left: 0, top: 0 }) as DOMRect;
  HTMLCanvasElement.prototype.getContext = () => null;
});

describe("AddressInput", () => {
  const field = {
    type: "address",
    id: "home",
    label: "Home address",
    required: true,
  } as Field;

  test("parts carry autofill tokens", () => {
    render(<Stateful field={field} />);

    const tokens = screen
      .getAllByRole("textbox")
      .map((input) => input.getAttribute("autocomplete"));
    expect(tokens).toEqual([
      "address-line1",
      "address-line2",
      "address-level2",
      "address-level1",
      "postal-code",
    ]);
    expect(screen.getByRole("group", { name: /Home address/ })).toBeTruthy();
  });

  test("typing builds the address answer", () => {
    const onChange = vi.fn();
    render(<Stateful field={field} onChange={onChange} />);

    fireEvent.change(screen.getByLabelText("Street address"), {
      target: { value: "1 Elm St" },
    });
    fireEvent.change(screen.getByLabelText("City"), {
      target: { value: "Springfield" },
    });

    expect(onChange).toHaveBeenLastCalledWith({
      line1: "1 Elm St",
      city: "Springfield",
      region: "",
      postalCode: "",
    });
  });

  test("clearing every part is unanswered", () => {
    const onChange = vi.fn();
    render(<Stateful field={field} onChange={onChange} />);
    const line1 = screen.getByLabelText("Street address");

    fireEvent.change(line1, { target: { value: "1" } });
    fireEvent.change(line1, { target: { value: "" } });

    expect(onChange).toHaveBeenLastCalledWith(undefined);
  });
});

describe("SignaturePad", () => {
  const field = {
    type: "signature",
    id: "sig",
    label: "Signature",
    statement: "I agree to <b>treatment</b>.",
    required: true,
  } as Field;

  test("drawing produces the vector answer", async () => {
    const onChange = vi.fn();
    render(<Stateful field={field} onChange={onChange} />);
    await waitFor(() => expect(pads).toHaveLength(1));

    expect(screen.getByText("Not signed yet.")).toBeTruthy();
    act(() =>
      pads[0]!.draw([
        { x: 10.04, y: 20 },
        { x: 30, y: 40.26 },
      ]),
    );

    expect(onChange).toHaveBeenLastCalledWith({
      width: 300,
      height: 150,
      strokes: [[10, 20, 30, 40.3]],
    });
    expect(screen.getByText("Signed.")).toBeTruthy();
  });

  test("clear removes the answer", async () => {
    const onChange = vi.fn();
    render(<Stateful field={field} onChange={onChange} />);
    await waitFor(() => expect(pads).toHaveLength(1));
    act(() => pads[0]!.draw([{ x: 1, y: 1 }]));

    fireEvent.click(screen.getByRole("button", { name: "Clear signature" }));

    expect(onChange).toHaveBeenLastCalledWith(undefined);
    expect(screen.getByText("Not signed yet.")).toBeTruthy();
    expect(screen.getByText("Signature cleared.")).toBeTruthy();
  });

  test("statement and note render as text", async () => {
    render(<Stateful field={field} />);
    await waitFor(() => expect(pads).toHaveLength(1));

    expect(screen.getByText("I agree to <b>treatment</b>.")).toBeTruthy();
    expect(document.querySelector("b")).toBeNull();
    expect(screen.queryByText(/front desk/)).toBeNull();
    expect(
      screen.getByText(/choose “Type your name instead” to sign/),
    ).toBeTruthy();
    expect(screen.getByRole("img", { name: "Signature pad" })).toBeTruthy();
  });

  test("pad description names keyboard note", async () => {
    render(<Stateful field={field} />);
    await waitFor(() => expect(pads).toHaveLength(1));

    const pad = screen.getByRole("img", { name: "Signature pad" });
    const note = screen.getByText(/If you cannot draw/);
    const describedBy = pad.getAttribute("aria-describedby") ?? "";
    expect(note.id).not.toBe("");
    expect(describedBy.split(" ")).toContain(note.id);
  });

  test("restored draft is redrawn", async () => {
    render(
      <Stateful
        field={field}
        initial={{ width: 300, height: 150, strokes: [[5, 5, 9, 9]] }}
      />,
    );
    await waitFor(() => expect(pads).toHaveLength(1));

    expect(pads[0]!.data[0]!.points).toMatchObject([
      { x: 5, y: 5 },
      { x: 9, y: 9 },
    ]);
    expect(screen.getByText("Signed.")).toBeTruthy();
  });

  test("typing a name produces the typed answer", async () => {
    const onChange = vi.fn();
    render(<Stateful field={field} onChange={onChange} />);
    await waitFor(() => expect(pads).toHaveLength(1));

    fireEvent.click(
      screen.getByRole("button", { name: "Type your name instead" }),
    );
    const input = screen.getByRole("textbox", { name: "Type your full name" });
    expect(document.activeElement).toBe(input);
    expect(input.id).toBe("field-sig");
    expect(input.getAttribute("name")).toBe("sig");
    expect(input.getAttribute("maxlength")).toBe("100");
    expect(screen.queryByRole("img", { name: "Signature pad" })).toBeNull();
    expect(screen.getByText("Not signed yet.")).toBeTruthy();

    fireEvent.change(input, { target: { value: "Ana López" } });

    expect(onChange).toHaveBeenLastCalledWith({ typedName: "Ana López" });
    expect(screen.getByText("Signed with your typed name.")).toBeTruthy();
    expect(screen.getByTestId("typed-signature-preview").textContent).toBe(
      "Ana López",
    );
    const describedBy = input.getAttribute("aria-describedby") ?? "";
    const note = screen.getByText(/typed full name counts as your signature/);
    expect(describedBy.split(" ")).toContain(note.id);
  });

  test("blank typed name is no answer", async () => {
    const onChange = vi.fn();
    render(<Stateful field={field} onChange={onChange} />);
    fireEvent.click(
      screen.getByRole("button", { name: "Type your name instead" }),
    );
    const input = screen.getByRole("textbox", { name: "Type your full name" });

    fireEvent.change(input, { target: { value: "Ana" } });
    fireEvent.change(input, { target: { value: "   " } });

    expect(onChange).toHaveBeenLastCalledWith(undefined);
    expect(screen.getByText("Not signed yet.")).toBeTruthy();
  });

  test("typed name renders as text", async () => {
    render(<Stateful field={field} />);
    fireEvent.click(
      screen.getByRole("button", { name: "Type your name instead" }),
    );
    const markup = '<img src="x" onerror="alert(1)">';

    fireEvent.change(
      screen.getByRole("textbox", { name: "Type your full name" }),
      { target: { value: markup } },
    );

    expect(document.querySelector("img")).toBeNull();
    expect(screen.getByTestId("typed-signature-preview").textContent).toBe(
      markup,
    );
  });

  test("each way keeps its own signature", async () => {
    const onChange = vi.fn();
    render(<Stateful field={field} onChange={onChange} />);
    await waitFor(() => expect(pads).toHaveLength(1));
    act(() => pads[0]!.draw([{ x: 1, y: 1 }]));
    const drawn = { width: 300, height: 150, strokes: [[1, 1]] };

    fireEvent.click(
      screen.getByRole("button", { name: "Type your name instead" }),
    );
    expect(onChange).toHaveBeenLastCalledWith(undefined);
    fireEvent.change(
      screen.getByRole("textbox", { name: "Type your full name" }),
      { target: { value: "Ana" } },
    );
    const drawButton = screen.getByRole("button", {
      name: "Draw your signature instead",
    });
    fireEvent.click(drawButton);

    expect(onChange).toHaveBeenLastCalledWith(drawn);
    await waitFor(() => expect(pads).toHaveLength(2));
    expect(pads[1]!.data[0]!.points).toMatchObject([{ x: 1, y: 1 }]);
    expect(screen.getByRole("button", { name: "Type your name instead" })).toBe(
      drawButton,
    );
    fireEvent.click(drawButton);
    expect(onChange).toHaveBeenLastCalledWith({ typedName: "Ana" });
  });

  test("restored typed draft shows the name", () => {
    render(<Stateful field={field} initial={{ typedName: "Ana" }} />);

    const input = screen.getByRole("textbox", { name: "Type your full name" });
    expect((input as HTMLInputElement).value).toBe("Ana");
    expect(screen.getByText("Signed with your typed name.")).toBeTruthy();
    expect(screen.queryByRole("img", { name: "Signature pad" })).toBeNull();
  });
});

describe("FileInput", () => {
  const field = {
    type: "file",
    id: "card",
    label: "Insurance card",
    accept: ["image/png", "application/pdf"],
    maxSizeBytes: 1024 * 1024,
    capture: true,
  } as Field;
  const stored: FileAnswer = {
    storageId: "storage1",
    name: "card.png",
    contentType: "image/png",
    size: 2048,
  };

  function choose(file: File) {
    fireEvent.change(screen.getByLabelText(/Insurance card/), {
      target: { files: [file] },
    });
  }

  test("input has accept and capture", async () => {
    render(<Stateful field={field} />);
    const input = await screen.findByLabelText(/Insurance card/);

    expect(input.getAttribute("accept")).toBe("image/png,application/pdf");
    expect(input.getAttribute("capture")).toBe("environment");
  });

  test("upload shows name and size", async () => {
    const uploader = vi.fn<FileUploader>(async (_file, options) => {
      options.onProgress(0.5);
      return stored;
    });
    const onChange = vi.fn();
    render(<Stateful field={field} uploader={uploader} onChange={onChange} />);
    await screen.findByLabelText(/Insurance card/);

    choose(new File(["x".repeat(2048)], "card.png", { type: "image/png" }));

    await waitFor(() => expect(onChange).toHaveBeenCalledWith(stored));
    expect(uploader.mock.calls[0]![1].fieldKey).toBe("card");
    expect(screen.getByText("Chosen: card.png (2 kB)")).toBeTruthy();
  });

  test("remove clears the answer", async () => {
    const onChange = vi.fn();
    render(<Stateful field={field} initial={stored} onChange={onChange} />);

    fireEvent.click(await screen.findByRole("button", { name: "Remove file" }));

    expect(onChange).toHaveBeenLastCalledWith(undefined);
    expect(screen.getByText("No file chosen.")).toBeTruthy();
  });

  test.each([
    {
      name: "wrong type",
      file: new File(["x"], "notes.txt", { type: "text/plain" }),
      message: /not accepted\. Choose PNG, PDF\./,
    },
    {
      name: "too large",
      file: new File([new Uint8Array(2 * 1024 * 1024)], "big.pdf", {
        type: "application/pdf",
      }),
      message: /too large\. Choose one up to 1 MB\./,
    },
  ])("$name is rejected before upload", async ({ file, message }) => {
    const uploader = vi.fn<FileUploader>();
    render(<Stateful field={field} uploader={uploader} />);
    await screen.findByLabelText(/Insurance card/);

    choose(file);

    expect((await screen.findByRole("alert")).textContent).toMatch(message);
    expect(uploader).not.toHaveBeenCalled();
  });

  test("upload error message shows", async () => {
    const uploader = vi.fn<FileUploader>(async () => {
      throw new FileUploadError("The clinic rejected it.");
    });
    render(<Stateful field={field} uploader={uploader} />);
    await screen.findByLabelText(/Insurance card/);

    choose(new File(["x"], "card.png", { type: "image/png" }));

    await waitFor(() =>
      expect(screen.getByRole("alert").textContent).toBe(
        "The clinic rejected it.",
      ),
    );
  });
});

describe("RepeatingGroup", () => {
  const field = {
    type: "group",
    id: "pets",
    label: "Your pets",
    itemLabel: "Pet",
    minItems: 1,
    maxItems: 2,
    fields: [{ type: "shortText", id: "name", label: "Name" }],
  } as Field;

  test("min items show and max stops adding", () => {
    const onChange = vi.fn();
    render(<Stateful field={field} onChange={onChange} />);

    expect(screen.getByRole("group", { name: "Pet 1" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: /Remove pet/ })).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: "Add pet" }));

    expect(screen.getByRole("group", { name: "Pet 2" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Add pet" })).toBeNull();
    expect(screen.getByText("Pet 2 added.")).toBeTruthy();
    expect(document.activeElement?.getAttribute("name")).toBe("pets.1.name");
  });

  test("items store answers by field id", () => {
    const onChange = vi.fn();
    render(<Stateful field={field} onChange={onChange} />);
    fireEvent.click(screen.getByRole("button", { name: "Add pet" }));

    const names = screen.getAllByRole("textbox", { name: "Name" });
    fireEvent.change(names[0]!, { target: { value: "Rex" } });
    fireEvent.change(names[1]!, { target: { value: "Tom" } });

    expect(onChange).toHaveBeenLastCalledWith([
      { name: "Rex" },
      { name: "Tom" },
    ]);
  });

  test("remove drops the item", () => {
    const onChange = vi.fn();
    render(
      <Stateful
        field={field}
        onChange={onChange}
        initial={[{ name: "Rex" }, { name: "Tom" }]}
      />,
    );

    fireEvent.click(screen.getByRole("button", { name: "Remove pet 1" }));

    expect(onChange).toHaveBeenLastCalledWith([{ name: "Tom" }]);
    expect(screen.getByText("Pet 1 removed.")).toBeTruthy();
    expect(document.activeElement?.textContent).toBe("Add pet");
  });

  test("item errors show under item fields", () => {
    render(
      <FormField
        field={field}
        value={[{}]}
        onChange={() => {}}
        itemErrors={{ "pets.0.name": "Enter a name." }}
      />,
    );

    const input = screen.getByRole("textbox", { name: "Name" });
    const describedBy = input.getAttribute("aria-describedby") ?? "";
    const errorText = describedBy
      .split(" ")
      .map((id) => document.getElementById(id)?.textContent)
      .join(" ");
    expect(errorText).toContain("Enter a name.");
  });

  test("resolveItemField hides a field", () => {
    render(
      <FormField
        field={field}
        value={[{}]}
        onChange={() => {}}
        resolveItemField={() => null}
      />,
    );

    expect(screen.queryByRole("textbox", { name: "Name" })).toBeNull();
  });
});
