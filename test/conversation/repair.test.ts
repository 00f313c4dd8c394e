import { all, buttons, demo1, demo2, en, neverSaysTextCancel, not, signIn, transcriptTables } from './suite.js';

const opens = 'I failed A5, when can I retake it?';
const ask = en.task.retest.askDate('A5');
const handedOver = /support staff to join/;
const noHandover = all(not(handedOver), not(en.task.gaveUpOfferPerson), not(en.unknown));

transcriptTables([
  ['acknowledgements never escalate', [
    ['"ok", "cool", "got it", "perfect", "thanks, bye" in a row get short friendly replies', [
      ['ok', all(en.acknowledged, noHandover)],
      ['cool', all(en.acknowledged, noHandover)],
      ['got it', all(en.acknowledged, noHandover)],
      ['perfect', all(en.acknowledged, noHandover)],
      ['thanks, bye', all(en.goodbye, noHandover)],
    ]],
    ['an acknowledgement mid-task brings the question back once, the next one does not, and the task still finishes', [
      [opens, ask],
      ['ok', all(`${en.task.okayBack} ${ask}`, not(en.acknowledged), noHandover)],
      ['cool', all(en.task.okayBack, not(ask), noHandover)],
      ['March 3', 'on or after Thursday, April 3, 2025'],
      ['got it', all(en.acknowledged, noHandover)],
      ['perfect', all(en.acknowledged, noHandover)],
      ['thanks, bye', all(en.goodbye, noHandover)],
    ]],
    ['"thanks, bye" mid-task says goodbye and drops the question', [
      [opens, ask],
      ['thanks, bye', all(en.goodbye, not(ask), noHandover)],
      ['March 3', not('on or after')],
    ]],
    ['"thanks" after an answer is thanked, not misunderstood', [
      ['what do duplicates of A1, A5 and T2 cost?', '$15.00'],
      ['thanks', all(en.thanks, noHandover)],
      ['ok', all(en.acknowledged, noHandover)],
    ]],
  ]],

  ['talking to a person', [
    ['"talk to a person" inside a sentence hands over', [
      ['I got my results but my certificate never came. talk to a person', handedOver],
    ]],
    ['"talk to a person" mid-task hands over', [
      [opens, ask],
      ['this is confusing, can I talk to a person?', handedOver],
    ]],
    ['two nonsense answers in a row offer a person but do not queue, and the bot still answers', [
      [opens, ask],
      ['banana', all(en.task.didNotGetIt, ask, noHandover)],
      ['purple', all(en.task.gaveUpOfferPerson, buttons('Talk to a person'), not(handedOver))],
      ['hello', all(en.greeting, not(handedOver))],
    ]],
    ['after the offer of a person, choosing it hands over', [
      [opens, ask],
      ['banana', en.task.didNotGetIt],
      ['purple', buttons('Talk to a person')],
      ['Talk to a person', handedOver],
    ]],
    ['"1" after the offer of a person (SMS: "Reply with a number.") hands over', [
      [opens, ask],
      ['banana', en.task.didNotGetIt],
      ['purple', all(en.task.gaveUpOfferPerson, buttons('Talk to a person'))],
      ['1', handedOver],
    ]],
  ]],

  ['help, start over and how to stop, on every channel', [
    ['"help me" mid-task explains this step, and "start over" ends the task', [
      [opens, ask],
      ['help me', all(en.task.retest.help, ask, not(neverSaysTextCancel))],
      ['start over', all(en.startOver, not(neverSaysTextCancel))],
      ['March 3', not('on or after Thursday, April 3, 2025')],
    ]],
    ['"what can you do" never tells the candidate to text cancel', [['what can you do?', all(en.capabilities, not(neverSaysTextCancel))]]],
    ['a stopped task is not resumed by a late answer', [
      [opens, ask],
      ['never mind', all(en.cancelled, not(neverSaysTextCancel))],
      ['thanks', en.thanks],
    ]],
    ['"cancel that" mid-task stops the task rather than answering the appointment-cancellation FAQ', [
      [opens, ask],
      ['cancel that', all(en.cancelled, not(ask))],
    ]],
    ['a bare "help" mid-task (on SMS after the carriers\' notice) helps with this step, says "start over", and asks again', [
      [opens, ask],
      ['help', all(en.task.retest.help, 'start over', ask, not(neverSaysTextCancel))],
      ['March 3', 'on or after Thursday, April 3, 2025'],
    ]],
    ['"what can I say?" mid-task is read as help, not as a nonsense answer', [
      [opens, ask],
      ['what can I say?', all(en.task.retest.help, ask, not(en.task.didNotGetIt))],
    ]],
  ]],

  ['signing in', [
    ['"sign in" then the demo details signs in, and "sign out" ends it', [
      [signIn, en.linking.askCredentials],
      [demo1, en.linking.signedIn('Demo')],
      ['sign out', en.linking.signedOut],
    ]],
    ['details sent unasked sign in', [[demo2, en.linking.signedIn('Demo')]]],
    ['a question about one\'s own certificate whose answer is everyone\'s gets that answer, sign-in offered beside it (ut21)', [
      ['when will I get my certificate?', all('about three weeks after your test date', 'say "sign in"')],
      ['When do I get my certificate?', 'about three weeks after your test date'],
    ]],
    ['the README question "which of my certifications expire this year?" signed in', [
      [signIn, en.linking.askCredentials],
      ['DEMO-0003, 1980-03-03, 0003', 'Thanks, Demo'],
      ['which of my certifications expire this year?', all('A2', 'Sunday, May 4, 2025', 'Friday, February 28, 2025')],
    ]],
    ['the README question "why haven\'t I got my certificate?" signed in', [
      [signIn, en.linking.askCredentials],
      [demo2, 'Thanks, Demo'],
      ["why haven't I got my certificate?", all('A1', 'work experience', 'Tuesday, March 11, 2025')],
    ]],
    ['a general question never asks for SSN digits', [
      ['when can I retake a test I failed?', all('30 full days', not(/SSN|last 4 digits/))],
      ['two weeks ago', all('on or after Sunday, April 6, 2025', not(/SSN|last 4 digits/))],
    ]],
  ]],
]);
