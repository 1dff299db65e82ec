/**
 * Size limits on definitions and answers. The backend stores answers as given
 * once `validateAnswers` accepts them, so these caps bound what it stores.
 * Lengths count UTF-16 code units, as `String.length` and the HTML
 * `maxlength` attribute do, so a browser input and the validator agree.
 */
export const LIMITS = {
  /** Maximum length of a field or page id. */
  idLength: 64,
  /** Maximum length of a form title, page title, label or option label. */
  labelLength: 200,
  /** Maximum length of help, description, consent statement or static text. */
  textBlockLength: 5000,
  /** Maximum length of a placeholder or a custom pattern message. */
  hintLength: 200,
  /** Maximum length of a text pattern's source. */
  patternLength: 500,
  /** Maximum length of a shortText answer, and the default when unset. */
  shortTextLength: 500,
  /** Maximum length of a longText answer, and the default when unset. */
  longTextLength: 5000,
  /** Maximum length of an email answer (RFC 5321 path limit). */
  emailLength: 254,
  /** Maximum length of a phone answer, formatting characters included. */
  phoneLength: 40,
  /** Minimum digits in a phone answer, a short local number. */
  phoneMinDigits: 7,
  /** Maximum digits in a phone answer (E.164 allows 15). */
  phoneMaxDigits: 15,
  /** Maximum length of a choice option's stored value. */
  optionValueLength: 100,
  /** Maximum options per choice field. */
  options: 100,
  /** Maximum pages per form. */
  pages: 50,
  /** Maximum fields per page, static fields included. */
  fieldsPerPage: 200,
  /** Maximum answerable fields in a publishable form. */
  inputFields: 200,
  /**
   * Maximum sum of every input field's largest possible answer in a
   * publishable form, in characters. At up to 3 UTF-8 bytes per code unit,
   * 250,000 characters keep one submission under the 1 MiB that Convex
   * allows per document.
   */
  answerCharacters: 250_000,
  /**
   * Maximum UTF-8 size of one submission's answers serialized as JSON, in
   * bytes (512 KiB). It is half of the 1 MiB Convex allows per document.
   */
  answersBytes: 512 * 1024,
  /** Maximum length of an address line, city or region. */
  addressPartLength: 200,
  /** Minimum and maximum length of a postal code. */
  postalCodeMinLength: 3,
  postalCodeMaxLength: 10,
  /** Maximum width and height of a signature canvas, in CSS pixels. */
  signatureCanvasSize: 4096,
  /** Maximum strokes in one signature. */
  signatureStrokes: 100,
  /** Maximum points (x, y pairs) over all strokes of one signature. */
  signaturePoints: 5000,
  /** Maximum length of a typed signature, in UTF-16 code units. */
  typedSignatureLength: 100,
  /** Maximum and default size of one uploaded file, in bytes (10 MiB). */
  fileSizeBytes: 10 * 1024 * 1024,
  /** Maximum MIME types a file field may accept. */
  fileTypes: 20,
  /** Maximum length of an uploaded file's name. */
  fileNameLength: 255,
  /** Maximum length of a MIME type or a storage id. */
  fileTokenLength: 255,
  /** Maximum items of a repeating group. */
  groupItems: 20,
  /** Maximum fields inside a repeating group, static fields included. */
  groupFields: 50,
  /** Maximum conditions in one `all` or `any` list. */
  conditionItems: 20,
  /** Maximum nesting depth of `all` and `any` conditions. */
  conditionDepth: 4,
} as const;
