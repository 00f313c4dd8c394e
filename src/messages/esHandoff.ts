import type { HandoffMessages } from './enHandoff.js';

/**
 * enHandoff in Spanish. Staff-facing topics stay in English (the console is in English); the
 * candidate is told that the person who joins may answer in English (see docs/spanish.md).
 */
export const esHandoff: HandoffMessages = {
  queued: (position: number, minutes: number) =>
    `He pedido a una persona del equipo de soporte de ASE que se una. ${position <= 1 ? 'Usted es el siguiente' : `Usted es el número ${position} en la fila`}; debería tardar ${minutes <= 1 ? 'más o menos un minuto' : `unos ${minutes} minutos`}. Escriba su pregunta aquí mientras espera, o diga "volver al bot" para seguir conmigo.`,
  afterHours: (replyBy: string) =>
    `Nuestro equipo de soporte no está disponible ahora. Deje su pregunta y cómo prefiere que le contactemos (correo electrónico o teléfono), y alguien le responderá antes de ${replyBy}. O diga "volver al bot" para seguir conmigo.`,
  staffOnlyLead: 'Esto lo tiene que ver nuestro equipo de soporte.',
  stillWaiting: (position: number) =>
    position <= 1 ? 'Gracias, lo he pasado. Usted es el siguiente.' : `Gracias, lo he pasado. Usted es el número ${position} en la fila.`,
  noSpeakerOnShift:
    'Ahora mismo no hay en turno nadie del equipo de soporte que hable español, así que quizá le atiendan en inglés. También puede llamar a Servicio al Cliente de ASE al 1-800-390-6789.',
  messageTaken: 'Gracias, se lo he pasado a nuestro equipo de soporte.',
  contactDeclined: 'Está bien, no tiene que dejar sus datos de contacto. Su pregunta ya la tiene nuestro equipo de soporte, y su respuesta llegará aquí en este chat.',
  askLeaveQueue: '¿Quiere salir de la fila?',
  leaveQueueYes: 'Sí, volver al bot',
  leaveQueueYesValue: 'volver al bot',
  leaveQueueNo: 'No, seguir esperando',
  leaveQueueNoValue: 'seguir esperando',
  stayingInLine: (position: number) => (position <= 1 ? 'De acuerdo, sigue en la fila: usted es el siguiente.' : `De acuerdo, sigue en la fila: usted es el número ${position}.`),
  left: 'De acuerdo, le he sacado de la fila. Vuelvo a ser el bot: ¿en qué puedo ayudarle?',
  staffToldSignedIn: 'He avisado al personal de soporte de que ha iniciado sesión.',
  leftToAnswer: 'De acuerdo, le he sacado de la fila; vuelvo a ser el bot.',
  leftWithAgent: 'De acuerdo, he terminado su chat con nuestro equipo de soporte. Vuelvo a ser el bot: ¿en qué puedo ayudarle?',
  joined: (agent: string) => `Ahora está hablando con ${agent}, del soporte de ASE.`,
  transferred: (agent: string) => `${agent}, del soporte de ASE, continúa su conversación.`,
  requeued: 'Vuelve a estar en la fila para la próxima persona de nuestro equipo de soporte. Quédese aquí y alguien le atenderá en breve.',
  ended: (agent: string) => `${agent} ha terminado el chat. Vuelvo a ser el bot: pregúnteme lo que quiera sobre los exámenes de ASE.`,
  handedBack: (agent: string) => `${agent} le ha pasado de nuevo a mí, el bot. ¿En qué más puedo ayudarle?`,
  handedBackAnswering: (agent: string, question: string) => `${agent} le ha pasado de nuevo a mí, el bot. Usted preguntó: "${question}" Esta es mi respuesta.`,
  externalFailed:
    'No he podido contactar con nuestro equipo de soporte en este momento. Puede llamar a Servicio al Cliente de ASE al 1-800-390-6789, o seguir preguntándome.',
  externalCompleted: 'Su chat con nuestro equipo de soporte ha terminado. Vuelvo a ser el bot: ¿en qué puedo ayudarle?',
  externalRequested: 'Le estoy comunicando con una persona del equipo de soporte de ASE. Quédese en este chat, por favor.',
  topic: {
    asked: 'Asked for a person',
    misunderstood: "Bot didn't understand",
    'staff-only': 'Needs staff',
  },
};
