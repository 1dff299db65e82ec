import type { TranslationTable } from "../i18n/translation";

/** Spanish text of the new patient registration template. */
export const newPatientSpanish: TranslationTable = {
  title: "Registro de paciente nuevo",
  description:
    "Complete este formulario antes de su primera visita. Toma unos 10 minutos.",
  pages: {
    demographics: { title: "Sobre usted" },
    contact: { title: "Datos de contacto" },
    insurance: { title: "Seguro médico" },
    medicalHistory: { title: "Historial médico" },
    medications: { title: "Medicamentos" },
    allergies: { title: "Alergias" },
    consent: { title: "Consentimiento" },
  },
  fields: {
    firstName: { label: "Nombre" },
    lastName: { label: "Apellido" },
    preferredName: {
      label: "Nombre preferido",
      help: "El nombre con el que prefiere que le llamemos, si es distinto.",
    },
    dateOfBirth: { label: "Fecha de nacimiento" },
    sexAssignedAtBirth: {
      label: "Sexo asignado al nacer",
      help: "Algunas pruebas y dosis de medicamentos dependen de ello.",
      options: {
        female: "Femenino",
        male: "Masculino",
        intersex: "Intersexual",
        preferNotToSay: "Prefiero no decirlo",
      },
    },
    genderIdentity: { label: "Identidad de género" },
    pronouns: {
      label: "Pronombres",
      options: {
        she: "Ella",
        he: "Él",
        they: "Elle",
        other: "Otro o más de uno",
      },
    },
    preferredLanguage: {
      label: "Idioma preferido",
      help: "Díganos si desea un intérprete.",
    },
    email: {
      label: "Correo electrónico",
      placeholder: "nombre@ejemplo.com",
    },
    mobilePhone: { label: "Teléfono móvil" },
    preferredContactMethod: {
      label: "¿Cómo prefiere que le contactemos?",
      options: {
        phone: "Llamada telefónica",
        text: "Mensaje de texto",
        email: "Correo electrónico",
      },
    },
    streetAddress: { label: "Dirección" },
    city: { label: "Ciudad" },
    postalCode: {
      label: "Código postal",
      patternMessage: "Escriba de 3 a 10 letras o dígitos, como 12345.",
    },
    emergencyContactHeading: {
      label: "Encabezado del contacto de emergencia",
      text: "Contacto de emergencia",
    },
    emergencyContactName: { label: "Nombre del contacto de emergencia" },
    emergencyContactRelationship: { label: "Relación con usted" },
    emergencyContactPhone: { label: "Teléfono del contacto de emergencia" },
    hasInsurance: { label: "¿Tiene seguro médico?" },
    insuranceProvider: {
      label: "Compañía de seguros",
      help: "Deje en blanco las preguntas del seguro si no tiene seguro.",
    },
    insuranceMemberId: {
      label: "Número de afiliado",
      help: "Aparece en el frente de su tarjeta del seguro.",
      patternMessage: "Escriba las letras y los dígitos de su tarjeta.",
    },
    insuranceGroupNumber: { label: "Número de grupo" },
    policyHolderName: {
      label: "Nombre del titular de la póliza",
      help: "Déjelo en blanco si la póliza está a su nombre.",
    },
    reasonForVisit: { label: "¿Cuál es el motivo de su visita?" },
    conditions: {
      label: "¿Alguna vez le han dicho que tiene alguna de estas afecciones?",
      help: "Elija todas las que correspondan.",
      options: {
        asthma: "Asma",
        diabetes: "Diabetes",
        highBloodPressure: "Presión arterial alta",
        heartDisease: "Enfermedad del corazón",
        stroke: "Derrame cerebral",
        copd: "EPOC o enfisema",
        cancer: "Cáncer",
        thyroid: "Enfermedad de la tiroides",
        kidneyDisease: "Enfermedad renal",
        depressionAnxiety: "Depresión o ansiedad",
      },
    },
    otherConditions: { label: "Otras afecciones" },
    surgeries: {
      label: "Cirugías u hospitalizaciones anteriores",
      help: "Incluya el año, si lo sabe.",
    },
    familyHistory: {
      label: "¿Su madre, padre, hermano o hermana ha tenido alguna de estas?",
      options: {
        heartDisease: "Enfermedad del corazón",
        diabetes: "Diabetes",
        cancer: "Cáncer",
        stroke: "Derrame cerebral",
        mentalIllness: "Enfermedad mental",
      },
    },
    smokingStatus: {
      label: "¿Fuma o usa vapeadores?",
      options: {
        never: "Nunca",
        former: "Antes sí",
        current: "Sí, actualmente",
      },
    },
    alcoholDrinksPerWeek: {
      label: "Bebidas alcohólicas por semana",
      help: "Escriba 0 si no bebe.",
    },
    mayBePregnant: {
      label: "¿Está embarazada o podría estarlo?",
      options: { yes: "Sí", no: "No", unsure: "No estoy segura" },
    },
    takesMedications: {
      label: "¿Toma medicamentos, vitaminas o suplementos?",
    },
    medicationList: {
      label: "Anote cada uno con su dosis y con qué frecuencia lo toma",
      placeholder: "Metformina 500 mg, dos veces al día",
    },
    pharmacyName: { label: "Farmacia preferida" },
    pharmacyPhone: { label: "Teléfono de la farmacia" },
    hasAllergies: { label: "¿Tiene alguna alergia?" },
    allergyTypes: {
      label: "¿A qué es alérgico?",
      help: "Elija todas las que correspondan.",
      options: {
        medicines: "Medicamentos",
        foods: "Alimentos",
        latex: "Látex",
        insectStings: "Picaduras de insectos",
        seasonal: "Polen o alergias estacionales",
      },
    },
    allergyDetails: {
      label: "¿Qué le pasa cuando tiene una reacción?",
      help: "Nombre cada alergia y la reacción, por ejemplo: penicilina, ronchas.",
    },
    consentIntro: {
      label: "Introducción al consentimiento",
      text: "Lea cada declaración y marque la casilla para aceptar. Pregunte en la recepción si tiene alguna duda.",
    },
    consentToTreatment: {
      label: "Acepto ser examinado y tratado",
      statement:
        "Doy mi consentimiento para ser examinado y tratado por los profesionales de la clínica. Puedo hacer preguntas y rechazar cualquier prueba o tratamiento en cualquier momento.",
    },
    acknowledgePrivacyNotice: {
      label: "He recibido el aviso de privacidad",
      statement:
        "Me han ofrecido el aviso de prácticas de privacidad de la clínica, que explica cómo se usa y se comparte mi información de salud.",
    },
    consentToReminders: {
      label: "Envíenme recordatorios de citas por mensaje de texto o correo",
      help: "Opcional. Puede cancelar los recordatorios en cualquier momento.",
    },
  },
};
