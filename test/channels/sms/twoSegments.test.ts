// Every reply the bot texts costs at most two segments unless the candidate asks for MORE (issue
// 12): task answers, account answers, help, sign-in, handoff notices and staff messages as well as
// FAQ answers, in English and in Spanish. Over the production wiring (the application `npm start`
// composes, reached as the SMS channel), each conversation is also held on Web Chat, where nothing
// is shortened: what the Web Chat reply says, the text and MORE say between them.
//
// SMS_TARGET_CHARS=1600 so that each reply arrives as one text (a two-segment reply is under the
// 320-character default anyway; a longer one would be split in several, each under two segments,
// and hide the overrun this test looks for).

import { readFileSync } from 'node:fs';
import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countSegments, foldToGsm7 } from '../../../src/channels/sms/gsm7.js';
import { smsEn, smsEs, withoutUcs2Accents } from '../../../src/channels/sms/messages.js';
import { stripMarkdown } from '../../../src/channels/sms/renderSms.js';
import { startBot, type Conversation, type RunningBot } from '../../support/conversation.js';

const hints = [smsEn.moreHint, smsEs.moreHint];

/** The texts of a turn, one per reply. */
const textsOf = (activities: Array<Partial<Activity>>): string[] => activities.filter((a) => a.type === 'message').map((a) => a.text ?? '');
const segments = (text: string) => countSegments(text).segments;
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

/** What a Web Chat reply says, line by line, as SMS spells it (plain text, GSM-7, Spanish without á í ó ú). */
function linesOf(webText: string): string[] {
  return stripMarkdown(webText)
    .split('\n')
    .map((line) => flat(foldToGsm7(withoutUcs2Accents(line.replace(/^- /, ''))).text))
    .filter((line) => line && !/^(?:Source|Fuente): /.test(line));
}

/**
 * A shortened text and its rest read as one: the hint taken out, the rest put where the text was
 * cut (a paragraph cut between words ends "..." and its rest starts "..."), the waiting question
 * last; an answer's own steps written back from "Step 2:" to "2.".
 */
function readTogether(short: string, rest: string): string {
  const [before, after = ''] = short.split(new RegExp(`\\s*(?:${hints.map((h) => h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\s*`));
  return flat(`${before} ${rest} ${after}`)
    .replace(/\.\.\. \.\.\./g, ' ')
    .replace(/\b(?:Step|Paso) (\d{1,2}): /g, '$1. ');
}

interface Walk {
  name: string;
  turns: string[];
  /** Both conversations queue for a person: their places in line (and waits) differ. */
  queued?: true;
}

const signIn = (n: 1 | 2 | 3 | 4) => ['sign in', `DEMO-000${n}, 1980-0${n}-0${n}, 000${n}`];

/** Every task, asked with its facts and without, and every kind of account question, in both languages. */
const walks: Walk[] = [
  {
    name: 'tasks asked with their facts',
    turns: [
      'my exam is Thursday at 9am, can I still move it?',
      'I missed my test yesterday',
      'yes',
      'I bought a test on January 10, how long do I have?',
      'I failed A5 on March 3, when can I retake it?',
      'I passed A4 on June 5, 2021, when does it expire if I recertify now?',
      'am I still a Master Tech? my A3 expired',
      'what do duplicates of A1, A5, T2 and P2 cost?',
    ],
  },
  {
    name: 'tasks asked without their facts, with help and questions in between',
    turns: ['can I reschedule my test?', 'help', 'what can you do', 'next Friday at 2pm', '1', 'when can I retake a test I failed?', 'March 3', 'how long is my test purchase good for?', 'I bought it in January', 'January 10'],
  },
  { name: 'the scheduling account', turns: [...signIn(1), 'what are my appointments?', 'can I reschedule my appointment?', 'what tests have I bought?', 'cancel my appointment', 'no', 'when does my G1 expire?', 'when do my certifications expire?'] },
  { name: 'the results account', turns: [...signIn(2), 'when can I retake my test?', "why haven't I got my certificate?", 'what tests have I bought?', 'when can I retake A8?', 'what are my appointments?'] },
  {
    name: 'the credentials account',
    turns: [...signIn(3), 'am I still a Master Technician?', 'when do my certifications expire?', 'which of my certifications expire this year?', 'how much would duplicates of all my certificates cost?', 'when does my A6 expire?', 'can I recertify A2 now?'],
  },
  {
    name: 'the Spanish account',
    turns: [...signIn(4), '¿sigo siendo técnico master?', '¿cuándo vencen mis certificaciones?', '¿cuáles de mis certificaciones vencen este año?', '¿cuáles son mis citas?', '¿cuánto cuestan duplicados de todos mis certificados?', '¿qué exámenes he comprado?'],
  },
  {
    name: 'Spanish tasks',
    turns: [
      'hola',
      'reprobé el A5 el 3 de marzo, ¿cuándo puedo repetirlo?',
      'mi examen es el martes que viene a las 9, ¿puedo cambiarlo?',
      'falté a mi examen ayer',
      'ayuda',
      '¿qué puedes hacer?',
      'no',
      'compré un examen el 10 de enero, ¿cuánto tiempo tengo?',
      'pasé el A4 el 5 de junio de 2021, ¿cuándo vence si me recertifico ahora?',
      '¿cuánto cuestan duplicados de A1, A5 y T2?',
    ],
  },
  { name: 'a person, in English', turns: ['I want to talk to a person', 'are you there?', 'never mind'], queued: true },
  { name: 'a person, in Spanish', turns: ['quiero hablar con una persona', '¿hay alguien?', 'no importa'], queued: true },
];

describe('every reply on SMS fits two segments; MORE sends the rest and nothing is lost', () => {
  let bot: RunningBot;
  const counts: number[] = [];
  let shortened = 0;

  beforeAll(async () => {
    bot = await startBot({ env: { SMS_TARGET_CHARS: '1600' } });
  });
  afterAll(async () => {
    await bot?.close();
  });

  /** Says `turn` on SMS and Web Chat; checks the SMS replies' length and, with MORE, that they say what Web Chat does. */
  async function both(sms: Conversation, web: Conversation, turn: string, where: string, queued = false): Promise<void> {
    const texts = textsOf((await sms.say(turn)).activities);
    const webSaid = await web.say(turn);
    for (const text of texts) {
      counts.push(segments(text));
      expect(segments(text), `${where}: ${text}`).toBeLessThanOrEqual(2);
    }
    const long = texts.map((text) => hints.some((hint) => text.includes(hint))).lastIndexOf(true);
    let together = texts.map(flat).join(' ');
    if (long >= 0) {
      shortened++;
      const rest = textsOf((await sms.say('MORE')).activities).join('\n\n');
      expect(rest, `${where}: MORE`).not.toMatch(/Reply MORE|Responda MAS/);
      together = [...texts.slice(0, long).map(flat), readTogether(texts[long]!, rest), ...texts.slice(long + 1).map(flat)].join(' ');
    }
    // Only the last shortened reply of a turn can have a rest: the turn's other replies fit whole.
    expect(texts.filter((text) => hints.some((hint) => text.includes(hint))).length, where).toBeLessThanOrEqual(1);
    // (Queued beside each other, the two conversations hear different places in line.)
    if (!queued) for (const line of linesOf(webSaid.text)) expect(together, `${where}: nothing lost`).toContain(line);
  }

  it.each(walks.map((walk) => [walk.name, walk] as const))('%s', async (_name, walk) => {
    const sms = bot.conversation({ channel: 'sms' });
    const web = bot.conversation({ channel: 'webchat' });
    for (const turn of walk.turns) await both(sms, web, turn, `${walk.name}, "${turn}"`, walk.queued);
  });

  it('a staff member\'s long message reaches the phone in two segments, the rest on MORE', async () => {
    const sms = bot.conversation({ channel: 'sms' });
    await sms.say('talk to a person');
    const alex = await bot.staff!.signIn('agent1');
    const queued = ((await alex.get('/staff/api/cases')).json.queued as Array<{ id: string; channel: string }>).find((c) => c.channel === 'sms')!;
    expect((await alex.post(`/staff/api/cases/${queued.id}/claim`)).status).toBe(200);
    const long = [
      'I can see your A5 appointment on Friday, March 28 at the Chicago test centre.',
      'To move it, cancel it in myASE under Cancel Selected Appointment(s) before Tuesday at 9:00 AM, then book the new date: the test you bought stays valid until May 19.',
      'If the website gives you any trouble, Prometric can do it by phone at 877-346-9327.',
    ].join(' ');
    const before = sms.between.length;
    expect((await alex.post(`/staff/api/cases/${queued.id}/messages`, { text: long })).status).toBe(201);
    await expect.poll(() => textsOf(sms.between.slice(before)).some((text) => text.includes(smsEn.moreHint))).toBe(true);
    const texts = textsOf(sms.between.slice(before));
    for (const text of texts) expect(segments(text), text).toBeLessThanOrEqual(2);
    const short = texts.find((text) => text.includes(smsEn.moreHint));
    expect(short).toBeDefined();
    const rest = textsOf((await sms.say('MORE')).activities).join('\n\n');
    expect(readTogether(short!, rest)).toContain(flat(long));
  });

  it('"1" after MORE still picks from the question before it', async () => {
    const sms = bot.conversation({ channel: 'sms' });
    for (const turn of signIn(1)) await sms.say(turn);
    const asked = textsOf((await sms.say('cancel my appointment')).activities);
    expect(asked.at(-1)).toMatch(/1\. Yes, cancel it\n2\. No, keep it/);
    expect(asked.join('\n')).toContain(smsEn.moreHint);
    await sms.say('MORE');
    expect((await sms.say('2')).text).toContain("I haven't cancelled anything");
  });

  it('the figures docs/channels-sms.md records (the walks above, run first)', () => {
    const doc = readFileSync('docs/channels-sms.md', 'utf8');
    expect(doc).toContain(`${counts.length} replies in ${walks.length} conversations: max ${Math.max(...counts)} segments; ${shortened} shortened`);
  });
});
