import { expect, test } from "vitest";
import { addDeadline } from "./deadlines";

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test("expires deadlines in order and skips cancelled ones", async () => {
  const expired: string[] = [];
  const cancelFirst = addDeadline(30, () => expired.push("first"));
  addDeadline(30, () => expired.push("second"));
  const cancelThird = addDeadline(30, () => expired.push("third"));
  addDeadline(30, () => expired.push("fourth"));
  cancelFirst();
  cancelThird();
  expect(expired).toEqual([]);
  await wait(80);
  expect(expired).toEqual(["second", "fourth"]);
});

test("a deadline added after others expired still fires", async () => {
  const expired: string[] = [];
  addDeadline(20, () => expired.push("early"));
  await wait(50);
  addDeadline(20, () => expired.push("late"));
  expect(expired).toEqual(["early"]);
  await wait(50);
  expect(expired).toEqual(["early", "late"]);
});

test("a cancelled deadline never fires, even among many", async () => {
  let fired = 0;
  const cancels = Array.from({ length: 3000 }, () =>
    addDeadline(25, () => (fired += 1)),
  );
  for (const cancel of cancels.slice(0, 2999)) cancel();
  await wait(70);
  expect(fired).toBe(1);
});

test("deadlines of different durations keep their own order", async () => {
  const expired: string[] = [];
  addDeadline(60, () => expired.push("long"));
  addDeadline(15, () => expired.push("short"));
  await wait(40);
  expect(expired).toEqual(["short"]);
  await wait(60);
  expect(expired).toEqual(["short", "long"]);
});
