import { cronJobs } from "convex/server";
import { internal } from "./_generated/api";

const crons = cronJobs();

// Retention periods are whole days, so a daily run keeps each submission
// at most one day past its period.
crons.daily(
  "purge expired submissions",
  { hourUTC: 3, minuteUTC: 30 },
  internal.retention.purgeExpired,
  {},
);

// Unattached uploads expire after 24 hours, so an hourly run deletes each
// within 25 hours of its upload.
crons.hourly(
  "delete stale uploads",
  { minuteUTC: 17 },
  internal.uploads.deleteStale,
  {},
);

// Files uploaded but never registered expire after 24 hours too, so an
// hourly run deletes each within 25 hours of its upload.
crons.hourly(
  "delete unregistered files",
  { minuteUTC: 47 },
  internal.orphanFiles.deleteUnregistered,
  {},
);

export default crons;
