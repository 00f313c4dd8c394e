import { all, en, not, transcriptTables, type Transcript } from './suite.js';

// Found using the bot in the eighteenth session: a short question about the answer just given
// ("so what do I do now?", "where?", "how?", "and then?") got that answer's first sentence again, the
// Master answer's "Not if one has lapsed" after the Master status was worked out, the missed-appointment
// answer after a change worked out, or the general help ("where do i see it?" after the results
// answer). Now it gets the part of that answer's entry that says how or where (pointed back to when
// the answer said it), or, when the entry has no such part, an honest "nothing more" and who can help.
// Clock: December 6, 2026.

const nothingMore = "I don't have more on that than what I just said";

const howAndWhere: Transcript[] = [
  ['"where do i see it?" after the results answer is where results are seen (myASE), not the general help', [
    ['when do I get my results?', 'emailed to you immediately'],
    ['where do i see it?', all('viewed and printed in your myASE account', not(en.help), not('Tell me the date you took the test'))],
  ]],
  ['"how?" after the retest date worked out is how to buy it again (in myASE), not the 30-day rule again', [
    ['I failed A5 on November 20, when can I retake it?', 'Monday, December 21, 2026'],
    ['how?', all('buy and schedule the same test again in myASE', not('You must wait 30 full days'))],
  ]],
  ['"where?" after the retest date worked out the same', [
    ['I failed A5 on November 20, when can I retake it?', 'Monday, December 21, 2026'],
    ['where?', all('in myASE', not('You must wait 30 full days'))],
  ]],
  ['"so what do I do now?" after a change worked out is the steps to change it, never the missed-appointment answer', [
    ['can I change my appointment on December 20?', 'Yes, you can still change or cancel it'],
    ['so what do I do now?', all('cancel the existing appointment first, then book the new one', not('No Show'), not('missed appointment'))],
  ]],
  ['"¿dónde lo veo?" after the results answer in Spanish the same', [
    ['¿cuándo salen los resultados del examen?', /correo electr[oó]nico/],
    ['¿dónde lo veo?', all(/myASE/, not(/Preg[uú]nteme/))],
  ]],
];

const nothingMoreToSay: Transcript[] = [
  ['"so what do I do now?" after the Master status worked out is not the status again: nothing more, and who can help', [
    ['my A6 lapsed, am I still a master tech?', 'Pass the recertification test for A6'],
    ['so what do I do now?', all(nothingMore, '1-800-390-6789', not('Not if one has lapsed'))],
  ]],
  ['"and then?" after the certificate answer is not its first sentence again', [
    ['when does my certificate come?', 'about three weeks after your test date'],
    ['and then?', all(not('Expect your certificate about three weeks'))],
  ]],
  ['"how?" after the Master status worked out in Spanish the same', [
    ['se me venció el A6, ¿sigo siendo técnico master?', /A6/],
    ['¿y ahora qué hago?', all(/No tengo m[aá]s sobre eso/, not(/No, si venci/))],
  ]],
];

transcriptTables(
  [
    ['a short question about the answer just given gets the part of it that answers', howAndWhere],
    ['with nothing more to say, the bot says so and who can help, never the same answer again', nothingMoreToSay],
  ],
  { now: new Date('2026-12-06T17:00:00Z') },
);
