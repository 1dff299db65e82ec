import { act, render, screen } from "@testing-library/react";
import { makeFunctionReference } from "convex/server";
import { Component, type ReactNode } from "react";
import { afterEach, describe, expect, test, vi } from "vitest";

import {
  ConvexClientProvider,
  useAction,
  useLiveQuery,
  useMutation,
} from "./convex-client";

/** One watched query of the fake client. */
interface Watch {
  name: string;
  args: unknown;
  result: () => unknown;
  listeners: Set<() => void>;
}

const fake = vi.hoisted(() => ({
  urls: [] as string[],
  calls: [] as { kind: string; name: string; args: unknown }[],
  watches: [] as Watch[],
  failLoads: 0,
}));

vi.mock("convex/react", async () => {
  const { getFunctionName } = await import("convex/server");
  class ConvexReactClient {
    constructor(url: string) {
      if (fake.failLoads > 0) {
        fake.failLoads -= 1;
        throw new Error("The client could not be loaded.");
      }
      fake.urls.push(url);
    }
    mutation(reference: never, args: unknown) {
      fake.calls.push({
        kind: "mutation",
        name: getFunctionName(reference),
        args,
      });
      return Promise.resolve("stored");
    }
    action(reference: never, args: unknown) {
      fake.calls.push({
        kind: "action",
        name: getFunctionName(reference),
        args,
      });
      return Promise.resolve("done");
    }
    watchQuery(reference: never, args: unknown) {
      const watch: Watch = {
        name: getFunctionName(reference),
        args,
        result: () => undefined,
        listeners: new Set(),
      };
      fake.watches.push(watch);
      return {
        localQueryResult: () => watch.result(),
        onUpdate(listener: () => void) {
          watch.listeners.add(listener);
          return () => watch.listeners.delete(listener);
        },
      };
    }
  }
  return { ConvexReactClient };
});

const record = makeFunctionReference<"mutation", { slug: string }, string>(
  "views:record",
);
const register = makeFunctionReference<"action", { id: string }, string>(
  "uploads:register",
);
const published = makeFunctionReference<
  "query",
  { slug: string },
  string | null
>("forms:getPublished");

afterEach(() => {
  fake.urls.length = 0;
  fake.calls.length = 0;
  fake.watches.length = 0;
});

function renderInProvider(children: ReactNode) {
  return render(
    <ConvexClientProvider url="http://127.0.0.1:3210">
      {children}
    </ConvexClientProvider>,
  );
}

/** Shows the error a child throws while rendering. */
class Boundary extends Component<{ children: ReactNode }, { error: unknown }> {
  state = { error: null as unknown };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  render() {
    return this.state.error === null ? (
      this.props.children
    ) : (
      <p role="alert">{String(this.state.error)}</p>
    );
  }
}

function LiveTitle({ slug }: { slug: string }) {
  const title = useLiveQuery(published, { slug }, "from the server");
  return <p>{title ?? "closed"}</p>;
}

describe("ConvexClientProvider", () => {
  test("creates one client after rendering, for every hook", async () => {
    let calls: { save?: () => Promise<unknown>; run?: () => Promise<unknown> } =
      {};
    function Callers() {
      const save = useMutation(record);
      const run = useAction(register);
      calls = {
        save: () => save({ slug: "new-patient" }),
        run: () => run({ id: "upload-1" }),
      };
      return null;
    }

    renderInProvider(<Callers />);
    await act(async () => {});
    expect(fake.urls).toEqual(["http://127.0.0.1:3210"]);

    await expect(calls.save?.()).resolves.toBe("stored");
    await expect(calls.run?.()).resolves.toBe("done");
    expect(fake.calls).toEqual([
      { kind: "mutation", name: "views:record", args: { slug: "new-patient" } },
      { kind: "action", name: "uploads:register", args: { id: "upload-1" } },
    ]);
    expect(fake.urls).toHaveLength(1);
  });

  test("a failed load is tried again by the next call", async () => {
    fake.failLoads = 1;
    let save: ((args: { slug: string }) => Promise<string>) | undefined;
    function Caller() {
      save = useMutation(record);
      return null;
    }

    renderInProvider(<Caller />);
    await act(async () => {});
    expect(fake.urls).toEqual([]);

    await expect(save?.({ slug: "new-patient" })).resolves.toBe("stored");
    expect(fake.urls).toHaveLength(1);
  });

  test("hooks outside the provider say what is missing", () => {
    function Caller() {
      useMutation(record);
      return null;
    }
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    render(
      <Boundary>
        <Caller />
      </Boundary>,
    );
    expect(screen.getByRole("alert").textContent).toContain(
      "ConvexClientProvider",
    );
    error.mockRestore();
  });
});

describe("useLiveQuery", () => {
  test("starts from the server's copy and follows the subscription", async () => {
    const view = renderInProvider(<LiveTitle slug="new-patient" />);
    expect(screen.getByText("from the server")).toBeTruthy();

    await act(async () => {});
    const [watch] = fake.watches;
    expect(watch?.name).toBe("forms:getPublished");
    expect(watch?.args).toEqual({ slug: "new-patient" });

    // No result yet keeps the server's copy.
    expect(screen.getByText("from the server")).toBeTruthy();

    act(() => {
      watch!.result = () => null;
      for (const listener of watch!.listeners) listener();
    });
    expect(screen.getByText("closed")).toBeTruthy();

    view.unmount();
    expect(watch!.listeners.size).toBe(0);
  });

  test("subscribes once a later call loads the client", async () => {
    fake.failLoads = 1;
    let save: ((args: { slug: string }) => Promise<string>) | undefined;
    function Caller() {
      save = useMutation(record);
      return null;
    }

    renderInProvider(
      <>
        <LiveTitle slug="new-patient" />
        <Caller />
      </>,
    );
    await act(async () => {});
    expect(fake.watches).toHaveLength(0);

    await act(async () => {
      await save?.({ slug: "new-patient" });
    });
    const [watch] = fake.watches;
    expect(watch?.name).toBe("forms:getPublished");

    act(() => {
      watch!.result = () => null;
      for (const listener of watch!.listeners) listener();
    });
    expect(screen.getByText("closed")).toBeTruthy();
  });

  test("loads the client again when the browser is back online", async () => {
    fake.failLoads = 1;
    renderInProvider(<LiveTitle slug="new-patient" />);
    await act(async () => {});
    expect(fake.watches).toHaveLength(0);

    await act(async () => {
      window.dispatchEvent(new Event("online"));
    });
    expect(fake.urls).toHaveLength(1);
    expect(fake.watches).toHaveLength(1);
  });

  test("an error of the query is thrown while rendering", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    renderInProvider(
      <Boundary>
        <LiveTitle slug="new-patient" />
      </Boundary>,
    );
    await act(async () => {});
    const [watch] = fake.watches;

    act(() => {
      watch!.result = () => {
        throw new Error("Server error");
      };
      for (const listener of watch!.listeners) listener();
    });
    expect(screen.getByRole("alert").textContent).toBe("Error: Server error");
    error.mockRestore();
  });
});
