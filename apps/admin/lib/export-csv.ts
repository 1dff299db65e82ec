import { api } from "@intake/backend/api";
import {
  csvHeader,
  exportColumns,
  submissionCsvRow,
} from "@intake/backend/csv";
import type { Id } from "@intake/backend/dataModel";
import {
  type FormDefinition,
  formDefinitionSchema,
  type InputField,
  inputFields,
} from "@intake/form-schema";
import type { ConvexReactClient } from "convex/react";
import type { FunctionReturnType } from "convex/server";

import type { ReviewFilter } from "./inbox-filters";

/** Rows one `inbox:exportPage` call fetches. */
const exportPageSize = 500;

/**
 * An export request: one form, optionally one of its posters, a review
 * state and a `submittedAt` range.
 */
export type ExportRequest = {
  clinicId: Id<"clinics">;
  formId: Id<"forms">;
  posterId?: Id<"posters">;
  status: ReviewFilter;
  from?: number;
  to?: number;
};

/**
 * Builds a CSV of the matching submissions, one record per submission,
 * by fetching `inbox:exportPage` page by page. The backend records the
 * export in the audit log as it hands out the pages, so the client
 * reports nothing. Columns are the fields of every version of the form.
 * `onProgress` gets the rows fetched so far.
 */
export async function buildSubmissionsCsv(
  convex: ConvexReactClient,
  request: ExportRequest,
  onProgress: (rowCount: number) => void = () => {},
): Promise<{ csv: string; rowCount: number }> {
  const versions = await convex.query(api.inbox.formVersions, {
    formId: request.formId,
  });
  const definitions = new Map<string, FormDefinition>();
  for (const version of versions) {
    const parsed = formDefinitionSchema.safeParse(version.definition);
    if (parsed.success) definitions.set(version.versionId, parsed.data);
  }
  const columns = exportColumns([...definitions.values()]);
  const fieldsByVersion = new Map<string, Map<string, InputField>>();
  for (const [versionId, definition] of definitions) {
    fieldsByVersion.set(
      versionId,
      new Map(inputFields(definition).map((field) => [field.id, field])),
    );
  }

  const parts = [csvHeader(columns)];
  let rowCount = 0;
  let cursor: string | null = null;
  let exportId: Id<"audit"> | undefined;
  for (;;) {
    const result: FunctionReturnType<typeof api.inbox.exportPage> =
      await convex.mutation(api.inbox.exportPage, {
        ...request,
        paginationOpts: { numItems: exportPageSize, cursor },
        exportId,
      });
    exportId = result.exportId;
    for (const row of result.page) {
      const fields = fieldsByVersion.get(row.versionId) ?? new Map();
      parts.push(submissionCsvRow(row, columns, fields));
    }
    rowCount += result.page.length;
    onProgress(rowCount);
    if (result.isDone) break;
    cursor = result.continueCursor;
  }
  return { csv: parts.join(""), rowCount };
}

/** Offers `csv` to the browser as a download named `fileName`. */
export function downloadCsv(csv: string, fileName: string): void {
  // The byte order mark makes spreadsheet programs read the file as UTF-8.
  const blob = new Blob(["\uFEFF", csv], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the click, so the URL can go.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
