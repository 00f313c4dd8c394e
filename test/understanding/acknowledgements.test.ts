import { describe, expect, it } from 'vitest';
import { readAcknowledgement, type Acknowledgement } from '../../src/understanding/acknowledgements.js';

// [what the candidate wrote, the acknowledgement it is]
const acknowledgements: Array<[string, Acknowledgement]> = [
  ['ok', 'ok'],
  ['OK', 'ok'],
  // News taken in, said of the answer ("no refund"), not of the bot.
  ['ugh that sucks', 'dismay'],
  ['oh well, thanks', 'thanks'],
  ['qué pena', 'dismay'],
  ['thats not fair', 'dismay'],
  ['no es justo', 'dismay'],
  ['okay', 'ok'],
  ['k', 'ok'],
  ['kk', 'ok'],
  ['cool', 'ok'],
  ['got it', 'ok'],
  ['Got it.', 'ok'],
  ['gotcha', 'ok'],
  ['perfect', 'ok'],
  ['great!', 'ok'],
  ['awesome', 'ok'],
  ['alright', 'ok'],
  ['sounds good', 'ok'],
  ['makes sense', 'ok'],
  ['understood', 'ok'],
  ['nice', 'ok'],
  ['good', 'ok'],
  ['fine', 'ok'],
  ['sure', 'ok'],
  ['👍', 'ok'],
  ['👍🏽', 'ok'],
  ['ok cool', 'ok'],
  ['ok got it', 'ok'],
  ['ok, got it!', 'ok'],
  ['Cool 😎', 'ok'],
  ['thanks', 'thanks'],
  ['Thank you!', 'thanks'],
  ['thank you', 'thanks'],
  ['thx', 'thanks'],
  ['ty', 'thanks'],
  ['ok thanks', 'thanks'],
  ['great, thanks', 'thanks'],
  ['perfect thank you', 'thanks'],
  ['cool thanks', 'thanks'],
  ['thanks!! 🙏', 'thanks'],
  ['🙏', 'thanks'],
  ['thank u so much', 'thanks'],
  ['thanks, bye', 'bye'],
  ['ok bye', 'bye'],
  ['bye', 'bye'],
  ['goodbye', 'bye'],
  ["that's all", 'bye'],
  ['that’s all', 'bye'],
  ["that's all thanks", 'bye'],
  ["I'm good, thanks", 'bye'],
  ['im good thx', 'bye'],
  ['ok thanks, bye!', 'bye'],
  ['Got it - bye', 'bye'],
  // Mexican, Central American and Caribbean Spanish, as played against the bot.
  ['sale', 'ok'],
  ['sale gracias', 'thanks'],
  ['sale pues gracias', 'thanks'],
  ['ok va', 'ok'],
  ['órale', 'ok'],
  ['orale gracias', 'thanks'],
  ['ándale pues', 'ok'],
  ['va, grax', 'thanks'],
  ['esta bien', 'ok'],
  ['listo, gracias', 'thanks'],
];

// Messages that say more than an acknowledgement.
const notAcknowledgements: string[] = [
  'ok so when can I retake A5?',
  'that sucks, can i get a refund?',
  'thats not fair, can i appeal?',
  'cool, but what about T2',
  'ok?',
  'thanks, how long is my certification valid',
  'good morning',
  'no',
  'yes',
  'ok I failed A5',
  'great question',
  'not good',
  'fine, cancel it',
  'thanks for nothing',
  '😡',
  '',
  '   ',
  'okay when is my test',
  'sure, and can I reschedule?',
];

describe('readAcknowledgement', () => {
  it.each(acknowledgements)('reads %j as %j', (text, expected) => {
    expect(readAcknowledgement(text)).toBe(expected);
  });

  it.each(notAcknowledgements)('does not read %j as an acknowledgement', (text) => {
    expect(readAcknowledgement(text)).toBeNull();
  });

  it('names the module and the bad value', () => {
    expect(() => readAcknowledgement(42 as unknown as string)).toThrow('understanding/acknowledgements: text must be a string, got 42');
  });
});
