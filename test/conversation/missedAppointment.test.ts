import { all, buttons, en, not, transcripts } from './suite.js';

const m = en.task.missed;
const opens = 'I missed my test yesterday';
const opened = all('scored as No Show', 'fees are forfeited', m.askPosted, buttons('Yes', 'No'));

transcripts('missed appointment: what is forfeited and when the test can be bought again', [
  ['step by step, the general answer comes first, then the one question, then the answer', [
    [opens, opened],
    ['no', all(m.wait, not(m.askPosted))],
  ]],
  ['the README example is answered generally in its first turn and asks whether the No Show is posted', [
    ['I missed my test yesterday', all('There\'s no refund for a missed appointment', m.askPosted)],
    ['yes', m.canRebuyNow],
  ]],
  ['an answer in other words ("it\'s not posted yet") is read as a no', [
    [opens, opened],
    ["it's not posted yet", m.wait],
  ]],
  ['a FAQ question mid-task is answered and the yes that follows is read as the answer', [
    [opens, opened],
    ["what's the passing score?", all(/score report/i, `${en.task.backToIt} ${m.askPosted}`)],
    ['yes', m.canRebuyNow],
  ]],
  ['the duplicate-certificate question mid-task is answered, then the question is asked again', [
    [opens, opened],
    ['how do I get a duplicate certificate?', all('$7.50', `${en.task.backToIt} ${m.askPosted}`)],
    ['no', m.wait],
  ]],
  ['"actually I failed A5 on March 3" leaves the missed-appointment question for the retest', [
    [opens, opened],
    ['actually I failed A5 on March 3, when can I retake it?', all(en.task.switched('missed appointment'), 'on or after Thursday, April 3, 2025', '14 days from today')],
  ]],
  ['"no, I meant no" right after the answer changes it to the not-yet-posted one', [
    [opens, opened],
    ['yes', m.canRebuyNow],
    ['no, I meant no', all(m.wait, not(en.unknown), not(m.canRebuyNow))],
  ]],
  ['"help me", then "say that again", then "start over" mid-task', [
    [opens, opened],
    ['help me', all(m.help, m.askPosted)],
    ['say that again', all(m.askPosted, not(m.help))],
    ['start over', all(en.startOver, not(m.askPosted))],
  ]],
  ['"never mind" mid-task stops it', [
    [opens, opened],
    ['never mind', all(en.cancelled, not(m.askPosted))],
  ]],
  ['sign-in is offered beside the No Show question, and signed in (DEMO-0002) the posted No Show is read from the account', [
    [opens, all(opened, en.task.orSignIn)],
    ['sign in', en.linking.askCredentials],
    ['DEMO-0002, 1980-02-02, 0002', all('Thanks, Demo', 'A7', 'was a No Show. The result is posted, so you can buy it again now', not(m.askPosted), not('A8'))],
  ]],
  ['signed in with no No Show on the account (DEMO-0001), the question is still asked and answered', [
    [opens, all(opened, en.task.orSignIn)],
    ['sign in', en.linking.askCredentials],
    ['DEMO-0001, 1980-01-01, 0001', all('Thanks, Demo', m.askPosted)],
    ['yes', m.canRebuyNow],
  ]],
]);
