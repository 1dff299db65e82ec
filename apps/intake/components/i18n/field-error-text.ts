import {
  LIMITS,
  failingStringRule,
  type FieldError,
  type InputField,
} from "@intake/form-schema";

import type { Locale } from "./locale";

/**
 * Returns the message to show for a field error in `locale`. The
 * validator writes English messages, so English passes through and
 * Spanish is built from the stable error `code` and the field's limits.
 * A code without a Spanish text falls back to a general request to check
 * the answer. `field` is the localized field, so a pattern mismatch of
 * `value` shows the field's pattern message in the page's language.
 */
export function fieldErrorText(
  field: InputField | undefined,
  error: Pick<FieldError, "message"> & { code?: string },
  locale: Locale,
  value?: unknown,
): string {
  if (locale === "en" || field === undefined) return error.message;
  const patternMessage = customPatternMessage(field, error.code, value);
  if (patternMessage !== undefined) return patternMessage;
  return spanishText(field, error.code ?? "") ?? GENERAL_ES;
}

/**
 * Returns the form author's pattern message when the "invalidFormat"
 * error comes from the field's pattern, and not from a line break.
 */
function customPatternMessage(
  field: InputField,
  code: string | undefined,
  value: unknown,
): string | undefined {
  if (code !== "invalidFormat" || !("patternMessage" in field)) {
    return undefined;
  }
  return failingStringRule(field, value) === "pattern"
    ? field.patternMessage
    : undefined;
}

const GENERAL_ES = "Revise esta respuesta.";

const REQUIRED_ES: Partial<Record<string, string>> = {
  shortText: "Escriba una respuesta para continuar.",
  longText: "Escriba una respuesta para continuar.",
  email: "Escriba un correo electrónico como nombre@ejemplo.com.",
  phone: "Escriba un número de teléfono, como 555 123 4567.",
  date: "Escriba una fecha.",
  number: "Escriba un número.",
  singleChoice: "Elija una de las opciones.",
  multipleChoice: "Elija al menos una opción.",
  yesNo: "Elija Sí o No.",
  consent: "Marque la casilla para aceptar antes de continuar.",
  address: "Escriba la dirección, la ciudad, el estado y el código postal.",
  signature:
    "Firme en el recuadro o escriba su nombre completo para continuar.",
  file: "Elija un archivo para continuar.",
  group: "Añada al menos un elemento.",
};

// The code does not say whether the signature was drawn or typed, so
// these texts cover both.
const SIGNATURE_TOO_LONG_ES = `Borre la firma y firme con menos trazos, o escriba un nombre de hasta ${LIMITS.typedSignatureLength} caracteres.`;
const SIGNATURE_FORMAT_ES =
  "Borre la firma y vuelva a firmar, o escriba su nombre con letras, sin saltos de línea ni caracteres de formato ocultos.";

/** Reads an optional numeric property of a field, such as `maxLength`. */
function limit(field: InputField, key: string): number | string | undefined {
  const value = (field as unknown as Record<string, unknown>)[key];
  return typeof value === "number" || typeof value === "string"
    ? value
    : undefined;
}

function spanishText(field: InputField, code: string): string | undefined {
  const isChoice = field.type === "multipleChoice";
  switch (code) {
    case "required":
      return REQUIRED_ES[field.type];
    case "invalidType":
      return GENERAL_ES;
    case "tooShort": {
      const min = limit(field, isChoice ? "minSelected" : "minLength");
      if (min === undefined) return undefined;
      return isChoice
        ? `Elija al menos ${min} opciones.`
        : `Escriba al menos ${min} caracteres.`;
    }
    case "tooLong": {
      if (field.type === "signature") return SIGNATURE_TOO_LONG_ES;
      const max = limit(field, isChoice ? "maxSelected" : "maxLength");
      if (isChoice) return `Elija como máximo ${max ?? ""} opciones.`;
      return max === undefined
        ? "Acorte esta respuesta."
        : `Acorte esta respuesta a ${max} caracteres o menos.`;
    }
    case "invalidFormat":
      if (field.type === "signature") return SIGNATURE_FORMAT_ES;
      return field.type === "number"
        ? "Escriba un número entero, sin decimales."
        : "Esta respuesta no tiene el formato esperado. Revísela.";
    case "invalidEmail":
      return REQUIRED_ES.email;
    case "invalidPhone":
      return "Escriba un número de teléfono de 7 a 15 dígitos, como 555 123 4567.";
    case "invalidDate":
      return "Escriba una fecha real como AAAA-MM-DD, por ejemplo 1985-04-23.";
    case "outOfRange":
      return outOfRangeText(field);
    case "invalidOption":
      return "Elija solo opciones de la lista.";
    case "notAccepted":
      return REQUIRED_ES.consent;
    case "unknownField":
      return "Esta respuesta es para una pregunta que no está en el formulario. Vuelva a cargar la página.";
    case "fileType":
      return "No se acepta este tipo de archivo. Elija una foto o un PDF.";
    case "fileTooLarge":
      return "Este archivo es demasiado grande. Elija uno más pequeño.";
    case "tooFewItems":
      return `Añada al menos ${limit(field, "minItems") ?? 1}.`;
    case "tooManyItems":
      return `Añada como máximo ${limit(field, "maxItems") ?? ""}.`;
    case "tooLarge":
      return "Acorte esta respuesta, porque todas las respuestas juntas superan el tamaño máximo.";
    default:
      return undefined;
  }
}

function outOfRangeText(field: InputField): string {
  const date = field.type === "date";
  const min = limit(field, date ? "minDate" : "min");
  const max = limit(field, date ? "maxDate" : "max");
  const noun = date ? "una fecha" : "un número";
  if (min !== undefined && max !== undefined) {
    return `Escriba ${noun} de ${min} a ${max}.`;
  }
  if (min !== undefined) return `Escriba ${noun} desde ${min}.`;
  return `Escriba ${noun} hasta ${max ?? ""}.`;
}
