"use client";

import type { Id } from "@intake/backend/dataModel";
import {
  isInputField,
  validateDefinition,
  type AnswerValue,
  type Answers,
  type Field,
  type FieldTranslation,
  type FieldType,
  type FormDefinition,
} from "@intake/form-schema";
import Link from "next/link";
import {
  useCallback,
  useDeferredValue,
  useMemo,
  useRef,
  useState,
} from "react";

import { PageHeading } from "@/components/shell/page-heading";

import type { OutlineActions } from "./builder-outline";
import { BuilderOutline } from "./builder-outline";
import { ConflictPanel, ReplacedPanel } from "./conflict-panel";
import { applyDrop } from "./drag-ids";
import * as ops from "./draft-operations";
import { FieldSettings } from "./field-settings";
import { LogicEditor } from "./logic-editor";
import { logicReferences } from "./logic-references";
import { PhonePreview } from "./phone-preview";
import { previewVisibleFields } from "./preview-visibility";
import { indexProblems } from "./problems";
import { ProblemList } from "./problem-list";
import { PublishBar } from "./publish-bar";
import { SaveStatusText } from "./save-status";
import { TextSetting } from "./setting-inputs";
import { setFieldTranslation } from "./translation-operations";
import { FormSpanishSettings } from "./translation-settings";
import { useDraftSession } from "./use-draft-session";

/** The `forms:get` result the builder needs. */
export interface BuilderForm {
  formId: Id<"forms">;
  clinicId: Id<"clinics">;
  title: string;
  draft: FormDefinition;
  draftRevision: number;
  nextVersion: number;
  draftIsPublished: boolean;
  publishedVersion: number | null;
}

/**
 * Lays out the builder: the outline of pages and fields, the settings of
 * the selected field, the phone preview of its page, the problem list and
 * the publish bar. Every edit goes through `useDraftSession`, which
 * autosaves it.
 */
export function BuilderWorkspace({ form }: { form: BuilderForm }) {
  const { session, status, edit, loadLatest, keepMine, dismissReplaced } =
    useDraftSession(form.formId, form);
  const draft = session.draft;
  const draftRef = useRef(draft);
  draftRef.current = draft;

  const [selectedFieldId, setSelectedFieldId] = useState<string | null>(null);
  const [selectedPageId, setSelectedPageId] = useState<string | null>(null);
  const [answers, setAnswers] = useState<Answers>({});

  // Problems trail typing by a render, so a keystroke paints first.
  const deferredDraft = useDeferredValue(draft);
  const problems = useMemo(
    () => indexProblems(deferredDraft, validateDefinition(deferredDraft)),
    [deferredDraft],
  );

  const actions = useOutlineActions(edit, draftRef, {
    setSelectedFieldId,
    setSelectedPageId,
  });

  const location =
    selectedFieldId === null ? null : ops.locateField(draft, selectedFieldId);
  const selectedField =
    location === null
      ? undefined
      : draft.pages[location.pageIndex]?.fields[location.fieldIndex];
  const pageIndex = previewPageIndex(draft, location, selectedPageId);
  const previewPage = draft.pages[pageIndex];

  const changeField = useCallback(
    (fieldId: string, next: Field) => {
      edit((current) => ops.replaceField(current, fieldId, next));
      if (next.id !== fieldId) setSelectedFieldId(next.id);
    },
    [edit],
  );
  const changeTranslation = useCallback(
    (fieldId: string, next: FieldTranslation) =>
      edit((current) => setFieldTranslation(current, fieldId, next)),
    [edit],
  );
  const answer = useCallback(
    (fieldId: string, value: AnswerValue | undefined) =>
      setAnswers((current) => {
        const next = { ...current };
        if (value === undefined) delete next[fieldId];
        else next[fieldId] = value;
        return next;
      }),
    [],
  );

  const takenIds = useCallback(() => ops.allFieldIds(draftRef.current), []);

  const fieldLabels = useMemo(() => {
    const labels = new Map<string, string>();
    for (const page of deferredDraft.pages) {
      for (const field of page.fields) labels.set(field.id, field.label);
    }
    return labels;
  }, [deferredDraft]);

  const blockedReason = publishBlockedReason(
    status,
    problems.all.length,
    validateCount(draft, deferredDraft),
  );
  const versionText =
    form.draftIsPublished && !session.dirty
      ? `Same as published version ${form.nextVersion - 1}`
      : `Draft of version ${form.nextVersion}`;

  return (
    <div className="flex flex-col gap-6">
      <title>{`Edit ${form.title} · Intake`}</title>
      <div className="flex flex-col gap-2">
        <Link
          href={`/clinics/${form.clinicId}/forms/${form.formId}`}
          className="text-accent self-start underline"
        >
          Back to the form
        </Link>
        <PageHeading>Edit {form.title}</PageHeading>
        <p data-testid="version-label" className="font-semibold">
          {versionText}
        </p>
        <SaveStatusText status={status} failure={session.failure} />
        <Link
          href={`/clinics/${form.clinicId}/forms/${form.formId}/history`}
          className="text-accent self-start underline"
        >
          Version history
        </Link>
      </div>

      {session.conflict !== null && (
        <ConflictPanel
          mine={draft}
          latest={form.draft}
          onLoadLatest={loadLatest}
          onKeepMine={keepMine}
        />
      )}
      {session.replaced !== null && (
        <ReplacedPanel
          mine={session.replaced}
          latest={draft}
          onDismiss={dismissReplaced}
        />
      )}

      <PublishBar
        formId={form.formId}
        revision={session.revision}
        nextVersion={form.nextVersion}
        blockedReason={blockedReason}
      />
      <ProblemList
        problems={problems.all}
        fieldLabels={fieldLabels}
        onSelectField={actions.selectField}
      />

      <div className="max-w-xl">
        <TextSetting
          label="Form title"
          value={draft.title}
          maxLength={200}
          onChange={(title) => edit((current) => ({ ...current, title }))}
        />
        <FormSpanishSettings definition={draft} onEdit={edit} />
      </div>

      <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_392px]">
        <section
          aria-labelledby="outline-heading"
          className="flex flex-col gap-3"
        >
          <h2 id="outline-heading" className="text-lg font-semibold">
            Pages and fields
          </h2>
          <BuilderOutline
            definition={draft}
            selectedFieldId={selectedFieldId}
            selectedPageId={previewPage?.id ?? null}
            problemsByField={problems.byField}
            problemsByPage={problems.byPage}
            actions={actions}
          />
        </section>
        <div className="flex flex-col gap-4">
          {selectedField ? (
            <FieldSettings
              key={selectedField.id}
              field={selectedField}
              problems={problems.byField.get(selectedField.id) ?? []}
              onChange={changeField}
              logicSources={logicSources(draft, selectedField.id, null)}
              takenIds={takenIds}
              translations={draft.translations?.es?.fields}
              onTranslationChange={changeTranslation}
            />
          ) : (
            <>
              <p className="text-muted">
                Select a field to change its settings.
              </p>
              {previewPage && (
                <LogicEditor
                  title={`Show page ${pageIndex + 1} only when`}
                  condition={previewPage.showIf}
                  sources={logicSources(draft, "", previewPage.id)}
                  onChange={(showIf) =>
                    edit((current) =>
                      ops.setPageCondition(current, previewPage.id, showIf),
                    )
                  }
                />
              )}
            </>
          )}
        </div>
        {previewPage && (
          <PhonePreview
            page={previewPage}
            pageNumber={pageIndex + 1}
            pageCount={draft.pages.length}
            visibleFields={previewVisibleFields(draft, previewPage, answers)}
            selectedFieldId={selectedFieldId}
            answers={answers}
            onAnswer={answer}
          />
        )}
      </div>
    </div>
  );
}

/**
 * Lists the fields a logic rule of `fieldId` may test: the form's other
 * top-level input fields, groups excepted, because a rule compares one
 * answer. A page's rules skip the page's own fields.
 */
function logicSources(
  definition: FormDefinition,
  fieldId: string,
  excludedPageId: string | null,
): Field[] {
  const pages = definition.pages.filter((page) => page.id !== excludedPageId);
  return pages.flatMap((page) =>
    page.fields.filter(
      (field) =>
        field.id !== fieldId && isInputField(field) && field.type !== "group",
    ),
  );
}

/** Returns 1 while the deferred problems lag the draft, else 0. */
function validateCount(draft: FormDefinition, deferred: FormDefinition) {
  return draft === deferred ? 0 : 1;
}

function publishBlockedReason(
  status: ReturnType<typeof useDraftSession>["status"],
  problemCount: number,
  pending: number,
): string | null {
  if (status === "conflict") {
    return "Publishing waits until you resolve the conflict above.";
  }
  if (problemCount > 0) {
    return problemCount === 1
      ? "Fix the problem listed below to publish."
      : `Fix the ${problemCount} problems listed below to publish.`;
  }
  if (status !== "saved" || pending > 0) {
    return "Publishing waits until the draft is saved.";
  }
  return null;
}

function previewPageIndex(
  draft: FormDefinition,
  location: ops.FieldLocation | null,
  selectedPageId: string | null,
): number {
  if (location !== null) return location.pageIndex;
  const index = draft.pages.findIndex((page) => page.id === selectedPageId);
  return index === -1 ? 0 : index;
}

/** Builds the outline's callbacks once, reading the draft through a ref. */
function useOutlineActions(
  edit: ReturnType<typeof useDraftSession>["edit"],
  draftRef: { current: FormDefinition },
  selection: {
    setSelectedFieldId: (id: string | null) => void;
    setSelectedPageId: (id: string | null) => void;
  },
): OutlineActions {
  return useMemo(() => {
    const { setSelectedFieldId, setSelectedPageId } = selection;
    return {
      selectField: (fieldId) => setSelectedFieldId(fieldId),
      selectPage: (pageId) => {
        setSelectedPageId(pageId);
        setSelectedFieldId(null);
      },
      addField: (pageIndex: number, type: FieldType) => {
        const result = ops.addField(draftRef.current, pageIndex, type);
        edit(() => result.definition);
        setSelectedFieldId(result.fieldId);
      },
      moveFieldBy: (fieldId, step) =>
        edit((current) => ops.moveFieldBy(current, fieldId, step)),
      duplicateField: (fieldId) => {
        const result = ops.duplicateField(draftRef.current, fieldId);
        edit(() => result.definition);
        setSelectedFieldId(result.fieldId);
      },
      deleteField: (fieldId) => {
        const references = logicReferences(draftRef.current, [fieldId]);
        if (references.length > 0 && !confirmLogicBreak(references)) return;
        edit((current) => ops.deleteField(current, fieldId));
        setSelectedFieldId(null);
      },
      addPage: () => {
        const result = ops.addPage(draftRef.current);
        edit(() => result.definition);
        setSelectedPageId(result.pageId);
        setSelectedFieldId(null);
      },
      renamePage: (pageId, title) =>
        edit((current) => ops.renamePage(current, pageId, title)),
      deletePage: (pageId) => {
        const page = draftRef.current.pages.find((item) => item.id === pageId);
        const ids = page?.fields.map((field) => field.id) ?? [];
        const references = logicReferences(draftRef.current, ids).filter(
          (reference) => !ids.includes(reference.fieldId),
        );
        if (references.length > 0 && !confirmLogicBreak(references)) return;
        edit((current) => ops.deletePage(current, pageId));
        setSelectedFieldId(null);
      },
      movePageBy: (pageId, step) =>
        edit((current) => {
          const index = current.pages.findIndex((page) => page.id === pageId);
          return ops.movePage(current, pageId, index + step);
        }),
      drop: (activeId, overId) =>
        edit((current) => applyDrop(current, activeId, overId)),
    };
    // The setters and `edit` keep their identity, so this runs once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [edit]);
}

function confirmLogicBreak(references: { label: string }[]): boolean {
  const names = references.map((reference) => `"${reference.label}"`);
  return window.confirm(
    `The logic of ${names.join(", ")} points at this. Delete it anyway? That logic then needs a new field before publishing.`,
  );
}
