"use client";

import { useAuthActions } from "@convex-dev/auth/react";
import { Button, FieldShell, TextInput } from "@intake/ui";
import Link from "next/link";
import { useState, type FormEvent } from "react";

import {
  describeAuthError,
  MIN_PASSWORD_LENGTH,
  validateCredentials,
  type CredentialErrors,
  type PasswordFlow,
} from "./auth-errors";

/**
 * Renders the email and password form for both Password flows. "Sign in"
 * is for existing accounts and "Create account" for new ones. The page
 * navigates after success, because it watches the auth state.
 */
export function SignInForm() {
  const { signIn } = useAuthActions();
  const [fieldErrors, setFieldErrors] = useState<CredentialErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState<PasswordFlow | null>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending !== null) {
      return;
    }
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const flow: PasswordFlow =
      submitter instanceof HTMLButtonElement && submitter.value === "signUp"
        ? "signUp"
        : "signIn";
    const form = event.currentTarget;
    const data = new FormData(form);
    const email = String(data.get("email") ?? "").trim();
    const password = String(data.get("password") ?? "");

    const errors = validateCredentials(email, password, flow);
    setFieldErrors(errors);
    setFormError(null);
    if (errors.email || errors.password) {
      const firstInvalid = errors.email ? "email" : "password";
      const input = form.elements.namedItem(firstInvalid);
      if (input instanceof HTMLInputElement) {
        input.focus();
      }
      return;
    }

    setPending(flow);
    try {
      await signIn("password", { email, password, flow });
    } catch (error) {
      setFormError(describeAuthError(error, flow));
    } finally {
      setPending(null);
    }
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="flex flex-col gap-5">
      <p role="alert" className="text-danger font-semibold">
        {formError}
      </p>
      <p role="status" className="sr-only">
        {pending === "signIn" && "Signing in…"}
        {pending === "signUp" && "Creating the account…"}
      </p>
      <CredentialField
        name="email"
        label="Email"
        type="email"
        autoComplete="username"
        error={fieldErrors.email}
      />
      <CredentialField
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        help={`New accounts need at least ${MIN_PASSWORD_LENGTH} characters.`}
        error={fieldErrors.password}
      />
      <div className="flex flex-wrap gap-3">
        <Button
          type="submit"
          name="flow"
          value="signIn"
          pending={pending === "signIn"}
          disabled={pending === "signUp"}
        >
          Sign in
        </Button>
        <Button
          type="submit"
          name="flow"
          value="signUp"
          variant="secondary"
          pending={pending === "signUp"}
          disabled={pending === "signIn"}
        >
          Create account
        </Button>
      </div>
      <Link
        href="/forgot-password"
        className="text-accent self-start underline"
      >
        Forgot password?
      </Link>
    </form>
  );
}

function CredentialField(props: {
  name: string;
  label: string;
  type: "email" | "password";
  autoComplete: string;
  help?: string;
  error?: string;
}) {
  return (
    <FieldShell
      id={`sign-in-${props.name}`}
      label={props.label}
      help={props.help}
      error={props.error}
    >
      {(control) => (
        <TextInput
          id={control.id}
          name={props.name}
          type={props.type}
          autoComplete={props.autoComplete}
          aria-invalid={control.invalid || undefined}
          aria-describedby={control.describedBy}
        />
      )}
    </FieldShell>
  );
}
