import { all, demo4, not, type Transcript } from './suite.js';
import { transcriptTables } from './suite.js';

// The twenty-first usability round (ut21), the conversation part: played against `npm start` by a
// tester who never saw the code. Each finding is written here as the rule it broke.
// The clock is the tester's: Monday, December 7, 2026, noon in New York.

const threeWeeks = 'about three weeks after your test date';

// Finding 1: a general question gets the general answer, sign-in offered beside it, not instead:
// "when do I get my certificate?" is about three weeks after the test date for anyone.
const certificateInGeneral: Transcript[] = [
  ['"oh and when do I get my certificate?" is the three weeks, sign-in offered as well', [
    ['oh and when do I get my certificate?', all(threeWeeks, 'say "sign in"', not("That's in your ASE account"))],
  ]],
  ['"wen do i get my cert" (phone shorthand) is the same answer', [
    ['wen do i get my cert', all(threeWeeks, not("that's in your ASE account"), not('Did you mean'))],
  ]],
];

// Finding 2: a move after the test, asked with the certificate, is answered: tell ASE the new address.
const movedAfterTheTest: Transcript[] = [
  ['"I moved after taking my test, will my certificate still come?" says to notify ASE of the new address', [
    ['I moved after taking my test, will my certificate still come?',
      all('notify ASE of your new address', 'say "sign in"', not('Did you mean'), not("that's in your ASE account"))],
  ]],
];

// Finding 3: "what should I bring" after the preparation answer is what to bring on test day (the
// ID gap), as it is alone, never the Advanced Level prerequisites.
const whatToBring: Transcript[] = [
  ['"what should I bring" after the preparation answer is the ID and what-to-bring gap', [
    ['how do I prepare for the test?', 'ASE Study Guides'],
    ['what should I bring', all("I don't have the rules on ID or what to bring", '877-346-9327', not('prerequisites'))],
  ]],
];

// Finding 4: someone else paying is the employer-paying gap, never the 90-day purchase window.
const employerPaying: Transcript[] = [
  ['"can my boss pay for it" is the employer-paying gap', [
    ['can my boss pay for it', all("I don't have details on employers or shops paying for tests", not('90 days'))],
  ]],
  ['"will my work cover the test" the same', [
    ['will my work cover the test', all("I don't have details on employers or shops paying for tests", not('90 days'))],
  ]],
];

// Finding 5: the nearest test center is about ASE testing: the honest gap, with myASE and Prometric.
const nearestCentre: Transcript[] = [
  ['"where is the nearest test center?" is the test-centre gap, never "only ASE certification tests"', [
    ['where is the nearest test center?', all("I can't look up test centers", 'myASE', '877-346-9327', not('I can only help with ASE'))],
  ]],
  ['"closest test center to me" the same', [
    ['closest test center to me', all("I can't look up test centers", not('organisation concerned'))],
  ]],
];

// Finding 6: acknowledgements and presence checks are small talk, never "I don't know that one" nor
// a misunderstanding counted.
const smallTalk: Transcript[] = [
  ['"lol ok" after an answer is an acknowledgement', [
    ['how do I prepare for the test?', 'ASE Study Guides'],
    ['lol ok', all('Okay!', not("I don't know that one"), not('still not getting it'))],
  ]],
  ['"lol ok" twice after a question not understood is never "still not getting it"', [
    ['purple banana', "I don't know that one"],
    ['lol ok', all('Okay!', not('still not getting it'), not('trouble understanding'))],
  ]],
  ['"hey u there" and "are you still there?" are answered that the bot is here', [
    ['hey u there', all("Yes, I'm here.", not("I don't know that one"))],
    ['are you still there?', "Yes, I'm here."],
  ]],
  ['"anyone there?" while a task waits: here, and the question again', [
    ['I failed A5, when can I retake it?', 'What date did you take A5?'],
    ['anyone there?', all("Yes, I'm here.", 'What date did you take A5?')],
  ]],
  ['in Spanish, "¿sigue ahí?" is answered "Sí, aquí estoy"', [
    ['hola, necesito ayuda con mi examen', /./],
    ['¿sigue ahí?', /S[ií], aqu[ií] estoy/],
  ]],
];

// Finding 7: sign-in details sent in pieces around a question answered in between still sign in.
const signInAfterADetour: Transcript[] = [
  ['"sign in", the ASE ID, a question, then the birth date and SSN digits: signed in', [
    ['sign in', 'ASE ID'],
    ['DEMO-0003', 'That looks like your ASE ID'],
    ['are the tests available in spanish?', all('available in Spanish', 'To finish signing in, send your date of birth and last 4 SSN digits', not('Back to your question'))],
    ['1980-03-03, 0003', all("you're signed in", not("I don't know that one"), not('looks like a date of birth'))],
  ]],
  ['after a question about certification, the rest of the details still sign in (not a test date)', [
    ['sign in', 'ASE ID'],
    ['DEMO-0003', 'That looks like your ASE ID'],
    ['how long is a certification good for?', 'five years'],
    ['1980-03-03, 0003', all("you're signed in", not('looks like a date of birth'))],
  ]],
  ['a second question in between leaves sign-in, as its prompt says', [
    ['sign in', 'ASE ID'],
    ['DEMO-0003', 'That looks like your ASE ID'],
    ['are the tests available in spanish?', 'To finish signing in'],
    ['how much is a duplicate certificate?', all('$7.50', not('To finish signing in'))],
  ]],
];

// Finding 8: signed in, a short Spanish results question ("¿aprobé?", "¿pasé?") is the account's,
// as "¿aprobé el examen?" already was.
const shortResultsQuestionsEs: Transcript[] = [
  ['signed in as DEMO-0004, "¿aprobé?" and "¿pasé?" are answered from the account', [
    [demo4, /ha iniciado sesi[oó]n/],
    ['¿aprobé?', all(/Todav[ií]a no hay resultados de ex[aá]menes en su cuenta/, not(/Se refer[ií]a/))],
    ['¿pasé?', /Todav[ií]a no hay resultados de ex[aá]menes en su cuenta/],
    ['¿cómo me fue?', /Todav[ií]a no hay resultados de ex[aá]menes en su cuenta/],
  ]],
];

// Finding 10: wording. A sentence carried on after a colon starts in lower case; a Spanish reply that
// starts with a date starts with a capital ("Viernes, ...").
const wording: Transcript[] = [
  ['"I bought my test 5 months ago": "the answer is the same:" and the answer as a whole sentence', [
    ['I bought my test 5 months ago, how long do I have to take it?', all('the answer is the same: It has expired', not('has expired: it has'))],
  ]],
  ['"so is it too late?" after it: "Yes, going by what you told me: it ..."', [
    ['I bought my test on June 1, how long do I have to schedule it?', 'It expired after'],
    ['so is it too late?', /^Yes, going by what you told me: it expired/],
  ]],
  ['in Spanish, "reprobé el A5 el viernes" starts "Viernes, 4 de diciembre de 2026: entendido."', [
    ['reprobé el A5 el viernes', /^Viernes, 4 de diciembre de 2026: entendido\./],
  ]],
];

transcriptTables([
  ['a general certificate question gets the general answer (finding 1)', certificateInGeneral],
  ['a move after the test is the address to notify (finding 2)', movedAfterTheTest],
  ['"what should I bring" is the ID gap after any answer (finding 3)', whatToBring],
  ['an employer paying is the employer gap (finding 4)', employerPaying],
  ['the nearest test center is the test-centre gap (finding 5)', nearestCentre],
  ['acknowledgements and presence checks are small talk (finding 6)', smallTalk],
  ['sign-in resumes after a detour (finding 7)', signInAfterADetour],
  ['short Spanish results questions use the account (finding 8)', shortResultsQuestionsEs],
  ['a capital where a sentence starts, and only there (finding 10)', wording],
], { now: new Date('2026-12-07T17:00:00Z') });
