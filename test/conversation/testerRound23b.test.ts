import { all, not, transcriptTables, type Transcript } from './suite.js';

// The twenty-third usability round (part b): conversations played against `npm start` by testers who
// never saw the code. Each finding is written here as the rule it broke.

// Finding 1: on SMS the text (two segments, issue 12) said the cancel answer's first sentence cut at
// its semicolon ("...877-346-9327);..."), and the key fact (a purchased test is refunded, never within
// three days) waited for MORE. A first sentence too long beside the question the answer closes on is
// said in its knowledge-authored short form; MORE sends the whole answer.
const smsKeyFact: Transcript[] = [
  ['on SMS the cancel answer says whole that a purchased test is refunded and nothing can be cancelled within three days, the rest on MORE', [
    ['can i cancel my test and get a refund', all(
      'a purchased test is refunded, but nothing can be cancelled within three days of the appointment.',
      'Reply MORE for details.',
      'Tell me the date of your appointment',
      not('...'),
    )],
    ['MORE', all('(or call Prometric at 877-346-9327)', 'You can only cancel a test and receive a refund for a test that you purchased.', not('...'))],
  ]],
  ['on SMS in Spanish the cancel answer says the refund and the three days whole', [
    ['quiero cancelar mi examen y pedir reembolso', all('un examen comprado se reembolsa, pero no se puede cancelar nada dentro de los tres dias anteriores a la cita.', 'Responda MAS', not('...'))],
  ]],
];

// Finding 2: "whn do i get my cert n can i get it in spanish" on SMS answered only the Spanish part:
// "n" (and "&", "+") is "and" in texting shorthand, and "whn" is "when", as each part alone is read.
const shorthandPair: Transcript[] = [
  ['two questions joined by "n" in texting shorthand get both short answers', [
    ['whn do i get my cert n can i get it in spanish', all(/certificate about three weeks after your test date/, /available in Spanish/, not('duplicate'))],
  ]],
  ['two questions joined by "&" get both short answers', [
    ['when do i get my results & how much is a duplicate', all(/score report is emailed/i, /\$7\.50 per test series/)],
  ]],
];

// Finding 3: "x1 exhaust test en espanol?" was offered a "Did you mean" of one choice (the bilingual
// tests): the test's name beside its code ("exhaust") pulled to the Advanced Level answer. The code
// alone says which test; the answer is that only A1-A8 and G1 are given in Spanish.
const testNamedInFull: Transcript[] = [
  ['a test named by its code and its name, asked in Spanish words, is told only A1-A8 and G1 are in Spanish', [
    ['x1 exhaust test en espanol?', all(/Solo los ex[aá]menes de Autom[oó]vil\/Camioneta Ligera \(A1 a A8\)/, not('Ninguna de estas'))],
  ]],
  ['the same asked in English', [
    ['is the x1 exhaust test in spanish?', all(/Only the Automobile\/Light Truck Tests \(A1 through A8\)|only the Automobile/i, not('None of these'))],
  ]],
];

// Finding 4: "perdí el examen" is failing it where the candidate comes from (Colombia, Venezuela):
// with a retake asked and no sign of absence, the retest's 30 days; absent, the missed appointment.
const perderElExamen: Transcript[] = [
  ['"perdí el examen A5, ¿cuándo lo puedo volver a tomar?" is the retest after failing', [
    ['perdí el examen A5, cuándo lo puedo volver a tomar', all(/30 d[ií]as completos/, not('No Show'))],
  ]],
  ['"me quedé dormido y perdí el examen" is the missed appointment', [
    ['me quedé dormido y perdí el examen, lo puedo volver a tomar?', 'No Show'],
  ]],
  ['"perdí mi cita" is the missed appointment', [
    ['perdí mi cita', 'No Show'],
  ]],
];

transcriptTables([
  ['on SMS the first sentence and its key fact, whole, within two segments (finding 1)', smsKeyFact, ['sms']],
  ['two questions in texting shorthand, both answered (finding 2)', shorthandPair],
  ['a test named by code and name is the code (finding 3)', testNamedInFull],
  ['"perder el examen" read by what else is said (finding 4)', perderElExamen],
]);
