import type { Locale } from "./locale";

/**
 * The patient app's own text in each language. The form's text comes from
 * its definition instead, localized with `localizeDefinition`.
 */
export interface Messages {
  languageSwitch: {
    /** Name of the other language, written in that language. */
    other: string;
  };
  steps: {
    next: string;
    submit: string;
    sending: string;
    back: string;
    pageOf: (page: number, count: number) => string;
    formChanged: string;
    /** Shown while the answers of an older version of the form are shown. */
    formUpdated: string;
  };
  review: {
    title: string;
    intro: string;
    edit: string;
    yes: string;
    no: string;
    agreed: string;
    notAgreed: string;
    signed: string;
    /** A signature the patient typed, from the typed name. */
    typedSignature: (name: string) => string;
    file: (name: string, size: string) => string;
    item: (itemLabel: string, number: number) => string;
    none: string;
  };
  confirmation: {
    title: string;
    received: (clinicName: string) => string;
    reference: string;
    hint: string;
  };
  unavailable: { title: string; body: string; help: string };
  stopped: { title: string; body: string; draftKept: string; help: string };
  submitErrors: {
    versionMismatch: string;
    formNotFound: string;
    /** The visitor's own limit: too many forms sent from this device. */
    rateLimited: (minutes: number) => string;
    /** The form's limit, shared by every visitor of the form. */
    formBusy: (minutes: number) => string;
    answersTooLarge: string;
    network: string;
  };
  upload: {
    failed: string;
    rejected: string;
    unavailable: string;
    /** The visitor's own upload limit. */
    rateLimited: (minutes: number) => string;
    /** The form's upload limit, shared by every visitor of the form. */
    formBusy: (minutes: number) => string;
  };
  kiosk: {
    welcome: string;
    intro: (title: string) => string;
    start: string;
    exit: string;
    done: string;
    idleTitle: string;
    idleBody: string;
    secondsLeft: (seconds: number) => string;
    keepGoing: string;
  };
  kioskExit: {
    title: string;
    description: string;
    email: string;
    password: string;
    submit: string;
    checking: string;
    cancel: string;
    missing: string;
    invalid: string;
    /** The account signed in but is not staff of the form's clinic. */
    notStaff: string;
    /** Convex Auth locked the account after too many wrong passwords. */
    locked: string;
    unreachable: string;
  };
  pages: {
    notFoundTitle: string;
    notFoundBody: string;
    homeTitle: string;
    homeBody: string;
    kioskClosedTitle: string;
    kioskClosedBody: string;
    errorTitle: string;
    errorBody: string;
    retry: string;
  };
}

const en: Messages = {
  languageSwitch: { other: "Español" },
  steps: {
    next: "Next",
    submit: "Submit",
    sending: "Sending…",
    back: "Back",
    pageOf: (page, count) => `Page ${page} of ${count}`,
    formChanged:
      "This form changed while you were filling it in. Reload the page, then fill it in again.",
    formUpdated:
      "The clinic updated this form since you started. Your answers that still fit the form are kept. Check every page before you submit.",
  },
  review: {
    title: "Review your answers",
    intro: "Check your answers before you submit them.",
    edit: "Edit",
    yes: "Yes",
    no: "No",
    agreed: "Agreed",
    notAgreed: "Not agreed",
    signed: "Signed",
    typedSignature: (name) => `Signed with typed name: ${name}`,
    file: (name, size) => `${name} (${size})`,
    item: (itemLabel, number) => `${itemLabel} ${number}`,
    none: "None",
  },
  confirmation: {
    title: "Thank you, your answers were sent",
    received: (clinicName) => `${clinicName} has received your form.`,
    reference: "Your reference",
    hint: "Give this reference at the front desk if they ask for it.",
  },
  unavailable: {
    title: "Form not found",
    body: "This form does not exist or is not open for answers right now. Check the address, or scan the clinic's QR code again.",
    help: "If it still does not open, please ask the front desk for help.",
  },
  stopped: {
    title: "This form is closed",
    body: "The clinic stopped taking answers to this form while you were filling it in. Your answers were not sent.",
    draftKept: "Your answers are still saved in this browser on this device.",
    help: "Please ask the front desk what to do next.",
  },
  submitErrors: {
    versionMismatch:
      "The clinic updated this form while you were filling it in. Check your answers, then submit again.",
    formNotFound:
      "This form is no longer accepting answers. Please ask the front desk for help.",
    rateLimited: (minutes) =>
      `Too many forms were sent from this device. Wait ${minutes === 1 ? "a minute" : `${minutes} minutes`}, then submit again.`,
    formBusy: (minutes) =>
      `This form is receiving many answers right now. Your answers are kept. Wait ${minutes === 1 ? "a minute" : `${minutes} minutes`}, then submit again.`,
    answersTooLarge:
      "Your answers are too long to send. Shorten your longest answers, then submit again.",
    network:
      "Your answers could not be sent. Check your internet connection, then submit again.",
  },
  upload: {
    failed:
      "The file could not be uploaded. Check your internet connection, then choose it again.",
    rejected:
      "The clinic does not accept this file. Choose a photo or PDF within the size limit.",
    unavailable:
      "Files cannot be uploaded right now. Please ask the front desk for help.",
    rateLimited: (minutes) =>
      `Too many files were uploaded from this device. Wait ${minutes === 1 ? "a minute" : `${minutes} minutes`}, then choose the file again.`,
    formBusy: (minutes) =>
      `This form is receiving many files right now. Wait ${minutes === 1 ? "a minute" : `${minutes} minutes`}, then choose the file again.`,
  },
  kiosk: {
    welcome: "Welcome",
    intro: (title) => `Please fill in “${title}” before your visit.`,
    start: "Tap to start",
    exit: "Exit kiosk",
    done: "Done",
    idleTitle: "Are you still there?",
    idleBody:
      "For your privacy, your answers will be cleared soon. Tap Continue to keep going.",
    secondsLeft: (seconds) => `${seconds} seconds left.`,
    keepGoing: "Continue",
  },
  kioskExit: {
    title: "Exit kiosk",
    description: "Staff only. Sign in to close kiosk mode.",
    email: "Staff email",
    password: "Password",
    submit: "Exit kiosk",
    checking: "Checking…",
    cancel: "Cancel",
    missing: "Enter the staff email and password.",
    invalid: "The email or password is incorrect. Check both and try again.",
    notStaff:
      "This account is not staff of this clinic, so it cannot close the kiosk. Sign in with a staff account of this clinic.",
    locked:
      "Too many wrong passwords for this account. Wait a few minutes, then try again.",
    unreachable:
      "Could not reach the server. Check the connection and try again.",
  },
  pages: {
    notFoundTitle: "Page not found",
    notFoundBody:
      "There is nothing at this address. To fill in a form, scan the clinic's QR code or open the link the clinic sent you.",
    homeTitle: "Clinic forms",
    homeBody:
      "To fill in a form, scan the QR code at your clinic or open the link the clinic sent you.",
    kioskClosedTitle: "Kiosk closed",
    kioskClosedBody:
      "Kiosk mode has ended on this device. To start it again, open /kiosk/ followed by the form's address.",
    errorTitle: "Something went wrong",
    errorBody:
      "The form could not be loaded. Check your internet connection, then try again.",
    retry: "Try again",
  },
};

const es: Messages = {
  languageSwitch: { other: "English" },
  steps: {
    next: "Siguiente",
    submit: "Enviar",
    sending: "Enviando…",
    back: "Atrás",
    pageOf: (page, count) => `Página ${page} de ${count}`,
    formChanged:
      "Este formulario cambió mientras lo llenaba. Vuelva a cargar la página y llénelo de nuevo.",
    formUpdated:
      "La clínica actualizó este formulario desde que empezó. Se conservan las respuestas que siguen valiendo para el formulario. Revise cada página antes de enviarlo.",
  },
  review: {
    title: "Revise sus respuestas",
    intro: "Revise sus respuestas antes de enviarlas.",
    edit: "Editar",
    yes: "Sí",
    no: "No",
    agreed: "Aceptado",
    notAgreed: "No aceptado",
    signed: "Firmado",
    typedSignature: (name) => `Firmado con el nombre escrito: ${name}`,
    file: (name, size) => `${name} (${size})`,
    item: (itemLabel, number) => `${itemLabel} ${number}`,
    none: "Ninguno",
  },
  confirmation: {
    title: "Gracias, sus respuestas se enviaron",
    received: (clinicName) => `${clinicName} recibió su formulario.`,
    reference: "Su referencia",
    hint: "Dé esta referencia en la recepción si se la piden.",
  },
  unavailable: {
    title: "Formulario no encontrado",
    body: "Este formulario no existe o no acepta respuestas en este momento. Revise la dirección o vuelva a escanear el código QR de la clínica.",
    help: "Si sigue sin abrirse, pida ayuda en la recepción.",
  },
  stopped: {
    title: "Este formulario está cerrado",
    body: "La clínica dejó de aceptar respuestas a este formulario mientras lo llenaba. Sus respuestas no se enviaron.",
    draftKept:
      "Sus respuestas siguen guardadas en el navegador de este dispositivo.",
    help: "Pregunte en la recepción qué hacer.",
  },
  submitErrors: {
    versionMismatch:
      "La clínica actualizó este formulario mientras lo llenaba. Revise sus respuestas y envíelas de nuevo.",
    formNotFound:
      "Este formulario ya no acepta respuestas. Pida ayuda en la recepción.",
    rateLimited: (minutes) =>
      `Se enviaron demasiados formularios desde este dispositivo. Espere ${minutes === 1 ? "un minuto" : `${minutes} minutos`} y envíe de nuevo.`,
    formBusy: (minutes) =>
      `Este formulario está recibiendo muchas respuestas en este momento. Sus respuestas se conservan. Espere ${minutes === 1 ? "un minuto" : `${minutes} minutos`} y envíe de nuevo.`,
    answersTooLarge:
      "Sus respuestas son demasiado largas para enviarlas. Acorte las más largas y envíe de nuevo.",
    network:
      "No se pudieron enviar sus respuestas. Revise su conexión a internet y envíe de nuevo.",
  },
  upload: {
    failed:
      "No se pudo subir el archivo. Revise su conexión a internet y vuelva a elegirlo.",
    rejected:
      "La clínica no acepta este archivo. Elija una foto o un PDF dentro del límite de tamaño.",
    unavailable:
      "No se pueden subir archivos en este momento. Pida ayuda en la recepción.",
    rateLimited: (minutes) =>
      `Se subieron demasiados archivos desde este dispositivo. Espere ${minutes === 1 ? "un minuto" : `${minutes} minutos`} y vuelva a elegir el archivo.`,
    formBusy: (minutes) =>
      `Este formulario está recibiendo muchos archivos en este momento. Espere ${minutes === 1 ? "un minuto" : `${minutes} minutos`} y vuelva a elegir el archivo.`,
  },
  kiosk: {
    welcome: "Bienvenido",
    intro: (title) => `Llene «${title}» antes de su consulta.`,
    start: "Toque para empezar",
    exit: "Salir del quiosco",
    done: "Listo",
    idleTitle: "¿Sigue ahí?",
    idleBody:
      "Por su privacidad, sus respuestas se borrarán pronto. Toque Continuar para seguir.",
    secondsLeft: (seconds) => `Quedan ${seconds} segundos.`,
    keepGoing: "Continuar",
  },
  kioskExit: {
    title: "Salir del quiosco",
    description:
      "Solo para el personal. Inicie sesión para cerrar el modo quiosco.",
    email: "Correo del personal",
    password: "Contraseña",
    submit: "Salir del quiosco",
    checking: "Comprobando…",
    cancel: "Cancelar",
    missing: "Escriba el correo y la contraseña del personal.",
    invalid:
      "El correo o la contraseña no son correctos. Revise ambos e inténtelo de nuevo.",
    notStaff:
      "Esta cuenta no es del personal de esta clínica, así que no puede cerrar el quiosco. Inicie sesión con una cuenta del personal de esta clínica.",
    locked:
      "Demasiadas contraseñas incorrectas para esta cuenta. Espere unos minutos e inténtelo de nuevo.",
    unreachable:
      "No se pudo conectar con el servidor. Revise la conexión e inténtelo de nuevo.",
  },
  pages: {
    notFoundTitle: "Página no encontrada",
    notFoundBody:
      "No hay nada en esta dirección. Para llenar un formulario, escanee el código QR de la clínica o abra el enlace que le envió la clínica.",
    homeTitle: "Formularios de la clínica",
    homeBody:
      "Para llenar un formulario, escanee el código QR de su clínica o abra el enlace que le envió la clínica.",
    kioskClosedTitle: "Quiosco cerrado",
    kioskClosedBody:
      "El modo quiosco terminó en este dispositivo. Para iniciarlo de nuevo, abra /kiosk/ seguido de la dirección del formulario.",
    errorTitle: "Algo salió mal",
    errorBody:
      "No se pudo cargar el formulario. Revise su conexión a internet e inténtelo de nuevo.",
    retry: "Intentar de nuevo",
  },
};

/** The app's text per language. */
export const MESSAGES: Readonly<Record<Locale, Messages>> = { en, es };
