import * as chrono from 'chrono-node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeTurnFacts } from '../../src/conversation/turnFacts.js';
import { stripGreeting } from '../../src/understanding/commands.js';
import { parseDates } from '../../src/understanding/dates.js';
import { startBot, type RunningBot } from '../support/conversation.js';

// "One date parse per turn": the understanding pass parses the message, and the task's slot readers,
// the sign-in reader and the route table use that reading. Counted, not timed: a spy on chrono's
// parse method, which src/understanding/dates.ts runs for every parse.

describe('a turn parses its message’s dates at most once', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot();
  });
  afterAll(() => bot.close());

  async function parsesFor(text: string, warmUp?: string): Promise<{ chrono: number; text: string }> {
    const conversation = bot.conversation();
    if (warmUp) await conversation.say(warmUp);
    const spy = vi.spyOn(chrono.Chrono.prototype, 'parse');
    try {
      const said = await conversation.say(text);
      return { chrono: spy.mock.calls.length, text: said.text };
    } finally {
      spy.mockRestore();
    }
  }

  it('a task asked with its date ("I failed A5 on March 3, when can I retake it?"): one parse, and the answer', async () => {
    const turn = await parsesFor('I failed A5 on March 3, when can I retake it?');
    expect(turn.text).toContain('You can buy A5 again on or after Thursday, April 3, 2025');
    expect(turn.chrono).toBe(1);
  });

  it('a question sent with the sign-in details: one parse, and the answer from the account', async () => {
    const turn = await parsesFor('when can I retake it? my ase id is DEMO-0002 born 2/2/1980 ssn 0002');
    expect(turn.text).toContain('You can buy A8 (Engine Performance) again from');
    expect(turn.chrono).toBe(1);
  });

  it('the same with a greeting in front (the task reads the message without it): still one parse', async () => {
    const turn = await parsesFor('hi, I failed A5 on March 3, when can I retake it?');
    expect(turn.text).toContain('You can buy A5 again on or after Thursday, April 3, 2025');
    expect(turn.chrono).toBe(1);
  });

  it('the date given as the answer to the task’s question: one parse', async () => {
    const turn = await parsesFor('March 3', 'I failed A5, when can I retake it?');
    expect(turn.text).toContain('You can buy A5 again on or after Thursday, April 3, 2025');
    expect(turn.chrono).toBe(1);
  });

  it.each(['how do i reschedule my test', 'how much is a duplicate certificate', 'when can i retake a test i failed'])(
    'a FAQ question with no date in it (%j): no parse at all',
    async (question) => {
      const turn = await parsesFor(question);
      expect(turn.text).not.toBe('');
      expect(turn.chrono).toBe(0);
    },
  );
});

describe('turn facts read the message without its greeting off the message’s own parse', () => {
  const now = new Date('2025-03-20T15:00:00Z');
  const zone = 'America/New_York';

  it.each([
    ['hi, I failed A5 on March 3, when can I retake it?', 0],
    ['Hello there! I took it 3 weeks ago', 0],
    ['good morning, I missed my appointment yesterday at 9am', 0],
    ['hey next Friday at 2pm please', 0],
    ['hi, how do I reschedule my test', 0],
    // chrono read "evening, Friday, March 7" as one date across the greeting: the question is parsed.
    ['Good evening, Friday, March 7', 1],
  ])('%j: the same mentions as a parse of the question alone (parses of it: %i)', (text, parses) => {
    const question = stripGreeting(text);
    expect(question).not.toBe(text);
    const alone = parseDates(question, { now, zone });
    const facts = makeTurnFacts({ now, zone });
    facts.dates(text);
    const spy = vi.spyOn(chrono.Chrono.prototype, 'parse');
    try {
      expect(facts.dates(question)).toEqual(alone);
      expect(spy).toHaveBeenCalledTimes(parses);
    } finally {
      spy.mockRestore();
    }
  });
});
