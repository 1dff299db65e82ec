import { Card, PageShell } from "@intake/ui";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Kiosk closed" };

/** Page shown after staff have left kiosk mode. */
export default function KioskClosedRoute() {
  return (
    <PageShell>
      <Card className="flex flex-col gap-3">
        <h1 className="text-3xl font-bold">Kiosk closed</h1>
        <p>
          Kiosk mode has ended on this device. To start it again, open /kiosk/
          followed by the form&apos;s address.
        </p>
      </Card>
    </PageShell>
  );
}
