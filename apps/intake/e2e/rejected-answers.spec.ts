import { api } from "@intake/backend/api";
import { newPatientSampleAnswers, type Answers } from "@intake/form-schema";
import { expect, test, type Page } from "@playwright/test";
import { ConvexHttpClient } from "convex/browser";
import { randomUUID } from "node:crypto";

import { urls } from "../../../scripts/lib/stack.mjs";
import { waitForHydration } from "./patient-steps";
import { publishTemplate, signedInStaffClient } from "./staff-client";

/** Body of Convex's HTTP API for a function that threw. */
interface ErrorBody {
  status: string;
  errorMessage?: string;
  errorData?: { kind?: string; fieldErrors?: Record<string, unknown> };
}

/**
 * Calls `submissions:submit` from the patient's page through Convex's HTTP
 * API, the way any script on a phone could, and returns the HTTP status
 * and body.
 */
async function submitFromPage(page: Page, args: Record<string, unknown>) {
  return page.evaluate(
    async ({ apiUrl, args }) => {
      const response = await fetch(`${apiUrl}/api/mutation`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          path: "submissions:submit",
          args,
          format: "json",
        }),
      });
      return {
        status: response.status,
        body: (await response.json()) as unknown,
      };
    },
    { apiUrl: urls.api, args },
  );
}

const { lastName: _omitted, ...withoutLastName } = newPatientSampleAnswers;

const invalidAnswers: {
  description: string;
  answers: Answers;
  field: string;
}[] = [
  {
    description: "unknown field",
    answers: { ...newPatientSampleAnswers, favouriteColour: "green" },
    field: "favouriteColour",
  },
  {
    description: "text for a number",
    answers: { ...newPatientSampleAnswers, alcoholDrinksPerWeek: "two" },
    field: "alcoholDrinksPerWeek",
  },
  {
    description: "list for a single choice",
    answers: { ...newPatientSampleAnswers, smokingStatus: ["never"] },
    field: "smokingStatus",
  },
  {
    description: "text over maxLength",
    answers: { ...newPatientSampleAnswers, firstName: "M".repeat(101) },
    field: "firstName",
  },
  {
    description: "number above max",
    answers: { ...newPatientSampleAnswers, alcoholDrinksPerWeek: 201 },
    field: "alcoholDrinksPerWeek",
  },
  {
    description: "option not offered",
    answers: { ...newPatientSampleAnswers, smokingStatus: "sometimes" },
    field: "smokingStatus",
  },
  {
    description: "missing required answer",
    answers: withoutLastName,
    field: "lastName",
  },
];

test("server rejects bad answers from page", async ({ page }) => {
  const staff = await signedInStaffClient();
  const form = await publishTemplate(staff, "new-patient");
  const published = await new ConvexHttpClient(urls.api).query(
    api.forms.getPublished,
    { slug: form.slug },
  );
  if (!published) throw new Error(`Form ${form.slug} is not published`);
  await page.goto(form.path);
  await waitForHydration(page);

  for (const { description, answers, field } of invalidAnswers) {
    await test.step(description, async () => {
      const { status, body } = await submitFromPage(page, {
        slug: form.slug,
        versionId: published.versionId,
        visitorId: randomUUID(),
        submissionKey: randomUUID(),
        answers,
      });

      expect(status).toBe(200);
      const error = body as ErrorBody;
      expect(error.status).toBe("error");
      expect(error.errorData?.kind).toBe("invalidAnswers");
      expect(Object.keys(error.errorData?.fieldErrors ?? {})).toEqual([field]);
    });
  }

  await test.step("answers over the size limit", async () => {
    const { status, body } = await submitFromPage(page, {
      slug: form.slug,
      versionId: published.versionId,
      visitorId: randomUUID(),
      submissionKey: randomUUID(),
      answers: {
        ...newPatientSampleAnswers,
        reasonForVisit: "x".repeat(600_000),
      },
    });

    expect(status).toBe(200);
    const error = body as ErrorBody & { errorData?: { maxBytes?: number } };
    expect(error.status).toBe("error");
    expect(error.errorData?.kind).toBe("answersTooLarge");
    expect(error.errorData?.maxBytes).toBe(512 * 1024);
    // The limit applies to all answers together, and the error names the
    // largest ones.
    expect(Object.keys(error.errorData?.fieldErrors ?? {})).toEqual([
      "reasonForVisit",
    ]);
    expect(error.errorData?.fieldErrors?.reasonForVisit).toMatchObject({
      code: "tooLarge",
    });
  });

  const stored = await staff.query(api.submissions.list, {
    formId: form.formId,
  });
  expect(stored).toEqual([]);
});
