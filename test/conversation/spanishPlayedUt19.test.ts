// Conversations played in session ut19 by a tester who never read the code, each fixed where it went
// wrong and kept here as a transcript over the production wiring. Signed-in Spanish questions about
// the candidate's own account are answered from it, as their English twins are; SMS keywords and
// MORE answer in the conversation's language. Every Spanish reply is then scanned for English
// sentences. The clock: Thursday, March 20, 2025, 11:00 in New York.

import { describe, expect, it } from 'vitest';
import { smsEn, smsEs } from '../../src/channels/sms/messages.js';
import { en } from '../../src/messages/en.js';
import { es as m } from '../../src/messages/es.js';
import { englishSentencesIn } from '../support/englishSentences.js';
import { all, buttons, not, runTranscript, type Turn } from '../support/conversation.js';
import { demo1, demo3, demo4, spanishTranscripts } from './suite.js';

/** A Spanish sentence as either channel writes it: with its accents (Web Chat) or without á í ó ú (SMS). */
function es(text: string): RegExp {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(escaped.replace(/[áa]/g, '[aá]').replace(/[íi]/g, '[ií]').replace(/[óo]/g, '[oó]').replace(/[úu]/g, '[uú]'));
}

type Table = Array<[string, Turn[]]>;
const name = (turns: Turn[]): string[] => turns.map(([said]) => String(said));

/** The FAQ's general change-or-cancel answer, which asks for the date the account already holds. */
const asksTheDate = es('Dígame la fecha de su cita');

const accountInSpanish: Table = [
  ['signed in, "la quiero cambiar" after the A9 appointment is shown says it can still be changed (it said no changes are allowed within three days)', [
    ['hola', es(m.greeting)],
    [demo4, es('ha iniciado sesión')],
    ['cuando es mi cita del A9', es('Todavía puede cambiarla o cancelarla antes del')],
    ['la quiero cambiar', all(es('Todavía puede cambiarla o cancelarla'), not(es('No se permiten cambios dentro de los tres días')))],
  ]],
  ['signed in, "quiero cancelar la cita del A9" gives the deadline and asks before cancelling, as "cancel my A9 appointment" does (it was the FAQ answer asking the date)', [
    ['hola', es(m.greeting)],
    [demo4, es('ha iniciado sesión')],
    ['quiero cancelar la cita del A9', all(es('¿Cancelar su cita de A9 del'), not(asksTheDate))],
    ['no', es(m.linking.keptIt)],
  ]],
  ['signed in, "se puede reschedulear la cita del A9?" is answered from the account (it was the FAQ answer with a sentence twice, asking the date)', [
    ['hola', es(m.greeting)],
    [demo4, es('ha iniciado sesión')],
    ['se puede reschedulear la cita del A9?', all(es('Su cita de A9 es el'), es('Todavía puede cambiarla o cancelarla'), not(asksTheDate))],
  ]],
  ['signed in, "cancelala" and "la quiero cancelar" right after the appointment is shown ask before cancelling it', [
    ['hola', es(m.greeting)],
    [demo4, es('ha iniciado sesión')],
    ['cuando es mi cita', es('Su cita de A9 es el')],
    ['cancelala', es('¿Cancelar su cita de A9 del')],
    ['no', es(m.linking.keptIt)],
    ['cuando es mi cita', es('Su cita de A9 es el')],
    ['la quiero cancelar', es('¿Cancelar su cita de A9 del')],
    ['no', es(m.linking.keptIt)],
  ]],
  ['signed in on SMS, "la quiero cambiar" after MAS on the appointment answer is still about that appointment', [
    [demo4, es('ha iniciado sesión')],
    ['cuando es mi cita del A9', es('Todavía puede cambiarla o cancelarla antes del')],
    ['MAS', es('La nueva fecha no puede ser posterior')],
    ['la quiero cambiar', all(es('Todavía puede cambiarla o cancelarla'), not(es('No se permiten cambios dentro de los tres días')))],
  ]],
  ['signed in, "que necesito para recuperar el master" is the account\'s Master answer, as in English (it was the general FAQ answer)', [
    ['hola', es(m.greeting)],
    [demo3, es('ha iniciado sesión')],
    ['que necesito para recuperar el master', all(es('su estatus de Técnico Maestro de Automóvil está suspendido'), not(es('Dígame qué exámenes de la serie han vencido')))],
  ]],
  ['signed in, "y la del A4?" after the A5 appointment is shown is the A4 appointment, from the account', [
    ['hola', es(m.greeting)],
    [demo1, es('ha iniciado sesión')],
    ['cuando es mi cita del A5', es('Su cita de A5')],
    ['y la del A4?', all(es('Su cita de A4'), not(asksTheDate))],
  ]],
  ['signed in, "y la del A5?" after the Master answer is the A5 certification, from the account', [
    ['hola', es(m.greeting)],
    [demo3, es('ha iniciado sesión')],
    ['sigo siendo master?', es('suspendido')],
    ['y la del A2?', es('Su certificación A2 vence')],
  ]],
];

/** The English twins of the follow-ups above. */
const accountInEnglish: Table = [
  ['signed in, "I want to change it" after the A9 appointment is shown says until when it can be changed', [
    ['hi', 'Hello'],
    ['sign in', 'ASE ID'],
    [demo4, /signed in|ha iniciado/],
    ['when is my A9 appointment', 'You can still change or cancel it before'],
    ['I want to change it', all('You can still change or cancel it before', not('within three days'))],
  ]],
];

/** Where the candidate stands, asked in a word. */
const status: Table = [
  ['signed out, "whats my status" says what the account can tell and offers sign-in (it was "not sure I understood"); signed in, the answer comes from the account', [
    ['whats my status', all(en.task.statusInYourAccount, not(en.unknown))],
    ['sign in', 'ASE ID'],
    [demo3, all('signed in', 'Your Master Automobile Technician status is suspended because A6', 'You have 8 certifications')],
  ]],
  ['signed in, "whats my status" sums up the Master status and the certifications (it was "not sure I understood")', [
    ['sign in', 'ASE ID'],
    [demo3, 'signed in'],
    ['whats my status', all('Your Master Automobile Technician status is suspended because A6', 'You have 8 certifications', not('No:'))],
  ]],
  ['signed in, "which ones are expiring" after the Master answer lists the certifications expiring soon (it was a general line about Master)', [
    [`am I still a master tech? my id is DEMO-0003 born 3/3/1980 last4 0003`, 'suspended'],
    ['which ones are expiring', all('certification expires in the next 90 days', 'A2', not('Master status lasts only'))],
  ]],
];

const statusInSpanish: Table = [
  ['signed out, "hola quiero ver mi cuenta" says what the account can tell and offers sign-in (it was the answer about who can see results)', [
    ['hola quiero ver mi cuenta', all(es(m.task.statusInYourAccount), not(es('quién puede ver sus resultados')))],
  ]],
  ['signed in, "cual es mi estatus" and "cuales se vencen pronto" are answered from the account', [
    ['hola', es(m.greeting)],
    [demo3, es('ha iniciado sesión')],
    ['cual es mi estatus', all(es('Su estatus de Técnico Maestro de Automóvil está suspendido porque A6'), es('Tiene 8 certificaciones'))],
    ['cuales se vencen pronto', es('A2')],
  ]],
];

/** SMS keywords in an English conversation stay English, carrier line and bot alike. */
const englishOnSms: Table = [
  ['SMS: AYUDA in an English conversation gets the carrier line and the bot\'s help both in English (the carrier line was Spanish)', [
    ['HELP', all(smsEn.help, en.help)],
    ['AYUDA', all(smsEn.help, en.help, not(smsEs.help))],
  ]],
];

/**
 * What SMS spells (docs/channels-sms.md): á, í, ó, ú are dropped, since one of them makes the whole
 * text UCS-2 (70 characters a segment, not 160); é, ñ, ü, ¿ and ¡ are GSM-7 and kept. Web Chat keeps all.
 */
const smsSpelling: Table = [
  ['on SMS a Spanish reply keeps é, ñ and ¿ and goes without á, í, ó, ú', [
    ['reprobé el A8 el 3 de marzo, cuando puedo volver a tomarlo', all('después del', '30 dias completos', not(/[áíóúÁÍÓÚ]/))],
    ['cancelar', /./],
    ['reprobé el A5 puedo volver a tomarlo?', all('¿En qué fecha', not(/[áíóúÁÍÓÚ]/))],
  ]],
];

/** Played on Monday, December 7, 2026. */
const onAMonday: Table = [
  ['on a Monday, "el martes que viene a las 9" asks whether tomorrow or a week later, in Spanish (it was read as tomorrow, too late to change)', [
    ['hola necesito reprogramar mi cita del test', es('Dígame la fecha de su cita')],
    ['el martes que viene a las 9', all(es('¿A qué fecha se refiere?'), buttons('martes, 8 de diciembre de 2026 a las 9:00 a. m.', 'martes, 15 de diciembre de 2026 a las 9:00 a. m.'), not(es('entendido')), not(es('ya no se puede cambiar')))],
  ]],
];

describe('Conversations played in session ut19, through the production wiring', () => {
  const { run, replies: spanishReplies, bot } = spanishTranscripts();

  it.each(englishOnSms)('%s', async (_name, turns) => {
    await runTranscript(turns, { bot: bot(), channels: ['sms'] });
  });
  it.each(smsSpelling)('%s', (_name, turns) => run(turns, ['sms']));
  it.each(onAMonday)('%s', async (_name, turns) => {
    await runTranscript(turns, { now: new Date('2026-12-07T15:00:00Z'), channels: ['webchat', 'sms'] });
  });
  it.each(statusInSpanish)('%s', (_name, turns) => run(turns, ['webchat', 'sms']));
  it.each([...accountInEnglish, ...status])('%s', async (_name, turns) => {
    await runTranscript(turns, { bot: bot(), channels: ['webchat', 'sms'] });
  });

  it.each(accountInSpanish)('%s', (_name, turns) => run(turns, name(turns).includes('MAS') ? ['sms'] : ['webchat', 'sms']));

  it('no English sentence reaches these Spanish conversations (every reply above, sentence by sentence)', () => {
    expect(spanishReplies.length).toBeGreaterThan(10);
    const found = englishSentencesIn(spanishReplies).filter((line) => !line.includes('(Master Automobile Technicians)'));
    expect(found).toEqual([]);
  });
});
