import { all, demo1, demo4, not, signIn, transcriptTables, type Transcript } from './suite.js';

// The fourteenth usability round: what the thirteenth found and left, then about twenty-five new
// conversations played against `npm start` as candidates who never saw the code. Each finding is
// written here as the rule it broke. The clock is the tester's: Sunday, December 6, 2026, noon in New York.

const aYearAlone: Transcript[] = [
  ['"i passed it in 2021" at "When did you pass A1?" asks which month of 2021, and "march" then answers', [
    ['when do i need to recertify A1', 'When did you pass A1'],
    // What the year settles first (round 23), then the month asked for.
    ['i passed it in 2021', all(/^Certifications are valid for 5 years, so a test passed in 2021 expires in 2026/, /Which month of 2021\?/, not('Back to your question'))],
    ['march', all('Whatever the exact day "March 2021" was', 'lapsed in March 2026')],
  ]],
  ['"2021" alone, then "may 5", is May 5, 2021', [
    ['when does my A1 expire', 'When did you pass A1'],
    ['2021', all(/^Certifications are valid for 5 years, so a test passed in 2021 expires in 2026/, /Which month of 2021\?/)],
    ['may 5', all('Wednesday, May 5, 2021', 'lapsed on Tuesday, May 5, 2026')],
  ]],
  ['"i passed A1 in 2019 when do i recertify" is answered: any day of 2019 lapsed in 2024, and no month or day is made up', [
    ['i passed A1 in 2019 when do i recertify', all('Whatever the exact day "in 2019" was', 'lapsed in 2024', not('January'), not('When did you pass'))],
  ]],
  ['"recert a1 passed 2021", as texted, asks which month of 2021', [
    ['recert a1 passed 2021', all(/Which month of 2021\?/, not('When did you pass A1'))],
  ]],
  ['"and A2 in 2019" after A1\'s answer is A2 with its own year, never A1\'s date kept', [
    ['when does my A1 expire, passed it in 2020', 'lapsed in 2025'],
    ['and A2 in 2019', all('A2 certification lapsed in 2024', not('2025'))],
  ]],
  ['"la aprobé en 2021" is asked the month of 2021 in Spanish, and "abril" answers in Spanish', [
    ['cuando vence mi certificacion A1', /¿Cu[aá]ndo aprob[oó] A1/],
    ['la aprobé en 2021', all(/^Las certificaciones son v[aá]lidas por 5 a[nñ]os, as[ií] que un examen aprobado en 2021 vence en 2026/, /¿En qu[eé] mes de 2021\?/)],
    ['abril', all('"abril de 2021"', /venci[oó] en abril de 2026/)],
  ]],
];

const prefersSpanish: Transcript[] = [
  ['signed in as DEMO-0004, who prefers Spanish, "hola" is answered in Spanish', [
    [signIn, 'ASE ID'],
    [demo4, 'signed in'],
    ['hola', all(/^¡?Hola/, not('What can I help you with'))],
  ]],
  ['"soy tecnico maestro?" is answered from the account, in Spanish', [
    [signIn, 'ASE ID'],
    [demo4, 'signed in'],
    ['soy tecnico maestro?', all(/^S[ií]: usted es T[eé]cnico Maestro de Autom[oó]vil/, not('Tell me which'))],
  ]],
  ['signed in as DEMO-0001, who prefers English, "hola" is still answered in English', [
    [signIn, 'ASE ID'],
    [demo1, 'signed in'],
    ['hola', /^Hello/],
  ]],
];

const aQuestionIsNoLapse: Transcript[] = [
  ['"when does A1 expire" while the Master offer asks which tests lapsed is a question of its own, never "A1 lapsed"', [
    ['am i still master', 'which of the series\' tests have lapsed'],
    ['ok', 'Whenever you\'re ready'],
    ['when does A1 expire', all('When did you pass A1', not('A1 lapsed'), not('suspended'))],
  ]],
];

const notSaidTwice: Transcript[] = [
  ['"do i get my money back" right after the missed-appointment answer points to it and adds what comes next, never the no-refund sentence again', [
    ['i missed my appointment', /^There's no refund for a missed appointment/],
    ['do i get my money back', all(/^That's in my answer just above\./, 'only after the official No Show test result is posted', not("There's no refund for a missed appointment"), 'Has the No Show result been posted')],
  ]],
  ['"me devuelven el dinero?" after "falte a mi cita" does the same in Spanish', [
    ['falte a mi cita', /^No hay reembolso por una cita perdida/],
    ['me devuelven el dinero?', all(/^Eso est[aá] en mi respuesta de arriba\./, not('No hay reembolso por una cita perdida'))],
  ]],
];

const whereInMyAse: Transcript[] = [
  ['"wtf i cant find where to reschedule on myase" is told where: Cancel Selected Appointment(s), then book', [
    ['wtf i cant find where to reschedule on myase', /^To change your test date or time, cancel the existing appointment in myASE \(Cancel Selected Appointment\(s\)\)/],
  ]],
  ['"how do i reschedule in myase" is the steps too, never the Cancel Test answer first', [
    ['how do i reschedule in myase', all(/^To change your test date or time/, not(/^To cancel a test/))],
  ]],
];

const notScheduledYet: Transcript[] = [
  ['"i bought a test and didnt schedule it yet" leads with the 90 days to schedule, never "There\'s no refund for a missed appointment"', [
    ['i bought a test and didnt schedule it yet', all(/^You have 90 days from (?:the purchase date|purchase) to schedule and take a test/, 'Tell me the date you bought your test')],
  ]],
  ['"i missed my appointment" still leads with the no-refund answer', [
    ['i missed my appointment', /^There's no refund for a missed appointment/],
  ]],
];

const payAgain: Transcript[] = [
  ['"do i pay again if i fail" leads with the yes it asks for (a retest is a new purchase), the 30-day wait after', [
    ['do i pay again if i fail', all(/^A retest is a new purchase: you pay the test fee again/, 'Once 30 full days have passed since the test you failed', not(/^You must wait 30 full days/))],
  ]],
  ['"when can i retake a test i failed" still leads with the 30-day wait', [
    ['when can i retake a test i failed', /^You must wait 30 full days|What date did you take/],
  ]],
];

const certificateFromADate: Transcript[] = [
  ['"whens my cert coming, passed A5 on nov 10" works out the day about three weeks on, December 1, already past', [
    ['whens my cert coming, passed A5 on nov 10', all('Tuesday, November 10, 2026', 'should have arrived around Tuesday, December 1, 2026', 'work experience', not('Blue Seal'))],
  ]],
  ['"passed A5 dec 1, whens my certificate coming" expects it around December 22', [
    ['passed A5 dec 1, whens my certificate coming', all('Expect your certificate around Tuesday, December 22, 2026', 'work experience requirement')],
  ]],
  ['"when do i get my certificate" is the general answer, offering to work it out from the pass date', [
    ['when do i get my certificate', all(/^Expect your certificate about three weeks after your test date/, 'Tell me the date you passed')],
  ]],
  ['"cuando llega mi certificado? aprobe el A5 el 10 de noviembre" is worked out in Spanish', [
    ['cuando llega mi certificado? aprobe el A5 el 10 de noviembre', all(/deber[ií]a haber llegado alrededor del martes, 1 de diciembre de 2026/, 'experiencia laboral')],
  ]],
];

const aseId: Transcript[] = [
  ['"where do i find my ase id" is told Customer Service can help, never the Terms and Conditions', [
    ['where do i find my ase id', all(/^I can't look up ASE IDs/, '1-800-390-6789', not('Terms and Conditions'))],
  ]],
  ['"i need my ase id" is the same, never "I don\'t know that one"', [
    ['i need my ase id', all(/^I can't look up ASE IDs/, not("I don't know that one"))],
  ]],
  ['"what id do i bring to the test" is still about identification on test day', [
    ['what id do i bring to the test', all(/ID or what to bring/, not('ASE IDs'))],
  ]],
];

const cancelAskedFirst: Transcript[] = [
  ['"my test is jan 5" after "can i get a refund if i cancel" is told how to cancel it, not how to move it', [
    ['can i get a refund if i cancel', 'Tell me the date of your appointment'],
    ['my test is jan 5', all('Tuesday, January 5, 2027', 'To cancel it, cancel the appointment first', not('To move it'))],
  ]],
  ['"its jan 5" after "can i reschedule my test" is still told how to move it', [
    ['can i reschedule my test', 'Tell me the date of your appointment'],
    ['its jan 5', all('To move it, cancel the existing appointment first', not('To cancel it'))],
  ]],
];

const expiryAhead: Transcript[] = [
  ['"my A6 expires next month what do i do" is answered from the month it expires, never "Which day exactly ("next month")?"', [
    ['my A6 expires next month what do i do', all('Your A6 certification expires in January 2027', 'If you recertify today', not('Which day exactly'))],
  ]],
  ['"my A6 expires on jan 10, when should i recertify" is January 10, 2027, still ahead, never a planned recertification nor "Expired"', [
    ['my A6 expires on jan 10, when should i recertify', all(/^Expires on Sunday, January 10, 2027: got it\./, 'expires on Sunday, January 10, 2027', 'If you recertify today', not('lapsed'))],
  ]],
  ['"my A1 expired on june 5 2024" is still a lapse', [
    ['my A1 expired on june 5 2024', all(/^Expired on Wednesday, June 5, 2024/, 'lapsed on Wednesday, June 5, 2024')],
  ]],
  ['"I already took my test last week, will my certificate still come?" after an address change is answered roughly, never "Which day exactly"', [
    ['I moved, how do I change my address', 'Update your address'],
    ['I already took my test last week, will my certificate still come?', all('about three weeks after your test date', not('Which day exactly'))],
  ]],
];

const afterAFailedSignIn: Transcript[] = [
  ['"hola" after details that did not match is no new attempt: never "don\'t match" again, and the right details still sign in', [
    [signIn, 'ASE ID'],
    ['DEMO-0004, 1975-05-05, 0004', all("don't match", '4 tries left')],
    ['hola', not("don't match")],
    [demo4, not("don't match")],
  ]],
  ['a question after details that did not match is answered, never read as the same details again', [
    [signIn, 'ASE ID'],
    ['DEMO-0004, 1975-05-05, 0004', "don't match"],
    ['how much is a duplicate certificate', all('$7.50', not("don't match"))],
  ]],
];

transcriptTables(
  [
    ['a year alone ("in 2021") is a date known to the year: answered when the year decides, else its month is asked for', aYearAlone],
    ['the language the account prefers settles a message that only leans that way', prefersSpanish],
    ['a question about a test\'s expiry tells no lapse', aQuestionIsNoLapse],
    ['"my ase id" is the candidate\'s number at ASE, never identification or "I\'d"', aseId],
    ['how the question that led to an offer was put (to cancel) holds when its reply starts the task', cancelAskedFirst],
    ['an expiry still ahead ("expires next month", "expires on jan 10") is the fact the answer rests on', expiryAhead],
    ['a pass date given with "when is my certificate coming" is used', certificateFromADate],
    ['whether a retest is paid for again is answered first', payAgain],
    ['a test bought and not yet scheduled is the 90-day window, not a missed appointment', notScheduledYet],
    ['where in myASE to reschedule is answered with the option to use', whereInMyAse],
    ['a task\'s own answer, asked about again just after it was said, is pointed to, not said again', notSaidTwice],
    ['after details that did not match, a message with none of its own is read afresh, never the same details again', afterAFailedSignIn],
  ],
  { now: new Date('2026-12-06T17:00:00Z') },
);
