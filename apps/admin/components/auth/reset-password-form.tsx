"use client";

import { useAuthActions } from "@convex-dev/auth/react";
import { Button, FieldShell, TextInput } from "@intake/ui";
import { useState, type FormEvent } from "react";

import { describeResetError, MIN_PASSWORD_LENGTH } from "./auth-errors";

/**
 * Renders the two steps of a password reset: the email address, then the
 * emailed code with a new password. The first step reads the same for
 * every address, because the backend does not reveal which have accounts.
 */
export function ResetPasswordForm() {
  const { signIn } = useAuthActions();
  const [email, setEmail] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function requestCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const address = String(
      new FormData(event.currentTarget).get("email") ?? "",
    ).trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) {
      setError("Enter an email address like name@example.com.");
      return;
    }
    setError(null);
    setPending(true);
    try {
      await signIn("password", { flow: "reset", email: address });
      setEmail(address);
    } catch (caught) {
      setError(describeResetError(caught));
    } finally {
      setPending(false);
    }
  }

  async function setNewPassword(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (email === null) return;
    const data = new FormData(event.currentTarget);
    const code = String(data.get("code") ?? "").trim();
    const newPassword = String(data.get("newPassword") ?? "");
    if (code === "") {
      setError("Enter the code from the email.");
      return;
    }
    if (newPassword.length < MIN_PASSWORD_LENGTH) {
      setError(
        `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`,
      );
      return;
    }
    setError(null);
    setPending(true);
    try {
      await signIn("password", {
        flow: "reset-verification",
        email,
        code,
        newPassword,
      });
    } catch (caught) {
      setError(describeResetError(caught));
      setPending(false);
    }
  }

  const alert = (
    <p role="alert" className="text-danger font-semibold">
      {error}
    </p>
  );

  if (email === null) {
    return (
      <form noValidate onSubmit={requestCode} className="flex flex-col gap-5">
        {alert}
        <p className="text-muted">
          Enter the email address of your account, and we will send a code to
          choose a new password.
        </p>
        <Field
          name="email"
          label="Email"
          type="email"
          autoComplete="username"
        />
        <Button type="submit" pending={pending} className="self-start">
          Send code
        </Button>
      </form>
    );
  }
  return (
    <form noValidate onSubmit={setNewPassword} className="flex flex-col gap-5">
      {alert}
      <p role="status">
        If an account uses {email}, we sent it a code. It expires in 15 minutes.
      </p>
      <Field
        name="code"
        label="Code"
        type="text"
        autoComplete="one-time-code"
        inputMode="numeric"
      />
      <Field
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        help={`At least ${MIN_PASSWORD_LENGTH} characters.`}
      />
      <Button type="submit" pending={pending} className="self-start">
        Set password and sign in
      </Button>
    </form>
  );
}

function Field(props: {
  name: string;
  label: string;
  type: "email" | "password" | "text";
  autoComplete: string;
  inputMode?: "numeric";
  help?: string;
}) {
  return (
    <FieldShell
      id={`reset-${props.name}`}
      label={props.label}
      help={props.help}
    >
      {(control) => (
        <TextInput
          id={control.id}
          name={props.name}
          type={props.type}
          autoComplete={props.autoComplete}
          inputMode={props.inputMode}
          aria-describedby={control.describedBy}
        />
      )}
    </FieldShell>
  );
}
