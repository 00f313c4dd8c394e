import { all, buttons, demo3, demo4, en, noSsn, not, signIn, transcripts } from './suite.js';

const m = en.task.master;
const opens = 'am I still a Master Technician?';
const prompt = 'Tell me which of the series\' tests have lapsed';
const opened = all('every required certification', prompt, en.task.orSignIn);
const askAuto = m.askLapsed('Master Automobile Technician');

transcripts('Master Technician status: whether it holds, and how to reinstate it', [
  ['step by step, the general answer comes first, then the series, then the lapsed tests', [
    [opens, opened],
    ['automobile', all(askAuto, buttons())],
    ['A3 and A6', all(m.lapsed('Master Automobile Technician', 'A3 and A6'))],
  ]],
  ['the README example "am I still a Master Tech? my A3 expired" is answered in one turn', [
    ['am I still a Master Tech? my A3 expired', all('Not at the moment: A3 lapsed', 'Pass the recertification test for A3')],
  ]],
  ['"A6 expired last year actually" right after "you hold it" changes the lapsed tests: suspended until A6 is recertified', [
    ["I'm certified in A1, A2, A3, A4, A5, A6, A7, A8, am I master?", askAuto],
    ['none', m.holds('Master Automobile Technician')],
    ['A6 expired last year actually', all(m.lapsed('Master Automobile Technician', 'A6'), not(en.task.whichDay('last year')))],
  ]],
  ['after the Master answer, a question about a lapsed test is a new question, not a change', [
    [opens, opened],
    ['automobile', askAuto],
    ['none', m.holds('Master Automobile Technician')],
    ['my A3 expired, can I still recertify?', all('Recertification Test', not(m.lapsed('Master Automobile Technician', 'A3')))],
  ]],
  ['"none" lapsed: the status holds', [
    [opens, opened],
    ['automobile', askAuto],
    ['none', m.holds('Master Automobile Technician')],
  ]],
  ['the duplicate-certificate question mid-task is answered, and "none" then read as the answer', [
    [opens, opened],
    ['automobile', askAuto],
    ['how do I get a duplicate certificate?', all('$7.50', `${en.task.backToIt} ${askAuto}`)],
    ['none', m.holds('Master Automobile Technician')],
  ]],
  ['a FAQ question before the first answer is answered and the prompt made again', [
    [opens, opened],
    ["what's the passing score?", all(/score report/i, `${en.task.backToIt} ${prompt}`)],
    ['A6 expired', 'Not at the moment: A6 lapsed'],
  ]],
  ['"no, I meant medium/heavy truck" mid-task changes the series asked about', [
    [opens, opened],
    ['automobile', askAuto],
    ['no, I meant medium/heavy truck', m.askLapsed('Master Medium/Heavy Truck Technician')],
    ['T4', 'Not at the moment: T4 lapsed, so Master Medium/Heavy Truck Technician status is suspended.'],
  ]],
  ['"actually I missed my appointment yesterday" leaves the Master Technician question', [
    [opens, opened],
    ['automobile', askAuto],
    ['actually I missed my appointment yesterday', all(en.task.switched('Master Technician'), en.task.missed.askPosted)],
  ]],
  ['"help me", "say that again" and "never mind" mid-task', [
    [opens, opened],
    ['automobile', askAuto],
    ['help me', all(m.help, askAuto)],
    ['say that again', all(askAuto, not(m.help))],
    ['never mind', all(en.cancelled, not(askAuto))],
  ]],
  ['"start over" mid-task', [
    [opens, opened],
    ['automobile', askAuto],
    ['start over', en.startOver],
  ]],
  ['sign-in is offered, and the lapsed test given instead is used without asking for SSN digits', [
    [opens, opened],
    ['automobile', all(askAuto, en.task.orSignIn)],
    ['A3', all('Not at the moment: A3 lapsed', not(noSsn))],
  ]],
  ['signing in after the general answer answers from the account (DEMO-0003: A6 lapsed 20 days ago)', [
    [opens, opened],
    [signIn, en.linking.askCredentials],
    [demo3, all('Thanks, Demo', 'suspended because A6', 'Friday, February 28, 2025', 'by Friday, June 13, 2025')],
  ]],
  ['signed in with all of A1-A8 current (DEMO-0004), the README question is answered yes from the account', [
    [signIn, en.linking.askCredentials],
    [demo4, 'Thanks, Demo'],
    [opens, all('Yes: you are a Master Automobile Technician', 'A3', 'Friday, April 24, 2026', not(prompt))],
  ]],
  ['"no, I meant A6" right after the answer changes the lapsed test and recomputes', [
    [opens, opened],
    ['automobile', askAuto],
    ['A3', 'A3 lapsed'],
    ['no, I meant A6', all(en.task.changed('A6'), 'Not at the moment: A6 lapsed', not('A3 lapsed'))],
  ]],
  ['a corrected series is echoed by its name ("Changed to Medium/Heavy Truck."), not its id ("Changed to T.")', [
    [opens, opened],
    ['automobile', askAuto],
    ['no, I meant medium/heavy truck', all(en.task.changed('Medium/Heavy Truck'), not('Changed to T.'), m.askLapsed('Master Medium/Heavy Truck Technician'))],
  ]],
]);
