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
    ['hace dos semanas', all(es('Jueves, 6 de marzo de 2025: entendido'), es('Puede comprar el examen de nuevo a partir del domingo, 6 de abril de 2025'), not('the test'))],
  ]],
  ['"el martes que viene a las 9" is the coming Tuesday at 9:00, and the deadline is said in Spanish', [
    ['mi examen es el martes que viene a las 9, ¿puedo cambiarlo?', all(es('Martes, 25 de marzo de 2025 a las 9:00 a. m.: entendido'), es('Hágalo antes del sábado, 22 de marzo de 2025 a las 9:00 a. m.'), not('a. m..'))],
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
    ['reprobé el A8, ¿cuándo lo puedo repetir?', all(es('Puede comprar A8 de nuevo a partir del'), es('días completos después de que lo reprobó'), not('You can buy'), not('Engine Performance'))],
  ]],
  // Issue 13: the catalogue's series, Master and test names reached Spanish replies in English.
  ['the duplicate-cost task with two series totals in Spanish and labels each series with its Spanish name', [
    ['¿cuánto cuesta un duplicado?', es('Dígame de qué series de exámenes necesita duplicados')],
    ['A1 y T2', all(es(m.task.duplicates.total('$15.00', 2, '$7.50')), es('Automóvil/Camioneta Ligera'), es('Camión Mediano/Pesado'), not('Automobile'), not('Medium/Heavy Truck'))],
  ]],
  ['the Master status task names the Master status in Spanish when it asks and when it answers', [
    ['soy master de autos, ¿sigo siéndolo?', all(es(m.task.master.askLapsed('Técnico Maestro de Automóvil')), not('Master Automobile'))],
    ['se me venció el A3', all(es(m.task.master.lapsed('Técnico Maestro de Automóvil', 'A3')), not('Master Automobile Technician'))],
  ]],
  ['the Master status task for trucks, held: the truck Master status in Spanish', [
    ['tengo el master de camión, ¿lo pierdo si se me vence el T4?', es(m.task.master.askLapsed('Técnico Maestro de Camión Mediano/Pesado'))],
    ['ninguno', all(es(m.task.master.holds('Técnico Maestro de Camión Mediano/Pesado')), not('Medium/Heavy Truck Technician'))],
  ]],
  ['signed in as DEMO-0001, the account answers that name series and Master statuses name them in Spanish', [
    ['iniciar sesión', es('Para comprobar que es usted')],
    ['DEMO-0001, 1980-01-01, 0001', es('ha iniciado sesión en esta conversación')],
    ['¿cuánto cuestan duplicados de todos mis certificados?', all(es('están todos en una serie de exámenes, Automóvil/Camioneta Ligera.'), not('Automobile & Light Truck'))],
    ['¿sigo siendo master?', all(es('(A1-A8 para Técnico Maestro de Automóvil y T2-T8 para Técnico Maestro de Camión Mediano/Pesado)'), not('Master Automobile Technician'), not('Master Medium/Heavy Truck Technician'))],
    ['¿cuándo es mi cita?', all(es('Tiene 2 citas de examen próximas'), not('Suspension and Steering'), not('Brakes'))],
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
        if (!english) spanishReplies.push({ channel, text: [said.text, ...said.buttons].join('\n') });
      });
    }
  });

  it('no English sentence reaches a Spanish conversation (every Spanish reply above, sentence by sentence)', () => {
    expect(spanishReplies.length).toBeGreaterThan(30);
    expect(englishSentencesIn(spanishReplies)).toEqual([]);
  });
});
