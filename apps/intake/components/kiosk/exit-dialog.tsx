"use client";

import { Button, TextInput } from "@intake/ui";
import { useRef, useState, type FormEvent } from "react";

import { ModalDialog } from "./modal-dialog";
import { verifyStaffCredentials } from "./verify-staff";

/** Props of {@link ExitDialog}. */
export interface ExitDialogProps {
  onCancel: () => void;
  /** Called once staff credentials have been accepted. */
  onVerified: () => void;
}

const MESSAGES = {
  missing: "Enter the staff email and password.",
  invalid: "The email or password is incorrect. Check both and try again.",
  unreachable:
    "Could not reach the server. Check the connection and try again.",
} as const;

/** Asks for a staff email and password before kiosk mode closes. */
export function ExitDialog({ onCancel, onVerified }: ExitDialogProps) {
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
      setError(MESSAGES.missing);
      return;
    }

    setPending(true);
    setError(null);
    const check = await verifyStaffCredentials(email, password);
    setPending(false);
    if (check === "valid") {
      onVerified();
      return;
    }
    setError(MESSAGES[check]);
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
      {/* Staff use this dialog, so it stays in English on a Spanish page. */}
      <form
        lang="en"
        noValidate
        onSubmit={handleSubmit}
        autoComplete="off"
        className="flex flex-col gap-5"
      >
        <h2 id="exit-title" className="text-3xl font-bold">
          Exit kiosk
        </h2>
        <p id="exit-description" className="text-lg">
          Staff only. Sign in to close kiosk mode.
        </p>
        <div className="flex flex-col gap-2">
          <label htmlFor="exit-email" className="font-semibold">
            Staff email
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
            Password
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
            {pending ? "Checking…" : "Exit kiosk"}
          </Button>
          <Button variant="secondary" className="flex-1" onClick={onCancel}>
            Cancel
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
