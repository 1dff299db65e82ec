import { z } from "zod";

import { inputFieldShape } from "./common";
import { itemFieldSchema } from "./item";
import { LIMITS } from "./limits";

/**
 * A repeating group, such as one entry per pet, answered with one answers
 * object per item. Its fields are input and static fields but no groups.
 * `required` means at least one item, or `minItems` when set.
 */
export const groupFieldSchema = z.strictObject({
  type: z.literal("group"),
  ...inputFieldShape,
  fields: z.array(itemFieldSchema).max(LIMITS.groupFields),
  minItems: z.int().min(0).max(LIMITS.groupItems).optional(),
  maxItems: z.int().min(1).max(LIMITS.groupItems).optional(),
  /** The name of one item, like "Pet", for buttons such as "Add pet". */
  itemLabel: z.string().max(LIMITS.labelLength),
});
