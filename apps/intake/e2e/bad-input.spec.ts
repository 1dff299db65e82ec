import { api } from "@intake/backend/api";
import { newPatientSampleAnswers } from "@intake/form-schema";
import { expect, test } from "@playwright/test";
import { ConvexError, type Value } from "convex/values";
import { ConvexHttpClient } from "convex/browser";
import { randomUUID } from "node:crypto";

import { demo, urls } from "../../../scripts/lib/stack.mjs";

/** Signs in as the seeded demo staff member and returns the client. */
async function signedInStaffClient() {
  const client = new ConvexHttpClient(urls.api);
  const result = await client.action(api.auth.signIn, {
    provider: "password",
    params: { email: demo.email, password: demo.password, flow: "signIn" },
  });
  const token = result.tokens?.token;
  if (!token) throw new Error("Demo staff sign-in returned no token");
  client.setAuth(token);
  return client;
}

test("server rejects answers the browser would block", async () => {
  const patient = new ConvexHttpClient(urls.api);
  const form = await patient.query(api.forms.getPublished, {
    slug: demo.formSlug,
  });
  if (!form) throw new Error(`Seed form ${demo.formSlug} is not published`);
  const staff = await signedInStaffClient();
  const before = await staff.query(api.stats.forForm, { formId: form.formId });

  const invalid = {
    ...newPatientSampleAnswers,
    email: "not an email",
    notAField: "injected",
  };
  const submission = patient.mutation(api.submissions.submit, {
    slug: demo.formSlug,
    versionId: form.versionId,
    visitorId: randomUUID(),
    submissionKey: randomUUID(),
    answers: invalid,
  });

  const error = await submission.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ConvexError);
  const data = (
    error as ConvexError<{ kind: string; fieldErrors: Record<string, Value> }>
  ).data;
  expect(data.kind).toBe("invalidAnswers");
  expect(Object.keys(data.fieldErrors).sort()).toEqual(["email", "notAField"]);
  const after = await staff.query(api.stats.forForm, { formId: form.formId });
  expect(after.submissions).toBe(before.submissions);
});

test("anonymous caller cannot list submissions", async () => {
  const anonymous = new ConvexHttpClient(urls.api);
  const form = await anonymous.query(api.forms.getPublished, {
    slug: demo.formSlug,
  });
  if (!form) throw new Error(`Seed form ${demo.formSlug} is not published`);

  const error = await anonymous
    .query(api.submissions.list, { formId: form.formId })
    .then(
      () => null,
      (caught: unknown) => caught,
    );

  expect(error).toBeInstanceOf(ConvexError);
  expect((error as ConvexError<{ kind: string }>).data.kind).toBe(
    "unauthenticated",
  );
});
