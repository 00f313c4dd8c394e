import { describe, expect, it } from 'vitest';
import { readYesNo } from '../../src/understanding/yesNo.js';

// [the answer, what it says]
const answers: Array<[string, boolean | null]> = [
  // plain yes and no
  ['yes', true],
  ['Yes.', true],
  ['y', true],
  ['ya', true],
  // Spanish "y" (and) and "ya" (already) begin a question, not a yes.
  ['y me devuelven el dinero?', null],
  ['y si no voy?', null],
  ['ya me lo cobraron?', null],
  ['yeah', true],
  ['yep', true],
  ['yup!', true],
  ['sure', true],
  ['correct', true],
  ['i think so', true],
  ['oh yes', true],
  ['ok, yes', true],
  ['yes please', true],
  ['please', true],
  ['absolutely', true],
  ['👍', true],
  ['no', false],
  ['n', false],
  ['No!', false],
  ['nope', false],
  ['nah', false],
  ['not yet', false],
  ['um no', false],
  ['no thanks', false],
  // confirming or declining an action (the account assistant's cancel confirmation)
  ['confirm', true],
  ['do it', true],
  ['yes, cancel it', true],
  ['yes cancel', true],
  ['please do', true],
  ['go ahead', true],
  ["don't", false],
  ['dont cancel it', false],
  ['keep it', false],
  ['no, keep it', false],
  ['never mind', false],
  ['nevermind', false],
  // answers in words (the slot reader's "has the result been posted?")
  ['it has', true],
  ['it is', true],
  ["it's there", true],
  ['they have', true],
  ['posted', true],
  ['the result is posted', true],
  ['it shows', true],
  ['my score is showing now', true],
  ["it's up", true],
  ["it hasn't", false],
  ['hasn’t', false],
  ["they haven't", false],
  ['not posted', false],
  ["no it hasn't", false],
  ["it's not posted yet", false],
  ["it isn't showing", false],
  ['no, it is not there', false],
  ["nothing's there yet, it's not up", false],
  // neither
  ["I don't know", null],
  ['not sure', null],
  ['no idea', null],
  ['maybe', null],
  ["I can't remember", null],
  ['ok', null],
  ['when can I retake A5?', null],
  ['please cancel my test', null],
  ['right now', null],
  ['', null],
  ['   ', null],
];

describe('readYesNo', () => {
  it.each(answers)('reads %j as %j', (text, expected) => {
    expect(readYesNo(text)).toBe(expected);
  });

  it('reads the start of a longer answer, as a yes/no question expects', () => {
    expect(readYesNo('yes, but when can I retake it?')).toBe(true);
    expect(readYesNo('no, I still need it')).toBe(false);
  });

  it('names the module and the bad value', () => {
    expect(() => readYesNo(undefined as unknown as string)).toThrow('understanding/yesNo: text must be a string, got undefined');
  });
});
