import { describe, expect, it } from 'vitest';
import { readsAsFollowUp } from '../../src/conversation/followUp.js';
import { makeTurnFacts } from '../../src/conversation/turnFacts.js';
import { understand, type Understanding } from '../../src/conversation/understand.js';
import { fixedNow } from '../support/testApp.js';

const facts = makeTurnFacts({ now: fixedNow, zone: 'America/New_York' });
// readsAsFollowUp never looks at the FAQ ranking or the account reader.
const none: Understanding = { decide: () => ({ kind: 'unknown', suggestions: [], hits: [] }), decidePair: () => null, namesElsewhere: () => false, accountQuestion: () => null };
const followUp = (text: string) => readsAsFollowUp(understand(text, facts, none));

/** What the stateless fallback (store down) must not answer as if it stood alone. */
describe('readsAsFollowUp', () => {
  it.each([
    'what about A1, A4 and T2?',
    'and A4?',
    'March 3',
    'the 10th at 9am',
    'yes',
    'no, I meant A4',
    '2',
    'A5',
    'A1, A4 and T2',
    'that one',
    'the second one',
  ])('%s is a follow-up', (text) => expect(followUp(text)).toBe(true));

  it.each([
    'how much is a duplicate certificate?',
    'when can I retake a test I failed?',
    'I failed A5 on March 3, when can I retake it?',
    'this test is expensive, can I get a refund if I cancel?',
    'help',
    '',
  ])('%s stands on its own', (text) => expect(followUp(text)).toBe(false));
});
