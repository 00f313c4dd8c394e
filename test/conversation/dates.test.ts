import { all, en, not, transcripts } from './suite.js';

// Dates are read in the candidate's zone (here the default, America/New_York) and written with the weekday.
const opens = 'I failed A5, when can I retake it?';
const ask = en.task.retest.askDate('A5');
const march3 = all('Monday, March 3, 2025: got it.', 'on or after Thursday, April 3, 2025', '14 days from today');

transcripts('dates in the candidate\'s words', [
  ['"3/3/25" is March 3, 2025', [[opens, ask], ['3/3/25', march3]]],
  ['"2025-03-03" is March 3, 2025', [[opens, ask], ['2025-03-03', march3]]],
  ['"the 3rd of March" is March 3, 2025', [[opens, ask], ['the 3rd of March', march3]]],
  ['"yesterday" is Wednesday, March 19, 2025', [[opens, ask], ['yesterday', all('Wednesday, March 19, 2025: got it.', 'on or after Saturday, April 19, 2025', '30 days from today')]]],
  ['"two weeks ago" is Thursday, March 6, 2025', [[opens, ask], ['two weeks ago', all('Thursday, March 6, 2025: got it.', 'on or after Sunday, April 6, 2025')]]],
  ['"tomorrow" for a failed test is questioned, and "yesterday" then answers', [
    [opens, ask],
    ['tomorrow', en.task.dateInFuture('Friday, March 21, 2025')],
    ['yesterday', 'on or after Saturday, April 19, 2025'],
  ]],
  // February 2025 holds days both sides of the 30-day wait (the 17th and the 18th), so the day is asked.
  ['date parts over two turns: "February 2025" then "the 12th"', [
    [opens, ask],
    ['February 2025', en.task.whichDay('February 2025')],
    ['the 12th', all('Wednesday, February 12, 2025: got it.', 'You can buy A5 again now')],
  ]],
  ['a month wholly past the 30-day wait needs no day: "March 2020"', [
    [opens, ask],
    ['March 2020', all(en.task.approximately('March 2020'), en.task.retest.canBuyNow('A5', 'March 2020', 30))],
  ]],
  ['a year-less date still to come is taken as last year, and the bot says so', [
    [opens, ask],
    ['March 25', all('I took that as Monday, March 25, 2024.', 'You can buy A5 again now')],
  ]],
  ['"next Tuesday at 9am" for an appointment is Tuesday, March 25, 2025 at 9:00 AM', [
    ['my exam is next Tuesday at 9am, can I still move it?', all('Do it before Saturday, March 22, 2025 at 9:00 AM.')],
  ]],
  ['"in 5 days" for an appointment is Tuesday, March 25, 2025, counted from the start of the day', [
    ['my exam is in 5 days, can I still move it?', all('Do it before the start of Saturday, March 22, 2025.', en.task.change.assumedStart)],
  ]],
  ['an appointment "yesterday" has already passed', [
    ['can I reschedule my test?', 'Tell me the date of your appointment'],
    ['yesterday', all(en.task.dateInPast('Wednesday, March 19, 2025'), not('Yes, you can'))],
  ]],
  ['"two weeks ago" for a purchase leaves until Wednesday, June 4, 2025', [
    ['how does registration and scheduling work?', 'Tell me the date you bought your test'],
    ['two weeks ago', all('You have until Wednesday, June 4, 2025', '76 days from today')],
  ]],
]);
