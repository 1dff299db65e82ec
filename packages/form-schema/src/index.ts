/**
 * Form model for Intake: zod schemas for form definitions, the answer
 * validator shared by the patient app and the backend, and form templates.
 * It imports neither React nor Convex, so both sides can use it.
 */

/** Zod schemas for fields and their inferred types. */
export {
  FIELD_TYPES,
  STATIC_FIELD_TYPES,
  isInputField,
} from "./fields/field-types";
export {
  fieldSchema,
  type Field,
  type FieldType,
  type InputField,
  type InputFieldType,
  type StaticField,
  type ChoiceOption,
  type ItemField,
  type ItemInputField,
  type GroupField,
  type AddressField,
  type SignatureField,
  type FileField,
} from "./fields";
export {
  DEFAULT_FILE_TYPES,
  acceptedFileTypes,
  isAcceptedFileType,
  maxFileSizeBytes,
} from "./fields/file-types";
export { maxGroupItems } from "./fields/group-items";

/** Field id rules and the size limits that definitions and answers obey. */
export { FIELD_ID_PATTERN, fieldIdSchema } from "./fields/common";
export { LIMITS } from "./fields/limits";
export { isIsoDate } from "./fields/iso-date";

/** Zod schemas for pages and whole form definitions. */
export {
  pageSchema,
  formDefinitionSchema,
  type Page,
  type FormDefinition,
} from "./definition/schema";

/** Publishing checks for a form definition. */
export { validateDefinition } from "./definition/validate-definition";
export {
  DEFINITION_PROBLEM_CODES,
  type DefinitionProblem,
  type DefinitionProblemCode,
} from "./definition/problem";
export { inputFields } from "./definition/input-fields";

/** Answer shapes and the one answer validator. */
export {
  answersSchema,
  answerValueSchema,
  addressAnswerSchema,
  signatureAnswerSchema,
  typedSignatureAnswerSchema,
  fileAnswerSchema,
  groupAnswerSchema,
  type Answers,
  type AnswerValue,
  type AddressAnswer,
  type SignatureAnswer,
  type TypedSignatureAnswer,
  type FileAnswer,
  type GroupAnswer,
  type ItemAnswerValue,
} from "./answers/schema";
export {
  fileAnswers,
  fileAnswerEntries,
  type FileAnswerEntry,
} from "./answers/file-answers";
export { isAnswers } from "./answers/is-answers";
export { isTypedSignatureAnswer } from "./answers/typed-signature";
export { validateAnswers } from "./answers/validate-answers";
export { jsonByteLength, oversizedAnswerErrors } from "./answers/answers-size";
export { failingStringRule, validateField } from "./answers/validate-field";
export { isAnswerEmpty } from "./answers/is-empty";

/** Conditional logic: `showIf` and `requireIf` on fields and pages. */
export {
  CONDITION_OPS,
  conditionFieldIds,
  conditionSchema,
  evaluateCondition,
  isFieldCondition,
  isFieldRequired,
  pruneHiddenAnswers,
  visibleFieldIds,
  visiblePages,
  type Condition,
  type ConditionOp,
  type ConditionValue,
  type FieldCondition,
} from "./logic";

/** Translations of a form's text, and the locales a form can show. */
export {
  SUPPORTED_LOCALES,
  isSupportedLocale,
  translationTableSchema,
  translationsSchema,
  type FieldTranslation,
  type Locale,
  type TranslationTable,
  type Translations,
} from "./i18n/translation";
export { localizeDefinition } from "./i18n/localize";

/** Field error codes and shapes returned by the answer validator. */
export {
  FIELD_ERROR_CODES,
  type FieldError,
  type FieldErrorCode,
  type FieldErrors,
} from "./rules/field-error";

/** Ready-made forms that staff start from, and sample answers for demos. */
export {
  templates,
  getTemplate,
  newPatientTemplate,
  medicalHistoryTemplate,
  consentReleaseTemplate,
  vetNewClientTemplate,
} from "./templates";
export type { FormTemplate } from "./templates/template";
export { newPatientSampleAnswers } from "./templates/new-patient-sample";
export { templateSampleAnswers } from "./templates/samples";
