"use client";

import { Button } from "@intake/ui";
import { useState } from "react";

import { useSignOut } from "./require-staff";

/** Ends the session and opens /sign-in. */
export function SignOutButton() {
  const signOut = useSignOut();
  const [pending, setPending] = useState(false);

  async function handleClick() {
    setPending(true);
    await signOut();
  }

  return (
    <Button variant="ghost" pending={pending} onClick={handleClick}>
      Sign out
    </Button>
  );
}
