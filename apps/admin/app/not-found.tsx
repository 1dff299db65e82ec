import Link from "next/link";

/** Renders the page for addresses that match no route. */
export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-4 px-4">
      <title>Page not found · Intake</title>
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-muted">Check the address, or go to your clinic.</p>
      <Link href="/" className="text-accent self-start underline">
        Go to your clinic
      </Link>
    </main>
  );
}
