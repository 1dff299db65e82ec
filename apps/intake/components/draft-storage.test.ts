import type { Answers } from "@intake/form-schema";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import {
  DRAFT_MAX_AGE_MS,
  draftKey,
  readDraft,
  readOtherVersionDraft,
  removeDraft,
  removeDrafts,
  writeDraft,
} from "./draft-storage";

const draft = { answers: { firstName: "Ana" }, submissionKey: "key-00001" };

beforeEach(() => {
  localStorage.clear();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("draft storage", () => {
  test("write then read returns the draft", () => {
    expect(writeDraft("form1", "v2", draft)).toBe(true);

    expect(readDraft("form1", "v2")).toEqual(draft);
  });

  test("draft expires after the maximum age", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-03-01T09:00:00Z"));
    writeDraft("form1", "v1", draft);
    writeDraft("form2", "v1", draft);

    vi.setSystemTime(Date.now() + DRAFT_MAX_AGE_MS - 1);
    expect(readDraft("form1", "v1")).toEqual(draft);

    vi.setSystemTime(Date.now() + 2);
    expect(readDraft("form1", "v1")).toBeNull();
    // Reading any draft deletes every expired one, other forms' included.
    expect(localStorage.getItem(draftKey("form2", "v1"))).toBeNull();
  });

  test("draft without a save time is kept", () => {
    localStorage.setItem(draftKey("form1", "v1"), JSON.stringify(draft));

    expect(readDraft("form1", "v1")).toEqual(draft);
  });

  test("write removes other versions", () => {
    writeDraft("form1", "v1", draft);
    writeDraft("form2", "v1", draft);

    writeDraft("form1", "v2", draft);

    expect(localStorage.getItem(draftKey("form1", "v1"))).toBeNull();
    expect(readDraft("form2", "v1")).toEqual(draft);
  });

  test("other version's draft is found", () => {
    const older = { ...draft, fieldTypes: { firstName: "shortText" } };
    writeDraft("form1", "v1", older);

    expect(readOtherVersionDraft("form1", "v2")).toEqual(older);
    expect(readOtherVersionDraft("form1", "v1")).toBeNull();
    expect(readOtherVersionDraft("form2", "v2")).toBeNull();
  });

  test("malformed field types are dropped", () => {
    localStorage.setItem(
      draftKey("form1", "v1"),
      JSON.stringify({ ...draft, fieldTypes: { firstName: 3 } }),
    );

    expect(readDraft("form1", "v1")).toEqual(draft);
  });

  test("remove one version keeps others", () => {
    localStorage.setItem(draftKey("form1", "v1"), JSON.stringify(draft));
    localStorage.setItem(draftKey("form1", "v2"), JSON.stringify(draft));

    removeDraft("form1", "v2");

    expect(readDraft("form1", "v2")).toBeNull();
    expect(readDraft("form1", "v1")).toEqual(draft);
  });

  test("remove drops every version", () => {
    writeDraft("form1", "v1", draft);

    removeDrafts("form1");

    expect(readDraft("form1", "v1")).toBeNull();
  });

  test.each([
    { case: "not JSON", text: "{" },
    { case: "no key", text: JSON.stringify({ answers: {} }) },
    {
      case: "bad key",
      text: JSON.stringify({ answers: {}, submissionKey: "a b" }),
    },
    {
      case: "bad answers",
      text: JSON.stringify({ answers: { x: {} }, submissionKey: "key-00001" }),
    },
  ])("malformed draft ($case) reads as null", ({ text }) => {
    localStorage.setItem(draftKey("form1", "v1"), text);

    expect(readDraft("form1", "v1")).toBeNull();
  });
});

describe("draft storage of new answer shapes", () => {
  test("file, signature, address and group survive", () => {
    const answers: Answers = {
      card: {
        storageId: "kg2abc",
        name: "card.png",
        contentType: "image/png",
        size: 2048,
      },
      signature: { width: 300, height: 150, strokes: [[1, 2, 3, 4.5]] },
      homeAddress: {
        line1: "1 Elm St",
        city: "Springfield",
        region: "IL",
        postalCode: "62701",
      },
      pets: [{ petName: "Rex", species: "dog" }, {}],
    };

    writeDraft("form1", "v1", { answers, submissionKey: "key-00001" });

    expect(readDraft("form1", "v1")?.answers).toEqual(answers);
  });
});
