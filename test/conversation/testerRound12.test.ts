import { all, buttons, not, transcriptTables, type Transcript } from './suite.js';

// The twelfth usability round: a tester played the bot as a candidate against `npm start` and
// listed what harmed candidates; each finding is written here as the rule it broke. The clock is
// the tester's: Sunday, December 6, 2026, noon in New York.

const saidOnce: Transcript[] = [
  ['the cancel answer says how to cancel once: the lead sums up the body\'s cancel sentence, which is not said again', [
    ['how do i cancel my test', all('To cancel a test, cancel its appointment first', not('first cancel any existing appointment'))],
  ]],
  ['the work-experience answer says when to submit the form once', [
    ['when should i send in my experience form', all(/^Submit your work experience form after you create your myASE account/, not('It is best to submit'))],
  ]],
  ['the duplicate answer says $7.50 per test series once, and what a series is', [
    ['how much is a duplicate certificate', all('$7.50 per test series', 'Parts Specialist', not('The $7.50 fee'))],
  ]],
  ['recertifying after expiry is said once', [
    ['can i recertify after my cert expired', all(/^Yes: you may take Recertification Tests even after your credentials have expired/, not('even if your credentials have expired'))],
  ]],
  ['in Spanish, the scheduling answer after the ADA answer says the 90 days once, under the ADA caveat', [
    ['necesito adaptaciones ADA', 'ADA Request Form'],
    ['como compro un examen', all(/^Si pidi[oó] adaptaciones ADA, espere/, /90 d[ií]as/, not('Una vez que ha comprado un examen'))],
  ]],
  ['in Spanish, the cancel answer says how to cancel once', [
    ['como cancelo mi examen y me devuelven el dinero', all(/Para cancelar un examen, cancele primero su cita|Cancele la cita y luego el examen/, not('primero cancele cualquier cita'))],
  ]],
];

const notTheWholeAnswerAgain: Transcript[] = [
  ['"what about germany, im in the army" and "which bases" after the testing-abroad answer get where tests are given and its military sentence, said as from that answer (this short answer is all of it)', [
    ['can i take the test outside the us', all(/^ASE testing is offered in the United States/, 'overseas bases')],
    ['what about germany, im in the army', all(/^As in my last answer: ASE testing is offered in the United States, U\.S\. territories, and Canada\.\s+Military personnel can take tests on certain overseas bases/)],
    ['which bases', /^As in my last answer: .*\s+Military personnel/],
  ]],
  ['"who fills out the form" after the ADA answer is its first sentence (a qualified professional), not the steps again', [
    ['I need ADA accommodations', 'ADA Request Form'],
    ['who fills out the form', all(/^As in my last answer: Send ASE the ADA Request Form, completed by a qualified professional/, not('Return the form'))],
  ]],
  ['"is there a practice test" after the test-prep answer is the sentence that names it', [
    ['how do i study for the test', 'Official ASE Practice Test'],
    ['is there a practice test', all(/^As in my last answer: .*Official ASE Practice Test/, not('More Training Resources'))],
  ]],
  ['a question of its own after "ok" is still answered in full', [
    ['can i take the test outside the us', 'overseas bases'],
    ['ok', /Anything else|Okay/],
    ['how do i get a duplicate certificate', all(/^Order a duplicate certificate/, not('As in my last answer'))],
  ]],
  ['"y en alemania? estoy en el ejercito" after the Spanish testing-abroad answer gets its military sentence, said as from that answer', [
    ['puedo tomar el examen fuera de estados unidos', 'bases en el extranjero'],
    ['y en alemania? estoy en el ejercito', all(/^Como en mi respuesta anterior: Los ex[aá]menes de ASE se ofrecen en Estados Unidos.*\s+El personal militar/)],
  ]],
  ['"quien llena el formulario" after the Spanish ADA answer is its first sentence, not the steps again', [
    ['necesito adaptaciones ADA', 'ADA Request Form'],
    ['quien llena el formulario', all(/^Como en mi respuesta anterior: Env[ií]e a ASE el ADA Request Form/, not('Devuelva el formulario'))],
  ]],
];

const takenBackWithAQuestion: Transcript[] = [
  ['"never mind, when do results come out" in the staff queue leaves the queue and gets the results answer, never "passed that on"', [
    ['talk to a person', 'next in line'],
    ['never mind, when do results come out', all("I've taken you out of the queue", 'score report', not('passed that on'), not('what can I help you with'))],
    ['when will my cert come', all('three weeks', not('passed that on'))],
  ]],
  ['"never mind i got it" in the queue still just leaves it', [
    ['talk to a person', 'next in line'],
    ['never mind i got it', all("I've taken you out of the queue", 'what can I help you with')],
  ]],
  ['"never mind, when do results come out" outside the queue is the results answer, not "Did you mean"', [
    ['never mind, when do results come out', all('score report', not('Did you mean'))],
  ]],
  ['"olvídalo, cuándo salen los resultados" in the queue leaves it and gets the Spanish results answer', [
    ['hablar con una persona', 'siguiente'],
    ['olvídalo, cuándo salen los resultados', all(/le he sacado de la fila/, /reporte de puntaje/, not('lo he pasado'))],
  ]],
];

const rebookAfterNoShow: Transcript[] = [
  ['"how long until i can rebook" after the missed-appointment answer is when the test can be bought again (once the No Show is posted), not the change-or-cancel answer', [
    ['i missed my appointment', 'No Show'],
    ['how long until i can rebook', all('once the official No Show test result is posted to myASE', not('Cancel Selected'))],
  ]],
  ['the same after the task has answered', [
    ['i missed my appointment', 'No Show'],
    ['no', 'wait until the No Show result appears'],
    // Right after the task's answer, from that answer's outcome (ut20: a No Show is no failed test).
    ['how long until i can rebook', all('once the No Show result appears in myASE', not('Cancel Selected'))],
  ]],
  ['"how long until i can rebook" with nothing before it is not the missed-appointment answer', [
    ['how long until i can rebook', not('No Show')],
  ]],
  ['"cuando puedo volver a comprarlo" after the Spanish missed-appointment answer is when it can be bought again, not the no-refund sentence again', [
    ['falté a mi cita', 'No Show'],
    ['cuando puedo volver a comprarlo', all(/cuando el resultado oficial de No Show aparezca en myASE/, not('No hay reembolso'))],
  ]],
];

const twoQuestionsAtOnce: Transcript[] = [
  ['"when will my cert come and also when do I get the results" is both answers, not "If you mean your own, that\'s in your ASE account"', [
    ['I took the test today and passed, when will my cert come and also when do I get the results', all('three weeks', 'score report', not('If you mean your own'))],
  ]],
  ['"how long is ase cert good for and how much is a duplicate for auto" answers both: five years, then the duplicate total', [
    ['how long is ase cert good for and how much is a duplicate for auto', all('five years', '$7.50', 'Automobile & Light Truck')],
  ]],
  ['in Spanish, "cuándo llega mi certificado y también cuándo salen los resultados" is both: the three weeks, and the results date worked out', [
    ['hice el examen hoy y pasé, cuándo llega mi certificado y también cuándo salen los resultados', all('tres semanas', /mi[eé]rcoles, 9 de diciembre de 2026/)],
  ]],
  ['in Spanish, "cuanto dura la certificacion y cuanto cuesta un duplicado" answers both', [
    ['cuanto dura la certificacion y cuanto cuesta un duplicado', all(/cinco a[nñ]os/, '$7.50')],
  ]],
];

const notWhatIAsked: Transcript[] = [
  ['"thats not what i asked, i want to know my score" is the results answer, not a menu with ADA and missed appointments', [
    ['when do i get my certificate', 'three weeks'],
    ['thats not what i asked, i want to know my score', all('score report', not('ADA'), not('Missed or unscheduled'))],
  ]],
  ['"eso no es lo que pregunté, quiero saber mi puntaje" is the Spanish results answer', [
    ['cuando llega mi certificado', 'tres semanas'],
    ['eso no es lo que pregunté, quiero saber mi puntaje', all('reporte de puntaje', not('ADA'))],
  ]],
];

const spanishDuplicateTotal: Transcript[] = [
  ['"cuanto cuesta un duplicado...? necesito automovil y camiones" is the total for both series, with no Master sentence', [
    ['cuanto cuesta un duplicado del certificado? necesito automovil y camiones', all('$15.00', /Autom[oó]vil\/Camioneta Ligera/, /Cami[oó]n Mediano\/Pesado/, not(/T[eé]cnico Maestro/))],
  ]],
  ['"automóvil, camión y partes" in Spanish comes to $22.50, as in English', [
    ['necesito duplicados de automóvil, camión y partes', '$22.50'],
  ]],
  ['the English twin, "...? i need automobile and truck", has no Master sentence either', [
    ['how much does a duplicate certificate cost? i need automobile and truck', all('$15.00', not('Master'))],
  ]],
];

const whyNot: Transcript[] = [
  ['"why not?" after "it can no longer be changed" is the three-day rule, never "You can, as long as..."', [
    ['my test is december 8, can i reschedule', 'can no longer be changed'],
    ['why not?', all(/^Because ASE allows no changes within three days of a scheduled appointment/, not('You can, as long as'))],
  ]],
  ['"why?" after "it expired" is the 90-day rule', [
    ['i bought my test on june 1', 'It expired'],
    ['why?', /^Because a test must be scheduled and taken within 90 days of its purchase date/],
  ]],
  ['"¿por qué no?" after the Spanish "ya no se puede cambiar" is the three-day rule in Spanish', [
    ['mi examen es el 8 de diciembre, puedo cambiarlo', 'ya no se puede cambiar'],
    ['por qué no?', all(/^Porque ASE no permite cambios dentro de los tres d[ií]as/, not(/S[ií] puede/))],
  ]],
];

const hedgedDate: Transcript[] = [
  ['"sometime in march i think" after the purchase window worked out from "a couple weeks ago" is the purchase date again, never the appeals gap', [
    ['how long do i have to take my test after buying it', 'What date did you buy the test?'],
    ['a couple weeks ago', 'Sunday, November 22, 2026'],
    ['sometime in march i think', all('March 2026', 'expired', not('appeals'))],
  ]],
  ['"creo que fue en marzo" after "hace dos semanas" is the purchase date again in Spanish', [
    ['cuanto tiempo tengo para tomar el examen despues de comprarlo', /90 d[ií]as/],
    ['lo compré hace dos semanas', /22 de noviembre de 2026/],
    ['creo que fue en marzo', all(/marzo de 2026/, /Venci[oó]/)],
  ]],
];

const clarificationKept: Transcript[] = [
  ['"what about canceling instead" while "12/10: which date?" waits is answered, and the same two dates are asked about again, not "When is your appointment?"', [
    ['can i reschedule my test on 12/10', all('Which date did you mean?', buttons('Thursday, December 10, 2026', 'Tuesday, October 12, 2027'))],
    ['what about canceling instead', all('Back to your question: Which date did you mean?', not('When is your appointment?'), not('first cancel any existing appointment'))],
    ['Thursday, December 10, 2026', 'Thursday, December 10, 2026: got it'],
  ]],
  ['"y si mejor lo cancelo?" while the Spanish "12/10" question waits keeps it too', [
    ['puedo cambiar mi examen del 12/10', /¿A qu[eé] fecha se refiere\?/],
    ['y si mejor lo cancelo?', all(/Volviendo a su pregunta: ¿A qu[eé] fecha se refiere\?/, not(/¿Cu[aá]ndo es su cita\?/))],
  ]],
];

transcriptTables(
  [
    ['an answer says each sentence once (a lead, a caveat or an earlier sentence said again goes)', saidOnce],
    ['the answer just given, asked for again in other words, is the part that answers, said as from it, not the whole answer again', notTheWholeAnswerAgain],
    ['a facet\'s phrasing that is its only right after its answer ("how long until i can rebook" after a No Show) is read so there', rebookAfterNoShow],
    ['two questions at once are both answered: before the account\'s offer, and beside a task that works out one of them', twoQuestionsAtOnce],
    ['"that\'s not what I asked" in front of a question is no part of it: the question is what follows', notWhatIAsked],
    ['series named in Spanish ("automovil", "camiones") are series, and names alone are no second question', spanishDuplicateTotal],
    ['"why not?" right after a task\'s answer is the rule behind it (the route row `reason`)', whyNot],
    ['a date alone, hedged ("sometime in march i think"), right after a task is that task\'s fact again, not a question for the knowledge base', hedgedDate],
    ['a question asked while a date is being clarified keeps the clarification (the date given is not dropped)', clarificationKept],
    ['a request for a person taken back with a question ("never mind, when do ...") leaves the queue and is answered', takenBackWithAQuestion],
  ],
  { now: new Date('2026-12-06T17:00:00Z') },
);
