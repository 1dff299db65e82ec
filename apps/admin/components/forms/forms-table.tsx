import Link from "next/link";

import { formatDateTime, isoDateTime } from "@/lib/format-time";

import { FormStatus } from "./form-status";

/** One row of `forms:list`. */
export type FormSummary = {
  formId: string;
  title: string;
  slug: string;
  status: "draft" | "published" | "unpublished";
  publishedVersion: number | null;
  updatedAt: number;
};

/** Renders the clinic's forms as a table, each title linking to its page. */
export function FormsTable({
  clinicId,
  forms,
}: {
  clinicId: string;
  forms: FormSummary[];
}) {
  if (forms.length === 0) {
    return (
      <p className="text-muted">
        No forms yet. Start one from a template with New form.
      </p>
    );
  }
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">Forms of this clinic</caption>
        <thead>
          <tr className="border-border-subtle border-b">
            <th scope="col" className="py-2 pr-4 font-medium">
              Title
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              Status
            </th>
            <th scope="col" className="py-2 font-medium">
              Last changed
            </th>
          </tr>
        </thead>
        <tbody>
          {forms.map((form) => (
            <tr key={form.formId} className="border-border-subtle border-b">
              <td className="py-3 pr-4">
                <Link
                  href={`/clinics/${clinicId}/forms/${form.formId}`}
                  className="text-accent font-medium underline"
                >
                  {form.title}
                </Link>
              </td>
              <td className="py-3 pr-4">
                <FormStatus
                  status={form.status}
                  publishedVersion={form.publishedVersion}
                />
              </td>
              <td className="text-muted py-3">
                <time dateTime={isoDateTime(form.updatedAt)}>
                  {formatDateTime(form.updatedAt)}
                </time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
