import { describe, expect, it } from 'vitest';
import { normalise } from '../../src/understanding/normalise.js';

describe('normalise', () => {
  it.each([
    // [what the candidate wrote, what the detectors read]
    ['Can I RESCHEDULE?', 'can i reschedule?'],
    ['cn i resched my appt', 'can i reschedule my appointment'],
    ['wen is my appt', 'when is my appointment'],
    ['need to cancel my exam tmrw pls', 'need to cancel my exam tomorrow please'],
    ['can I re-schedule', 'can i reschedule'],
    ['can I re schedule', 'can i reschedule'],
    ['when can I re-take A5', 'when can i retake a5'],
    ['I was a no-show', 'i was a no show'],
    ['I noshowed', 'i noshowed'],
    ['I was a noshow', 'i was a no show'],
    ['I’m late, I didn‘t know', "i'm late, i didn't know"],
    ['it said “posted”', 'it said "posted"'],
    ['im  \t late\n\n2day', "i'm late today"],
    ['  spaces around  ', 'spaces around'],
    ['y did u do that', 'why did you do that'],
    ['r my dupes ready', 'are my duplicates ready'],
    ['do I need to recert', 'do i need to recertify'],
    ['havent got my cert, whats up', "haven't got my cert, what's up"],
    ['i wanna rebook', 'i want to rebook'],
    ['i need 2 talk 2 some1 abt my results', 'i need to talk to someone about my results'],
    ['can i talk 2 sum1', 'can i talk to someone'],
    ['i have 2 tests 2 reschedule', 'i have 2 tests to reschedule'],
    ['my appt is 12/2 at 2', 'my appointment is 12/2 at 2'],
    ['i failed on december 2 do i have to wait', 'i failed on december 2 do i have to wait'],
    ['', ''],
  ])('reads %j as %j', (text, expected) => {
    expect(normalise(text)).toBe(expected);
  });

  it('leaves words that are also names of object properties alone', () => {
    expect(normalise('constructor toString hasOwnProperty')).toBe('constructor tostring hasownproperty');
  });

  it('spells shorthand out only as whole words', () => {
    expect(normalise('your urgent appointment')).toBe('your urgent appointment');
  });

  it.each([[42], [null], [undefined], [{}]])('names the module and the bad value for %j', (bad) => {
    expect(() => normalise(bad as unknown as string)).toThrow(/^understanding\/normalise: text must be a string, got /);
  });
});
