import { Card } from "@intake/ui";

/**
 * Tells the patient that no published form exists at this address, with
 * what to do next. It serves unknown and unpublished forms alike, so an
 * address reveals nothing about drafts.
 */
export function FormUnavailable() {
  return (
    <Card className="flex flex-col gap-3">
      <h1 className="text-2xl font-bold">Form not found</h1>
      <p>
        This form does not exist or is not open for answers right now. Check the
        address, or scan the clinic&apos;s QR code again.
      </p>
      <p>If it still does not open, please ask the front desk for help.</p>
    </Card>
  );
}
