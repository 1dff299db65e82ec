import { Card, PageShell } from "@intake/ui";

/** Home page. It has no form, so it explains how to open one. */
export default function Home() {
  return (
    <PageShell>
      <Card className="flex flex-col gap-3">
        <h1 className="text-2xl font-bold">Clinic forms</h1>
        <p>
          To fill in a form, scan the QR code at your clinic or open the link
          the clinic sent you.
        </p>
      </Card>
    </PageShell>
  );
}
