import { cronJobs } from "convex/server";
import { internal } from "./_generated/api";

const crons = cronJobs();

// Unattached uploads expire after 24 hours, so an hourly run deletes each
// within 25 hours of its upload.
crons.hourly(
  "delete stale uploads",
  { minuteUTC: 17 },
  internal.uploads.deleteStale,
  {},
);

export default crons;
