// The route table, row by row: which row takes a message, given the conversation's state. The rows
// are pure conditions over the one reading of the message, so they are tested without a bot.
import { describe, expect, it } from 'vitest';
import { ROUTES, route, type RouteAction, type RouteState } from '../../src/conversation/routes.js';
import { makeTurnFacts } from '../../src/conversation/turnFacts.js';
import { understand } from '../../src/conversation/understand.js';
import type { FaqDecision } from '../../src/knowledge/faqAnswerer.js';
import { fixedNow } from '../support/testApp.js';

const facts = makeTurnFacts({ now: fixedNow, zone: 'America/New_York' });
const unknown: FaqDecision = { kind: 'unknown', suggestions: [], hits: [] };
const read = (text: string) =>
  understand(text, facts, { decide: () => unknown, decidePair: () => null, namesElsewhere: () => false, accountQuestion: (t) => (/\bmy appointments\b/i.test(t) ? { kind: 'appointments' } : null) });

const quiet: RouteState = { handoff: false, dialogWaiting: false, accounts: false, lastTask: false };

/** The row that takes the message when every action takes what it is given. */
const rowFor = (text: string, state: Partial<RouteState> = {}) => route(read(text), { ...quiet, ...state }, async () => true);

describe('the route table', () => {
  it('has these rows, in this order', () => {
    expect(ROUTES.map((row) => row.name)).toEqual([
      'with-staff',
      'no-text',
      'person',
      'dialog',
      'language',
      'account-command',
      'asked-of-answer',
      'command',
      'acknowledgement',
      'account-correction',
      'correction',
      'verdict',
      'reason',
      'sign-in-details',
      'task',
      'own-account',
      'faq',
    ]);
  });

  it.each<[string, string, Partial<RouteState>, string]>([
    ['while with staff, anything goes to staff first', 'when does my A5 expire?', { handoff: true }, 'with-staff'],
    ['a message with no text is asked for text', '', {}, 'no-text'],
    ['"talk to a person" inside a sentence hands over', 'my certificate never came. talk to a person', {}, 'person'],
    ['"talk to a person" wins over a waiting dialog', 'talk to a person please', { dialogWaiting: true }, 'person'],
    ['a waiting dialog reads every other message', 'two weeks ago', { dialogWaiting: true }, 'dialog'],
    ['"sign in" is an account command', 'sign in', {}, 'account-command'],
    ['"start over" is a command', 'start over', {}, 'command'],
    ['"where do i see it?" right after an answer asks about that answer', 'where do i see it?', { lastAnswer: true }, 'asked-of-answer'],
    ['"where do i see it?" with no answer given is a plea for help', 'where do i see it?', {}, 'command'],
    ['"cool" is an acknowledgement, not a misunderstanding', 'cool', {}, 'acknowledgement'],
    ['"thanks, bye" is an acknowledgement', 'thanks, bye', {}, 'acknowledgement'],
    ['"no, I meant A4" after a task corrects it', 'no, I meant A4', { lastTask: true }, 'correction'],
    ['"is it too late?" right after a window was worked out asks its verdict', 'is it too late?', { lastTask: true, lastTaskVerdict: true }, 'verdict'],
    ['"why not?" right after a change worked out as too late asks its reason', 'why not?', { lastTask: true, lastTaskReason: true }, 'reason'],
    ['"is it too late?" with no task answered is for the knowledge base', 'is it too late?', { lastTaskVerdict: false }, 'faq'],
    ['sign-in details sent unasked sign in', 'DEMO-0001, 1980-01-01, 0001', { accounts: true }, 'sign-in-details'],
    ['an ASE ID sent alone asks for the rest of the details', 'my ASE id is AB123456', { accounts: true }, 'sign-in-details'],
    ['a task asked with its facts starts the task', 'I failed A5 on March 3, when can I retake it?', {}, 'task'],
    ['an own-account question, with accounts here', 'what are my appointments', { accounts: true }, 'own-account'],
    ['anything else is for the knowledge base', 'how do I get a duplicate certificate', {}, 'faq'],
  ])('%s', async (_name, text, state, row) => {
    expect(await rowFor(text, state)).toBe(row);
  });

  it('a row whose action does not take the message lets the next row read it', async () => {
    const tried: RouteAction[] = [];
    const row = await route(read('two weeks ago'), { ...quiet, dialogWaiting: true }, async (action) => {
      tried.push(action);
      return action !== 'continueDialog';
    });
    expect(tried[0]).toBe('continueDialog');
    expect(row).not.toBe('dialog');
  });

  it('sign-in details are not a sign-in where accounts cannot be looked at', async () => {
    expect(await rowFor('DEMO-0001, 1980-01-01, 0001', { accounts: false })).not.toBe('sign-in-details');
  });
});
