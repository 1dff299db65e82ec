import { describe, expect, test } from "vitest";

import {
  inboxFiltersQuery,
  parseInboxFilters,
  submittedAtRange,
} from "./inbox-filters";

describe("parseInboxFilters", () => {
  test("reads every filter", () => {
    const filters = parseInboxFilters(
      new URLSearchParams(
        "form=f1&poster=p1&status=new&from=2026-03-01&to=2026-03-31",
      ),
    );
    expect(filters).toEqual({
      formId: "f1",
      posterId: "p1",
      status: "new",
      from: "2026-03-01",
      to: "2026-03-31",
    });
  });

  test.each([
    { query: "status=archived", key: "status", expected: "all" },
    { query: "from=2026-02-31", key: "from", expected: null },
    { query: "to=yesterday", key: "to", expected: null },
    { query: "form=", key: "formId", expected: null },
    { query: "poster=", key: "posterId", expected: null },
  ] as const)("drops invalid $query", ({ query, key, expected }) => {
    expect(parseInboxFilters(new URLSearchParams(query))[key]).toBe(expected);
  });
});

describe("inboxFiltersQuery", () => {
  test("round-trips through parse", () => {
    const filters = {
      formId: "f1",
      posterId: "p1",
      status: "reviewed" as const,
      from: "2026-01-02",
      to: null,
    };
    const query = inboxFiltersQuery(filters);
    expect(query).toBe("?form=f1&poster=p1&status=reviewed&from=2026-01-02");
    expect(parseInboxFilters(new URLSearchParams(query))).toEqual(filters);
  });

  test("is empty for defaults", () => {
    expect(
      inboxFiltersQuery({
        formId: null,
        posterId: null,
        status: "all",
        from: null,
        to: null,
      }),
    ).toBe("");
  });
});

describe("submittedAtRange", () => {
  test("includes the whole to day", () => {
    const range = submittedAtRange({
      formId: null,
      posterId: null,
      status: "all",
      from: "2026-03-01",
      to: "2026-03-01",
    });
    expect(range.from).toBe(new Date(2026, 2, 1).getTime());
    expect(range.to).toBe(new Date(2026, 2, 2).getTime());
  });

  test("leaves open ends out", () => {
    expect(
      submittedAtRange({
        formId: null,
        posterId: null,
        status: "all",
        from: null,
        to: null,
      }),
    ).toEqual({});
  });
});
