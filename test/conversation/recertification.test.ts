import { all, demo1, demo3, en, noSsn, not, signIn, transcripts } from './suite.js';

// Valid 5 years from the pass (or last recertification); the new expiry is 5 years from recertifying.
const m = en.task.recert;
const opens = 'I want to recertify A4, when does it expire?';
const opened = all('Recertification Test', m.askPassed('A4'), en.task.orSignIn);
const june2021 = all('Your A4 certification expires on Friday, June 5, 2026.', 'If you recertify today, the new expiry is Wednesday, March 20, 2030.', 'The 442 days left');

transcripts('recertification: current expiry, new expiry, days not carried over', [
  ['"I passed G1, when does it expire?" with the sign-in details in one message: signed in and answered from the account, nothing worked out from the date of birth', [
    [`I passed G1, when does it expire? ${demo1}`, all('Thanks, Demo', 'Your G1 (Auto Maintenance and Light Repair) certification is current', not('1980'), not('1985'))],
  ]],
  ['the details first, labelled, the last four ending a sentence, then the question: signed in and answered from the account', [
    ['DEMO-0003, dob 03/03/1980, last four 0003. when does my A6 expire?', all('Thanks, Demo', /A6/, not('1980'), not(m.askPassed('A6')))],
  ]],
  ['step by step, the general answer comes first, then the pass date, then both expiry dates', [
    [opens, opened],
    ['June 5, 2021', all('Saturday, June 5, 2021: got it.', june2021)],
  ]],
  ['"my A1 expired, can I recertify or do I have to take the full test again?" is recertification, not a retest', [
    ['my A1 expired, can I still recertify or do I have to take the full test again?', all('Recertification Test', m.askPassed('A1'), not('30 full days'))],
  ]],
  ['the README example is answered in one turn', [['I passed A4 on June 5, 2021, when does it expire if I recertify now?', all(june2021, not(m.askPassed('A4')))]]],
  ['a planned recertification date gives the new expiry from that day', [
    ['I passed A4 on June 5, 2021, when does it expire if I recertify on June 1?', all('expires on Friday, June 5, 2026', 'If you recertify on Sunday, June 1, 2025, the new expiry is Saturday, June 1, 2030.', 'The 369 days left')],
  ]],
  ['the duplicate-certificate question mid-task is answered, then the date that follows is used', [
    [opens, opened],
    ['how do I get a duplicate certificate?', all('$7.50', `${en.task.backToIt} ${m.askPassed('A4')}`)],
    ['June 5, 2021', june2021],
  ]],
  ['a FAQ question mid-task is answered, then the question is asked again', [
    [opens, opened],
    ["what's the passing score?", all(/score report/i, `${en.task.backToIt} ${m.askPassed('A4')}`)],
    ['June 5, 2021', june2021],
  ]],
  ['"no, I meant A5" mid-task changes the test', [
    [opens, opened],
    ['no, I meant A5', all(en.task.changed('A5'), m.askPassed('A5'))],
    ['June 5, 2021', all('Your A5 certification expires on Friday, June 5, 2026.', not('A4'))],
  ]],
  ['"no, I meant June 5, 2020" right after the answer recomputes it: expiring soon', [
    [opens, opened],
    ['June 5, 2021', june2021],
    ['no, I meant June 5, 2020', all(en.task.changed('Friday, June 5, 2020'), 'expires on Thursday, June 5, 2025', m.expiringSoon(77), 'The 77 days left')],
  ]],
  ['"actually I missed my appointment yesterday" leaves the recertification question', [
    [opens, opened],
    ['actually I missed my appointment yesterday', all(en.task.switched('recertification'), en.task.missed.askPosted)],
  ]],
  ['"help me", then "say that again", then "start over" mid-task', [
    [opens, opened],
    ['help me', all(m.help, m.askPassed('A4'))],
    ['say that again', all(m.askPassed('A4'), not(m.help))],
    ['start over', en.startOver],
  ]],
  ['"never mind" mid-task stops it', [
    [opens, opened],
    ['never mind', all(en.cancelled, not(m.askPassed('A4')))],
  ]],
  ['sign-in is offered, and a date given instead is used without asking for SSN digits', [
    [opens, opened],
    ['I passed it on June 5, 2021', all(june2021, not(noSsn))],
  ]],
  ['signing in mid-task answers from the account (DEMO-0003: A4 expires in 1100 days)', [
    [opens, opened],
    [signIn, en.linking.askCredentials],
    [demo3, all('Thanks, Demo', 'expires on Friday, March 24, 2028')],
  ]],
  ['the README account question "when does my A5 expire?" signed in is answered from the account', [
    [signIn, en.linking.askCredentials],
    [demo3, 'Thanks, Demo'],
    ['when does my A5 expire?', all('A5', 'expires on Friday, March 24, 2028', not(m.askPassed('A5')))],
  ]],
]);
