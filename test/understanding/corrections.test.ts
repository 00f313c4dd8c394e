import { describe, expect, it } from 'vitest';
import { readCorrection, readListChange, readSpanishCorrection, type Correction } from '../../src/understanding/corrections.js';

// [what the candidate wrote, the correction it makes]
const corrections: Array<[string, Correction]> = [
  ['no, I meant A4', { replacement: 'A4' }],
  ['No I meant A4.', { replacement: 'A4' }],
  ['I meant A4', { replacement: 'A4' }],
  ['sorry, I meant the 10th', { replacement: 'the 10th' }],
  ['oh wait, I meant T2', { replacement: 'T2' }],
  ['I mean March 3', { replacement: 'March 3' }],
  ['actually it was A5', { replacement: 'A5' }],
  ['Actually, A5', { replacement: 'A5' }],
  ['correction: it was on 2024-06-01', { replacement: '2024-06-01' }],
  ['Correction - March 3, 2024', { replacement: 'March 3, 2024' }],
  ['wait, it was the 10th', { replacement: 'the 10th' }],
  ['no it’s A4', { replacement: 'A4' }],
  ['no, it was Thursday morning', { replacement: 'Thursday morning' }],
  ['my bad, brakes', { replacement: 'brakes' }],
  ['make it the 14th', { replacement: 'the 14th' }],
  ['sorry, the 10th not the 12th', { replacement: 'the 10th', replaced: 'the 12th' }],
  ['not the 12th, the 10th', { replacement: 'the 10th', replaced: 'the 12th' }],
  ['not the 12th but the 10th', { replacement: 'the 10th', replaced: 'the 12th' }],
  ['not T3, it was T2', { replacement: 'T2', replaced: 'T3' }],
  ['oops, T2 not T3', { replacement: 'T2', replaced: 'T3' }],
  ['the 10th, not the 12th', { replacement: 'the 10th', replaced: 'the 12th' }],
  ['A5 not A4', { replacement: 'A5', replaced: 'A4' }],
  ['no, I meant A4 not A5', { replacement: 'A4', replaced: 'A5' }],
  ['no, I meant A4 instead of A5', { replacement: 'A4', replaced: 'A5' }],
  ['the 10th rather than the 12th', { replacement: 'the 10th', replaced: 'the 12th' }],
  ['instead of A5, A4', { replacement: 'A4', replaced: 'A5' }],
  ['no, I meant no', { replacement: 'no' }],
  ['sorry, I meant Yes', { replacement: 'yes' }],
];

// [what the candidate wrote, why it is not a correction]
const notCorrections: Array<[string, string]> = [
  ['no', 'a plain no'],
  ['No.', 'a plain no'],
  ['no, it hasn’t been posted', 'an answer to a yes/no question'],
  ["no, it's not posted yet", 'an answer to a yes/no question'],
  ['no, A4', 'a no that may answer a yes/no question'],
  ['sorry, no', 'a no, not announced by "I meant"'],
  ['actually yes', 'a yes, not announced by "I meant"'],
  ['A4', 'a value alone is an answer'],
  ['actually I missed my appointment yesterday', 'a new question'],
  ['actually I failed A5 and want to retake it', 'a new question'],
  ['actually can I reschedule', 'a new question'],
  ['actually, what about T2', 'a new question'],
  ['sorry, when is my test?', 'a question'],
  ['sorry?', 'asking to hear it again'],
  ['sorry', 'an apology'],
  ['sorry about that', 'an apology'],
  ['actually never mind', 'a cancel'],
  ['actually, thanks', 'a thank-you'],
  ["I'm not sure", 'not a value'],
  ['I did not pass', 'a sentence'],
  ['I mean, I passed it last year', 'a sentence after "I mean"'],
  ['wait, I bought it in March', 'a sentence'],
  ['it was A5', 'an answer, not announced as a correction'],
  ['', 'empty'],
];

describe('readCorrection', () => {
  it.each(corrections)('reads %j as %j', (text, expected) => {
    expect(readCorrection(text)).toEqual(expected);
  });

  it.each(notCorrections)('does not read %j as a correction (%s)', (text) => {
    expect(readCorrection(text)).toBeNull();
  });

  it('names the module and the bad value', () => {
    expect(() => readCorrection(42 as unknown as string)).toThrow('understanding/corrections: text must be a string, got 42');
  });
});

describe('readSpanishCorrection', () => {
  it.each<[string, Correction]>([
    ['no, quise decir el A4', { replacement: 'el A4' }],
    ['quise decir A4', { replacement: 'A4' }],
    ['perdón, fue el 10 de marzo', { replacement: 'el 10 de marzo' }],
    ['en realidad era el A5', { replacement: 'el A5' }],
    ['no, quise decir el T3 no el T2', { replacement: 'el T3', replaced: 'el T2' }],
    ['el 10, no el 12', { replacement: 'el 10', replaced: 'el 12' }],
    ['no el T2 sino el T3', { replacement: 'el T3', replaced: 'el T2' }],
    ['no, quise decir A4 en vez de A5', { replacement: 'A4', replaced: 'A5' }],
    ['el 10 en lugar del 12', { replacement: 'el 10', replaced: 'el 12' }],
    ['en vez de A5, A4', { replacement: 'A4', replaced: 'A5' }],
  ])('%j corrects', (text, correction) => {
    expect(readSpanishCorrection(text)).toEqual(correction);
  });

  it.each(['no, todavía no', 'el A5 no lo pasé', 'no sé', '¿puedo cambiar el 10?', 'en realidad falté a mi cita ayer', 'perdón'])('%j is not a correction', (text) => {
    expect(readSpanishCorrection(text)).toBeNull();
  });
});

describe('readListChange', () => {
  it.each([
    ['oops drop the P2', { replacement: 'P2', list: 'remove' }],
    ['remove T3 please', { replacement: 'T3', list: 'remove' }],
    ['without T2', { replacement: 'T2', list: 'remove' }],
    ['take out the A5 one', { replacement: 'A5', list: 'remove' }],
    ['what about just the auto ones', { replacement: 'auto', list: 'keep' }],
    ['only A1 and A4', { replacement: 'A1 and A4', list: 'keep' }],
  ] as const)('reads %j as %j', (text, expected) => {
    expect(readListChange(text)).toEqual(expected);
  });

  it.each(['not sure', 'just wondering', 'only if I failed', 'not yet', 'drop it', 'without a doubt'])('does not read %j as a change to a list', (text) => {
    expect(readListChange(text)).toBeNull();
  });
});
