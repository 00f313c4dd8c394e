import { all, demo1, not, transcriptTables, type Transcript } from './suite.js';

// The twenty-fourth usability round (ut24, part g): conversations played against `npm start` by a
// tester who never saw the code. Each finding is written here as the rule it broke. The clock is the
// tester's: Monday, December 7, 2026, noon in New York. DEMO-0001 has A4 booked on Wednesday,
// December 9 (within 72 hours) and A5 on Tuesday, December 15.
const testersClock = new Date('2026-12-07T17:00:00Z');

/** A Spanish sentence as either channel writes it: with its accents (Web Chat) or without á é í ó ú (SMS). */
function es(text: string): RegExp {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(escaped.replace(/[áa]/g, '[aá]').replace(/[ée]/g, '[eé]').replace(/[íi]/g, '[ií]').replace(/[óo]/g, '[oó]').replace(/[úu]/g, '[uú]'));
}

// Finding 1: a second question that names only its subject ("¿y el certificado?") asks the first
// question's question of it: when the certificate comes (about three weeks), never what a duplicate
// costs. The English twin already said so; both are kept here.
const subjectOnlySecond: Transcript[] = [
  ['"¿cuándo me llegan los resultados? ¿y el certificado?" is the results, then when the certificate comes', [
    ['hola, cuando me llegan los resultados? y el certificado?', all(es('reporte de puntaje'), es('tres semanas'), not('$7.50'), not(es('duplicado')))],
  ]],
  ['"when do i get my results? and the certificate?" is the results, then when the certificate comes', [
    ['hi, when do i get my results? and the certificate?', all('score report', 'three weeks', not('$7.50'))],
  ]],
];

// Finding 2: "se me olvidó programar mi examen" forgot the scheduling, not an appointment: the 90 days
// from purchase (missed-appointment's expired-unscheduled facet), never the No Show task.
const forgotToSchedule: Transcript[] = [
  ['"se me olvidó programar mi examen y ya pasaron 4 meses, ¿pierdo mi dinero?" is the 90-day window, not a No Show', [
    ['se me olvido programar mi examen y ya pasaron como 4 meses, pierdo mi dinero?', all(es('90 días desde la fecha de compra'), not('No Show'))],
  ]],
];

// Finding 3: "¿y tengo que pagar otra vez?" after a retest answer says yes first: a retest is a new
// purchase (the retest entry's cost facet, chosen by its words as the English twin's is).
const payAgain: Transcript[] = [
  ['"¿y tengo que pagar otra vez?" after the retest date is the retest\'s cost: a new purchase', [
    ['reprobé el A5 el 3 de marzo, cuando lo puedo volver a tomar?', es('Ya puede comprar A5 de nuevo')],
    ['y tengo que pagar otra vez?', all(es('Repetir un examen es una compra nueva'), not(es('Debe esperar 30 días completos')))],
  ]],
];

// Finding 4: asked to cancel and get the money back, the first text says both (yes, cancelled in time a
// purchased test is refunded) with the deadline; on SMS a "si" after a text whose only offer was
// "Responda MAS" takes that offer (it was "¡De acuerdo!" and nothing).
const cancelForRefund: Transcript[] = [
  ['"ocupo cancelar mi examen y que me regresen el dinero" says first that it can be cancelled and refunded, and "si" on SMS sends the rest', [
    ['ocupo cancelar mi examen y q me regresen el dinero, la cita es el 23', all(es('Sí, todavía puede cancelarla y recibir el reembolso de un examen que usted compró'), es('domingo, 20 de diciembre de 2026'))],
    ['si', all('Cancel Test', not(es('De acuerdo')))],
  ]],
];
const cancelForRefundEnglish: Transcript[] = [
  ['"i need to cancel my test and get my money back" says first that it can be cancelled and refunded', [
    ['i need to cancel my test and get my money back, the appointment is on the 23rd', all('Yes, you can still cancel it and get a refund for a test you purchased', 'Sunday, December 20, 2026')],
  ]],
];

// Finding 5: signed in, "can i cancel it" right after the two appointments were listed says which can
// still be cancelled and which cannot, and offers the one that can (it was the same list word for word).
const canICancelIt: Transcript[] = [
  ['"can i cancel it" after two appointments are listed gives each one\'s cancel rule and offers the one that can be', [
    [demo1, 'signed in'],
    ['when is my next appointment', 'You have 2 upcoming test appointments'],
    ['can i cancel it', all('Your A5 (Brakes) appointment on Tuesday, December 15, 2026 at 9:00 AM can still be cancelled', 'so it can no longer be cancelled', 'Cancel your A5 (Brakes) appointment', not('You have 2 upcoming test appointments'))],
    ['no', "I haven't cancelled anything"],
  ]],
  ['"¿la puedo cancelar?" after the appointments are listed is its Spanish twin', [
    ['hola', es('¿En qué puedo ayudarle')],
    [demo1, es('ha iniciado sesión')],
    ['cuando son mis citas', es('Tiene 2 citas')],
    ['la puedo cancelar?', all(es('todavía se puede cancelar'), es('así que ya no se puede cancelar'), es('¿Cancelar su cita de A5'))],
    ['no', es('no he cancelado nada')],
  ]],
];

transcriptTables([
  ['a second question naming only its subject asks the first one\'s question (finding 1)', subjectOnlySecond],
  ['forgetting to schedule is the 90-day window (finding 2)', forgotToSchedule],
  ['"pay again?" after a retest answer is its cost (finding 3)', payAgain],
  ['cancel for a refund says the refund first; "si" takes up MAS (finding 4)', cancelForRefund, ['sms']],
  ['cancel for a refund says the refund first, in English too (finding 4)', cancelForRefundEnglish],
  ['"can i cancel it" after the appointments is each one\'s rule and an offer (finding 5)', canICancelIt],
], { now: testersClock });
