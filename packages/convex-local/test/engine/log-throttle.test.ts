import { expect, test } from "vitest";
import { LogThrottle } from "../../src/transactions/insights";

test("throttle lets the first line through", () => {
  const throttle = new LogThrottle(1_000);
  expect(throttle.admit("f/t", 0)).toBe(0);
});

test("throttle holds lines within the interval", () => {
  const throttle = new LogThrottle(1_000);
  throttle.admit("f/t", 0);
  expect(throttle.admit("f/t", 10)).toBeNull();
  expect(throttle.admit("f/t", 999)).toBeNull();
});

test("throttle reports held lines after the interval", () => {
  const throttle = new LogThrottle(1_000);
  throttle.admit("f/t", 0);
  throttle.admit("f/t", 10);
  throttle.admit("f/t", 20);
  expect(throttle.admit("f/t", 1_000)).toBe(2);
  expect(throttle.admit("f/t", 1_001)).toBeNull();
  expect(throttle.admit("f/t", 2_000)).toBe(1);
});

test("throttle keeps keys apart", () => {
  const throttle = new LogThrottle(1_000);
  throttle.admit("f/t", 0);
  expect(throttle.admit("g/t", 5)).toBe(0);
  expect(throttle.admit("f/u", 5)).toBe(0);
});
