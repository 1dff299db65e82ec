/* eslint-disable */
/**
 * Generated `api` utility.
 *
 * THIS CODE IS AUTOMATICALLY GENERATED.
 *
 * To regenerate, run `convex-local codegen`.
 * @module
 */

import type * as audit from "../audit.js";
import type * as auth from "../auth.js";
import type * as clinics from "../clinics.js";
import type * as counters from "../counters.js";
import type * as crons from "../crons.js";
import type * as forms from "../forms.js";
import type * as http from "../http.js";
import type * as inbox from "../inbox.js";
import type * as inboxSeed from "../inboxSeed.js";
import type * as invites from "../invites.js";
import type * as lib_access from "../lib/access.js";
import type * as lib_audit from "../lib/audit.js";
import type * as lib_csv from "../lib/csv.js";
import type * as lib_email from "../lib/email.js";
import type * as lib_errors from "../lib/errors.js";
import type * as lib_files from "../lib/files.js";
import type * as lib_inbox_filter from "../lib/inbox-filter.js";
import type * as lib_published from "../lib/published.js";
import type * as lib_random from "../lib/random.js";
import type * as lib_read_submission from "../lib/read-submission.js";
import type * as lib_secrets from "../lib/secrets.js";
import type * as lib_slug from "../lib/slug.js";
import type * as lib_submission_files from "../lib/submission-files.js";
import type * as lib_text from "../lib/text.js";
import type * as lib_validators from "../lib/validators.js";
import type * as lib_visits from "../lib/visits.js";
import type * as limits from "../limits.js";
import type * as members from "../members.js";
import type * as orphanFiles from "../orphanFiles.js";
import type * as outbox from "../outbox.js";
import type * as posters from "../posters.js";
import type * as retention from "../retention.js";
import type * as seed from "../seed.js";
import type * as stats from "../stats.js";
import type * as submissions from "../submissions.js";
import type * as testing from "../testing.js";
import type * as testingUploads from "../testingUploads.js";
import type * as uploads from "../uploads.js";
import type * as versions from "../versions.js";
import type * as views from "../views.js";
import type * as visits from "../visits.js";

import type {
  ApiFromModules,
  FilterApi,
  FunctionReference,
} from "convex/server";

declare const fullApi: ApiFromModules<{
  "audit": typeof audit;
  "auth": typeof auth;
  "clinics": typeof clinics;
  "counters": typeof counters;
  "crons": typeof crons;
  "forms": typeof forms;
  "http": typeof http;
  "inbox": typeof inbox;
  "inboxSeed": typeof inboxSeed;
  "invites": typeof invites;
  "lib/access": typeof lib_access;
  "lib/audit": typeof lib_audit;
  "lib/csv": typeof lib_csv;
  "lib/email": typeof lib_email;
  "lib/errors": typeof lib_errors;
  "lib/files": typeof lib_files;
  "lib/inbox-filter": typeof lib_inbox_filter;
  "lib/published": typeof lib_published;
  "lib/random": typeof lib_random;
  "lib/read-submission": typeof lib_read_submission;
  "lib/secrets": typeof lib_secrets;
  "lib/slug": typeof lib_slug;
  "lib/submission-files": typeof lib_submission_files;
  "lib/text": typeof lib_text;
  "lib/validators": typeof lib_validators;
  "lib/visits": typeof lib_visits;
  "limits": typeof limits;
  "members": typeof members;
  "orphanFiles": typeof orphanFiles;
  "outbox": typeof outbox;
  "posters": typeof posters;
  "retention": typeof retention;
  "seed": typeof seed;
  "stats": typeof stats;
  "submissions": typeof submissions;
  "testing": typeof testing;
  "testingUploads": typeof testingUploads;
  "uploads": typeof uploads;
  "versions": typeof versions;
  "views": typeof views;
  "visits": typeof visits;
}>;

/**
 * References to this app's public functions, for example
 * `api.myModule.myFunction`.
 */
export declare const api: FilterApi<
  typeof fullApi,
  FunctionReference<any, "public">
>;

/**
 * References to this app's internal functions, for example
 * `internal.myModule.myFunction`.
 */
export declare const internal: FilterApi<
  typeof fullApi,
  FunctionReference<any, "internal">
>;

/** The components installed in `convex.config.ts`, by instance name. */
export declare const components: {
  "shardedCounter": import("@convex-dev/sharded-counter/_generated/component.js").ComponentApi<"shardedCounter">;
  "rateLimiter": import("@convex-dev/rate-limiter/_generated/component.js").ComponentApi<"rateLimiter">;
};
