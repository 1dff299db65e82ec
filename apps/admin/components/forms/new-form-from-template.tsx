"use client";

import { api } from "@intake/backend/api";
import type { Id } from "@intake/backend/dataModel";
import { templates } from "@intake/form-schema";
import { Button, Card, FieldShell, TextInput } from "@intake/ui";
import { useMutation } from "convex/react";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";

import { describeMutationError } from "@/lib/mutation-error";

/**
 * Renders the "New form" disclosure with the template gallery. Choosing a
 * template creates the form with `forms:createFromTemplate` and opens it.
 * "Blank form" creates one with `forms:createBlank` and opens the builder.
 */
export function NewFormFromTemplate({ clinicId }: { clinicId: Id<"clinics"> }) {
  const createFromTemplate = useMutation(api.forms.createFromTemplate);
  const createBlank = useMutation(api.forms.createBlank);
  const router = useRouter();
  const panelId = useId();
  const titleId = useId();
  const titleInput = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [pendingTemplate, setPendingTemplate] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function create(templateId: string) {
    const title = titleInput.current?.value.trim() ?? "";
    setError(null);
    setPendingTemplate(templateId);
    try {
      const formId = await createFromTemplate({
        clinicId,
        templateId,
        ...(title === "" ? {} : { title }),
      });
      router.push(`/clinics/${clinicId}/forms/${formId}`);
    } catch (caught) {
      setError(describeMutationError(caught, "create the form"));
      setPendingTemplate(null);
    }
  }

  async function createBlankForm() {
    const title = titleInput.current?.value.trim() || "Untitled form";
    setError(null);
    setPendingTemplate("blank");
    try {
      const formId = await createBlank({ clinicId, title });
      router.push(`/clinics/${clinicId}/forms/${formId}/edit`);
    } catch (caught) {
      setError(describeMutationError(caught, "create the form"));
      setPendingTemplate(null);
    }
  }

  return (
    <div className="flex flex-col gap-4">
      <Button
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        className="self-start"
      >
        New form
      </Button>
      {open && (
        <Card
          id={panelId}
          role="region"
          aria-labelledby={`${panelId}-heading`}
          className="flex flex-col gap-4"
        >
          <h2 id={`${panelId}-heading`} className="text-lg font-semibold">
            New form from template
          </h2>
          <FieldShell
            id={titleId}
            label="Title (optional)"
            help="Leave empty to use the template's title."
            className="max-w-md"
          >
            {(control) => (
              <TextInput
                ref={titleInput}
                id={control.id}
                maxLength={200}
                aria-describedby={control.describedBy}
              />
            )}
          </FieldShell>
          <ul className="grid gap-3 sm:grid-cols-2" aria-label="Templates">
            {templates.map((template) => (
              <li key={template.id}>
                <button
                  type="button"
                  onClick={() => create(template.id)}
                  disabled={pendingTemplate !== null}
                  aria-labelledby={`${panelId}-${template.id}-name`}
                  aria-describedby={`${panelId}-${template.id}-description`}
                  className="border-border-subtle hover:border-accent flex h-full w-full flex-col gap-1 rounded-lg border p-4 text-left disabled:opacity-60"
                >
                  <span
                    id={`${panelId}-${template.id}-name`}
                    className="font-medium"
                  >
                    {template.name}
                  </span>
                  <span
                    id={`${panelId}-${template.id}-description`}
                    className="text-muted text-sm"
                  >
                    {template.description}
                  </span>
                </button>
              </li>
            ))}
            <li>
              <button
                type="button"
                onClick={createBlankForm}
                disabled={pendingTemplate !== null}
                className="border-border-subtle hover:border-accent flex h-full w-full flex-col gap-1 rounded-lg border p-4 text-left disabled:opacity-60"
              >
                <span className="font-medium">Blank form</span>
                <span className="text-muted text-sm">
                  Start with one empty page in the form builder.
                </span>
              </button>
            </li>
          </ul>
          <p role="status" className="text-sm">
            {pendingTemplate !== null && "Creating the form…"}
          </p>
          <p role="alert" className="text-danger text-sm font-medium">
            {error}
          </p>
        </Card>
      )}
    </div>
  );
}
