import { all, buttons, demo4, not, transcriptTables, type Transcript } from './suite.js';

// The twentieth usability round (ut20): conversations played against `npm start` by a tester who
// never saw the code. Each finding is written here as the rule it broke, in the tester's words.
// The clock is the tester's: Monday, December 7, 2026, noon in New York.

// Finding 1: a range of tests is the whole range, in Spanish as in English, so a Master Technician
// is never told he is missing the tests inside it.
const ranges: Transcript[] = [
  ['"tengo de A1 hasta A8, soy master?" is all eight tests: never "le faltan A2 ... A7"', [
    ['tengo de A1 hasta A8, soy master?', all(not('le faltan'), not('apruebe A2'))],
  ]],
  ['"tengo A1 a A8, soy tecnico maestro. voy a perder el master?" the same', [
    ['tengo A1 a A8, soy tecnico maestro. voy a perder el master?', all(not('le faltan'), not('apruebe A2'))],
  ]],
  ['"del A1 al A8" after the Master question is all eight: none missing', [
    ['soy tecnico maestro?', 'Técnico Maestro'],
    ['tengo del A1 al A8', all(not('le faltan'), not('Todavía no'))],
  ]],
  ['"A1-A8" and "A1 through A8" after the Master question are all eight', [
    ['am i a master tech', 'Master status takes certification'],
    ['I have A1 through A8', all(not('missing'), not('Not yet'))],
  ]],
];

// Finding 2: a duplicate of the Master certificate is a duplicate, not a question about Master status.
// The Master Automobile certificate is of the Automobile series, so with A1, A4 and A6 it is one
// series at $7.50.
const masterDuplicates: Transcript[] = [
  ['"I need duplicate certificates for A1, A4, A6 and my Master Tech certificate" is one series at $7.50', [
    ['I need duplicate certificates for A1, A4, A6 and my Master Tech certificate',
      all('That comes to $7.50: one test series at $7.50.', 'Master Automobile Technician', not("you're missing"), not('Not yet'))],
    ['just the A ones then', all('$7.50', 'Master Automobile Technician', not("you're missing"))],
    ['how much is that', all('$7.50', not('registration fee'))],
  ]],
  ['"A1, A4 and A6 and my master patch too" at the duplicate question stays on duplicates', [
    ['I need duplicates of my certificates', 'Tell me which test series you need duplicates for'],
    ['A1, A4 and A6 and my master patch too',
      all('That comes to $7.50: one test series at $7.50.', not('Leaving the duplicate'), not('Which of the Master'))],
    ['how much is that', all('$7.50', not('registration fee'))],
  ]],
  ['in Spanish, "necesito duplicados de A1, A4, A6 y de mi certificado de técnico maestro" is one series too', [
    ['necesito duplicados de A1, A4, A6 y de mi certificado de técnico maestro',
      all(/Son \$7\.50: una serie/, /T[eé]cnico Maestro de Autom[oó]vil/, not('le faltan'))],
  ]],
];

// Finding 4 (the bot's part): a missed appointment is a No Show, not a failed test. "When can I
// retake it?" right after the missed-appointment answer is the No Show rule, never the 30-day wait
// nor "What date did you take A1?".
const retakeAfterNoShow: Transcript[] = [
  ['"ok thanks. also when can I retake it?" after the No Show answer is buying it again once the No Show is posted', [
    ['I missed my A1 test yesterday because I was in the hospital', 'Has the No Show result been posted'],
    ['no it has not been posted', 'Then wait until the No Show result appears in myASE'],
    ['ok thanks sam. also when can I retake it?', all('No Show, not a failed test', 'once the No Show result appears in myASE', not('30 full days'), not('What date did you take'))],
    ['so when can I retake A1?', all('No Show, not a failed test', not('30 full days'), not('What date did you take'))],
  ]],
  ['once the No Show is posted, "when can I retake it" is now', [
    ['I missed my A1 appointment on Friday', 'Has the No Show result been posted'],
    ['yes', 'Then you can buy the test again now'],
    ['when can i retake it', all('No Show, not a failed test', 'you can buy the test again now', not('30 full days'))],
  ]],
  ['in Spanish, "¿cuándo lo puedo volver a tomar?" after the No Show answer is the same rule', [
    ['falté a mi examen A1 ayer porque estaba en el hospital', /resultado No Show en su cuenta/],
    ['no', /espere a que el resultado No Show aparezca/],
    ['¿cuándo lo puedo volver a tomar?', all(/No Show, no un examen reprobado/, not('30 días completos'))],
  ]],
];

// Finding 12: a bare "no" while waiting in the queue asks whether to leave it (buttons), and is not
// passed on to staff; "keep waiting" stays in line; "back to the bot" leaves.
const bareNoInTheQueue: Transcript[] = [
  ['"no" in the queue asks whether to leave it; "No, keep waiting" keeps the place', [
    ['talk to a human', 'in line'],
    ['no', all('Do you want to leave the queue?', buttons('Yes, back to the bot', 'No, keep waiting'), not('passed that on'))],
    ['keep waiting', all("you're still in line", not('passed that on'), not("taken you out"))],
  ]],
  ['"no" in the queue, then "back to the bot", leaves it', [
    ['talk to a human', 'in line'],
    ['no', 'Do you want to leave the queue?'],
    ['back to the bot', "I've taken you out of the queue"],
  ]],
  ['"no" then "2" (the numbered "No, keep waiting" over SMS) keeps the place; "no" then "yes" leaves', [
    ['talk to a human', 'in line'],
    ['no', 'Do you want to leave the queue?'],
    ['2', all("you're still in line", not('passed that on'))],
    ['no', 'Do you want to leave the queue?'],
    ['yes', "I've taken you out of the queue"],
  ]],
];

// Web Chat shows the Spanish buttons with their accents (SMS folds them away).
const bareNoInTheQueueEs: Transcript[] = [
  ['in Spanish, "no" in the queue asks the same, with Spanish buttons', [
    ['necesito hablar con alguien', 'en la fila'],
    ['no', all(/¿Quiere salir de la fila\?/, buttons('Sí, volver al bot', 'No, seguir esperando'))],
    ['seguir esperando', all(/sigue en la fila/, not('le he sacado'))],
  ]],
];

// Finding 9: a driver's license or passport asked about as ID for the test is the known ID gap
// (the honest referral to Prometric), never "contact the organisation concerned".
const idQuestions: Transcript[] = [
  ['"can I use my driver\'s license as ID at the test center?" is the ID gap', [
    ["can I use my driver's license as ID at the test center?", all("I don't have the rules on ID", '877-346-9327', not('organisation concerned'))],
  ]],
  ['"is a passport OK as ID?" is not someone else\'s passport', [
    ['is a passport OK as ID?', not('organisation concerned')],
  ]],
  ['"puedo llevar mi licencia de conducir como identificacion?" is the Spanish ID gap', [
    ['puedo llevar mi licencia de conducir como identificacion?', all(/No tengo las reglas sobre la identificaci[oó]n/, not(/organizaci[oó]n correspondiente/))],
  ]],
  ['"my driver\'s license expired, how do I renew it" is still someone else\'s', [
    ["my driver's license expired, how do I renew it", 'organisation concerned'],
  ]],
];

// Finding 16 (first part): on Web Chat a Spanish yes is "Sí", never "Si" ("if"); SMS folds accents
// away by design (docs/channels-sms.md).
const accentedYes: Transcript[] = [
  ['"hola necesito cambiar mi examen" starts "Sí puede"', [
    ['hola necesito cambiar mi examen', /^Sí puede, siempre que falten más de tres días/],
  ]],
  ['signed in as a Master Technician, "soy master?" starts "Sí: usted es"', [
    [demo4, 'ha iniciado sesión'],
    ['soy master?', /^Sí: usted es Técnico Maestro de Automóvil/],
  ]],
];

// Finding 10 (part): signed in, "what are my tests" / "cuales son mis examenes" are the account's
// overview (certifications, Master status, the appointment), never the Master or test-prep FAQ.
const myTests: Transcript[] = [
  ['signed in, "what are my tests" is the account overview', [
    ['sign in', 'ASE ID'],
    [demo4, 'signed in'],
    ['what are my tests', all('You have 9 certifications', not('Master status takes certification'))],
  ]],
  ['signed in, "cuales son mis examenes" is the account overview in Spanish', [
    [demo4, /ha iniciado sesi[oó]n/],
    ['cuales son mis examenes', all(/Tiene 9 certificaciones/, not(/Gu[ií]as de Estudio/))],
    // "soy tecnico master?" (the tester's mix of words) is the account's Master answer too.
    ['soy tecnico master?', all(/^S[ií]: usted es T[eé]cnico Maestro de Autom[oó]vil/, not(/D[ií]game qu[eé] ex[aá]menes/))],
  ]],
];

transcriptTables([
  ['a range of tests is every test in it (finding 1)', ranges],
  ['a duplicate of the Master certificate is a duplicate (finding 2)', masterDuplicates],
  ['a retake after a No Show is the No Show rule (finding 4)', retakeAfterNoShow],
  ['a bare "no" in the queue asks before leaving it (finding 12)', bareNoInTheQueue],
  ['a licence or passport as ID is the ID question (finding 9)', idQuestions],
  ['a Spanish yes is "Sí" on Web Chat (finding 16)', accentedYes, ['webchat']],
  ['"what are my tests", signed in, is the account (finding 10)', myTests],
  ['a bare "no" in the queue asks before leaving it, in Spanish (finding 12)', bareNoInTheQueueEs, ['webchat']],
], { now: new Date('2026-12-07T17:00:00Z') });
