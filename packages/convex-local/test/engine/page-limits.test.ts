import { afterAll, beforeAll, expect, test } from "vitest";
import { formatBytes, limitMessage } from "../../src/transactions/limits";
import { startTestEngine, type TestEngine } from "./helpers";

let t: TestEngine;
const admin = { kind: "admin" } as const;

type Page = {
  page: number[];
  isDone: boolean;
  continueCursor: string;
  splitCursor: string | null;
  pageStatus: string | null;
};

type Options = {
  numItems: number;
  cursor: string | null;
  endCursor?: string;
  maximumRowsRead?: number;
  maximumBytesRead?: number;
};

beforeAll(async () => {
  t = await startTestEngine("fidelity-app");
  await t.mutation("pages:fill", { count: 10, padBytes: 1000 });
});

afterAll(async () => {
  await t.close();
});

function page(paginationOpts: Options, evenOnly = false): Promise<Page> {
  return t.query("pages:page", { paginationOpts, evenOnly }) as Promise<Page>;
}

/** Follows continue cursors until the last page, keeping every page. */
async function allPages(options: Omit<Options, "cursor">, evenOnly = false) {
  const pages: Page[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 20; i++) {
    const result = await page({ ...options, cursor }, evenOnly);
    pages.push(result);
    if (result.isDone) break;
    cursor = result.continueCursor;
  }
  return pages;
}

test("maximumRowsRead splits pages", async () => {
  const pages = await allPages({ numItems: 10, maximumRowsRead: 3 });
  expect(pages[0]!.page).toEqual([0, 1, 2]);
  expect(pages[0]!.pageStatus).toBe("SplitRequired");
  expect(pages[0]!.isDone).toBe(false);
  expect(pages.flatMap((p) => p.page)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
});

test("maximumRowsRead counts filtered rows", async () => {
  const pages = await allPages({ numItems: 10, maximumRowsRead: 4 }, true);
  expect(pages[0]!.page).toEqual([0, 2]);
  expect(pages[0]!.pageStatus).toBe("SplitRequired");
  expect(pages.flatMap((p) => p.page)).toEqual([0, 2, 4, 6, 8]);
});

test("maximumBytesRead splits pages", async () => {
  // Each row is a little over 1000 bytes, so the third row passes 2500.
  const first = await page({
    numItems: 10,
    cursor: null,
    maximumBytesRead: 2500,
  });
  expect(first.page).toEqual([0, 1, 2]);
  expect(first.pageStatus).toBe("SplitRequired");
  const rest = await allPages({ numItems: 10, maximumBytesRead: 2500 });
  expect(rest.flatMap((p) => p.page)).toHaveLength(10);
});

test("split cursor halves a page", async () => {
  const first = await page({ numItems: 5, cursor: null });
  expect(first.page).toEqual([0, 1, 2, 3, 4]);
  expect(first.pageStatus).toBeNull();
  expect(first.splitCursor).not.toBeNull();
  const left = await page({
    numItems: 5,
    cursor: null,
    endCursor: first.splitCursor!,
  });
  expect(left.page).toEqual([0, 1, 2]);
  const right = await page({
    numItems: 5,
    cursor: first.splitCursor!,
    endCursor: first.continueCursor,
  });
  expect(right.page).toEqual([3, 4]);
});

test("split cursor absent for two rows", async () => {
  const result = await page({ numItems: 2, cursor: null });
  expect(result.splitCursor).toBeNull();
});

test("page near row limit is SplitRecommended", async () => {
  // 7 rows read is past three quarters of maximumRowsRead 8.
  const result = await page({ numItems: 7, cursor: null, maximumRowsRead: 8 });
  expect(result.page).toHaveLength(7);
  expect(result.pageStatus).toBe("SplitRecommended");
  const below = await page({ numItems: 6, cursor: null, maximumRowsRead: 8 });
  expect(below.pageStatus).toBeNull();
});

test("end cursor ignores maximums", async () => {
  const full = await page({ numItems: 6, cursor: null });
  const rerun = await page({
    numItems: 6,
    cursor: null,
    endCursor: full.continueCursor,
    maximumRowsRead: 2,
  });
  expect(rerun.page).toEqual([0, 1, 2, 3, 4, 5]);
  expect(rerun.pageStatus).toBeNull();
});

test.each([
  [{ numItems: 0 }, "Must request at least 1 document while paginating"],
  [{ numItems: 32_001 }, "Requested too many items: 32001"],
  [
    { numItems: 5, maximumRowsRead: 0 },
    "maximumRowsRead and maximumBytesRead must be greater than 0",
  ],
])("page rejects %j", async (options, message) => {
  const result = await t.engine.runQuery({
    path: "pages:page",
    args: { paginationOpts: { cursor: null, ...options }, evenOnly: false },
    caller: admin,
  });
  expect(result.ok).toBe(false);
  expect(result.ok ? "" : result.errorMessage).toContain(message);
});

test("nested mutations share write counters", async () => {
  const used = await t.mutation("pages:insertNested", { count: 2, depth: 2 });
  expect(used).toBe(6);
});

test("transactionLimits lowers nested limit", async () => {
  const result = await t.engine.runMutation({
    path: "pages:insertNested",
    args: { count: 3, depth: 1, budget: 2 },
    caller: admin,
  });
  expect(result.ok).toBe(false);
  expect(result.ok ? "" : result.errorMessage).toContain(
    "Too many writes in a single function execution (limit: 5)",
  );
  const roomy = await t.mutation("pages:insertNested", {
    count: 3,
    depth: 1,
    budget: 3,
  });
  expect(roomy).toBe(6);
});

test("call depth limit is eight", async () => {
  expect(await t.mutation("pages:insertNested", { count: 0, depth: 8 })).toBe(
    0,
  );
  const result = await t.engine.runMutation({
    path: "pages:insertNested",
    args: { count: 0, depth: 9 },
    caller: admin,
  });
  expect(result.ok).toBe(false);
  expect(result.ok ? "" : result.errorMessage).toContain(
    "Cross component call depth limit exceeded. Do you have an infinite loop in your app?",
  );
});

test.each([
  [16 * 1024 * 1024, "16 MiB"],
  [8_388_608, "8 MiB"],
  [4_718_592, "4.5 MiB"],
  [1000, "1 KB"],
  [1534, "1534 bytes"],
  [0, "0 bytes"],
])("formatBytes %d", (bytes, text) => {
  expect(formatBytes(bytes)).toBe(text);
});

test("limit message for bytes written", () => {
  expect(limitMessage("bytesWritten", 16 * 1024 * 1024)).toBe(
    "Too many bytes written in a single function execution (limit: 16 MiB)",
  );
});
