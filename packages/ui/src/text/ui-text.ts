/** Languages the field controls have text for. */
export type UiLocale = "en" | "es";

/** Text that the field controls show around the definition's own text. */
export interface UiText {
  /** BCP 47 tag for number formatting, such as file sizes. */
  locale: string;
  required: string;
  /** Read by screen readers before an error message. */
  errorPrefix: string;
  agree: string;
  yes: string;
  no: string;
  chooseOption: string;
  errorSummaryTitle: string;
  address: {
    line1: string;
    line2: string;
    city: string;
    region: string;
    postalCode: string;
    optional: string;
  };
  signature: {
    padLabel: string;
    instructions: string;
    /** Tells a patient who cannot draw to type their name instead. */
    keyboardNote: string;
    typeInstead: string;
    drawInstead: string;
    /** Label of the typed-name input. */
    typedLabel: string;
    /** States that the typed name counts as the signature. */
    typedNote: string;
    typedSigned: string;
    clear: string;
    signed: string;
    unsigned: string;
    cleared: string;
    loading: string;
    loadFailed: string;
  };
  file: {
    choose: string;
    replace: string;
    remove: string;
    /** Status line of a chosen file, from its name and formatted size. */
    chosen: (name: string, size: string) => string;
    none: string;
    uploading: (percent: number) => string;
    removed: string;
    limits: (types: string, maxSize: string) => string;
    tooLarge: (maxSize: string) => string;
    wrongType: (types: string) => string;
    failed: string;
    uploaded: string;
  };
  group: {
    add: (itemLabel: string) => string;
    remove: (itemLabel: string, number: number) => string;
    item: (itemLabel: string, number: number) => string;
    added: (itemLabel: string, number: number) => string;
    removed: (itemLabel: string, number: number) => string;
    count: (min: number | undefined, max: number | undefined) => string;
  };
}

const en: UiText = {
  locale: "en-US",
  required: "(required)",
  errorPrefix: "Error: ",
  agree: "I agree",
  yes: "Yes",
  no: "No",
  chooseOption: "Choose an option",
  errorSummaryTitle: "There is a problem",
  address: {
    line1: "Street address",
    line2: "Apartment, suite or unit",
    city: "City",
    region: "State or region",
    postalCode: "Postal code",
    optional: "(optional)",
  },
  signature: {
    padLabel: "Signature pad",
    instructions: "Sign in the box with your finger, a stylus or a mouse.",
    keyboardNote:
      "If you cannot draw with a finger or mouse, choose “Type your name instead” to sign with the keyboard.",
    typeInstead: "Type your name instead",
    drawInstead: "Draw your signature instead",
    typedLabel: "Type your full name",
    typedNote: "Your typed full name counts as your signature.",
    typedSigned: "Signed with your typed name.",
    clear: "Clear signature",
    signed: "Signed.",
    unsigned: "Not signed yet.",
    cleared: "Signature cleared.",
    loading: "Loading the signature pad…",
    loadFailed:
      "The signature pad could not load. Check your connection and reload the page.",
  },
  file: {
    choose: "Choose a file",
    replace: "Choose another file",
    remove: "Remove file",
    chosen: (name, size) => `Chosen: ${name} (${size})`,
    none: "No file chosen.",
    uploading: (percent) => `Uploading… ${percent}%`,
    removed: "File removed.",
    limits: (types, maxSize) => `Accepted: ${types}. Up to ${maxSize}.`,
    tooLarge: (maxSize) =>
      `This file is too large. Choose one up to ${maxSize}.`,
    wrongType: (types) => `This type of file is not accepted. Choose ${types}.`,
    failed:
      "The file could not be uploaded. Check your internet connection, then choose it again.",
    uploaded: "File uploaded.",
  },
  group: {
    add: (itemLabel) => `Add ${itemLabel.toLowerCase()}`,
    remove: (itemLabel, number) =>
      `Remove ${itemLabel.toLowerCase()} ${number}`,
    item: (itemLabel, number) => `${itemLabel} ${number}`,
    added: (itemLabel, number) => `${itemLabel} ${number} added.`,
    removed: (itemLabel, number) => `${itemLabel} ${number} removed.`,
    count: (min, max) => {
      if (min !== undefined && max !== undefined)
        return `From ${min} to ${max}.`;
      if (min !== undefined) return `At least ${min}.`;
      return max !== undefined ? `Up to ${max}.` : "";
    },
  },
};

const es: UiText = {
  locale: "es",
  required: "(obligatorio)",
  errorPrefix: "Error: ",
  agree: "Acepto",
  yes: "Sí",
  no: "No",
  chooseOption: "Elija una opción",
  errorSummaryTitle: "Hay un problema",
  address: {
    line1: "Dirección",
    line2: "Apartamento, suite o unidad",
    city: "Ciudad",
    region: "Estado o región",
    postalCode: "Código postal",
    optional: "(opcional)",
  },
  signature: {
    padLabel: "Recuadro de firma",
    instructions:
      "Firme en el recuadro con el dedo, un lápiz táctil o el ratón.",
    keyboardNote:
      "Si no puede dibujar con el dedo o el ratón, elija «Escribir su nombre en su lugar» para firmar con el teclado.",
    typeInstead: "Escribir su nombre en su lugar",
    drawInstead: "Dibujar la firma en su lugar",
    typedLabel: "Escriba su nombre completo",
    typedNote: "Su nombre completo escrito cuenta como su firma.",
    typedSigned: "Firmado con su nombre escrito.",
    clear: "Borrar firma",
    signed: "Firmado.",
    unsigned: "Aún sin firmar.",
    cleared: "Firma borrada.",
    loading: "Cargando el recuadro de firma…",
    loadFailed:
      "No se pudo cargar el recuadro de firma. Revise su conexión y vuelva a cargar la página.",
  },
  file: {
    choose: "Elegir un archivo",
    replace: "Elegir otro archivo",
    remove: "Quitar archivo",
    chosen: (name, size) => `Elegido: ${name} (${size})`,
    none: "Ningún archivo elegido.",
    uploading: (percent) => `Subiendo… ${percent} %`,
    removed: "Archivo quitado.",
    limits: (types, maxSize) => `Se aceptan: ${types}. Hasta ${maxSize}.`,
    tooLarge: (maxSize) =>
      `Este archivo es demasiado grande. Elija uno de hasta ${maxSize}.`,
    wrongType: (types) => `No se acepta este tipo de archivo. Elija ${types}.`,
    failed:
      "No se pudo subir el archivo. Revise su conexión a internet y vuelva a elegirlo.",
    uploaded: "Archivo subido.",
  },
  group: {
    add: (itemLabel) => `Añadir ${itemLabel.toLowerCase()}`,
    remove: (itemLabel, number) =>
      `Quitar ${itemLabel.toLowerCase()} ${number}`,
    item: (itemLabel, number) => `${itemLabel} ${number}`,
    added: (itemLabel, number) => `${itemLabel} ${number} añadido.`,
    removed: (itemLabel, number) => `${itemLabel} ${number} quitado.`,
    count: (min, max) => {
      if (min !== undefined && max !== undefined) return `De ${min} a ${max}.`;
      if (min !== undefined) return `Al menos ${min}.`;
      return max !== undefined ? `Hasta ${max}.` : "";
    },
  },
};

/** Control text per language. */
export const UI_TEXT: Readonly<Record<UiLocale, UiText>> = { en, es };
