// One conversation for every row of the route table and every repair pattern, played through the bot
// `npm start` composes, on Web Chat (the transcript docs/conversations.md prints) and on SMS (the same
// row taken). Each names the turn that shows its row or pattern, the row that turn must take and what
// its reply must say; the doc must be exactly what the bot says today.
//
// After a change that alters a reply on purpose, write the doc again and read the diff:
//   WRITE_TRANSCRIPTS=1 npx vitest run test/conversation/routeTranscripts.test.ts
import { readFileSync, writeFileSync } from 'node:fs';
import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../src/conversation/routes.js';
import { startBot, type Channel, type RunningBot } from '../support/conversation.js';

interface Transcript {
  /** A route row's name, or a repair pattern's. */
  name: string;
  /** What it shows, in a few words, for the doc's heading. */
  shows: string;
  /** What the candidate sends, in order (text, or an activity such as a picture). */
  turns: Array<string | Partial<Activity>>;
  /** The turn that shows the row or pattern (0-based); the last by default. */
  at?: number;
  /** The row that turn takes. */
  route: string;
  /** What that turn's reply says (its text, or a button). */
  says: RegExp;
}

const signIn = 'DEMO-0001 1980-01-01 0001';

/** One per row of the route table, in its order (a row added without one fails the first test). */
const rows: Transcript[] = [
  { name: 'with-staff', shows: 'while queued for a person, a message is passed on', turns: ['talk to a person', 'it is about my A5 results'], route: 'with-staff', says: /passed that on|place in line|in line/i },
  { name: 'no-text', shows: 'a picture with no words', turns: [{ text: '', attachments: [{ contentType: 'image/png', contentUrl: 'https://example.org/photo.png' }] }], route: 'no-text', says: /type|words|text/i },
  { name: 'person', shows: '"talk to a person" inside a longer message', turns: ['I got my results but my certificate never came. talk to a person'], route: 'person', says: /person|staff|someone/i },
  { name: 'dialog', shows: 'the answer to the question a task asked', turns: ['I failed my test, when can I take it again?', 'A5, two weeks ago'], route: 'dialog', says: /again on or after|again now/ },
  { name: 'language', shows: 'asking for Spanish', turns: ['en español por favor'], route: 'language', says: /español|Español/ },
  { name: 'account-command', shows: '"sign in"', turns: ['sign in'], route: 'account-command', says: /ASE ID/ },
  { name: 'asked-of-answer', shows: '"how?" after a retest answer', turns: ['I failed A5 on March 3, when can I retake it?', 'how?'], route: 'asked-of-answer', says: /in myASE/ },
  { name: 'command', shows: '"help"', turns: ['help'], route: 'command', says: /reschedul|retake|duplicate/i },
  { name: 'acknowledgement', shows: '"ok cool" after an answer', turns: ['I failed A5 on March 3, when can I retake it?', 'ok cool'], route: 'acknowledgement', says: /./ },
  { name: 'account-correction', shows: '"what about A4?" after an answer from the account', turns: [signIn, 'can I still reschedule my A5 appointment?', 'what about A4?'], route: 'account-correction', says: /A4/ },
  { name: 'correction', shows: '"no, I meant March 10" after a retest answer', turns: ['I failed A5 on March 3, when can I retake it?', 'no, I meant March 10'], route: 'correction', says: /April 9|again on or after/ },
  { name: 'verdict', shows: '"so is it too late?" after a purchase-window answer', turns: ['I bought my test on November 1, 2024, how long do I have to schedule it?', 'so is it too late?'], route: 'verdict', says: /^(Yes|No)\b/ },
  { name: 'reason', shows: '"why not?" after a change refused', turns: ['my appointment is tomorrow at 9am, can I still reschedule it?', 'why not?'], route: 'reason', says: /within three days/ },
  { name: 'sign-in-details', shows: 'sign-in details sent unasked, with a question', turns: [`${signIn} when is my next appointment?`], route: 'sign-in-details', says: /A5|A4/ },
  { name: 'task', shows: 'a task asked with its facts in one message', turns: ['I failed A5 on March 3, when can I retake it?'], route: 'task', says: /again on or after|again now/ },
  { name: 'own-account', shows: 'a question about the candidate\'s own account, signed in', turns: ['sign in', signIn, 'when are my appointments?'], route: 'own-account', says: /A5/ },
  { name: 'faq', shows: 'a general question', turns: ['how do I get a duplicate certificate?'], route: 'faq', says: /\$7\.50|duplicate/i },
];

/**
 * One per repair pattern of the dialogs' base (dialogs/repairDialog.ts), inside the retest task (a
 * test named, its date asked); the last two at an offer, the task a FAQ answer offered to work out.
 */
const ask = 'I failed A5, when can I retake it?';
const offered = 'when can I retake a test I failed?';
const patterns: Transcript[] = [
  { name: 'person', shows: 'a person asked for in the middle of a task', turns: [ask, 'this is confusing, can I talk to a real person'], route: 'person', says: /person|staff|someone/i },
  { name: 'language', shows: 'a switch to Spanish at a task\'s question', turns: [ask, 'en español por favor'], route: 'dialog', says: /¿En qué fecha/ },
  { name: 'cancel / start over', shows: '"start over" in the middle of a task', turns: [ask, 'start over'], route: 'dialog', says: /start over/i },
  { name: 'help', shows: '"help" at a task\'s question', turns: [ask, 'help'], route: 'dialog', says: /for example/ },
  { name: 'repeat', shows: '"say that again"', turns: [ask, 'say that again'], route: 'dialog', says: /What date did you take A5\?/ },
  { name: 'sign-in', shows: 'sign-in details given instead of the date', turns: [ask, signIn], route: 'dialog', says: /signed in/ },
  { name: 'switching', shows: 'another task started in the middle of one', turns: [ask, 'actually I missed my appointment yesterday'], route: 'task', says: /Leaving the retest question/ },
  { name: 'correction', shows: '"no, I meant A4" in the middle of a task', turns: [ask, 'no, I meant A4'], route: 'dialog', says: /Changed to A4/ },
  { name: 'answer', shows: 'the answer to the question asked', turns: [ask, 'two weeks ago'], route: 'dialog', says: /again on or after|again now/ },
  { name: 'interruption', shows: 'a FAQ question in the middle of a task, then back to it', turns: [ask, 'are the tests available in spanish?', 'march 3'], at: 1, route: 'dialog', says: /Back to your question/ },
  { name: 'clarification', shows: 'a date that reads two ways', turns: [ask, '3/2', 'the 2nd of March'], at: 1, route: 'dialog', says: /March 2.*February 3|February 3.*March 2/s },
  { name: 'not knowing', shows: '"I don\'t remember"', turns: [ask, 'I don\'t remember'], route: 'dialog', says: /not sure/i },
  { name: 'cannot handle', shows: 'two answers in a row that make no sense', turns: [ask, 'purple', 'banana bread'], route: 'dialog', says: /Talk to a person/ },
  { name: 'help at an offer', shows: '"help" at the task a FAQ answer offered', turns: [offered, 'help'], route: 'dialog', says: /for example/ },
  { name: 'language at an offer', shows: 'a switch to Spanish at the task a FAQ answer offered', turns: [offered, 'en español por favor'], route: 'dialog', says: /^De acuerdo[^]*(?:Dígame|dígame|fecha)/ },
];

interface Played {
  transcript: Transcript;
  turns: Array<{ candidate: string; bot: string; buttons: string[]; route: string }>;
}

let bot: RunningBot;
beforeAll(async () => {
  bot = await startBot();
});
afterAll(() => bot.close());

async function play(transcript: Transcript, channel: Channel): Promise<Played> {
  const conversation = bot.conversation({ channel });
  const turns: Played['turns'] = [];
  for (const turn of transcript.turns) {
    const before = bot.events.length;
    const said = await conversation.say(turn);
    turns.push({
      candidate: typeof turn === 'string' ? turn : '(a picture, no text)',
      bot: said.text,
      buttons: said.buttons,
      route: bot.events.slice(before).at(-1)?.route ?? '(none)',
    });
  }
  return { transcript, turns };
}

/** The transcript as the doc prints it: what the candidate said, the row it took, what the bot said. */
function render({ transcript, turns }: Played, n: string): string {
  const lines = [`### ${n} \`${transcript.name}\`: ${transcript.shows}`, ''];
  for (const turn of turns) {
    lines.push(`> **Candidate:** ${turn.candidate}`, '>');
    const said = turn.bot.split('\n').map((line) => (line ? `> ${line}` : '>'));
    said[0] = `> **Bot** (\`${turn.route}\`): ${turn.bot.split('\n')[0]}`;
    lines.push(...said);
    if (turn.buttons.length > 0) lines.push('>', `> ${turn.buttons.map((b) => `[${b}]`).join(' ')}`);
    lines.push('>');
  }
  lines.pop();
  lines.push('');
  return lines.join('\n');
}

const DOC = 'docs/conversations.md';
const BEGIN = '<!-- transcripts: written by test/conversation/routeTranscripts.test.ts -->';
const END = '<!-- end of transcripts -->';

describe('one conversation for every route row and every repair pattern', () => {
  it('there is one for every row of the route table, in its order', () => {
    expect(rows.map((r) => r.name)).toEqual(ROUTES.map((r) => r.name));
  });

  const played: Array<{ kind: 'row' | 'pattern'; i: number; played: Played }> = [];

  describe.each([
    ['row', rows],
    ['pattern', patterns],
  ] as const)('each %s', (kind, table) => {
    it.each(table.map((t, i) => ({ ...t, i })))('$name: $shows', async (transcript) => {
      const web = await play(transcript, 'webchat');
      played.push({ kind, i: transcript.i, played: web });
      const at = transcript.at ?? transcript.turns.length - 1;
      expect(web.turns[at]!.route, web.turns[at]!.bot).toBe(transcript.route);
      // What the turn says: its text, and the buttons it offers (a clarification names the readings there).
      expect([web.turns[at]!.bot, ...web.turns[at]!.buttons].join('\n')).toMatch(transcript.says);

      const sms = await play(transcript, 'sms');
      expect(sms.turns[at]!.route).toBe(transcript.route);
      for (const turn of sms.turns) expect(turn.bot, 'a bare CANCEL is an opt-out on SMS').not.toMatch(/\b(text|send|say|reply)\s+["“]?cancel\b/i);
    });
  });

  it(`${DOC} prints each conversation as the bot says it`, () => {
    expect(played).toHaveLength(rows.length + patterns.length);
    const part = (kind: 'row' | 'pattern') =>
      played
        .filter((p) => p.kind === kind)
        .sort((a, b) => a.i - b.i)
        .map((p) => render(p.played, `${p.i + 1}.`))
        .join('\n');
    const rowsPart = part('row');
    const patternsPart = part('pattern');
    const generated = `${BEGIN}\n\n## The route table\n\n${rowsPart}\n## The repair patterns\n\n${patternsPart}\n${END}`;
    const doc = readFileSync(DOC, 'utf8');
    const [before, rest] = doc.split(BEGIN);
    const after = rest?.split(END)[1] ?? '\n';
    if (process.env.WRITE_TRANSCRIPTS) writeFileSync(DOC, `${before}${generated}${after}`);
    else expect(`${BEGIN}${rest?.split(END)[0]}${END}`).toBe(generated);
  });
});
