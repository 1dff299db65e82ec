import { Card, PageShell } from "@intake/ui";

/** Rendered with status 404 for any address that is not a form. */
export default function NotFound() {
  return (
    <PageShell>
      <Card className="flex flex-col gap-3">
        <h1 className="text-2xl font-bold">Page not found</h1>
        <p>
          There is nothing at this address. To fill in a form, scan the
          clinic&apos;s QR code or open the link the clinic sent you.
        </p>
      </Card>
    </PageShell>
  );
}
