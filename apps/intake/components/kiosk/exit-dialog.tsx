"use client";

import { Button, TextInput } from "@intake/ui";
import { useRef, useState, type FormEvent } from "react";

import { useMessages } from "../i18n/locale-context";
import { ModalDialog } from "./modal-dialog";
import { verifyStaffCredentials } from "./verify-staff";

/** Props of {@link ExitDialog}. */
export interface ExitDialogProps {
  /** Slug of the kiosk's form, whose clinic's staff may close the kiosk. */
  slug: string;
  onCancel: () => void;
  /** Called once staff credentials have been accepted. */
  onVerified: () => void;
}

/**
 * Asks for the email and password of a staff member of the form's clinic
 * before kiosk mode closes. Its text follows the kiosk's language.
 */
export function ExitDialog({ slug, onCancel, onVerified }: ExitDialogProps) {
  const text = useMessages().kioskExit;
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;

    const data = new FormData(event.currentTarget);
    const email = String(data.get("email") ?? "").trim();
    const password = String(data.get("password") ?? "");
    if (email === "" || password === "") {
      setError(text.missing);
      return;
    }

    setPending(true);
    setError(null);
    const check = await verifyStaffCredentials(slug, email, password);
    setPending(false);
    if (check === "valid") {
      onVerified();
      return;
    }
    setError(text[check]);
    if (passwordRef.current) {
      passwordRef.current.value = "";
      passwordRef.current.focus();
    }
  }

  return (
    <ModalDialog
      labelledBy="exit-title"
      describedBy="exit-description"
      onCancel={onCancel}
    >
      <form
        noValidate
        onSubmit={handleSubmit}
        autoComplete="off"
        className="flex flex-col gap-5"
      >
        <h2 id="exit-title" className="text-3xl font-bold">
          {text.title}
        </h2>
        <p id="exit-description" className="text-lg">
          {text.description}
        </p>
        <div className="flex flex-col gap-2">
          <label htmlFor="exit-email" className="font-semibold">
            {text.email}
          </label>
          <TextInput
            id="exit-email"
            name="email"
            type="email"
            autoComplete="off"
            autoFocus
          />
        </div>
        <div className="flex flex-col gap-2">
          <label htmlFor="exit-password" className="font-semibold">
            {text.password}
          </label>
          <TextInput
            ref={passwordRef}
            id="exit-password"
            name="password"
            type="password"
            autoComplete="off"
          />
        </div>
        <p role="alert" className="font-semibold text-danger">
          {error}
        </p>
        <div className="flex flex-row-reverse flex-wrap gap-3">
          <Button type="submit" pending={pending} className="flex-1">
            {pending ? text.checking : text.submit}
          </Button>
          <Button variant="secondary" className="flex-1" onClick={onCancel}>
            {text.cancel}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
