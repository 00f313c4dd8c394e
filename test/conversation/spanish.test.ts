// Spanish, end to end: transcripts over the production wiring (as `npm start` composes it), each on
// Web Chat and on SMS. On SMS Spanish is spelt without á, í, ó, ú (GSM-7), so expectations are
// written with `es()`, which matches either spelling. The clock: Thursday, March 20, 2025, 11:00
// in New York.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { es as esCatalogue } from '../../src/messages/es.js';
import { en } from '../../src/messages/en.js';
import { englishSentencesIn } from '../support/englishSentences.js';
import { all, not, runTranscript, startBot, type RunningBot, type Turn } from '../support/conversation.js';

/** A Spanish sentence as either channel writes it: with its accents (Web Chat) or without á í ó ú (SMS). */
function es(text: string): RegExp {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(escaped.replace(/[áa]/g, '[aá]').replace(/[íi]/g, '[ií]').replace(/[óo]/g, '[oó]').replace(/[úu]/g, '[uú]'));
}
const m = esCatalogue;

const table: Array<[string, Turn[]]> = [
  ['"hola" opens the conversation in Spanish, whatever the browser\'s language', [
    ['hola', all(es(m.greeting), not(en.greeting))],
    ['¿qué puedes hacer?', es('Puedo responder preguntas sobre los exámenes de ASE')],
  ]],
  ['a FAQ question in Spanish gets the Spanish entry, with Spanish follow-ups', [
    ['¿cuándo me dan los resultados?', all(es('Su reporte de puntaje detallado se le envía por correo electrónico'), not('score report'))],
  ]],
  ['a task asked with its facts is worked out at once, the date read with the Spanish parser and written in Spanish with the weekday', [
    ['reprobé el A5 el 3 de marzo, ¿cuándo puedo repetirlo?', all(es('Puede comprar A5 de nuevo a partir del jueves, 3 de abril de 2025'), es('después del lunes, 3 de marzo de 2025'), es('Faltan 14 días desde hoy'))],
  ]],
  ['a general question gets the general rule and the offer in Spanish; "hace dos semanas" then answers the offer', [
    ['no pasé el examen, ¿cuándo lo puedo volver a tomar?', all(es('Debe esperar 30 días completos'), es('Dígame la fecha en que lo tomó'))],
    ['hace dos semanas', all(es('jueves, 6 de marzo de 2025: entendido'), es('Puede comprar el examen de nuevo a partir del domingo, 6 de abril de 2025'), not('the test'))],
  ]],
  ['"el martes que viene a las 9" is the coming Tuesday at 9:00, and the deadline is said in Spanish', [
    ['mi examen es el martes que viene a las 9, ¿puedo cambiarlo?', all(es('martes, 25 de marzo de 2025 a las 9:00 a. m.: entendido'), es('Hágalo antes del sábado, 22 de marzo de 2025 a las 9:00 a. m.'), not('a. m..'))],
  ]],
  ['an appointment date with no time: the deadline is the start of a day, said in Spanish', [
    ['mi examen es el 28 de marzo, ¿puedo cambiarlo?', all(es('Hágalo antes del comienzo del martes, 25 de marzo de 2025'), not('the start of'))],
  ]],
  ['a yes/no question answered "sí"', [
    ['falté a mi cita ayer', all(es(m.task.missed.askPosted), es('No hay reembolso por una cita perdida'))],
    ['sí', es(m.task.missed.canRebuyNow)],
  ]],
  ['ayuda, cancelar and empezar de nuevo work while a task waits', [
    ['reprobé el A5, ¿cuándo lo puedo repetir?', es(m.task.retest.askDate('A5'))],
    ['ayuda', all(es(m.task.retest.help), es(m.task.retest.askDate('A5')))],
    ['cancelar', es(m.cancelled)],
    ['reprobé el A5, ¿cuándo lo puedo repetir?', es(m.task.retest.askDate('A5'))],
    ['empezar de nuevo', es(m.startOver)],
  ]],
  ['recertification worked out from a Spanish date', [
    ['aprobé el A4 el 5 de junio de 2021, ¿cuándo vence?', all(es('vence el'), es('5 de junio de 2026'))],
  ]],
  ['"English, please" switches the conversation to English, and "en español" back; short neutral messages keep it', [
    ['hola', es(m.greeting)],
    ['English, please', all(en.languageChanged, not(/¿|usted/))],
    ['how do i study for the test?', 'ASE Study Guides'],
    ['ok', en.acknowledged],
    ['en español', es(m.languageChanged)],
    ['ok', es(m.acknowledged)],
    ['A5', not(/Sorry|I answer/)],
  ]],
  ['"en español" while a task waits asks its question again in Spanish', [
    ['I failed A5, when can I retake it?', en.task.retest.askDate('A5')],
    ['en español', all(es(m.languageChanged), es(m.task.retest.askDate('A5')))],
    ['el 3 de marzo', es('Puede comprar A5 de nuevo a partir del jueves, 3 de abril de 2025')],
  ]],
  ['"hablar con una persona" hands over, and the candidate is told in Spanish', [
    ['hola', es(m.greeting)],
    ['quiero hablar con una persona', all(es('He pedido a una persona del equipo de soporte de ASE'), not('support staff'))],
  ]],
  ['signing in, in Spanish, and a task answered from the account in Spanish (DEMO-0002 failed A8 12 days ago)', [
    ['iniciar sesión', es('Para comprobar que es usted, envíe su ASE ID')],
    ['DEMO-0002, 1980-02-02, 0002', es('ha iniciado sesión en esta conversación')],
    ['reprobé el A8, ¿cuándo lo puedo repetir?', all(es('Puede comprar A8 (Engine Performance) de nuevo a partir del'), es('días completos después de que lo reprobó'), not('You can buy'))],
  ]],
];

describe('Spanish, on Web Chat and SMS through the production wiring', () => {
  let bot: RunningBot;
  const spanishReplies: Array<{ channel: string; text: string }> = [];
  beforeAll(async () => {
    bot = await startBot();
  });
  afterAll(() => bot.close());

  it.each(table)('%s', async (_name, turns) => {
    const { runs } = await runTranscript(turns, { bot, channels: ['webchat', 'sms'] });
    const switchedToEnglish = turns.findIndex(([said]) => said === 'English, please' || said === 'I failed A5, when can I retake it?');
    const backToSpanish = turns.findIndex(([said]) => said === 'en español');
    for (const { channel, results } of runs) {
      results.forEach((said, i) => {
        const english = switchedToEnglish >= 0 && i >= switchedToEnglish && (backToSpanish < 0 || i < backToSpanish);
        if (!english) spanishReplies.push({ channel, text: said.text });
      });
    }
  });

  it('no English sentence reaches a Spanish conversation (every Spanish reply above, sentence by sentence)', () => {
    expect(spanishReplies.length).toBeGreaterThan(30);
    expect(englishSentencesIn(spanishReplies)).toEqual([]);
  });
});
