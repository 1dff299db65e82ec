import type { Metadata } from "next";

import { StaticNotice } from "../../components/static-notice";

export const metadata: Metadata = { title: "Kiosk closed" };

/** Page shown after staff have left kiosk mode. */
export default function KioskClosedRoute() {
  return <StaticNotice kind="kioskClosed" />;
}
