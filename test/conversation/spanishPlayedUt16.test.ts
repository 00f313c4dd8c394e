// Spanish conversations played against `npm start` the way candidates write (no accents, "q", "porfa",
// Mexican "sale"/"órale", "el martes pasado"), each fixed where it went wrong and kept here as a
// transcript over the production wiring, on Web Chat and SMS. Every Spanish reply is then scanned for
// English sentences. The clock: Thursday, March 20, 2025, 11:00 in New York.

import { describe, expect, it } from 'vitest';
import { es as m } from '../../src/messages/es.js';
import { englishSentencesIn } from '../support/englishSentences.js';
import { all, not, runTranscript, type Turn } from '../support/conversation.js';
import { demo1, demo2, demo4, spanishTranscripts } from './suite.js';

/** A Spanish sentence as either channel writes it: with its accents (Web Chat) or without á í ó ú (SMS). */
function es(text: string): RegExp {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(escaped.replace(/[áa]/g, '[aá]').replace(/[íi]/g, '[ií]').replace(/[óo]/g, '[oó]').replace(/[úu]/g, '[uú]'));
}

type Table = Array<[string, Turn[]]>;
/** Turns written in English, before the candidate switches to Spanish: their replies are English. */
const ENGLISH_TURNS = new Set(['hi I need to reschedule my test']);

const played: Table = [
  ['signed in, "q citas tengo?" lists the appointments (it was the answer about change fees)', [
    ['hola', es(m.greeting)],
    [demo1, es('ha iniciado sesión')],
    ['q citas tengo?', all(es('Tiene 2 citas de examen próximas'), not(es('cargo')), es('a las 9:00 a. m. La nueva fecha'), not('a. m..'))],
  ]],
  ['signed in, "y mis resultados?" reads the results from the account (it was the missed-appointment answer)', [
    ['hola', es(m.greeting)],
    [demo2, es('ha iniciado sesión')],
    ['y mis resultados?', all(es('Sus resultados más recientes en su cuenta'), not(es('No hay reembolso por una cita perdida')))],
  ]],
  ['signed in, "si cancelala porfa" after the appointment is shown asks before cancelling (it repeated the whole FAQ answer)', [
    ['hola', es(m.greeting)],
    [demo4, es('ha iniciado sesión')],
    ['cuando es mi cita', es('Su cita de A9 es el')],
    ['si cancelala porfa', all(es('¿Cancelar su cita de A9 del'), es('No se puede deshacer.'))],
    ['no', all(es(m.linking.keptIt), not(es('cancelada')))],
  ]],
  ['"la saque el 15 de junio del 2021" keeps its year: the A4 expires in 2026 (it was read as the last June 15th and said 2029)', [
    ['cuando vence mi certificacion del A4? la saque el 15 de junio del 2021', all(es('15 de junio de 2021'), es('lunes, 15 de junio de 2026'), not(es('15 de junio de 2029')))],
  ]],
  ['the tests held "pero me falta el A2 y A3" after the Master answer: those two are missing (it asked which had lapsed)', [
    ['como le hago pa ser master technician', es('Técnico Maestro')],
    ['tengo A1 A4 A5 A6 A7 A8 pero me falta el A2 y A3', all(es('Todavía no: le faltan A2 y A3'), not(es('han vencido?')))],
  ]],
  ['"el G1 cuenta?" at "which have lapsed?" asks about G1: it is not told that it holds Master (it said "Sí: ... tiene el estatus")', [
    ['como le hago pa ser master technician', es('Técnico Maestro')],
    ['el G1 cuenta?', not(es('tiene el estatus de Técnico Maestro'))],
  ]],
  ['"sigo siendo master? tengo todos menos el A2": A2 is missing', [
    ['sigo siendo master? tengo todos menos el A2', es('Todavía no: le falta A2.')],
  ]],
  ['"sale gracias" while a retest date is asked keeps the question (it gave the results answer); "órale gracias" and "ok va" after an answer are thanks and ok (they were "no lo sé")', [
    ['reprobé el A5 puedo volver a tomarlo?', es(m.task.retest.askDate('A5'))],
    ['sale gracias', all(es(m.task.retest.askDate('A5')), not(es('Su reporte de puntaje')))],
    ['cancelar', es(m.cancelled)],
    ['se puede hacer el examen en español?', es('están disponibles en español')],
    ['órale gracias', all(es('¡De nada!'), not(es(m.unknown)))],
    ['ok va', all(es(m.acknowledged), not(es(m.unknown)))],
  ]],
  ['"perdon, mejor en español" after an English answer switches to Spanish, and the appointment date then answers its offer (it was "no estoy seguro de haberle entendido", and the date got the whole FAQ answer again)', [
    ['hi I need to reschedule my test', 'Tell me the date of your appointment'],
    ['perdon, mejor en español', es(m.languageChanged)],
    ['la cita es el 3 de abril', all(es('Jueves, 3 de abril de 2025: entendido'), es('Sí, todavía puede cambiarla o cancelarla'))],
  ]],
  ['"hola, prefiero español" as the first message is a switch, not the question about tests in Spanish', [
    ['hola, prefiero español', all(es(m.languageChanged), not(es('están disponibles en español')))],
  ]],
  ['"y me devuelven el dinero?" at "¿Ya aparece el resultado No Show?" is a question, not a yes (it said "ya puede comprar el examen de nuevo")', [
    ['no me presente a mi cita el 15 del mes pasado xq se me ponchó la llanta, q hago?', es(m.task.missed.askPosted)],
    ['y me devuelven el dinero?', all(not(es(m.task.missed.canRebuyNow)), es(m.task.missed.askPosted))],
  ]],
  ['signing in a piece at a time: "Todavía necesito sus últimos 4 dígitos del SSN" (it said "su últimos")', [
    ['necesito reschedulear mi appointment del test', es('Dígame la fecha de su cita')],
    ['DEMO-0004', es('Eso parece su ASE ID')],
    ['1980-04-04', all(es('Todavía necesito sus últimos 4 dígitos del SSN'), not(es('su últimos')))],
  ]],
  ['signed in after "necesito reschedulear", a date is not taken for the appointment the account holds (it said "ya no se puede cambiar ni cancelar" of a date two days away)', [
    ['necesito reschedulear mi appointment del test', es('Dígame la fecha de su cita')],
    [demo4, es('Su cita de A9 es el')],
    ['el martes que viene a las 9 de la mañana', all(es('Su cita de A9 es el'), es('Todavía puede cambiarla o cancelarla'), not(es('ya no se puede cambiar')))],
  ]],
  ['the sign-in details alone as the first message, for an account that prefers Spanish: signed in in Spanish, and the conversation goes on in Spanish (it said "Thanks, Demo: you\'re signed in")', [
    [demo4, all(es(m.linking.signedIn('Demo')), not('signed in'))],
    ['ok', es(m.acknowledged)],
  ]],
  ['"mi cita es el jueves 27 a las 8 de la mañana" is Thursday the 27th at 8:00 (it was read as Thursday at 10:00)', [
    ['mi cita es el jueves 27 a las 8 de la mañana, la puedo mover?', all(es('Jueves, 27 de marzo de 2025 a las 8:00 a. m.: entendido'), es('Hágalo antes del lunes, 24 de marzo de 2025 a las 8:00 a. m.'), not('10:00'))],
  ]],
  ['"reprobé el A2 antier" is two days ago (it asked the date)', [
    ['reprobé el A2 antier', all(es('Martes, 18 de marzo de 2025: entendido'), es('Puede comprar A2 de nuevo a partir del'))],
  ]],
  ['a long story, "compre el examen A7 hace como 3 meses y no lo he agendado ... ya lo perdi?", is the purchase window (it asked whether a No Show was posted); "hace como 3 meses" is about 90 days, so the day is asked, as in English', [
    ['hola buenas noches disculpe la molestia, fijese que compre el examen A7 hace como 3 meses y no lo he agendado porque estuve trabajando mucho, todavia lo puedo hacer o ya lo perdi?', all(not(es(m.task.missed.askPosted)), es('90 días desde la fecha de compra'), es('¿Qué día exactamente ("hace como 3 meses")?'))],
  ]],
];

/** English, the same dialog path: a fact that makes the question asked needless is answered, not noted. */
const playedEnglish: Table = [
  ['"I have T2 T3 T4 T5 T6 and T8" at "which have expired?" says T7 is missing (it said "T7: noted." and asked again)', [
    ['am I still a master truck tech?', 'have expired?'],
    ['I have T2 T3 T4 T5 T6 and T8', all("you're missing T7", not('noted'))],
  ]],
  ['the sign-in details alone as the first message, for an account that prefers English: signed in in English', [
    [demo1, "you're signed in"],
    ['ok', not(/¡De acuerdo!/)],
  ]],
  ['"I have all but T7" says T7 is missing', [
    ['am I still a master truck tech?', 'have expired?'],
    ['I have all but T7', "you're missing T7"],
  ]],
];

describe('Spanish conversations played in session ut16, on Web Chat and SMS through the production wiring', () => {
  // A conversation that starts in English is scanned from its switch to Spanish on.
  const { run, replies: spanishReplies, bot } = spanishTranscripts({ skip: (userSays) => ENGLISH_TURNS.has(userSays as string) });

  it.each(played)('%s', (_name, turns) => run(turns, ['webchat', 'sms']));
  it.each(playedEnglish)('%s', async (_name, turns) => {
    await runTranscript(turns, { bot: bot(), channels: ['webchat'] });
  });

  it('one day left is "Falta 1 día", two are "Faltan 2 días" (it said "Faltan 1 día")', () => {
    expect([m.task.retest.daysToWait(1), m.task.retest.daysToWait(2), m.task.recert.expiringSoon(1)]).toEqual([
      'Falta 1 día desde hoy.',
      'Faltan 2 días desde hoy.',
      'Falta 1 día, así que es un buen momento para recertificarse.',
    ]);
  });

  it('no English sentence reaches these Spanish conversations (every reply above, sentence by sentence)', () => {
    expect(spanishReplies.length).toBeGreaterThan(10);
    // The Spanish Master entry quotes the FAQ's English titles in brackets ("(Master Automobile
    // Technicians)", docs/spanish.md "Not done yet"): knowledge content, left to its owner.
    const found = englishSentencesIn(spanishReplies).filter((line) => !line.includes('(Master Automobile Technicians)'));
    expect(found).toEqual([]);
  });
});
