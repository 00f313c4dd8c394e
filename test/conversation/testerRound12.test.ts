import { afterAll, beforeAll, describe, it } from 'vitest';
import { runTranscript, startBot, type RunningBot } from '../support/conversation.js';
import { all, not, type Transcript, type Turn } from './suite.js';

// The twelfth usability round: a tester played the bot as a candidate against `npm start` and
// listed what harmed candidates; each finding is written here as the rule it broke. The clock is
// the tester's: Sunday, December 6, 2026, noon in New York.

const saidOnce: Transcript[] = [
  ['the cancel answer says how to cancel once: the lead sums up the body\'s cancel sentence, which is not said again', [
    ['how do i cancel my test', all('To cancel a test, cancel its appointment first', not('first cancel any existing appointment'))],
  ]],
  ['the work-experience answer says when to submit the form once', [
    ['when should i send in my experience form', all(/^Submit your work experience form after you create your myASE account/, not('It is best to submit'))],
  ]],
  ['the duplicate answer says $7.50 per test series once, and what a series is', [
    ['how much is a duplicate certificate', all('$7.50 per test series', 'Parts Specialist', not('The $7.50 fee'))],
  ]],
  ['recertifying after expiry is said once', [
    ['can i recertify after my cert expired', all(/^Yes: you may take Recertification Tests even after your credentials have expired/, not('even if your credentials have expired'))],
  ]],
  ['in Spanish, the scheduling answer after the ADA answer says the 90 days once, under the ADA caveat', [
    ['necesito adaptaciones ADA', 'ADA Request Form'],
    ['como compro un examen', all(/^Si pidi[oó] adaptaciones ADA, espere/, /90 d[ií]as/, not('Una vez que ha comprado un examen'))],
  ]],
  ['in Spanish, the cancel answer says how to cancel once', [
    ['como cancelo mi examen y me devuelven el dinero', all('Para cancelar un examen, cancele primero su cita', not('primero cancele cualquier cita'))],
  ]],
];

describe('twelfth usability round, through the production wiring', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot({ now: new Date('2026-12-06T17:00:00Z') });
  });
  afterAll(() => bot.close());
  const both: Array<'webchat' | 'sms'> = ['webchat', 'sms'];
  const play = async (turns: Turn[], channels: Array<'webchat' | 'sms'>): Promise<void> => {
    await runTranscript(turns, { bot, channels });
  };

  describe('an answer says each sentence once (a lead, a caveat or an earlier sentence said again goes)', () => {
    it.each(saidOnce)('%s', (_name, turns) => play(turns, both));
  });
});
