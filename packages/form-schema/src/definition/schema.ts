import { z } from "zod";

import { fieldSchema } from "../fields";
import { translationsSchema } from "../i18n/translation";
import { conditionSchema } from "../logic/condition-schema";
import { LIMITS } from "../fields/limits";

/**
 * One page of a form, shown as one step on a phone. The id only needs to be
 * unique within its form.
 */
export const pageSchema = z.strictObject({
  id: z.string().min(1).max(LIMITS.idLength),
  title: z.string().max(LIMITS.labelLength),
  fields: z.array(fieldSchema).max(LIMITS.fieldsPerPage),
  /** Shows the page only while this holds. Its fields hide with it. */
  showIf: conditionSchema.optional(),
});

/** A page of a form. */
export type Page = z.infer<typeof pageSchema>;

/**
 * The shape of a form, draft or published. Drafts may break the publishing
 * rules (empty labels, duplicate ids), which `validateDefinition` checks.
 */
export const formDefinitionSchema = z.strictObject({
  title: z.string().max(LIMITS.labelLength),
  description: z.string().max(LIMITS.textBlockLength).optional(),
  pages: z.array(pageSchema).max(LIMITS.pages),
  /** Text in other languages, shown through `localizeDefinition`. */
  translations: translationsSchema.optional(),
});

/** A form: its title, optional description, pages and translations. */
export type FormDefinition = z.infer<typeof formDefinitionSchema>;
