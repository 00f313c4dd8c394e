import { all, buttons, demo1, en, neverSaysTextCancel, noSsn, not, signIn, transcripts } from './suite.js';

// More than 72 hours must remain. Now: Thursday, March 20, 2025, 11:00 in New York.
const m = en.task.change;
const opens = 'can I reschedule my test?';
const prompt = 'Tell me the date of your appointment';
const opened = all('more than three days away', prompt, en.task.orSignIn, not(neverSaysTextCancel));
const tuesday = all('Yes, you can still change or cancel it. Do it before Saturday, March 22, 2025 at 9:00 AM.', 'Prometric at 877-346-9327');
const saturday = all('No: changes aren\'t allowed within three days (72 hours)', not('Yes, you can'));
const thursdayAt9 = 'my exam is Thursday at 9am, can I still move it?';
const thursdayAt3 = 'my exam is Thursday at 3pm, can I still move it?';

transcripts('reschedule or cancel: whether more than 72 hours remain, and the deadline', [
  ['step by step, the general answer comes first, then the date, then the exact deadline', [
    [opens, opened],
    ['next Tuesday at 9am', tuesday],
  ]],
  ['one-shot: "my exam is next Tuesday at 9am" is answered in one turn', [['my exam is next Tuesday at 9am, can I still move it?', all(tuesday, not(prompt))]]],
  ['one-shot: an exam on Saturday at 9am is within 72 hours and can no longer be changed', [['my exam is Saturday at 9am, can I still move it?', all(saturday, 'No Show')]]],
  ['the README example "Thursday at 9am", said at 11:00 on a Thursday, is next Thursday (today\'s 9:00 has passed), answered in one turn', [
    [thursdayAt9, all('Thursday, March 27, 2025 at 9:00 AM: got it.', 'Do it before Monday, March 24, 2025 at 9:00 AM.', not(en.task.whichDate))],
  ]],
  ['"Thursday at 3pm" at 11:00 on a Thursday could be today or next week: asked once, naming both', [
    ['my exam is Thursday at 3pm, can I still move it?', all(en.task.whichDate, buttons('Thursday, March 20, 2025 at 3:00 PM', 'Thursday, March 27, 2025 at 3:00 PM'))],
    ['2', 'Do it before Monday, March 24, 2025 at 3:00 PM.'],
  ]],
  ['a FAQ question while the date is awaited is answered, and the date that follows is used', [
    [opens, opened],
    ["what's the passing score?", all(/score report/i, `${en.task.backToIt} ${prompt}`)],
    ['Saturday at 9am', saturday],
  ]],
  ['"sorry, I meant Saturday at 9am" right after the answer recomputes it', [
    [opens, opened],
    ['next Tuesday at 9am', tuesday],
    ['sorry, I meant Saturday at 9am', all(en.task.changed('Saturday, March 22, 2025 at 9:00 AM'), saturday)],
  ]],
  ['"no, I meant next Tuesday at 9am" while the bot asks which Thursday replaces the date', [
    [thursdayAt3, en.task.whichDate],
    ['no, I meant next Tuesday at 9am', all(en.task.changed('Tuesday, March 25, 2025 at 9:00 AM'), tuesday)],
  ]],
  ['"actually I missed my appointment yesterday" leaves the rescheduling question', [
    [thursdayAt3, en.task.whichDate],
    ['actually I missed my appointment yesterday', all(en.task.switched('rescheduling'), en.task.missed.askPosted)],
    ['no', en.task.missed.wait],
  ]],
  ['help, then "say that again", then "never mind" while the date is awaited', [
    [opens, opened],
    ['help me', all('start over', prompt, not(neverSaysTextCancel))],
    ['say that again', prompt],
    ['never mind', all(en.cancelled, not(prompt))],
  ]],
  ['help, then "start over" while the bot asks which Thursday', [
    [thursdayAt3, en.task.whichDate],
    ['help me', all(m.help, en.task.whichDate)],
    ['start over', en.startOver],
  ]],
  ['sign-in is offered, and "in 5 days" given instead counts from the start of that day', [
    [opens, opened],
    ['in 5 days', all('Do it before the start of Saturday, March 22, 2025.', m.assumedStart, not(noSsn))],
  ]],
  ['signing in after the general answer answers from the account (A4 in 2 days, A5 in 8 days)', [
    [opens, opened],
    [signIn, en.linking.askCredentials],
    [demo1, all('Thanks, Demo', 'Saturday, March 22, 2025 at 1:30 PM', "can't be changed or cancelled", 'Friday, March 28, 2025 at 9:00 AM', 'before Tuesday, March 25, 2025 at 9:00 AM')],
  ]],
  ['the README account question "can I reschedule my appointment?" signed in is answered from the account', [
    [signIn, en.linking.askCredentials],
    [demo1, 'Thanks, Demo'],
    ['can I reschedule my appointment?', all('2 upcoming test appointments', 'before Tuesday, March 25, 2025 at 9:00 AM', not(prompt))],
  ]],
  ['the duplicate-certificate question asked while the appointment date is awaited is a new topic: answered in full with its own offer, and the date that follows still reaches the first offer', [
    [opens, opened],
    ['how do I get a duplicate certificate?', all('$7.50 per test series', 'Tell me which test series', not(en.task.backToIt), not(en.unknown))],
    ['next Tuesday at 9am', tuesday],
  ]],
  ['switching to another task from the appointment-date prompt says "Leaving the rescheduling question for now."', [
    [opens, opened],
    ['actually I missed my appointment yesterday', all(en.task.switched('rescheduling'), en.task.missed.askPosted)],
  ]],
]);
