"use client";

import { useConvexAuth } from "convex/react";
import { useRouter, useSearchParams } from "next/navigation";
import { Suspense, useEffect } from "react";

import { SignInForm } from "@/components/auth/sign-in-form";
import { PageHeading } from "@/components/shell/page-heading";
import { safeNextPath } from "@/lib/safe-redirect";

export default function SignInPage() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-6 px-4 py-12">
      <title>Sign in · Intake</title>
      <PageHeading>Sign in</PageHeading>
      <p className="text-muted">
        Sign in with your clinic account, or create one to set up a clinic.
      </p>
      <Suspense fallback={null}>
        <ReturnWhenSignedIn />
      </Suspense>
      <SignInForm />
    </main>
  );
}

/** Leaves the page once the session is confirmed by the backend. */
function ReturnWhenSignedIn() {
  const { isAuthenticated } = useConvexAuth();
  const router = useRouter();
  const next = safeNextPath(useSearchParams().get("next"));

  useEffect(() => {
    if (isAuthenticated) {
      router.replace(next);
    }
  }, [isAuthenticated, next, router]);

  return null;
}
