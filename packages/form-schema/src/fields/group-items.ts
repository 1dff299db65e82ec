// Zod-free, so the answer validator can use it without bundling zod.
import { LIMITS } from "./limits";

/**
 * Returns the most items a group accepts. The `LIMITS.groupItems` cap holds
 * even for a definition that skipped schema validation.
 */
export function maxGroupItems(field: { maxItems?: number }): number {
  return Math.min(field.maxItems ?? LIMITS.groupItems, LIMITS.groupItems);
}
