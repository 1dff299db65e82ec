import type { api } from "@intake/backend/api";
import type { FunctionReturnType } from "convex/server";

/** A published form as `forms:getPublished` returns it to patients. */
export type PublishedForm = NonNullable<
  FunctionReturnType<typeof api.forms.getPublished>
>;

/** Returns the browser tab title of a form page: the form, then the clinic. */
export function formTabTitle(formTitle: string, clinicName: string): string {
  return `${formTitle} · ${clinicName}`;
}
