import type { AnswerValue } from "@intake/form-schema";

import type { AnswerSection } from "@/lib/format-answer";

/**
 * Renders answers grouped by form page as term and description pairs. Patient text
 * is rendered as React text, so it can never become markup.
 */
export function AnswerSections({ sections }: { sections: AnswerSection[] }) {
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
                    {row.text}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
    </div>
  );
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
            <dd className="break-words whitespace-pre-wrap">
              {Array.isArray(value) ? value.join(", ") : String(value)}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
