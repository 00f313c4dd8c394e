import { all, demo1, not, transcriptTables, type Transcript } from './suite.js';

// The twenty-third usability round (ut23, part d): conversations played against `npm start` by a
// tester who never saw the code. Each finding is written here as the rule it broke. The clock is the
// tester's: Monday, December 7, 2026, noon in New York. DEMO-0001 holds G1 (passed November 2, 2025)
// and has A4 booked on Wednesday, December 9 (within 72 hours) and A5 on Tuesday, December 15.
const testersClock = new Date('2026-12-07T17:00:00Z');

// Finding 1: signed in, a question about the candidate's own things asked while a task's question
// waits is answered from the account (then the question again), as it is when nothing waits; never
// the general FAQ text, nor "I can't answer that one here". "sign out" while a question waits signs
// out, and what was answered from the account is no context for the next question.
const ownThingsWhileAsked: Transcript[] = [
  ['a question about the own account while a task asks is answered from the account', [
    [demo1, 'signed in'],
    ['when does my A5 expire', 'When did you pass A5'],
    ['am I still a master tech', all("You don't hold any of the certifications that count towards Master status", 'Back to your question', not('Not if one has lapsed'))],
    ['what appointments do i have', all('You have 2 upcoming test appointments', 'Back to your question', not("I can't answer that one here"))],
  ]],
  ['sign out while a task asks signs out, and "did I pass?" next is the general answer', [
    [demo1, 'signed in'],
    ['when can I retake A5?', 'What date did you take A5?'],
    ['I need to cancel my A4 appointment', 'can no longer be cancelled'],
    ['sign out', all("You're signed out", not("You weren't signed in"))],
    ['did I pass?', all(/score report is emailed/i, /sign in/i, not('No Show'), not('Your latest result'))],
  ]],
];

// Finding 3: "how long til i can buy again" right after the missed-appointment answer is about
// buying it again after the No Show (once its result is posted, per the source), never the 90-day
// purchase window. On SMS, an answer said whole with only its related questions left says so:
// "Reply MORE for related questions", never "Reply MORE for details".
const buyAgainAfterNoShow: Transcript[] = [
  ['"how long til i can buy again" after the missed-appointment answer is the No Show rule', [
    ['hi i missed my test yesterday', 'No Show'],
    ['no', 'wait until the No Show result appears in myASE'],
    ['how long til i can buy again', all('once the No Show result appears in myASE, you can buy the test again', not('90 days'))],
  ]],
];
const moreOnlyRelated: Transcript[] = [
  ['an SMS answer said whole offers MORE for related questions, and MORE sends them', [
    ['how long do i have to take my test after buying', all('90 days from the purchase date', 'Reply MORE for related questions.', not('Reply MORE for details'))],
    ['MORE', 'You can also ask:'],
  ]],
];

// Finding 4: "thats not fair" was "Okay.", "this sucks" the No Show text again and "useless bot"
// "Sorry, I don't know that one.": a short word of sorry and a way on (ask another way, or a person),
// as a row of the acknowledgement table; mid-task, then the question again.
const takenBadly: Transcript[] = [
  ['"thats not fair", "this sucks" and "useless bot" after the No Show answer are said sorry to, with a person offered', [
    ['hi i missed my test yesterday', 'No Show'],
    ['no', 'wait until the No Show result appears in myASE'],
    ['thats not fair', all("I'm sorry, I know that's not the answer you hoped for", 'talk to a person', not(/^Okay/))],
    ['this sucks', all("I'm sorry, I know that's not the answer you hoped for", not('Arriving late'), not('all fees are forfeited'))],
    ['useless bot', all("Sorry I haven't been much help", 'talk to a person', not("I don't know that one"))],
  ]],
  ['"this sucks" while a question waits: sorry, then the question again', [
    ['hi i missed my test yesterday', 'Has the No Show result been posted'],
    ['this sucks', all("I'm sorry, I know that's not the answer you hoped for", 'Back to your question: Has the No Show result been posted')],
  ]],
];

transcriptTables([
  ['an answer taken badly gets sorry and a way on (finding 4)', takenBadly],
  ['"buy again" after a No Show is the No Show rule (finding 3)', buyAgainAfterNoShow],
  ['MORE promises only what it sends (finding 3)', moreOnlyRelated, ['sms']],
  ["signed in, own things asked mid-task are answered from the account; sign-out is plain (finding 1)", ownThingsWhileAsked],
], { now: testersClock });
