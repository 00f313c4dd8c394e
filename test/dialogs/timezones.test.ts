import type { Activity } from 'botbuilder';
import { describe, it } from 'vitest';
import { en } from '../../src/messages/en.js';
import { all, not, runTranscript, type Expected, type Turn } from './transcript.js';

// 03:00 UTC on Friday, March 21, 2025: still Thursday the 20th in New York (23:00, the default zone)
// and Los Angeles (20:00), already Friday the 21st in London (03:00 GMT).
const justAfterMidnightUtc = new Date('2025-03-21T03:00:00Z');

/** A message from a channel that says (or does not say) the candidate's time zone. */
const from = (localTimezone: string | undefined, text: string): Partial<Activity> =>
  localTimezone === undefined ? { text } : { text, localTimezone };

const change = en.task.change;
const newYorkNote = change.zoneNote('America/New_York');
const anyZoneNote = /I worked this out in .* time/;

type ZoneCase = [zone: string | undefined, name: string, expected: Expected];

const yesterday: ZoneCase[] = [
  [undefined, 'no zone from the channel: New York, where yesterday was Wednesday', all('Wednesday, March 19, 2025', 'on or after Saturday, April 19, 2025')],
  ['America/Los_Angeles', 'Los Angeles, where it is still Thursday evening', all('Wednesday, March 19, 2025', 'on or after Saturday, April 19, 2025')],
  ['Europe/London', 'London, where it is already Friday', all('Thursday, March 20, 2025', 'on or after Sunday, April 20, 2025')],
  ['Mars/Olympus', 'a zone that does not exist: the default, New York', all('Wednesday, March 19, 2025', 'on or after Saturday, April 19, 2025')],
];

const today: ZoneCase[] = [
  [undefined, 'no zone from the channel: New York, where today is Thursday', change.allowed('the start of Friday, March 21, 2025')],
  ['America/Los_Angeles', 'Los Angeles, where today is Thursday', change.allowed('the start of Friday, March 21, 2025')],
  ['Europe/London', "London, where Friday has begun: the 72 hours end during Monday, so Monday's time is asked", all(change.askTime(72, 'Monday, March 24, 2025'), not(change.tooLate(72)), not('Yes, you can'))],
  ['', 'an empty zone: the default, New York', change.allowed('the start of Friday, March 21, 2025')],
];

const note: ZoneCase[] = [
  [undefined, 'no zone from the channel: the answer says it used New York time', newYorkNote],
  ['America/Los_Angeles', 'the channel sent Los Angeles: no note', not(anyZoneNote)],
  ['Europe/London', 'the channel sent London: no note', not(anyZoneNote)],
  ['Not/AZone', 'a bad zone from the channel: the default is used and the note says so', newYorkNote],
];

describe("the candidate's time zone from the channel (activity.localTimezone)", () => {
  it.each(yesterday)('"yesterday" at 03:00 UTC, zone %j (%s)', async (zone, _name, expected) => {
    await runTranscript([[from(zone, 'I failed A5 yesterday, when can I retake it?'), expected]], { now: justAfterMidnightUtc });
  });

  it.each(today)('an appointment on Monday March 24 without a time, asked at 03:00 UTC, zone %j (%s)', async (zone, _name, expected) => {
    await runTranscript([[from(zone, 'Can I reschedule my test on March 24?'), expected]], { now: justAfterMidnightUtc });
  });

  it.each([
    [undefined, 'Wednesday, June 18, 2025'],
    ['Europe/London', 'Thursday, June 19, 2025'],
  ])('"bought today" at 03:00 UTC, zone %j, has its last day on %s', async (zone, lastDay) => {
    await runTranscript([[from(zone, 'I bought A5 today, how long do I have?'), en.task.purchase.open(lastDay, 90)]], { now: justAfterMidnightUtc });
  });

  it.each(note)('the "worked this out in America/New_York time" note, zone %j (%s)', async (zone, _name, expected) => {
    await runTranscript([[from(zone, 'Can I reschedule my test on March 28 at 9am?'), all(change.allowed('Tuesday, March 25, 2025 at 9:00 AM'), expected)]]);
  });

  it("a time of day is read on the candidate's clock: Sunday 8:00 in Los Angeles is exactly 72 hours away", async () => {
    await runTranscript([[from('America/Los_Angeles', 'Can I reschedule my test on Sunday March 23 at 8am?'), all(change.tooLate(72), not(anyZoneNote))]]);
  });

  it('Sunday 8:01 in Los Angeles can still be changed, until 8:01 Los Angeles time today', async () => {
    await runTranscript([[from('America/Los_Angeles', 'Can I reschedule my test on Sunday March 23 at 8:01am?'), change.allowedToday('8:01 AM', change.minutesLeft(1))]]);
  });

  it('Sunday 11:00 is too late in New York but still allowed in Los Angeles (three hours later)', async () => {
    await runTranscript([[from(undefined, 'Can I reschedule my test on Sunday March 23 at 11am?'), change.tooLate(72)]]);
    await runTranscript([[from('America/Los_Angeles', 'Can I reschedule my test on Sunday March 23 at 11am?'), change.allowedToday('11:00 AM', change.hoursLeft(3))]]);
  });

  it('the zone is read again on every turn of a dialog', async () => {
    const turns: Turn[] = [
      [from('Europe/London', 'I failed A5, when can I retake it?'), en.task.retest.askDate('A5')],
      [from('Europe/London', 'yesterday'), all('Thursday, March 20, 2025: got it.', 'on or after Sunday, April 20, 2025')],
    ];
    await runTranscript(turns, { now: justAfterMidnightUtc });
  });
});
