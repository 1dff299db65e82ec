import { z } from "zod";

import { inputFieldShape } from "./common";

/**
 * A postal address, answered with an `AddressAnswer`. When `required`, the
 * first line, city, region and postal code must be filled in.
 */
export const addressFieldSchema = z.strictObject({
  type: z.literal("address"),
  ...inputFieldShape,
});
