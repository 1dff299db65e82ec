import { flattenAnswer } from "@intake/backend/csv";
import {
  isAnswerEmpty,
  isTypedSignatureAnswer,
  type AnswerValue,
  type FileAnswer,
  type SignatureAnswer,
} from "@intake/form-schema";

import type { AnswerRow, AnswerSection } from "@/lib/format-answer";

import {
  FileView,
  SignatureView,
  TypedSignatureView,
} from "./structured-answers";

/** Download URL per storage id of a submission's files, null once gone. */
export type FileUrls = ReadonlyMap<string, string | null>;

/**
 * Renders answers grouped by form page as term and description pairs. Patient text
 * is rendered as React text, so it can never become markup.
 */
export function AnswerSections({
  sections,
  fileUrls,
}: {
  sections: AnswerSection[];
  fileUrls: FileUrls;
}) {
  return (
    <div className="flex flex-col gap-6">
      {sections
        .filter((section) => section.rows.length > 0)
        .map((section) => (
          <section key={section.pageId} aria-label={section.title}>
            <h4 className="text-muted mb-2 font-semibold uppercase tracking-wide">
              {section.title}
            </h4>
            <dl className="divide-border-subtle divide-y">
              {section.rows.map((row) => (
                <div
                  key={row.fieldId}
                  className="grid gap-1 py-2 sm:grid-cols-[minmax(0,2fr)_minmax(0,3fr)] sm:gap-4"
                >
                  <dt className="font-medium">{row.label}</dt>
                  <dd className="break-words whitespace-pre-wrap">
                    <AnswerValueView row={row} fileUrls={fileUrls} />
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
    </div>
  );
}

/** Renders one answer: text, a drawn or typed signature, a file or group items. */
function AnswerValueView({
  row,
  fileUrls,
}: {
  row: AnswerRow;
  fileUrls: FileUrls;
}) {
  const value = row.value;
  const isObject =
    typeof value === "object" && value !== null && !Array.isArray(value);
  // A signature without strokes or a blank typed name is no answer, so
  // it shows the row's "Not answered" text, not an empty signature box.
  const answered = !isAnswerEmpty(value);
  if (row.type === "signature" && answered && isObject && "strokes" in value) {
    return <SignatureView signature={value as SignatureAnswer} />;
  }
  if (row.type === "signature" && answered && isTypedSignatureAnswer(value)) {
    return <TypedSignatureView signature={value} />;
  }
  if (row.type === "file" && isObject && "storageId" in value) {
    const file = value as FileAnswer;
    return <FileView file={file} url={fileUrls.get(file.storageId) ?? null} />;
  }
  if (row.items) {
    return (
      <div className="flex flex-col gap-3">
        {row.items.map((item) => (
          <div key={item.label}>
            <p className="font-medium">{item.label}</p>
            <dl className="pl-4">
              {item.rows.map((itemRow) => (
                <div key={itemRow.fieldId} className="flex gap-2">
                  <dt className="text-muted">{itemRow.label}:</dt>
                  <dd>
                    <AnswerValueView row={itemRow} fileUrls={fileUrls} />
                  </dd>
                </div>
              ))}
            </dl>
          </div>
        ))}
      </div>
    );
  }
  // Clipped, so a pile of combining marks cannot draw over the page.
  return <span className="block overflow-hidden">{row.text}</span>;
}

/**
 * Lists answers by field id when the answered version's definition cannot
 * be read, so staff still see what the patient sent.
 */
export function RawAnswers({
  answers,
}: {
  answers: Record<string, AnswerValue>;
}) {
  return (
    <div className="flex flex-col gap-2">
      <p role="alert" className="text-danger">
        The form version of this submission could not be read, so answers are
        listed by field id.
      </p>
      <dl className="divide-border-subtle divide-y">
        {Object.entries(answers).map(([fieldId, value]) => (
          <div key={fieldId} className="grid gap-1 py-2 sm:grid-cols-2">
            <dt className="font-mono">{fieldId}</dt>
            <dd className="overflow-hidden break-words whitespace-pre-wrap">
              {flattenAnswer(value)}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
