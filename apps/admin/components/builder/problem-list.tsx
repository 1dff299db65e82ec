"use client";

import type { LocatedProblem } from "./problems";

/**
 * Lists every problem that blocks publishing. A problem of a field links
 * to that field, which selects it in the builder.
 */
export function ProblemList({
  problems,
  fieldLabels,
  onSelectField,
}: {
  problems: LocatedProblem[];
  fieldLabels: Map<string, string>;
  onSelectField: (fieldId: string) => void;
}) {
  if (problems.length === 0) return null;
  return (
    <section
      aria-labelledby="problems-heading"
      className="border-danger rounded-xl border-2 p-4"
    >
      <h2 id="problems-heading" className="text-lg font-semibold">
        {problems.length === 1
          ? "1 problem to fix before publishing"
          : `${problems.length} problems to fix before publishing`}
      </h2>
      <ul className="mt-2 flex flex-col gap-1">
        {problems.map((problem, index) => (
          <li key={`${index}:${problem.path.join(".")}`}>
            {problem.fieldId !== undefined ? (
              <button
                type="button"
                className="text-accent text-left underline"
                onClick={() => onSelectField(problem.fieldId as string)}
              >
                {fieldLabels.get(problem.fieldId) || problem.fieldId}:{" "}
                {problem.message}
              </button>
            ) : (
              problem.message
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
