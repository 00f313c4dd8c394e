import { yList } from './lists.js';
import type { enLinking } from './enLinking.js';

/** "su ASE ID y sus últimos 4 dígitos del SSN": each part with its possessive. */
const yoursList = (parts: string[]) => yList(parts.map((part) => `${/^últimos/.test(part) ? 'sus' : 'su'} ${part}`));

/** enLinking in Spanish (usted), the same keys: signing in and cancelling from the account. */
export const esLinking: typeof enLinking = {
  askCredentials:
    'Puedo buscarlo en su cuenta. Para comprobar que es usted, envíe su ASE ID, su fecha de nacimiento y los últimos 4 dígitos de su SSN en un solo mensaje, por ejemplo "AB123456, 3 de marzo de 1985, 1234". Los verifico con ASE y no los guardo.',
  forgotId:
    'No hay problema: no tiene que iniciar sesión. Servicio al Cliente de ASE (1-800-390-6789) puede ayudarle a encontrar su ASE ID, y mientras tanto puedo responder preguntas generales. ¿Qué le gustaría saber?',
  forgotIdCarryOn: 'No hay problema: no tiene que iniciar sesión. Servicio al Cliente de ASE (1-800-390-6789) puede ayudarle a encontrar su ASE ID.',
  noNeedToSignIn:
    'No hay problema: no tiene que iniciar sesión. Puedo responder preguntas generales, y puede ver sus propios datos entrando en myASE. ¿Qué le gustaría saber?',
  help: 'Para iniciar sesión, envíe su ASE ID, su fecha de nacimiento y los últimos 4 dígitos de su SSN en un solo mensaje, por ejemplo "AB123456, 3 de marzo de 1985, 1234". O haga su pregunta y se la responderé en general.',
  confirmHelp: 'Diga sí para cancelar esa cita, o no para conservarla.',
  whichHelp: 'Elija la cita que quiere cancelar por su número, o diga "empezar de nuevo".',
  signInLapsed: 'Su sesión ha caducado, así que no he cancelado nada. Diga "iniciar sesión" para entrar de nuevo.',
  birthDateNeedsYear: (date: string, rest: string[]) =>
    `¿"${date}" es su fecha de nacimiento? La necesito con el año, por ejemplo "3 de marzo de 1985"${rest.length ? `, y también ${yoursList(rest)}` : ''}. O pregúnteme otra cosa para saltar este paso.`,
  notABirthDate: (date: string, missing: string[]) =>
    `"${date}" no puede ser una fecha de nacimiento. Para iniciar sesión necesito ${yoursList(missing)}, por ejemplo "AB123456, 3 de marzo de 1985, 1234". O pregúnteme otra cosa para saltar este paso.`,
  idAlone:
    'Eso parece su ASE ID: gracias. Ahora envíe su fecha de nacimiento y los últimos 4 dígitos de su SSN, por ejemplo "3 de marzo de 1985, 1234" (los guardo solo hasta que inicie sesión). O pregúnteme otra cosa para omitir esto.',
  stillNeed: (missing: string[]) =>
    `Gracias. Todavía necesito ${yoursList(missing)} (guardo lo que me envió solo hasta que inicie sesión). O pregúnteme otra cosa para saltar este paso.`,
  finishSigningIn: (missing: string[]) => `Para terminar de iniciar sesión, envíe ${yoursList(missing)}. O siga con sus preguntas.`,
  parts: { aseId: 'ASE ID', dateOfBirth: 'fecha de nacimiento', ssnLast4: 'últimos 4 dígitos del SSN' },
  signedIn: (name: string) => `Gracias, ${name}: ha iniciado sesión en esta conversación.`,
  signedInByWeb: 'Ha iniciado sesión a través del sitio web, así que puedo responder desde su cuenta.',
  mismatch: (left: number) =>
    `Esos datos no coinciden con ninguna cuenta de ASE. Revíselos e inténtelo de nuevo (${left} ${left === 1 ? 'intento' : 'intentos'} antes de una pausa de 15 minutos).`,
  waitABit: (seconds: number) =>
    `Por su seguridad, espere ${seconds <= 5 ? 'unos segundos' : seconds < 60 ? `${seconds} segundos` : 'un minuto'} y envíe sus datos de nuevo.`,
  lockedOut: (until: string) =>
    `Demasiados intentos. Por su seguridad, espere hasta ${until} antes de intentarlo de nuevo, o llame a Servicio al Cliente de ASE al 1-800-390-6789.`,
  signedOut: 'Ha cerrado sesión. No volveré a mirar su cuenta en esta conversación a menos que inicie sesión.',
  notSignedIn: 'No había iniciado sesión.',
  accountUnavailable: 'No puedo acceder a su cuenta en este momento. Inténtelo de nuevo en unos minutos; las preguntas generales siguen funcionando.',
  accountProblem: 'Hay un problema con la información de su cuenta de nuestro lado. Servicio al Cliente de ASE (1-800-390-6789) puede ayudarle.',
  accountGone: 'Ya no encuentro su cuenta, así que he cerrado su sesión. Inicie sesión de nuevo, por favor.',
  confirmCancel: (label: string) => `¿Cancelar su ${label}? No se puede deshacer.`,
  whichToCancel: '¿Qué cita quiere que cancele?',
  cancelled: (label: string) => `Hecho: su ${label} está cancelada. La verá en myASE como cancelada.`,
  keptIt: 'De acuerdo, no he cancelado nada.',
  cancelRefused: (reason: string) => `No pude cancelarla: ${reason}`,
  refusedTooLate: 'faltan menos de tres días (72 horas) para la cita, y entonces no se permiten cambios.',
  refusedAlreadyCancelled: 'ya estaba cancelada.',
  refusedOther: 'el sistema de cuentas lo rechazó. Servicio al Cliente de ASE (1-800-390-6789) puede ayudarle.',
  appointmentGone: 'Ya no encuentro esa cita en su cuenta. Puede que ya se haya cambiado o cancelado.',
  privateOnly: 'Por su privacidad solo miro cuentas en un chat individual conmigo. Escríbame directamente para iniciar sesión.',
  alreadySignedIn: 'Ya ha iniciado sesión en esta conversación.',
  yes: 'Sí, cancelarla',
  no: 'No, conservarla',
};
