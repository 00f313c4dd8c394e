// The repair suite in Spanish: a Spanish twin of each English transcript of repair.test.ts (step by
// step, one-shot, a FAQ question in between and back, correction, switch, cancelar / empezar de
// nuevo / ayuda, sign-in offered and a fact given instead, signed in), Spanish questions about the
// candidate's own account, and STOP / AYUDA / START on SMS. Each runs over the production wiring on
// Web Chat and SMS (the SMS keywords on SMS only), and every Spanish reply is scanned for English
// sentences. The clock: Thursday, March 20, 2025, 11:00 in New York.

import { describe, expect, it } from 'vitest';
import { es as m } from '../../src/messages/es.js';
import { smsEs } from '../../src/channels/sms/messages.js';
import { englishSentencesIn } from '../support/englishSentences.js';
import { all, buttons, not, type Turn } from '../support/conversation.js';
import { demo1, demo2, demo3, spanishTranscripts } from './suite.js';

/** A Spanish sentence as either channel writes it: with its accents (Web Chat) or without á í ó ú (SMS). */
function es(text: string): RegExp {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(escaped.replace(/[áa]/g, '[aá]').replace(/[íi]/g, '[ií]').replace(/[óo]/g, '[oó]').replace(/[úu]/g, '[uú]'));
}

const opens = 'reprobé el A5, ¿cuándo lo puedo repetir?';
const ask = es(m.task.retest.askDate('A5'));
const retestOn3March = es('a partir del jueves, 3 de abril de 2025');
const handedOver = es('He pedido a una persona del equipo de soporte de ASE');
const noHandover = all(not(handedOver), not(es(m.task.gaveUpOfferPerson)), not(es(m.unknown)));
const signIn = 'iniciar sesión';

type Table = Array<[string, Turn[]]>;

const repairTwins: Table = [
  // acknowledgements never escalate
  ['"ok", "vale", "entendido", "perfecto", "gracias, adiós" seguidos reciben respuestas breves', [
    ['hola', es(m.greeting)],
    ['ok', all(es(m.acknowledged), noHandover)],
    ['vale', all(es(m.acknowledged), noHandover)],
    ['entendido', all(es(m.acknowledged), noHandover)],
    ['perfecto', all(es(m.acknowledged), noHandover)],
    ['gracias, adiós', all(es(m.goodbye), noHandover)],
  ]],
  ['"ok" a mitad de una tarea repite la pregunta, y la tarea termina', [
    [opens, ask],
    ['ok', all(es(m.task.okayBack), ask, noHandover)],
    ['el 3 de marzo', retestOn3March],
    ['perfecto', all(es(m.acknowledged), noHandover)],
  ]],
  ['"gracias, adiós" a mitad de una tarea se despide y deja la pregunta', [
    [opens, ask],
    ['gracias, adiós', all(es(m.goodbye), not(ask), noHandover)],
    ['el 3 de marzo', not(retestOn3March)],
  ]],
  ['"gracias" después de una respuesta se agradece, no se malentiende', [
    ['¿cuánto cuestan los duplicados de A1, A5 y T2?', '$15.00'],
    ['gracias', all(es(m.thanks), noHandover)],
  ]],
  // talking to a person
  ['"hablar con una persona" dentro de una frase pasa la conversación', [
    ['recibí mis resultados pero nunca llegó mi certificado. quiero hablar con una persona', handedOver],
  ]],
  ['"hablar con una persona" a mitad de una tarea pasa la conversación', [
    [opens, ask],
    ['esto es confuso, ¿puedo hablar con una persona?', handedOver],
  ]],
  ['dos respuestas sin sentido ofrecen una persona sin ponerle en la fila, y el bot sigue respondiendo', [
    [opens, ask],
    ['plátano', all(es(m.task.didNotGetIt), ask, noHandover)],
    ['morado', all(es(m.task.gaveUpOfferPerson), buttons(m.talkToPerson), not(handedOver))],
    ['hola', all(es(m.greeting), not(handedOver))],
  ]],
  ['tras la oferta de una persona, elegirla pasa la conversación', [
    [opens, ask],
    ['plátano', es(m.task.didNotGetIt)],
    ['morado', buttons(m.talkToPerson)],
    [m.talkToPerson, handedOver],
  ]],
  ['"1" tras la oferta de una persona (SMS: "Responda con un numero.") pasa la conversación', [
    [opens, ask],
    ['plátano', es(m.task.didNotGetIt)],
    ['morado', buttons(m.talkToPerson)],
    ['1', handedOver],
  ]],
  ['"nada, ya no" en la fila le saca de la fila', [
    ['quiero hablar con una persona', handedOver],
    ['no importa', es(m.handoff.left)],
  ]],
  // help, start over and how to stop
  ['"ayuda" a mitad de una tarea explica el paso, y "empezar de nuevo" termina la tarea', [
    [opens, ask],
    ['ayuda', all(es(m.task.retest.help), ask)],
    ['empezar de nuevo', es(m.startOver)],
    ['el 3 de marzo', not(retestOn3March)],
  ]],
  ['"¿qué puedes hacer?" dice lo que hace, en español', [['¿qué puedes hacer?', es('Puedo responder preguntas sobre los exámenes de ASE')]]],
  ['una tarea cancelada no se retoma con una respuesta tardía', [
    [opens, ask],
    ['cancelar', es(m.cancelled)],
    ['gracias', es(m.thanks)],
  ]],
  ['"olvídalo" a mitad de una tarea la deja', [
    [opens, ask],
    ['olvídalo', all(es(m.cancelled), not(ask))],
  ]],
  ['"¿qué puedo decir?" a mitad de una tarea se lee como ayuda', [
    [opens, ask],
    ['¿qué puedo decir?', all(es(m.task.retest.help), ask, not(es(m.task.didNotGetIt)))],
  ]],
  ['"repite" a mitad de una tarea vuelve a preguntar', [
    [opens, ask],
    ['repite', ask],
    ['el 3 de marzo', retestOn3March],
  ]],
  // step by step, one-shot, FAQ in between, correction, switch
  ['paso a paso: la regla general, la fecha, la respuesta', [
    ['no pasé el examen A5, ¿cuándo lo puedo volver a tomar?', all(es('30 días completos'), ask)],
    ['el 3 de marzo', retestOn3March],
  ]],
  ['de una vez: la tarea con su fecha se responde en un turno', [
    ['reprobé el A5 el 3 de marzo, ¿cuándo puedo repetirlo?', retestOn3March],
  ]],
  ['una pregunta de las preguntas frecuentes en medio se responde, y se vuelve a la pregunta', [
    [opens, ask],
    ['¿cuándo me dan los resultados?', all(es('Su reporte de puntaje detallado'), es(m.task.backToIt), ask)],
    ['el 3 de marzo', retestOn3March],
  ]],
  ['una corrección ("no, quise decir A4") vuelve a hacer la tarea', [
    ['reprobé el A5 el 3 de marzo, ¿cuándo puedo repetirlo?', retestOn3March],
    ['no, quise decir A4', es('Puede comprar A4 de nuevo a partir del jueves, 3 de abril de 2025')],
  ]],
  ['otra tarea con sus datos ("en realidad falté a mi cita ayer") deja la primera', [
    [opens, ask],
    ['en realidad falté a mi cita ayer', all(es('Dejo por ahora la pregunta'), not(ask))],
  ]],
  ['otra tarea con sus datos ("en realidad compré un examen el 10 de enero...") deja la primera', [
    [opens, ask],
    ['en realidad compré un examen el 10 de enero, ¿cuánto tiempo tengo?', all(es('Dejo por ahora la pregunta'), es('10 de abril de 2025'), not(ask))],
  ]],
  ['la fecha de compra: cuántos días quedan', [
    ['compré un examen el 10 de enero, ¿cuánto tiempo tengo?', es('10 de abril de 2025')],
  ]],
  ['el costo de los duplicados por serie', [
    ['¿cuánto cuesta un duplicado de A1 y A5?', '$7.50'],
  ]],
  // sign-in offered, and a fact given instead
  ['una pregunta de la cuenta ofrece iniciar sesión, y una fecha la responde sin iniciar sesión', [
    ['no pasé el examen, ¿cuándo lo puedo volver a tomar?', all(es('Dígame la fecha en que lo tomó'), not(/SSN|últimos 4/))],
    ['hace dos semanas', all(es('domingo, 6 de abril de 2025'), not(/SSN|últimos 4/))],
  ]],
  ['una pregunta general nunca pide dígitos del SSN', [
    ['¿cuánto tiempo es válida una certificación?', all(es('cinco años'), not(/SSN|últimos 4/))],
  ]],
  // signed in
  ['"iniciar sesión" con los datos de demostración inicia sesión, y "cerrar sesión" la termina', [
    [signIn, es('Para comprobar que es usted, envíe su ASE ID')],
    [demo2, es(m.linking.signedIn('Demo'))],
    ['cerrar sesión', es(m.linking.signedOut)],
  ]],
];

const accountQuestions: Table = [
  ['con sesión iniciada: "¿qué certificaciones me vencen este año?"', [
    [signIn, es('Para comprobar que es usted')],
    [demo3, es('ha iniciado sesión')],
    ['¿qué certificaciones me vencen este año?', all('A2', es('domingo, 4 de mayo de 2025'), es('viernes, 28 de febrero de 2025'), not('expire'))],
  ]],
  ['con sesión iniciada: "¿por qué no me ha llegado mi certificado?"', [
    [signIn, es('Para comprobar que es usted')],
    [demo2, es('ha iniciado sesión')],
    ['¿por qué no me ha llegado mi certificado?', all('A1', es('experiencia laboral'), es('martes, 11 de marzo de 2025'), not('work experience'))],
  ]],
  ['con sesión iniciada: "¿cuándo es mi cita?" lista las citas, con lo que se puede cambiar', [
    [signIn, es('Para comprobar que es usted')],
    [demo1, es('ha iniciado sesión')],
    ['¿cuándo es mi cita?', all(es('Tiene 2 citas de examen próximas'), es('sábado, 22 de marzo de 2025 a las 1:30 p. m.'), es('Cambiar o cancelar antes del martes, 25 de marzo de 2025'), not('upcoming'))],
  ]],
  ['con sesión iniciada: "¿cuándo vence mi A5?"', [
    [signIn, es('Para comprobar que es usted')],
    [demo3, es('ha iniciado sesión')],
    ['¿cuándo vence mi A5?', all(es('Su certificación A5 está vigente: vence el viernes, 24 de marzo de 2028'), not(/\bexpires?\b/), not('Brakes'))],
  ]],
  ['con sesión iniciada: "¿sigo siendo master?"', [
    [signIn, es('Para comprobar que es usted')],
    [demo3, es('ha iniciado sesión')],
    ['¿sigo siendo master?', all(es('No: su estatus de Técnico Maestro de Automóvil está suspendido porque A6 venció el viernes, 28 de febrero de 2025'), not(/\blapsed\b/), not('Master Automobile Technician'))],
  ]],
  ['con sesión iniciada: "¿aprobé mi último examen?" dice cuándo puede repetir lo que reprobó', [
    [signIn, es('Para comprobar que es usted')],
    [demo2, es('ha iniciado sesión')],
    ['¿aprobé mi último examen?', all(es('Puede comprar A8 de nuevo a partir del martes, 8 de abril de 2025'), not('Engine Performance'), es('fue un No Show'), not(/\byou\b/i))],
  ]],
  ['con sesión iniciada: "quiero cancelar mi cita" pregunta antes de cancelar, y "no" la conserva', [
    [signIn, es('Para comprobar que es usted')],
    [demo1, es('ha iniciado sesión')],
    ['quiero cancelar mi cita', all(es('Su cita de A5 del viernes, 28 de marzo de 2025 a las 9:00 a. m. todavía se puede cancelar'), es('¿Cancelar su cita de A5 del'), not('Brakes'), es('No se puede deshacer.'))],
    ['no', not(es('cancelada'))],
  ]],
  ['con sesión iniciada: "sale" a "¿Cancelar su cita?" no cancela ni se da por hecho: pide un sí o un no (decía "¡De acuerdo! ¿Hay algo más?")', [
    [signIn, es('Para comprobar que es usted')],
    [demo1, es('ha iniciado sesión')],
    ['quiero cancelar mi cita', es('¿Cancelar su cita de A5 del')],
    ['sale', all(es(m.linking.confirmHelp), es('¿Cancelar su cita de A5 del'), not(es('cancelada')), not(es(m.acknowledged)))],
    ['no', es(m.linking.keptIt)],
  ]],
  ['con sesión iniciada: "¿qué exámenes he comprado?"', [
    [signIn, es('Para comprobar que es usted')],
    [demo1, es('ha iniciado sesión')],
    ['¿qué exámenes he comprado?', all(es('De los exámenes que compró y no ha tomado: 1 por programar y 2 con cita'), es('a más tardar el miércoles, 26 de marzo de 2025'), not(es(m.didYouMean)))],
  ]],
  ['sin sesión: "¿cuándo es mi cita?" da la respuesta general y ofrece iniciar sesión', [
    ['¿cuándo es mi cita?', es('O diga "iniciar sesión" y lo busco en su cuenta.')],
  ]],
];

// Conversations played against `npm start` (Web Chat and --channel sms) in the es13 session, each
// fixed where it went wrong, kept here as it was played (the clock is this suite's, not that day's).
const played: Table = [
  ['tras la respuesta de cambiar una cita, "el jueves que viene a las 10" es la nueva cita, no una pregunta del día del examen', [
    ['mi examen es el lunes a las 9, ¿lo puedo cambiar?', es('Lunes, 24 de marzo de 2025 a las 9:00 a. m.')],
    ['el jueves que viene a las 10', all(es('Jueves, 27 de marzo de 2025 a las 10:00 a. m.'), es('todavía puede cambiarla o cancelarla'), not(es('No tengo detalles del día del examen')))],
  ]],
  ['una corrección con la hora ("no, es el viernes a las 10") dice "Cambiado a ... a. m." sin doble punto', [
    ['mi examen es el lunes a las 9, ¿lo puedo cambiar?', es('Lunes, 24 de marzo de 2025 a las 9:00 a. m.')],
    ['no, es el viernes a las 10', all(es('Cambiado a viernes, 21 de marzo de 2025 a las 10:00 a. m.'), not(/a\. m\.\./))],
  ]],
  ['duplicados: "¿y el T4?" lo agrega, y "no, quise decir el T3 no el T2" cambia solo el T2', [
    ['¿cuánto cuestan los duplicados de A1, A5 y T2?', '$15.00'],
    ['¿y el T4?', all(es('Agregado'), 'T2, T4', '$15.00')],
    ['no, quise decir el T3 no el T2', all(es('Cambiado a T3'), 'A1, A5', 'T4, T3', not(/\bT2\b/), '$15.00')],
  ]],
  ['correcciones en español en una tarea de fechas: "perdón, fue el 10 de marzo", "¿y qué tal el A4?", "no, el A6"', [
    ['reprobé el A5 el 3 de marzo, ¿cuándo puedo repetirlo?', retestOn3March],
    ['perdón, fue el 10 de marzo', all(es('Cambiado a lunes, 10 de marzo de 2025'), es('a partir del jueves, 10 de abril de 2025'))],
    ['¿y qué tal el A4?', all(es('Cambiado a A4'), es('Puede comprar A4 de nuevo'))],
    ['no, el A6', es('Cambiado a A6')],
    ['ok', es(m.acknowledged)],
    ['gracias', es(m.thanks)],
  ]],
  ['Master: "se me vencieron el A3 y el A5" nombra los dos, y el verbo concuerda', [
    ['¿sigo siendo master de autos si se me vencieron el A3 y el A5?', all(es('A3 y A5 vencieron'), not(es('¿Cuáles de los exámenes')))],
  ]],
  ['un desvío, "hablar con una persona" y "no importa" en la fila', [
    ['reprobé el A5, ¿cuándo lo puedo volver a tomar?', ask],
    ['¿cuánto cuesta un duplicado del certificado?', all('$7.50', es(m.task.backToIt), ask)],
    ['el 3 de marzo', retestOn3March],
    ['hablar con una persona', handedOver],
    ['no importa', es(m.handoff.left)],
  ]],
];

// Played against `npm start` in the es13c session, fixed where they went wrong.
const playedEs13c: Table = [
  ['duplicados: "no, quise decir A4 en vez de A5" cambia solo el A5 (agregaba el A4 y dejaba el A5)', [
    ['¿cuánto cuestan los duplicados de A1, A5 y T2?', '$15.00'],
    ['no, quise decir A4 en vez de A5', all(es('Cambiado a A4'), 'A1, A4', not(/\bA5\b/), '$15.00')],
  ]],
  ['"necesito duplicados de A1 y T2" da el total de una vez, como en inglés (pedía las series)', [
    ['necesito duplicados de A1 y T2', all('$15.00', not(es('Dígame de qué series')))],
  ]],
  ['"reprobé el examen de recertificación de A6" es un examen que repetir, no una certificación que vence', [
    ['reprobé el examen de recertificación de A6, ¿tengo que esperar 30 días?', all(es('Debe esperar 30 días completos'), not(es('¿Cuándo aprobó A6')))],
    ['fue el 3 de marzo', all(es('Puede comprar A6 de nuevo a partir del jueves, 3 de abril de 2025'), not(es('vence')))],
  ]],
  ['"tengo mi examen mañana y me enfermé" es la tarea de cambiar la cita, como en inglés (era "no estoy seguro de haberle entendido")', [
    ['tengo mi examen mañana y me enfermé', all(es('Viernes, 21 de marzo de 2025: entendido'), es('no se permiten cambios'), not(es(m.unknownWithSuggestions)))],
  ]],
  ['"compré un examen hace dos meses y no lo he programado" es el plazo de compra, y "hace dos meses" pide el día, como "2 months ago" en inglés (preguntaba "¿Se refería a una de estas?")', [
    ['compré un examen hace dos meses y no lo he programado', all(es('90 días desde la fecha de compra'), es('¿Qué día exactamente ("hace dos meses")?'), not(es(m.didYouMean)))],
    ['el 20 de enero', all(es('Lunes, 20 de enero de 2025: entendido'), es('Tiene hasta el'))],
  ]],
  ['"compré el A7 hace 5 meses": sea cual sea el día, ya venció (como "5 months ago"; era un día exacto, y "hace como 3 meses" decía que venció ayer)', [
    ['compré el examen A7 hace 5 meses, todavía lo puedo tomar?', all(es(m.task.approximately('hace 5 meses')), /[Vv]enci[oó]/, not(/entendido/))],
  ]],
  ['"mi appointment es el friday, lo puedo cambiar?": el día en inglés se lee en una conversación en español (daba la respuesta general y pedía la fecha)', [
    ['hola', es(m.greeting)],
    ['mi appointment es el friday, lo puedo cambiar?', all(es('Viernes, 21 de marzo de 2025: entendido'), not(/Friday/))],
  ]],
  ['"tengo el A3 agendado pal 22 ... ¿cómo la muevo pa después?" es la tarea de cambiar la cita, y "pal 22" es el día (preguntaba "¿Se refería a una de estas?")', [
    ['buenas wey, tengo el A3 agendado pal 22 y mi jefe me manda a un training esa semana, como la muevo pa despues?', all(es('Sábado, 22 de marzo de 2025: entendido'), not(es(m.didYouMean)))],
  ]],
  ['SMS y Web Chat: "troné el A5 hace 2 semanas" es reprobar (preguntaba "¿Se refería a una de estas?")', [
    ['troné el A5 hace 2 semanas', all(es('Jueves, 6 de marzo de 2025: entendido'), es('Puede comprar A5 de nuevo'))],
  ]],
  ['"hola, pueden ayudarme?" pide la ayuda (era "no estoy seguro de haberle entendido" con Adaptaciones ADA)', [
    ['hola, pueden ayudarme?', all(es(m.help), not(es(m.unknownWithSuggestions)))],
    ['buenas', es(m.greeting)],
  ]],
];

const playedOnSms: Table = [
  ['SMS: una respuesta acortada dice "Responda MAS", y "más" manda el resto', [
    ['¿cómo cambio o cancelo mi examen?', all(es(smsEs.moreHint), not(/\bMORE\b/))],
    ['más', es('Cancel Selected Appointment(s)')],
  ]],
];

const smsKeywords: Table = [
  ['SMS: AYUDA en una conversación en español da la ayuda en español, y STOP / START se confirman en español', [
    ['hola', es(m.greeting)],
    ['AYUDA', es(smsEs.help)],
    ['STOP', es(smsEs.optedOut)],
    ['START', es(smsEs.optedIn)],
    ['¿cuándo me dan los resultados?', es('Su reporte de puntaje detallado')],
  ]],
  // Played in ut19: the carrier line was Spanish and the bot's own help then English; MAS after a
  // Spanish answer with nothing more to send said so in English.
  ['SMS: AYUDA como primer mensaje da la línea del operador y la ayuda del bot, las dos en español', [
    ['AYUDA', all(es(smsEs.help), es(m.help), not('Ask me a question'))],
  ]],
  ['SMS: HELP en una conversación en español sigue en español', [
    ['hola', es(m.greeting)],
    ['HELP', all(es(smsEs.help), es(m.help))],
  ]],
  ['SMS: MAS o "más" sin nada más que enviar, tras una respuesta en español, lo dice en español', [
    ['reprobe el A8 hace dos semanas cuando puedo volver a tomarlo', es('Puede comprar A8 de nuevo a partir del')],
    ['MAS', es(smsEs.nothingMore)],
    ['más', es(smsEs.nothingMore)],
  ]],
  ['SMS: MAS como primer mensaje, sin nada guardado, se contesta en español', [
    ['MAS', es(smsEs.nothingMore)],
  ]],
];

describe('Spanish repair, account and SMS transcripts, on Web Chat and SMS through the production wiring', () => {
  const { run, replies: spanishReplies } = spanishTranscripts();

  describe('twins of the English repair suite', () => {
    it.each(repairTwins)('%s', (_name, turns) => run(turns, ['webchat', 'sms']));
  });
  describe('questions about the candidate\'s own account', () => {
    it.each(accountQuestions)('%s', (_name, turns) => run(turns, ['webchat', 'sms']));
  });
  describe('conversations played against npm start, each fixed', () => {
    it.each(played)('%s', (_name, turns) => run(turns, ['webchat', 'sms']));
    it.each(playedEs13c)('%s', (_name, turns) => run(turns, ['webchat', 'sms']));
    it.each(playedOnSms)('%s', (_name, turns) => run(turns, ['sms']));
  });
  describe('SMS keywords', () => {
    it.each(smsKeywords)('%s', (_name, turns) => run(turns, ['sms']));
  });

  it('no English sentence reaches a Spanish conversation (every Spanish reply above, sentence by sentence)', () => {
    expect(spanishReplies.length).toBeGreaterThan(100);
    expect(englishSentencesIn(spanishReplies)).toEqual([]);
  });
});
