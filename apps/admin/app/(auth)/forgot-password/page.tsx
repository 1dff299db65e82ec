"use client";

import { useConvexAuth } from "convex/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect } from "react";

import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { PageHeading } from "@/components/shell/page-heading";

/** Resets a forgotten password with a code sent by email. */
export default function ForgotPasswordPage() {
  const { isAuthenticated } = useConvexAuth();
  const router = useRouter();

  // A successful reset signs the user in, so the page leaves by itself.
  useEffect(() => {
    if (isAuthenticated) {
      router.replace("/");
    }
  }, [isAuthenticated, router]);

  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-6 px-4 py-12">
      <title>Reset your password · Intake</title>
      <PageHeading>Reset your password</PageHeading>
      <ResetPasswordForm />
      <Link href="/sign-in" className="text-accent underline">
        Back to sign in
      </Link>
    </main>
  );
}
