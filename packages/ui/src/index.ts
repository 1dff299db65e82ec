export { cn } from "./lib/cn";

export {
  Button,
  type ButtonProps,
  type ButtonSize,
  type ButtonVariant,
} from "./components/button";
export { Card, type CardProps, type CardTone } from "./components/card";
export { Checkbox, type CheckboxProps } from "./components/checkbox";
export {
  CheckboxGroup,
  type CheckboxGroupProps,
} from "./components/checkbox-group";
export { optionId, type ChoiceOption } from "./components/choice-option";
export {
  ErrorSummary,
  type ErrorSummaryItem,
  type ErrorSummaryProps,
} from "./components/error-summary";
export {
  FieldShell,
  fieldShellIds,
  type FieldControlProps,
  type FieldShellProps,
} from "./components/field-shell";
export {
  FormField,
  MAX_RADIO_OPTIONS,
  fieldControlId,
  type FormFieldProps,
} from "./components/form-field";
export { NumberInput, type NumberInputProps } from "./components/number-input";
export { PageShell, type PageShellProps } from "./components/page-shell";
export { RadioGroup, type RadioGroupProps } from "./components/radio-group";
export { Select, type SelectProps } from "./components/select";
export { TextArea, type TextAreaProps } from "./components/text-area";
export {
  AutofillProvider,
  useAutocomplete,
  type AutofillProviderProps,
} from "./components/autofill-context";
export { TextInput, type TextInputProps } from "./components/text-input";
export { YesNo, type YesNoProps } from "./components/yes-no";
export {
  UiTextProvider,
  useUiText,
  type UiTextProviderProps,
} from "./text/ui-text-context";
export { UI_TEXT, type UiLocale, type UiText } from "./text/ui-text";
export {
  AddressInput,
  type AddressInputProps,
} from "./components/address-input";
export type { FileInputProps } from "./components/file-input";
export {
  FileUploadError,
  FileUploaderProvider,
  useFileUploader,
  type FileUploader,
  type FileUploaderProviderProps,
  type FileUploadOptions,
} from "./components/file-upload-context";
export {
  RepeatingGroup,
  type GroupItem,
  type RepeatingGroupProps,
} from "./components/repeating-group";
export type { SignaturePadProps } from "./components/signature-pad";
export {
  DEFAULT_FILE_TYPES,
  MAX_FILE_BYTES,
  formatBytes,
} from "./lib/file-format";
export {
  MAX_SIGNATURE_POINTS,
  MAX_SIGNATURE_STROKES,
  signatureFromPoints,
} from "./lib/signature-strokes";
