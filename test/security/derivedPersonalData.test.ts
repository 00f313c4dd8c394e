// Sign-in details sent together with a question, in the shapes candidates write them: the bot never
// applies a rule to the date of birth ("lapsed on March 3, 1985" was the birth date + 5 years), and
// nothing it keeps (conversation state, the handoff case and its transcript, the account link)
// holds a date of birth, the SSN digits or a date worked out from them. The candidates are the demo
// accounts; every stored item is scanned after each of them talked and asked for a person.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoAccounts, type DemoCandidate } from '../../src/account/demoAccountService.js';
import { startBot, type RunningBot } from '../support/conversation.js';

const FILE = fileURLToPath(new URL('../../knowledge/demo-accounts.yaml', import.meta.url));
const { candidates } = await loadDemoAccounts(FILE);

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The ways a candidate writes their date of birth. */
function birthDateForms(iso: string): string[] {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return [iso, `${m}/${d}/${y}`, `${String(m).padStart(2, '0')}/${String(d).padStart(2, '0')}/${y}`, `${MONTHS[m - 1]} ${d}, ${y}`, `${MONTHS[m - 1]!.slice(0, 3)} ${d} ${y}`];
}

/** The ways a candidate sends the details with a question. */
const shapes: Array<(question: string, c: DemoCandidate, dob: string) => string> = [
  (q, c, dob) => `${q} ${c.aseId} ${dob} ${c.ssnLast4}`,
  (q, c, dob) => `${c.aseId}, ${dob}, ${c.ssnLast4}. ${q}`,
  (q, c, dob) => `my ase id is ${c.aseId} born ${dob} last four ${c.ssnLast4} - ${q}`,
  (q, c, dob) => `${q} id ${c.aseId} dob: ${dob} ssn ${c.ssnLast4}`,
  // Not all three: the date of birth alone, labelled, must not become the question's date either.
  (q, _c, dob) => `${q} my date of birth is ${dob}`,
];

const questions = [
  'I failed A5, when can I retake it?',
  'I passed G1, when does it expire?',
  'my exam is coming up, can I still reschedule?',
  'how long do I have to take the test I bought?',
  'am I still a master tech?',
  'I missed my appointment, what now?',
];

/** A year near any demo birth date (1980-1980s) or worked out from one (+5 years, +30 days...). */
const YEAR_FROM_BIRTH = /\b19[7-9]\d\b/;

describe('sign-in details sent with a question', () => {
  let bot: RunningBot;

  beforeAll(async () => {
    bot = await startBot();
  });

  afterAll(async () => {
    await bot?.close();
  });

  it('are never answered with a rule applied to the date of birth, and nothing stored holds them or a date made from them', async () => {
    let n = 0;
    for (const candidate of candidates) {
      const forms = birthDateForms(candidate.dateOfBirth);
      for (const question of questions) {
        const shape = shapes[n % shapes.length]!;
        const message = shape(question, candidate, forms[n % forms.length]!);
        n++;
        const conversation = bot.conversation();
        const said = await conversation.say(message);
        expect(said.text, message).not.toMatch(YEAR_FROM_BIRTH);
        expect(said.text, message).not.toMatch(/Sorry, something went wrong/);
        // The transcript a person gets starts with the conversation so far.
        const handedOver = await conversation.say('talk to a person');
        expect(handedOver.text, message).not.toMatch(YEAR_FROM_BIRTH);
      }
    }

    const held = (bot.store.storage as unknown as { held(): Record<string, string> }).held();
    expect(Object.keys(held).some((key) => key.startsWith('handoff/'))).toBe(true);
    // Random ids (UUIDs) are left out of the search: "…2f0004c" is hex, not anyone's SSN digits.
    const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
    for (const [key, stored] of Object.entries(held)) {
      const json = stored.replace(UUID, '<id>');
      for (const candidate of candidates) {
        for (const form of birthDateForms(candidate.dateOfBirth)) expect(json, `${key} holds ${candidate.aseId}'s date of birth`).not.toContain(form);
        // The demo SSN digits are also the digits of the demo's ASE ID and account id, which may be kept.
        expect(json.replaceAll(candidate.aseId, '').replaceAll(candidate.candidateId, ''), `${key} holds ${candidate.aseId}'s SSN digits`).not.toMatch(new RegExp(`(?<!\\d)${candidate.ssnLast4}(?!\\d)`));
      }
      expect(json, `${key} holds a date made from a date of birth`).not.toMatch(YEAR_FROM_BIRTH);
    }
  });
});
