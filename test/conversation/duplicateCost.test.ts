import { all, en, neverSaysTextCancel, not, transcripts } from './suite.js';

// $7.50 per test series, added up by series.
const m = en.task.duplicates;
const opens = 'how much would duplicate certificates cost me?';
const prompt = 'Tell me which test series you need duplicates for';
const opened = all('$7.50 per test series', prompt);
const threeCodes = all('That comes to $15.00: 2 test series at $7.50 each.', 'A1, A5', 'T2');

const twoSeries = 'That comes to $15.00: 2 test series at $7.50 each.';

transcripts('duplicate certificates: $7.50 per test series', [
  ['"A series and the T series" is two series: $15.00, and the correction names what it changed to', [
    ['I need duplicate certificates', prompt],
    ['A series and the T series', all(twoSeries, 'Automobile & Light Truck', 'Medium/Heavy Truck')],
    ['no, I meant A and S series', all(en.task.changed('Automobile & Light Truck and School Bus'), twoSeries, 'School Bus', not('Medium/Heavy'))],
  ]],
  ['"T3 not T2" swaps that one test: A1 and A5 stay', [
    ['how much are duplicates of A1, A5 and T2?', threeCodes],
    ['T3 not T2', all(en.task.changed('T3'), twoSeries, 'A1, A5', 'T3', not(/\bT2\b/))],
  ]],
  ['"no, I meant T2" after "A1 and A2" puts right one test, not the list: A1 stays (it priced T2 alone)', [
    ['I need duplicate certificates', prompt],
    ['A1 and A2', 'That comes to $7.50: one test series at $7.50.'],
    ['no, I meant T2', all(en.task.changed('T2'), twoSeries, 'A1', not(/\bA2\b/))],
  ]],
  ['"no, I meant T2" after A1, A5 and T3 replaces T3, the one of its series', [
    ['how much are duplicates of A1, A5 and T3?', twoSeries],
    ['no, I meant T2', all(en.task.changed('T2'), twoSeries, 'A1, A5', not(/\bT3\b/))],
  ]],
  ['"no, I meant A4 instead of A5" swaps that one test (it used to add A4 and keep A5)', [
    ['how much are duplicates of A1, A5 and T2?', threeCodes],
    ['no, I meant A4 instead of A5', all(en.task.changed('A4'), twoSeries, 'A1, A4', not(/\bA5\b/))],
  ]],
  ['"i need A and T series" after MORE is two series', [
    ['how do i get a duplicate cert', prompt],
    ['i need A and T series', twoSeries],
  ]],
  ['bare series letters in answer to the question are the series: "A and T"', [
    [opens, opened],
    ['A and T', twoSeries],
  ]],
  ['one series letter alone: "S"', [
    [opens, opened],
    ['S', all('That comes to $7.50: one test series at $7.50.', 'School Bus')],
  ]],
  ['step by step, the general answer comes first, then the tests, then the total', [
    [opens, opened],
    ['A1 and A5', all('That comes to $7.50: one test series at $7.50.', m.next)],
  ]],
  ['the README example "what do duplicates of A1, A5 and T2 cost?" is answered in one turn', [
    ['what do duplicates of A1, A5 and T2 cost?', all(threeCodes, not(prompt))],
  ]],
  ['when the question names two series ("my A series and my T series"), the bot totals them in one turn', [
    ["duplicates for my A series and my T series, what's the total?", all('That comes to $15.00: 2 test series at $7.50 each.', not(prompt))],
  ]],
  ['a whole series named counts once', [
    [opens, opened],
    ['all my automobile ones and T2', 'That comes to $15.00: 2 test series'],
  ]],
  ['a FAQ question while the tests are awaited is answered, and the tests that follow are priced', [
    [opens, opened],
    ["what's the passing score?", all(/score report/i, `${en.task.backToIt} ${prompt}`)],
    ['A1, A5 and T2', threeCodes],
  ]],
  ['"no, I meant A1 and A5" right after the answer recomputes the total', [
    ['what do duplicates of A1, A5 and T2 cost?', threeCodes],
    ['no, I meant A1 and A5', all(en.task.changed('A1 and A5'), 'That comes to $7.50: one test series', not('T2'))],
  ]],
  ['an unknown code is questioned, and "no, I meant A5" mid-task answers it', [
    ['what do duplicates of Z9 cost?', m.unknownOnly('Z9', '')],
    ['no, I meant A5', 'That comes to $7.50: one test series'],
  ]],
  ['"actually I missed my appointment yesterday" leaves the duplicate certificate question', [
    ['what do duplicates of Z9 cost?', m.unknownOnly('Z9', '')],
    ['actually I missed my appointment yesterday', all(en.task.switched('duplicate certificate'), en.task.missed.askPosted)],
  ]],
  ['"actually I failed A5 on March 3" after the answer starts the retest', [
    ['what do duplicates of A1, A5 and T2 cost?', threeCodes],
    ['actually I failed A5 on March 3, when can I retake it?', 'on or after Thursday, April 3, 2025'],
  ]],
  ['help, "say that again", then "start over" while the tests are awaited', [
    [opens, opened],
    ['help me', all('start over', prompt, not(neverSaysTextCancel))],
    ['say that again', prompt],
    ['start over', all(en.startOver, not(prompt))],
  ]],
  ['"help me" and "never mind" when the bot asks again about an unknown code', [
    ['what do duplicates of Z9 cost?', m.unknownOnly('Z9', '')],
    ['help me', all(m.help, m.unknownOnly('Z9', ''))],
    ['never mind', en.cancelled],
  ]],
  ['signing in while the tests are awaited answers from the account: its certificates priced', [
    [opens, opened],
    ['sign in', en.linking.askCredentials],
    ['DEMO-0003, 1980-03-03, 0003', all('Thanks, Demo', '$7.50', 'Automobile & Light Truck', not(m.askTests))],
  ]],
  ['sign-in is offered beside the duplicates question, and signed in the account\'s certificates are priced', [
    [opens, all(opened, en.task.orSignIn)],
    ['sign in', en.linking.askCredentials],
    ['DEMO-0003, 1980-03-03, 0003', all('Thanks, Demo', 'Duplicates of all your certificates would cost $7.50', 'Automobile & Light Truck', not(m.askTests))],
  ]],
  ['switching to another task from the duplicates prompt says "Leaving the duplicate certificate question for now."', [
    [opens, opened],
    ['actually I missed my appointment yesterday', all(en.task.switched('duplicate certificate'), en.task.missed.askPosted)],
  ]],
]);
