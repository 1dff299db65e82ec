import { PageShell } from "@intake/ui";

import { FormUnavailable } from "../../../components/form-unavailable";

/** Rendered with status 404 for an unknown or unpublished form. */
export default function FormNotFound() {
  return (
    <PageShell>
      <FormUnavailable />
    </PageShell>
  );
}
