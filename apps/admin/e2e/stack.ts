import { demo as seeded, urls } from "../../../scripts/lib/stack.mjs";

/**
 * Addresses of the stack under test. They default to the suite's stack from
 * `scripts/lib/stack.mjs`, and `E2E_ADMIN_URL`, `E2E_CONVEX_URL` and
 * `E2E_INTAKE_URL` point the specs at another one.
 */
export const stack = {
  adminUrl: process.env.E2E_ADMIN_URL ?? urls.admin,
  convexUrl: process.env.E2E_CONVEX_URL ?? urls.api,
  intakeUrl: process.env.E2E_INTAKE_URL ?? urls.intake,
};

/** The demo account, clinic and form that `seed:demo` creates. */
export const demo = { ...seeded, clinicName: "Maple Street Family Clinic" };
