import type { api as generatedApi } from "@intake/backend/api";
import { anyApi } from "convex/server";

/**
 * References to the backend's functions for code that runs in the browser.
 * It is the `anyApi` object that `@intake/backend/api` exports, with the
 * same types. That module also sets up `components` when it loads, which
 * would bring Convex's schema and validator code into the patient page.
 */
export const api = anyApi as unknown as typeof generatedApi;
