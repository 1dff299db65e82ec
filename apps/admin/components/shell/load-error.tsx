import Link from "next/link";

import { describeLoadError } from "@/lib/load-error";

/** Renders an alert in place of a page whose data failed to load. */
export function LoadError({
  error,
  subject,
}: {
  error: unknown;
  subject: string;
}) {
  return (
    <div role="alert" className="flex flex-col gap-3">
      <p className="text-danger font-medium">
        {describeLoadError(error, subject)}
      </p>
      <Link href="/" className="text-accent underline">
        Go to your clinic
      </Link>
    </div>
  );
}
