import type { Messages } from './en.js';
import { esTasks } from './esTasks.js';
import { esLinking } from './esLinking.js';
import { esHandoff } from './esHandoff.js';

/**
 * Every sentence of `en`, in Spanish (usted, as ASE's Spanish materials address candidates). Same
 * keys, checked by the type; policy facts from the source FAQ (ase-faq-2022-09-20.txt). Buttons send
 * Spanish questions, which the Spanish knowledge base answers.
 */
export const es: Messages = {
  welcome:
    '¡Hola! Soy el Asistente para Candidatos de ASE. Puedo responder preguntas sobre comprar y programar exámenes, cambiar citas, resultados, certificados, repetir exámenes y recertificación. ¿En qué puedo ayudarle?',
  welcomeStarters: [
    { title: 'Cambiar o cancelar una cita', value: '¿Cómo cambio o cancelo mi examen?' },
    { title: 'Cuándo recibo mis resultados', value: '¿Cuándo recibiré los resultados de mi examen?' },
    { title: 'Repetir un examen reprobado', value: 'Si repruebo un examen, ¿cuándo puedo tomarlo de nuevo?' },
    { title: 'Recertificación', value: '¿Cuándo tomo los exámenes de recertificación?' },
  ],
  greeting: '¡Hola! ¿En qué puedo ayudarle hoy? Puede preguntarme sobre citas, resultados, certificados, repetir exámenes o recertificación.',
  present: 'Sí, aquí estoy. ¿En qué le puedo ayudar?',
  thanks: '¡De nada! ¿Hay algo más en que pueda ayudarle?',
  askAway: 'Claro, adelante: ¿cuál es su pregunta? Puede preguntarme sobre citas, resultados, certificados, repetir exámenes o recertificación.',
  goodbye: '¡Adiós, y mucha suerte en sus exámenes!',
  capabilities:
    'Puedo responder preguntas sobre los exámenes de ASE: comprar y programar un examen, cambiar o cancelar una cita, citas perdidas, resultados, experiencia laboral, certificados y duplicados, repetir exámenes, recertificación, el estatus de Técnico Maestro, exámenes en español y adaptaciones. Pregunte con sus propias palabras.',
  aboutMe:
    'Soy el Asistente para Candidatos de ASE, un asistente automático para quienes presentan los exámenes de ASE. Puedo responder preguntas sobre los exámenes de ASE: comprar y programar un examen, cambiar o cancelar una cita, citas perdidas, resultados, experiencia laboral, certificados y duplicados, repetir exámenes, recertificación, el estatus de Técnico Maestro, exámenes en español y adaptaciones. Pregunte con sus propias palabras.',
  identity:
    'Soy un asistente automático, no una persona: respondo preguntas sobre los exámenes y la certificación de ASE. Para hablar con una persona, diga "hablar con una persona".',
  help: 'Hágame una pregunta con sus propias palabras, por ejemplo "¿Cómo cambio la fecha de mi examen?" o "¿Cuándo puedo repetir un examen que reprobé?". Diga "empezar de nuevo" en cualquier momento, o "hablar con una persona" para comunicarse con el personal de ASE.',
  startOver: 'De acuerdo, empecemos de nuevo. ¿En qué puedo ayudarle?',
  cancelled: 'De acuerdo, dejé esa pregunta; no se cambió nada. ¿En qué más puedo ayudarle?',
  nothingToStop: 'De acuerdo. No había nada en curso, así que no se cambió nada. ¿En qué más puedo ayudarle?',
  person:
    'Para hablar con una persona, llame a Servicio al Cliente de ASE al 1-800-390-6789. Para ayuda con una cita, también puede llamar a Prometric al 877-346-9327.',
  callUs:
    'No puedo hacer llamadas, pero puede llamar a Servicio al Cliente de ASE al 1-800-390-6789; para ayuda con una cita, también puede llamar a Prometric al 877-346-9327. O diga "hablar con una persona" y alguien del personal de ASE se unirá a este chat.',
  dismayed: 'Lo siento, sé que no es la respuesta que esperaba. Si no le entendí bien, pregúnteme de nuevo con otras palabras, o diga "hablar con una persona".',
  frustrated:
    'Perdone que no le haya ayudado mucho. Puede preguntar de nuevo con otras palabras, o decir "hablar con una persona" y alguien del personal de ASE se unirá a este chat.',
  didYouMean: 'Quiero asegurarme de responder la pregunta correcta. ¿Se refería a una de estas?',
  noneOfThese: 'Ninguna de estas',
  didYouMeanOne: (title: string) => `Quiero asegurarme de responder la pregunta correcta. ¿Se refería a: ${title}?`,
  fromLastAnswer: (part: string) => `Como en mi respuesta anterior: ${part}`,
  nothingMoreOnThat:
    'No tengo más sobre eso de lo que acabo de decir. Servicio al Cliente de ASE (1-800-390-6789) puede ayudarle, o diga "hablar con una persona".',
  noneChosen:
    'Perdón, no lo encontré. Pruebe a preguntarlo con otras palabras, o llame a Servicio al Cliente de ASE al 1-800-390-6789 para hablar con una persona.',
  unknown: 'Perdón, eso no lo sé. Respondo preguntas sobre los exámenes y la certificación de ASE.',
  aboutDate: (date: string, signIn: boolean) =>
    `${date}: ¿qué pasó ese día? Dígamelo con la fecha, por ejemplo "reprobé el A5 el 3 de marzo" o "compré mi examen el 3 de marzo", y le calculo lo que significa para usted.${signIn ? ' Si es su fecha de nacimiento, para iniciar sesión envíe su ASE ID, su fecha de nacimiento y los últimos 4 dígitos de su SSN en un solo mensaje.' : ''}`,
  aboutTest: (tests: string) => `${tests}: ¿qué le gustaría saber? Por ejemplo, cuándo puede volver a tomarlo, cuándo vence, o si todavía puede cambiar su cita.`,
  unknownWithSuggestions: 'Perdón, no estoy seguro de haberle entendido. ¿Preguntaba por una de estas?',
  unknownTwice:
    'Sigo sin entenderle, perdón. Puede hablar con una persona en Servicio al Cliente de ASE, 1-800-390-6789, o preguntarlo con otras palabras.',
  talkToPerson: 'Hablar con una persona',
  unknownTwiceOfferPerson: 'Sigo sin entenderle, perdón. Elija "Hablar con una persona" y alguien del soporte de ASE se unirá, o pregúntelo con otras palabras.',
  acknowledged: '¡De acuerdo! ¿Hay algo más en que pueda ayudarle?',
  nothingToRepeat: 'Todavía no le he preguntado nada. ¿En qué puedo ayudarle?',
  emptyMessage: 'Solo puedo leer mensajes de texto. Escriba su pregunta, por favor.',
  turnError: 'Perdón, algo falló de mi lado. Inténtelo de nuevo en un momento.',
  noAccounts: 'Aquí no puedo consultar cuentas, pero puedo responder preguntas generales sobre los exámenes de ASE.',
  storeDown: 'No puedo continuar con esto ahora mismo; inténtelo de nuevo en un minuto. Sí puedo responder preguntas generales.',
  lostTrack: 'Perdí el hilo de nuestra conversación por un momento; ¿podría hacer la pregunta completa otra vez?',
  sourceTitle: 'Preguntas frecuentes de ASE',
  sourceLabel: 'Fuente',
  languageChanged: 'De acuerdo, seguimos en español.',
  languageOffered: 'Sí, puedo contestarle en inglés: diga "English" (o escríbame en inglés).',
  languageOfferedButton: { title: 'English', value: 'English' },
  task: esTasks,
  linking: esLinking,
  handoff: esHandoff,
};
