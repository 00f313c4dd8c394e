import { all, not, transcriptTables, type Transcript } from './suite.js';

// The eleventh usability round: a tester played some sixty conversations against `npm start` as
// candidates who never saw the code, then fixed what harmed them most. Each finding is written
// here as the rule it broke. The clock is the tester's: Sunday, December 6, 2026, noon in New York.

const countedMonth: Transcript[] = [
  ['"the 3rd of last month" is November 3, so a test bought then must be taken by February 1, not March 3', [
    ['I bought the A8 on the 3rd of last month, how long do i have to take it', all('Tuesday, November 3, 2026', 'Monday, February 1, 2027', not('December 3'))],
  ]],
  ['"the 20th of this month" is December 20', [
    ['my test is on the 20th of this month, can i move it', all('Sunday, December 20, 2026', 'Thursday, December 17, 2026')],
  ]],
  ['"el 3 del mes pasado" is November 3 in Spanish too', [
    ['el 3 del mes pasado compré el examen, cuánto tiempo tengo', all('Martes, 3 de noviembre de 2026', 'lunes, 1 de febrero de 2027')],
  ]],
];

const spanishTestsBySeries: Transcript[] = [
  ['"what about the truck tests" after the Spanish-tests answer is told only A1-A8 and G1 are listed, never "Yes"', [
    ['can i take the test in spanish', /^Yes: the Automobile\/Light Truck Tests/],
    ['what about the truck tests', all(/^Only the Automobile\/Light Truck Tests \(A1 through A8\)/, not(/^Yes/))],
  ]],
  ['"are the collision tests in spanish" is told the same, and the light truck tests are still a yes', [
    ['are the collision tests in spanish', /^Only the Automobile\/Light Truck Tests/],
    ['are the light truck tests in spanish', /^Yes: the Automobile\/Light Truck Tests/],
  ]],
  ['"y los de camiones?" after the Spanish answer is told the same in Spanish', [
    ['se puede hacer el examen en español?', /^S[ií]: los ex[aá]menes de Autom[oó]vil/],
    ['y los de camiones?', all(/^Solo los ex[aá]menes de Autom[oó]vil\/Camioneta Ligera/, not(/^S[ií]:/))],
  ]],
];

const questionAnnounced: Transcript[] = [
  ['"i have a question" is asked to go ahead, never answered with why ASE cannot show the questions missed', [
    ['hey', 'What can I help you with'],
    ['i have a question', all(/^Sure, go ahead: what's your question\?/, not('questions you missed'))],
    ['can i cancel and get a refund', 'Cancel Test'],
  ]],
  ['"tengo una pregunta" is asked to go ahead in Spanish', [
    ['tengo una pregunta', all(/^Claro, adelante/, not('preguntas que fall'))],
  ]],
];

const howToDoIt: Transcript[] = [
  ['"ok so how do i do it" after the change deadline is how to change it, never the missed-appointment answer', [
    ['my test is march 3 can i reschedule', 'Yes, you can still change or cancel it'],
    ['ok so how do i do it', all('Cancel Selected Appointment(s)', not('No Show'))],
  ]],
  ['"how did i do on my test" is still a question about results', [
    ['how did i do on my test', all('score report', not('Cancel Selected'))],
  ]],
  ['"como lo hago" after the change deadline is how to change it in Spanish, not "I don\'t know that one"', [
    ['mi examen es el 4 de marzo, quiero cambiarlo', 'todav'],
    ['como lo hago', all('Cancel Selected Appointment(s)', not('eso no lo s'))],
  ]],
];

const howManyYears: Transcript[] = [
  ['"how many years do i need" after the work-experience answer is the amount of experience, which varies by test, not recertification\'s five years', [
    ['do i need to send the work experience form before my test?', 'work experience form'],
    ['where do i get the form', 'work experience'],
    ['how many years do i need', all(/^The amount of work experience required varies by test/, not('Recertification'))],
  ]],
  ['"cuantos años necesito" after it is told the same in Spanish', [
    ['necesito enviar el formulario de experiencia laboral antes del examen?', 'experiencia laboral'],
    ['cuantos años necesito', all(/^La cantidad de experiencia laboral requerida var[ií]a seg[uú]n el examen/, not('recertificaci'))],
  ]],
];

const duplicateTotal: Transcript[] = [
  ['"so total?" after the duplicate total is the price per series again, not "I don\'t know that one", and "where do i order" next is still the duplicate answer', [
    ['how much for duplicate certificates? i need automobile, truck and parts', '$22.50'],
    ['so total?', all('$7.50 per test series', not("I don't know that one"))],
    ['and where do i order', all('myASE', not('Did you mean'))],
  ]],
  ['"y el total?" after the duplicate answer is told the same in Spanish', [
    ['cuanto cuesta un duplicado del certificado?', '$7.50'],
    ['y el total?', all('$7.50', not('eso no lo s'))],
  ]],
];

const certificateAfterResults: Transcript[] = [
  ['"what about the certificate" after the results answer is when the certificate comes (about three weeks), not the address reminder alone', [
    ['when do i get my results', 'score report'],
    ['what about the certificate', all('three weeks', not(/^Reminder/))],
  ]],
  ['"y el certificado?" after the results answer is told the same in Spanish', [
    ['cuando salen mis resultados', 'reporte'],
    ['y el certificado?', all('tres semanas', not(/^Recordatorio/))],
  ]],
];

transcriptTables(
  [
    ['a day of a counted month ("the 3rd of last month") is that month\'s day, not this one\'s', countedMonth],
    ['a question announced ("i have a question") is a command: go ahead, not a FAQ answer', questionAnnounced],
    ['"how do I do it" after an answer asks how to carry it out (the last answer), in both languages', howToDoIt],
    ['a follow-up in the words of the last answer\'s own phrasing is that answer\'s, however another entry scores alone', howManyYears],
    ['"total" asks what it costs (a synonym), so it reads as a follow-up of the duplicate answer', duplicateTotal],
    ['a short follow-up is the entry whose own question names what was asked, over the one that only mentions it', certificateAfterResults],
    ['a test series named in words is asked about as its codes would be (the Spanish tests are A1-A8 and G1 only)', spanishTestsBySeries],
  ],
  { now: new Date('2026-12-06T17:00:00Z') },
);
