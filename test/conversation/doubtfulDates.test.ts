import { all, en, not, signIn, transcriptTables } from './suite.js';

// Sunday, December 6, 2026, 10:00 in New York: the day a usability tester played these candidates.
const dec6 = new Date('2026-12-06T15:00:00Z');
const m = en.task;
const doubted = (date: string) => m.looksLikeBirthDate(date);
// DEMO-0003's A4 is current on any day (the demo dates are relative); its A1 too.
const demo3 = 'DEMO-0003 03/03/1980 0003';
const fromAccount = /Your A4 \(Suspension and Steering\) certification is current: it expires on/;

transcriptTables(
  [
    [
      'a date of birth typed at a task\'s date question is questioned, not used',
      [
        ['"03/03/1980" for a pass date looks like a date of birth: asked again, never "lapsed in 1985"', [
          ['when does my A4 expire?', m.recert.askPassed('A4')],
          ['03/03/1980', all(doubted('Monday, March 3, 1980'), not('1985'))],
          ['June 10, 2023', all('Saturday, June 10, 2023: got it.', m.recert.expires('A4', 'on Saturday, June 10, 2028'))],
        ]],
        ['signing in at the questioned date answers from the account, and "and A4?" stays with the account', [
          ['when does my A4 expire?', m.recert.askPassed('A4')],
          ['03/03/1980', doubted('Monday, March 3, 1980')],
          [demo3, all(fromAccount, not('1985'))],
          ['when does my A1 expire?', all(/Your A1 \(Engine Repair\) certification is current/, not('1985'))],
          ['and A4?', all(fromAccount, not('1985'))],
        ]],
        ['signed in at the questioned date with no such test on the account: the plain question, and "and a4?" asks the account', [
          ['when does my a1 expire', m.recert.askPassed('A1')],
          ['01/01/1980', doubted('Tuesday, January 1, 1980')],
          ['DEMO-0001 01/01/1980 0001', all(/There's no A1 \(Engine Repair\) certification on your account/, m.recert.askPassed('A1'), not(doubted('Tuesday, January 1, 1980')))],
          ['and a4?', all(/There's no A4 \(Suspension and Steering\) certification on your account/, not('1985'), not(doubted('Tuesday, January 1, 1980')))],
        ]],
        ['the same old date given again is taken: the candidate means it', [
          ['I failed A5, when can I retake it?', m.retest.askDate('A5')],
          ['1/1/2005', doubted('Saturday, January 1, 2005')],
          ['1/1/2005', all('Saturday, January 1, 2005: got it.', 'You can buy A5 again now')],
        ]],
        ['a date 16 years back to the day is questioned; the day after is not (boundary)', [
          ['I failed A5, when can I retake it?', m.retest.askDate('A5')],
          ['December 6, 2010', doubted('Monday, December 6, 2010')],
          ['December 7, 2010', all('Tuesday, December 7, 2010: got it.', 'You can buy A5 again now')],
        ]],
        ['a date given before signing in, then sign-in and another test: the account answers, not the old date', [
          ['when does my A1 expire?', m.recert.askPassed('A1')],
          ['June 10, 2023', m.recert.expires('A1', 'on Saturday, June 10, 2028')],
          [signIn, /ASE ID/],
          [demo3, /signed in/],
          ['and A4?', all(fromAccount, not('June 10, 2028'))],
        ]],
      ],
    ],
    [
      'corrections keep what they do not change',
      [
        ['"I mean the 15th" after "next tuesday at 8am" keeps the 8am', [
          ['my test is next tuesday at 8am, can I cancel?', 'Tuesday, December 8, 2026 at 8:00 AM: got it.'],
          ['I mean the 15th', all(m.changed('Tuesday, December 15, 2026 at 8:00 AM'), 'Do it before Saturday, December 12, 2026 at 8:00 AM', not(m.change.assumedStart))],
        ]],
        ['"what do you mean" at "which day exactly?" explains the step, never answers another question', [
          ['i bought the A6 test like 3 months ago and never scheduled it, can i still use it?', /Which day exactly/],
          ['what do you mean', all('Tell me the date you bought the test', not('No Show'))],
        ]],
        ['a time alone at the appointment question is kept, and the day asked for', [
          ['my test is coming up, can I still reschedule it?', /Tell me the date of your appointment/],
          ["it's at 9am", m.whichDayAt('9:00 AM')],
          ['friday', all('Friday, December 11, 2026 at 9:00 AM: got it.', not(m.change.assumedStart))],
        ]],
        ['"ok" at "which date did you mean?" keeps the question and its dates; a time then goes with them, and "the 10th" picks one', [
          ['my appointment is on 12/10, can I move it?', m.whichDate],
          ['ok', all(m.whichDate, not(/When is your appointment/))],
          ["actually it's at 9am", m.whichDate],
          ['the 10th', all('Thursday, December 10, 2026 at 9:00 AM: got it.', 'Do it before Monday, December 7, 2026 at 9:00 AM')],
        ]],
        ['"sorry, the 10th not the 12th" after a FAQ answer takes the 10th, signed in with no appointments on the account', [
          ['my test is next Tuesday, can I still move it?', 'Tuesday, December 8, 2026: got it.'],
          ['DEMO-0002 02/02/1980 0002', /signed in/],
          // Signed in, "move it" is asked of the account, which holds no appointment: it says so.
          ['yes please move it', /Your account shows no upcoming test appointments/],
          ['sorry, the 10th not the 12th', all(/Thursday, December 10, 2026/, not(m.whichDate), not('You have no upcoming'))],
        ]],
      ],
    ],
  ],
  { now: dec6 },
);
