"use client";

import { LIMITS } from "@intake/form-schema";
import type { Ref } from "react";

import { cn } from "../lib/cn";
import { useUiText } from "../text/ui-text-context";
import { TextInput } from "./text-input";

/** Props of {@link TypedSignature}. */
export interface TypedSignatureProps {
  /** Id of the text input, which an error summary link focuses. */
  id: string;
  name: string;
  /** The name as typed, blanks included. */
  typedName: string;
  onTypedNameChange: (typedName: string) => void;
  onBlur?: () => void;
  /** Ids of the field's help and error regions. */
  describedBy?: string;
  invalid?: boolean;
  required?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * Lets the patient sign by typing their name, the keyboard alternative to
 * drawing. A preview shows the name in a handwriting-like system font,
 * and the text under it states whether the field is signed. The name is
 * rendered as React text, never as markup.
 */
export function TypedSignature({
  id,
  name,
  typedName,
  onTypedNameChange,
  onBlur,
  describedBy,
  invalid = false,
  required = false,
  inputRef,
}: TypedSignatureProps) {
  const text = useUiText().signature;
  const noteId = `${id}-typed-note`;
  const statusId = `${id}-status`;
  const signed = typedName.trim() !== "";

  return (
    <div className="flex flex-col gap-2">
      <label htmlFor={id} className="font-semibold">
        {text.typedLabel}
      </label>
      <TextInput
        ref={inputRef}
        id={id}
        name={name}
        value={typedName}
        onChange={(event) => onTypedNameChange(event.target.value)}
        onBlur={onBlur}
        autoComplete="name"
        autoCapitalize="words"
        spellCheck={false}
        maxLength={LIMITS.typedSignatureLength}
        aria-describedby={cn(noteId, statusId, describedBy)}
        aria-invalid={invalid || undefined}
        aria-required={required || undefined}
      />
      <p id={noteId} className="text-base text-muted">
        {text.typedNote}
      </p>
      {/* The input already holds the name, so screen readers skip the copy. */}
      <p
        aria-hidden="true"
        data-testid="typed-signature-preview"
        // A signature line under the name, so the preview does not look
        // like a second input.
        className={cn(
          "min-h-14 overflow-hidden border-b-2 border-ink px-1 pt-2",
          "font-signature text-4xl leading-tight wrap-break-word",
        )}
      >
        {typedName}
      </p>
      <p id={statusId} className="font-semibold">
        {signed ? text.typedSigned : text.unsigned}
      </p>
    </div>
  );
}
