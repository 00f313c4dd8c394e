import { all, demo3, not, transcriptTables, type Transcript } from './suite.js';

// The eighteenth usability round: conversations played against `npm start` by a tester who never
// saw the code. Each finding is written here as the rule it broke. The clock is the tester's:
// Monday, December 7, 2026, noon in New York.

const neededIsNotLapsed: Transcript[] = [
  ['"so I just need A8?" after "you\'re missing A8" is yes: A8 is still to pass, never a lapsed one', [
    ['am i a master tech', 'Master status takes certification'],
    ['i got A1 A2 A3 A4 A5 A6 A7', "Not yet: you're missing A8"],
    ['so i just need A8?', all("Yes: pass A8 and, with A1-A7 current, you'll hold Master Automobile Technician status.", not('lapsed'), not('suspended'))],
    ['where do i buy it', all('To purchase a test, log in to myASE', not('Not if one has lapsed'))],
  ]],
  ['"so I just need A8?" at "which have lapsed?" names no lapse', [
    ['am I still a Master Technician? I have the A series', 'Which of the'],
    ['so i just need A8?', all(not('A8 lapsed'), not('suspended'))],
  ]],
  ['"A6" at "which have lapsed?" still names A6 as lapsed', [
    ["I'm certified in A1, A2, A3, A4, A5, A6, A7, A8, am I master?", 'Which of the'],
    ['A6', 'Not at the moment: A6 lapsed'],
  ]],
];

// SMS folds accents away: the Spanish wording is checked as Web Chat shows it.
const neededIsNotLapsedEs: Transcript[] = [
  ['in Spanish: "entonces solo necesito el A8?" after "le falta A8" is sí, and "¿dónde lo compro?" is how to buy a test', [
    ['soy tecnico maestro?', 'Técnico Maestro'],
    ['tengo A1 A2 A3 A4 A5 A6 A7', 'Todavía no: le falta A8'],
    ['entonces solo necesito el A8?', all('Sí: apruebe A8 y, con A1-A7 vigentes, tendrá el estatus de Técnico Maestro de Automóvil.', not('venció'))],
    ['donde lo compro', all('Para comprar un examen, entre en myASE', not('No, si venció'))],
  ]],
  ['the same for the truck series: "so i just need T8?"', [
    ['what do i need for master truck tech', 'Master status takes certification'],
    ['i got T2 T3 T4 T5 T6 T7', "Not yet: you're missing T8"],
    ['so i just need T8?', all(/^Yes/, 'T8', not('lapsed'), not('suspended'))],
  ]],
];

const aGuessIsNoFact: Transcript[] = [
  ['"my A6 might have expired" is answered as a supposition, with sign-in to check; signed in, the account says', [
    ['am i still a master tech? my A6 might have expired', all(/^If A6 has lapsed, Master Automobile Technician status is suspended/, 'sign in', not('Not at the moment'), not('A6 lapsed'))],
    [demo3, 'A6 (Electrical/Electronic Systems) lapsed on'],
  ]],
  ['"I think A3 expired" is a guess too', [
    ['am i still master? i think A3 expired', all(/^If A3 has lapsed/, not('Not at the moment'))],
  ]],
  ['"my A3 expired" is told, and answered as a fact', [
    ['am i still master? my A3 expired', /^Not at the moment: A3 lapsed/],
  ]],
  ['"I tested last Friday" for the results, then the certificate: the answer says the test was taken, never that it was passed', [
    ['when do i get my results', 'Tell me the date you took it'],
    ['i tested at prometric last friday', 'Your results should be in myASE by Monday, December 7, 2026'],
    ['how about my certificate, when will it come in the mail', all('(you took it on Friday, December 4, 2026)', 'once you have passed and met', not('you passed'))],
  ]],
  ['"passed A5 on nov 10" is a pass, and said so', [
    ['whens my cert coming, passed A5 on nov 10', all('(you passed on Tuesday, November 10, 2026)', not('you took it'))],
  ]],
];

const aGuessIsNoFactEs: Transcript[] = [
  ['"creo que se me venció el A6" is a supposition too', [
    ['sigo siendo tecnico maestro? creo que se me vencio el A6', all(/^Si A6 venció, el estatus de Técnico Maestro de Automóvil queda suspendido/, 'iniciar sesión', not('Ahora mismo no'))],
  ]],
];

const aCorrectionKeepsWhatItDoesNotSay: Transcript[] = [
  ['"I meant June 4" correcting a recertification typed as 6/3/2023 keeps 2023', [
    ['what about the one i recertified on 6/3/2023', 'Saturday, June 3, 2023: got it'],
    ['i meant june 4 not june 3', all('Changed to Sunday, June 4, 2023', 'expires on Sunday, June 4, 2028', not('2026'))],
    ['no, the 5th', all('Changed to Monday, June 5, 2023', not('2026'))],
  ]],
  ['a month and day correcting a date whose year was only assumed is read afresh', [
    ['failed A1, when can i take it again', 'What date did you take A1'],
    ['the 12th of november', 'Thursday, November 12, 2026: got it'],
    ['sorry i meant october 30', 'Changed to Friday, October 30, 2026'],
  ]],
];

const aCorrectionKeepsWhatItDoesNotSayEs: Transcript[] = [
  ['"quise decir 3 de junio" correcting 6/3/2023 (March 6 in Spanish) keeps 2023; "no, el 4" keeps June 2023', [
    ['cuando vence mi certificacion? me recertifique el 6/3/2023', 'Lunes, 6 de marzo de 2023'],
    ['quise decir 3 de junio, no 6 de marzo', all('Cambiado a sábado, 3 de junio de 2023', not('2026'))],
    ['no, el 4', all('Cambiado a domingo, 4 de junio de 2023', not('2026'))],
  ]],
];

const theDayWanted: Transcript[] = [
  ['"can i move my appointment to the 12th" asks when the appointment is now; the 12th is the day wanted', [
    ['hey can i move my appointment to the 12th', all('To move it to Saturday, December 12, 2026: when is your appointment now?', not('Saturday, December 12, 2026: got it'), not('Wednesday, December 9'))],
    ["it's on the 20th", all('Sunday, December 20, 2026: got it', 'Do it before the start of Thursday, December 17, 2026', 'To move it to Saturday, December 12, 2026, cancel the existing appointment first')],
  ]],
  ['"no, I meant the 14th" while the appointment\'s date is still asked for corrects the day wanted; once answered, the appointment\'s', [
    ['hey can i move my appointment to the 12th', 'To move it to Saturday, December 12, 2026: when is your appointment now?'],
    ['no, I meant the 14th', all('Changed to Monday, December 14, 2026. To move it to Monday, December 14, 2026: when is your appointment now?', not('Do it before'))],
    ["it's on the 20th", all('Do it before the start of Thursday, December 17, 2026', 'To move it to Monday, December 14, 2026')],
    ['sorry, the 21st', all('Changed to Monday, December 21, 2026', 'Do it before the start of Friday, December 18, 2026', 'To move it to Monday, December 14, 2026')],
  ]],
  ['"reschedule my dec 20 appointment to jan 5": December 20 is the appointment, January 5 the day wanted', [
    ['can i reschedule my dec 20 appointment to jan 5', all('Do it before the start of Thursday, December 17, 2026', 'To move it to Tuesday, January 5, 2027')],
  ]],
  ['"my appointment is for the 20th" is still the appointment\'s date', [
    ['my appointment is for the 20th, can i still move it?', 'Do it before the start of Thursday, December 17, 2026'],
  ]],
];

const theDayWantedEs: Transcript[] = [
  ['"la puedo cambiar para el 20?" asks when the appointment is now', [
    ['la puedo cambiar para el 20?', all('Para moverla al domingo, 20 de diciembre de 2026: ¿cuándo es su cita ahora?', not('entendido'))],
    ['es el 28 de diciembre', all('Hágalo antes del comienzo del viernes, 25 de diciembre de 2026', 'Para moverla al domingo, 20 de diciembre de 2026, primero cancele')],
  ]],
];

transcriptTables(
  [
    ['a test named as needed is not a lapsed one', neededIsNotLapsed],
    ['a test named as needed is not a lapsed one, in Spanish', neededIsNotLapsedEs, ['webchat']],
    ['a guess is answered as one, never as a fact', aGuessIsNoFact],
    ['a guess is answered as one, in Spanish', aGuessIsNoFactEs, ['webchat']],
    ['a correction keeps the parts of the date it does not say', aCorrectionKeepsWhatItDoesNotSay],
    ['a correction keeps the parts of the date it does not say, in Spanish', aCorrectionKeepsWhatItDoesNotSayEs, ['webchat']],
    ['the date a move is asked "to" is the day wanted, not the appointment\'s', theDayWanted],
    ['the date a move is asked "to" is the day wanted, in Spanish', theDayWantedEs, ['webchat']],
  ],
  { now: new Date('2026-12-07T17:00:00Z') },
);
