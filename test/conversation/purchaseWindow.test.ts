import { all, demo1, en, noSsn, not, signIn, transcripts } from './suite.js';

// Bought on P: schedule and take it by P + 90. Today is Thursday, March 20, 2025.
const m = en.task.purchase;
const opens = 'how does registration and scheduling work?';
const prompt = 'Tell me the date you bought your test';
const opened = all('90 days from the purchase date', prompt);
const jan10 = all('You have until Thursday, April 10, 2025 to schedule and take it', '21 days from today');

transcripts('purchase window: the last day to take a test bought on a date', [
  ['the details with "do I have a test I bought but haven\'t scheduled?": signed in, and the purchases listed from the account', [
    [`${demo1} - do I have a test I bought but haven't scheduled?`, all('Thanks, Demo', "Of the tests you bought and haven't taken", not('1980'))],
  ]],
  ['step by step, the general answer comes first, then the date, then the last day', [
    [opens, opened],
    ['January 10', jan10],
  ]],
  ['the README example "I bought a test on January 10, how long do I have?" is answered in one turn', [
    ['I bought a test on January 10, how long do I have?', all(jan10, not(prompt))],
  ]],
  ['bought exactly 90 days ago: today is the last day, and the year taken is said', [
    ['I bought a test on December 20, how long do I have?', all('I took that as Friday, December 20, 2024.', 'Today, Thursday, March 20, 2025, is the last day')],
  ]],
  ['bought on December 1: it expired after March 1, and must be bought again', [
    ['I bought a test on December 1, how long do I have?', all('It expired after Saturday, March 1, 2025', 'registration fee and test fee again')],
  ]],
  ['a month with no day asks which day (with no sign-in beside the clarification), then "the 10th" completes it', [
    ['I bought a test in January, how long do I have?', all('90 days', 'Which day exactly ("January")?', not(en.task.orSignIn))],
    ['the 10th', all('Friday, January 10, 2025: got it.', jan10, not(noSsn))],
  ]],
  ['a FAQ question while the date is awaited is answered, and the date that follows is used', [
    [opens, opened],
    ["what's the passing score?", all(/score report/i, `${en.task.backToIt} ${prompt}`)],
    ['January 10', jan10],
  ]],
  ['"no, I meant December 1" right after the answer recomputes it: expired', [
    [opens, opened],
    ['January 10', jan10],
    ['no, I meant December 1', all(en.task.changed('Sunday, December 1, 2024'), 'It expired after Saturday, March 1, 2025')],
  ]],
  ['"actually I missed my appointment yesterday" mid-task leaves the test purchase question', [
    ['I bought a test in January, how long do I have?', 'Which day exactly'],
    ['actually I missed my appointment yesterday', all(en.task.switched('test purchase'), en.task.missed.askPosted)],
  ]],
  ['help, then "say that again", then "start over" while the date is awaited', [
    ['I bought a test in January, how long do I have?', 'Which day exactly'],
    ['help me', all(m.help, 'Which day exactly')],
    ['say that again', all('Which day exactly', not(m.help))],
    ['start over', all(en.startOver, not('Which day exactly'))],
  ]],
  ['signing in after the general answer lists what the account has bought (A6: 6 days left)', [
    [opens, opened],
    [signIn, en.linking.askCredentials],
    [demo1, all('Thanks, Demo', 'Wednesday, March 26, 2025 (6 days from today)')],
  ]],
  ['"sorry, the 12th not the 10th" keeps the month of the date it corrects (January 12, not March 12)', [
    ['I bought a test on January 10, how long do I have?', 'Thursday, April 10, 2025'],
    ['sorry, the 12th not the 10th', all(en.task.changed('Sunday, January 12, 2025'), 'Saturday, April 12, 2025', '23 days from today')],
  ]],
  ['"no 2025-01-12" right after the answer replaces the date: a no followed by a value is a correction', [
    ['I bought a test on January 10, how long do I have?', 'Thursday, April 10, 2025'],
    ['no 2025-01-12', all(en.task.changed('Sunday, January 12, 2025'), 'Saturday, April 12, 2025', not(en.acknowledged))],
  ]],
  ['the duplicate-certificate question asked while the purchase date is awaited is a new topic: answered in full with its own offer, and the date that follows still reaches the first offer', [
    [opens, opened],
    ['how do I get a duplicate certificate?', all('$7.50 per test series', 'Tell me which test series', not(en.task.backToIt), not(en.unknown))],
    ['January 10', jan10],
  ]],
  ['sign-in is offered beside the purchase-date prompt', [
    [opens, all(opened, `${prompt} and I'll work out the last day you can take it. ${en.task.orSignIn}`)],
  ]],
  ['switching to another task from the purchase-date prompt says "Leaving the test purchase question for now."', [
    [opens, opened],
    ['actually I missed my appointment yesterday', all(en.task.switched('test purchase'), en.task.missed.askPosted)],
  ]],
  ['"I bought a test, how long do I have to take it?" starts the purchase-window task', [
    ['I bought a test, how long do I have to take it?', all('90 days from the purchase date', `${m.askDate} ${en.task.orSignIn}`, not(en.didYouMean))],
    ['January 10', jan10],
  ]],
]);
