import { all, buttons, demo2, en, noSsn, not, signIn, transcripts } from './suite.js';

// Failed on F: may buy the test again from F + 31 (30 full days after). Today is Thursday, March 20, 2025.
const m = en.task.retest;
const opens = 'I failed A5, when can I retake it?';
const opened = all('You must wait 30 full days', m.askDate('A5'), en.task.orSignIn);
const offerMade = "Tell me the date you took it and I'll work out the exact day you can buy it again.";
const march3 = all('You can buy A5 again on or after Thursday, April 3, 2025', 'Monday, March 3, 2025', '14 days from today');

transcripts('retest: when a failed test can be bought again', [
  ['step by step, the general rule comes first, then one question, then the exact date', [
    [opens, all(opened, buttons())],
    ['March 3', all('Monday, March 3, 2025: got it.', march3)],
  ]],
  ['the README example with the date in it is answered in one turn', [['I failed A5 on March 3, when can I retake it?', all(march3, not(m.askDate('A5')))]]],
  ['a date of birth sent with the question is not the date of the failed test, and nothing is worked out from it', [
    ['I failed A5, when can I retake it? my dob is 3/3/1985', all(m.askDate('A5'), not('1985'), not('You can buy A5 again'))],
    ['March 3', march3],
  ]],
  ['the question and the sign-in details in one message: signed in, and the question answered from the account (DEMO-0002 failed A8 12 days ago)', [
    [`I failed A8, can I retake it? ${demo2}`, all('Thanks, Demo', 'You can buy A8 (Engine Performance) again from', not('1980'), not(m.askDate('A8')))],
  ]],
  ['the details labelled and sent after the question ("my ase id is ... born ... ssn ..."): signed in and answered, the birth date read as nothing else', [
    ['when can I retake it? my ase id is DEMO-0002 born 2/2/1980 ssn 0002', all('Thanks, Demo', 'You can buy A8 (Engine Performance) again from', not('1980'))],
  ]],
  ['"can you tell me my results?" with the details: signed in, and the results question answered from the account', [
    ['can u tell me my results? DEMO-0002 born 02/02/1980 ssn 0002', all('Thanks, Demo', 'You can buy A8 (Engine Performance) again from', not('1980'))],
  ]],
  ['a test the account has no result for: signed in, told so, and the day it was taken is then worked out', [
    [`I failed A5, when can I retake it? ${demo2}`, all('Thanks, Demo', 'no A5 (Brakes) result on your account', '"I failed A5 on March 3"', not('1980'))],
    ['I failed A5 on March 3', march3],
  ]],
  ['asked again in general words once worked out, the general answer says what was worked out instead of asking for the date again', [
    ['I failed A5 on March 3, when can I retake it?', march3],
    ['ok so when can i retake', all('You must wait 30 full days', 'Going by what you told me: you can buy A5 again on or after Thursday, April 3, 2025', not(offerMade), not(m.askDate('A5')))],
  ]],
  ['signed in, "and what about the A7 i missed?" right after the A8 answer: the same question asked of A7, from the account (DEMO-0002 missed A7)', [
    [`when can i retake A8 ${demo2}`, all('Thanks, Demo', 'You can buy A8 (Engine Performance) again from')],
    ['and what about the A7 i missed?', all('A7 (Heating and Air Conditioning)', 'was a No Show', not('questions you missed'))],
  ]],
  ['"what about A4?" right after the answer: the same question for A4, on the same date', [
    ['I failed A5 on March 3, when can I retake it?', march3],
    ['what about A4?', all('You can buy A4 again on or after Thursday, April 3, 2025', not('You can buy A5'))],
    ['and A6?', all('You can buy A6 again on or after Thursday, April 3, 2025')],
  ]],
  ['a test failed 31 days ago can be bought again today', [['I failed A5 on February 17, can I retake it?', all('You can buy A5 again now', 'Monday, February 17, 2025')]]],
  ['a FAQ question mid-task is answered and the date that follows is read as the answer', [
    [opens, opened],
    ["what's the passing score?", all(/score report/i, `${en.task.backToIt} ${m.askDate('A5')}`)],
    ['March 3', march3],
  ]],
  ['the offer after the general answer is made again once after another question, and left after a second', [
    ['when can i retake a test i failed', all('You must wait 30 full days', offerMade)],
    ['how do i study for the test', all('ASE Study Guides', `${en.task.backToIt} ${offerMade}`)],
    ['are the tests available in spanish', all('available in Spanish', not(en.task.backToIt), not(offerMade))],
  ]],
  ['the duplicate-certificate question mid-task is answered, then the task goes on', [
    [opens, opened],
    ['how do I get a duplicate certificate?', all('$7.50', `${en.task.backToIt} ${m.askDate('A5')}`)],
    ['March 3', march3],
  ]],
  ['"no, I meant A4" mid-task changes the test and asks about A4', [
    [opens, opened],
    ['no, I meant A4', all(en.task.changed('A4'), m.askDate('A4'))],
    ['March 3', all('You can buy A4 again on or after Thursday, April 3, 2025', not('A5'))],
  ]],
  ['"sorry, the 10th not the 12th" right after the answer recomputes it', [
    ['I failed A5 on March 12, can I retake it?', all('on or after Saturday, April 12, 2025', '23 days from today')],
    ['sorry, the 10th not the 12th', all(en.task.changed('Monday, March 10, 2025'), 'on or after Thursday, April 10, 2025', '21 days from today')],
  ]],
  ['"no, I meant two weeks ago" after "three weeks ago" recomputes the date', [
    [opens, opened],
    ['I took it three weeks ago', all('Thursday, February 27, 2025: got it.', 'on or after Sunday, March 30, 2025', '10 days from today')],
    ['no, I meant two weeks ago', all(en.task.changed('Thursday, March 6, 2025'), 'on or after Sunday, April 6, 2025', '17 days from today')],
  ]],
  ['"actually I missed my appointment yesterday" leaves the retest question for the missed-appointment one', [
    [opens, opened],
    ['actually I missed my appointment yesterday', all(en.task.switched('retest'), 'No Show', en.task.missed.askPosted, buttons('Yes', 'No'))],
    ['yes', en.task.missed.canRebuyNow],
  ]],
  ['"help me", then "say that again", then "start over" mid-task', [
    [opens, opened],
    ['help me', all(m.help, m.askDate('A5'))],
    ['say that again', all(m.askDate('A5'), not(m.help))],
    ['start over', all(en.startOver, not(m.askDate('A5')))],
  ]],
  ['"never mind" mid-task stops it, and says so', [
    [opens, opened],
    ['never mind', all(en.cancelled, not(m.askDate('A5')))],
  ]],
  ['sign-in is offered beside the question, and a date given instead is simply used', [
    [opens, all(en.task.orSignIn, buttons())],
    ['two weeks ago', all('on or after Sunday, April 6, 2025', 'Thursday, March 6, 2025', not(noSsn))],
  ]],
  ['signing in mid-task answers from the account (A8 failed 12 days ago)', [
    ['I failed A8, when can I retake it?', all(m.askDate('A8'), en.task.orSignIn)],
    [signIn, en.linking.askCredentials],
    [demo2, all('Thanks, Demo', 'Tuesday, April 8, 2025', '19 days from today', 'Saturday, March 8, 2025')],
  ]],
  ['signed in first, the retest question is answered from the account', [
    [signIn, en.linking.askCredentials],
    [demo2, 'Thanks, Demo'],
    ['I failed A8, when can I retake it?', all('Tuesday, April 8, 2025', '19 days from today', not(m.askDate('A8')))],
  ]],
  ['signed in with no result for that test on the account, the bot says so, asks for the date and answers it', [
    [opens, opened],
    [signIn, en.linking.askCredentials],
    [demo2, all('Thanks, Demo', "There's no A5 (Brakes) result on your account.", m.askDate('A5'))],
    ['March 3', march3],
  ]],
]);
