"use client";

import { api } from "@intake/backend/api";
import { Button, FieldShell, TextInput } from "@intake/ui";
import { useMutation } from "convex/react";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";

import { describeMutationError } from "@/lib/mutation-error";

/** Renders the form that creates a clinic owned by the signed-in user. */
export function CreateClinicForm() {
  const createClinic = useMutation(api.clinics.create);
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) {
      return;
    }
    const name = input.current?.value.trim() ?? "";
    if (name === "") {
      setError("Enter the clinic's name.");
      input.current?.focus();
      return;
    }

    setError(null);
    setPending(true);
    try {
      const clinicId = await createClinic({ name });
      router.push(`/clinics/${clinicId}/forms`);
    } catch (caught) {
      setError(describeMutationError(caught, "create the clinic"));
      setPending(false);
    }
  }

  return (
    <form
      noValidate
      onSubmit={handleSubmit}
      className="flex max-w-md flex-col gap-4"
    >
      <FieldShell id="clinic-name" label="Clinic name" error={error} required>
        {(control) => (
          <TextInput
            ref={input}
            id={control.id}
            name="name"
            autoComplete="organization"
            maxLength={200}
            aria-required
            aria-invalid={control.invalid || undefined}
            aria-describedby={control.describedBy}
          />
        )}
      </FieldShell>
      <Button type="submit" pending={pending} className="self-start">
        Create clinic
      </Button>
    </form>
  );
}
