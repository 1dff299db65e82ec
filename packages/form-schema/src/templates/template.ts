import type { FormDefinition } from "../definition/schema";

/** A ready-made form that staff can copy and edit. */
export type FormTemplate = {
  id: string;
  name: string;
  description: string;
  definition: FormDefinition;
};
