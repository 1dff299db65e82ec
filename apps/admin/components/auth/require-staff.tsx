"use client";

import { useAuthActions } from "@convex-dev/auth/react";
import { useQueryClient } from "@tanstack/react-query";
import { useConvexAuth } from "convex/react";
import { usePathname, useRouter } from "next/navigation";
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useRef,
  type ReactNode,
} from "react";

import { signInHref } from "@/lib/safe-redirect";

const SignOutContext = createContext<(() => Promise<void>) | null>(null);

/**
 * Renders `children` only for a signed-in user and sends everyone else to
 * /sign-in. A session that ends by itself returns to the current path after
 * sign-in, and a deliberate sign-out from {@link useSignOut} does not.
 */
export function RequireStaff({ children }: { children: ReactNode }) {
  const { isLoading, isAuthenticated } = useConvexAuth();
  const { signOut } = useAuthActions();
  const queryClient = useQueryClient();
  const router = useRouter();
  const pathname = usePathname();
  const signingOut = useRef(false);

  useEffect(() => {
    if (!isLoading && !isAuthenticated) {
      router.replace(signingOut.current ? "/sign-in" : signInHref(pathname));
    }
  }, [isLoading, isAuthenticated, pathname, router]);

  const signOutAndLeave = useCallback(async () => {
    signingOut.current = true;
    try {
      await signOut();
    } finally {
      // Cached answers are health data, so none may outlive the session.
      queryClient.clear();
      router.replace("/sign-in");
    }
  }, [queryClient, router, signOut]);

  if (!isAuthenticated) {
    return (
      <p role="status" className="p-8">
        {isLoading ? "Loading…" : "Redirecting to sign in…"}
      </p>
    );
  }
  return (
    <SignOutContext.Provider value={signOutAndLeave}>
      {children}
    </SignOutContext.Provider>
  );
}

/** Returns the sign-out function of the enclosing {@link RequireStaff}. */
export function useSignOut(): () => Promise<void> {
  const signOut = useContext(SignOutContext);
  if (signOut === null) {
    throw new Error("useSignOut must be called inside RequireStaff.");
  }
  return signOut;
}
