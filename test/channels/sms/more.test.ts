import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countSegments } from '../../../src/channels/sms/gsm7.js';
import { smsEn, smsEs } from '../../../src/channels/sms/messages.js';
import { asksForMore } from '../../../src/channels/sms/more.js';
import { saysOnlyYes } from '../../../src/understanding/textKeywords.js';
import { stripMarkdown } from '../../../src/channels/sms/renderSms.js';
import { shortAnswer, type FaqEntry } from '../../../src/knowledge/faqEntry.js';
import { startBot, type RunningBot } from '../../support/conversation.js';
import { listenOnLoopback } from '../../support/loopback.js';
import { shippedKnowledge } from '../../support/testApp.js';

// The bot as `npm start` composes it with the Twilio webhook on: texts come in signed at
// /api/sms/twilio, and every reply goes out through the REST API to a local stand-in for Twilio.
const accountSid = `AC${'0123456789abcdef'.repeat(2)}`;
const authToken = 'not-a-real-auth-token';
const ourNumber = '+15550109999';
const webhookUrl = 'https://bot.example.org/api/sms/twilio';

interface TwilioStandIn {
  url: string;
  /** Every message body posted, by the number it went to. */
  sent: Array<{ To: string; Body: string }>;
  close(): Promise<void>;
}

async function twilioStandIn(): Promise<TwilioStandIn> {
  const sent: TwilioStandIn['sent'] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const form = new URLSearchParams(body);
      sent.push({ To: form.get('To') ?? '', Body: form.get('Body') ?? '' });
      response.writeHead(201, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ sid: `SM${String(sent.length).padStart(32, '0')}` }));
    });
  });
  return { sent, ...(await listenOnLoopback(server)) };
}

const segmentsOf = (texts: string[]) => texts.reduce((total, text) => total + countSegments(text).segments, 0);
/** The entry's paragraphs as a text message shows them. */
const paragraphsOf = (entry: FaqEntry) => stripMarkdown(entry.answer).split(/\n\s*\n/).map((p) => p.trim());
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
const linesOf = (entry: FaqEntry) => stripMarkdown(entry.answer).split('\n').map((line) => line.trim()).filter(Boolean);

describe('short answers on SMS, the rest on MORE (over the Twilio webhook)', () => {
  let bot: RunningBot;
  let api: TwilioStandIn;
  let entries: FaqEntry[];
  let numbers = 0;

  beforeAll(async () => {
    api = await twilioStandIn();
    entries = (await shippedKnowledge()).index.entries;
    bot = await startBot({
      env: { TWILIO_ACCOUNT_SID: accountSid, TWILIO_AUTH_TOKEN: authToken, TWILIO_PHONE_NUMBER: ourNumber, TWILIO_WEBHOOK_URL: webhookUrl, TWILIO_API_BASE_URL: api.url },
    });
  });
  afterAll(async () => {
    await bot?.close();
    await api?.close();
  });

  /** A candidate's phone: texts the bot as Twilio would and returns the texts it got back. */
  const phone = () => {
    const from = `+1555020${String(++numbers).padStart(4, '0')}`;
    let sid = 0;
    return async (body: string): Promise<string[]> => {
      const params = { MessageSid: `SM${from.slice(1)}${String(++sid).padStart(20, '0')}`, AccountSid: accountSid, From: from, To: ourNumber, Body: body, NumMedia: '0' };
      const before = api.sent.length;
      const response = await fetch(`${bot.url}/api/sms/twilio`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilio.getExpectedTwilioSignature(authToken, webhookUrl, params) },
        body: new URLSearchParams(params).toString(),
      });
      expect(response.status).toBe(200);
      // Twilio has its answer before the bot runs: wait for the turn and its sends.
      await expect.poll(() => bot.app.twilio!.inFlight(), { timeout: 10_000 }).toBe(0);
      return api.sent.slice(before).filter((message) => message.To === from).map((message) => message.Body);
    };
  };

  it('no FAQ answer is over 2 segments; the short one starts with the first sentence, MORE sends the rest', async () => {
    for (const entry of entries) {
      const text = phone();
      const answer = await text(entry.question);
      expect(segmentsOf(answer), `${entry.id}: ${answer.join(' | ')}`).toBeLessThanOrEqual(2);
      expect(answer.join('\n\n')).toContain(stripMarkdown(shortAnswer(entry)).split(/(?<=[.!?])\s/)[0]);
      if (!answer.join('').endsWith(smsEn.moreHint)) continue;
      const rest = (await text('MORE')).join('\n\n');
      // Between them, the short answer and the rest say every line of the entry.
      // (Long texts travel as several messages, split between sentences: spacing is not compared.)
      // (An answer's own numbered steps read "Step 2:" beside the numbered menu.)
      const said = flat(`${answer.join(' ')} ${rest}`).replace(new RegExp(`\\b${smsEn.step} (\\d{1,2}): `, 'g'), '$1. ');
      for (const line of linesOf(entry)) expect(said, entry.id).toContain(flat(line));
      expect(rest).not.toContain(smsEn.moreHint);
    }
  });

  it('the figures docs/channels-sms.md records: segments per FAQ answer, median and max, and how many are shortened', async () => {
    const counts: number[] = [];
    let shortened = 0;
    for (const entry of entries) {
      const answer = await phone()(entry.question);
      counts.push(segmentsOf(answer));
      if (answer.join('\n').includes(smsEn.moreHint)) shortened++;
    }
    counts.sort((a, b) => a - b);
    const median = (counts[(counts.length - 1) >> 1]! + counts[counts.length >> 1]!) / 2;
    const doc = readFileSync('docs/channels-sms.md', 'utf8');
    expect(doc).toContain(`${entries.length} FAQ answers: median ${median}, max ${Math.max(...counts)} segments; ${shortened} shortened`);
  });

  it('the example in docs/channels-sms.md is what the bot texts', async () => {
    const doc = readFileSync('docs/channels-sms.md', 'utf8');
    const example = /## Short answers and MORE[\s\S]*?```\n([\s\S]*?)\n```/.exec(doc)?.[1];
    expect(example).toBeTruthy();
    expect((await phone()('how much does a duplicate certificate cost?')).join('\n\n')).toBe(example);
  });

  it('MORE works on the last answer only: a later answer replaces it, and the rest is sent once', async () => {
    const text = phone();
    const [first, second] = entries.filter((entry) => paragraphsOf(entry).length >= 3);
    expect((await text(first!.question)).join('')).toMatch(/Reply MORE for details\.$/);
    expect((await text(second!.question)).join('')).toMatch(/Reply MORE for details\.$/);
    const rest = (await text('more')).join('\n');
    expect(rest).toContain(linesOf(second!).at(-1));
    expect(rest).not.toContain(linesOf(first!).at(-1));
    expect(await text('MORE')).toEqual([smsEn.nothingMore]);
  });

  it('MORE with nothing pending says so, before any answer and after a short reply', async () => {
    const text = phone();
    expect(await text('More')).toEqual([smsEn.nothingMore]);
    const long = entries.find((entry) => paragraphsOf(entry).length >= 3)!;
    expect((await text(long.question)).join('')).toMatch(/Reply MORE for details\.$/);
    await text('thank you');
    expect(await text('MORE')).toEqual([smsEn.nothingMore]);
  });

  it('after MORE the suggestions are numbered, and "1" asks the first one', async () => {
    const text = phone();
    const entry = entries.find((e) => e.related.length > 0 && paragraphsOf(e).length >= 3)!;
    await text(entry.question);
    const rest = (await text('MORE')).join('\n');
    const first = /\n1\. (.+)\n/.exec(rest)?.[1];
    expect(first).toBeTruthy();
    const picked = entries.find((e) => e.button === first || e.question === first)!;
    // An answer that puts a caveat on the next one ("not until your ADA request is approved") leads with it.
    const caveat = entry.caveats?.find((c) => c.entries.includes(picked.id))?.lead;
    expect((await text('1')).join('\n\n')).toContain((caveat ?? stripMarkdown(shortAnswer(picked))).slice(0, 40));
  });

  it('"2" before MORE picks no suggestion the candidate never saw: the rest comes with its numbered lines, then "2" picks', async () => {
    const text = phone();
    const entry = entries.find((e) => e.related.length > 1 && paragraphsOf(e).length >= 3)!;
    const answer = (await text(entry.question)).join('\n');
    expect(answer).toContain(smsEn.moreHint);
    expect(answer).not.toMatch(/\n2\. /);
    // No numbers shown yet: "2" gets the rest, now with its numbered suggestions, not suggestion 2.
    const rest = (await text('2')).join('\n');
    const second = /\n2\. (.+)/.exec(rest)?.[1];
    expect(second, rest).toBeTruthy();
    const picked = entries.find((e) => e.button === second || e.question === second)!;
    const caveat = entry.caveats?.find((c) => c.entries.includes(picked.id))?.lead;
    expect((await text('2')).join('\n\n')).toContain((caveat ?? stripMarkdown(shortAnswer(picked))).slice(0, 40));
  });
});

describe('saysOnlyYes: a yes that takes up a text whose only offer was MORE', () => {
  it.each(['si', 'Sí.', 'sí porfa', 'yes', 'Yes please', 'claro', 'yep!'])('%j is a yes and nothing else', (typed) => {
    expect(saysOnlyYes(typed)).toBe(true);
  });
  it.each(['si cancelala porfa', 'yes, is it refunded?', 'ok', 'no', 'y', '', undefined])('%j says something else', (typed) => {
    expect(saysOnlyYes(typed)).toBe(false);
  });
});

describe('asksForMore', () => {
  it.each(['MORE', 'more', 'More.', ' more! ', 'tell me more', 'more please', 'More details'])('%j asks for the rest', (typed) => {
    expect(asksForMore(typed)).toBe(true);
  });
  it.each(['more about the A5 test', 'what more do I need', 'no more questions', 'MOREOVER', '', undefined])('%j is a question or something else', (typed) => {
    expect(asksForMore(typed)).toBe(false);
  });
  it('the SMS hints, English and Spanish, never tell the candidate to text CANCEL (carriers read it as an opt-out)', () => {
    const texts = [...Object.values(smsEn), ...Object.values(smsEs)].filter((text): text is string => typeof text === 'string');
    expect(texts.length).toBeGreaterThan(16);
    for (const text of texts) expect(text).not.toMatch(/\bcancel(?:ar)?\b/i);
  });
});
