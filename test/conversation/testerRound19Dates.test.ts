import { all, not, transcriptTables, type Transcript } from './suite.js';

// The nineteenth usability round, its dates: a verdict that turns on a fact not given, facts lost
// when another arrives, an expiry read as a pass. The clock is the tester's: Monday, December 7,
// 2026, 4:56 AM in New York.

const theTimeDecides: Transcript[] = [
  ['"my test is thurs can i move it" early on Monday: the 72 hours end during Thursday, so the time is asked, never a No', [
    ['my test is thurs can i move it', all('What time is your appointment on Thursday, December 10', not('No:'), not('can no longer be changed'))],
    ['2pm', all('Thursday, December 10, 2026 at 2:00 PM', 'you can still change or cancel it', not('What day is the appointment'))],
  ]],
  ['a time on Thursday already past the limit is a No', [
    ['my test is thurs can i move it', 'What time is your appointment on Thursday, December 10'],
    ['4am', all('Thursday, December 10, 2026 at 4:00 AM', 'can no longer be changed')],
  ]],
  ['the day before: Wednesday is inside the 72 hours at any time, so it is a No without asking', [
    ['my test is wednesday, can i move it?', all('can no longer be changed', not('What time'))],
  ]],
  ['the day after: Friday is outside them at any time, so it is a Yes without asking', [
    ['my test is friday, can i move it?', all('you can still change or cancel it', not('What time'))],
  ]],
  ['a time alone after that answer completes the day given: Friday at 2 PM, never "What day is the appointment?"', [
    ['my test is friday, can i move it?', 'counted from the start of that day'],
    ['2pm', all(/^Friday, December 11, 2026 at 2:00 PM: got it\./, 'Do it before Tuesday, December 8, 2026 at 2:00 PM', not('What day is the appointment'), not('Changed to'))],
  ]],
  ['"el jueves" in Spanish: the time is asked', [
    ['mi examen es el jueves, lo puedo cambiar?', all('¿A qué hora es su cita del jueves, 10 de diciembre', not('No:'))],
    ['a las 2 de la tarde', all('Jueves, 10 de diciembre de 2026 a las 2:00 p. m.', /todav[ií]a puede cambiarla/, not('¿Qué día es la cita?'))],
  ]],
];

const factsStay: Transcript[] = [
  ['"fue el A6" after the retest answer for a test not named keeps the date given: A6 from March 3, never "¿En qué fecha tomó A6?"', [
    ['hice el test el 3 de marzo y no pase, cuando lo puedo volver a tomar', 'martes, 3 de marzo de 2026'],
    ['fue el A6', all('Ya puede comprar A6 de nuevo', '3 de marzo de 2026', not('¿En qué fecha tomó'))],
  ]],
  ['"it was A5" after "I failed two weeks ago, when can I retake?" keeps the two weeks: A5 from then, never "What date did you take A5?"', [
    ['I failed two weeks ago, when can I retake?', 'November 23, 2026'],
    ['it was A5', all('You can buy A5 again on or after Thursday, December 24, 2026', not('What date did you take'))],
  ]],
];

const anExpiryIsAnExpiry: Transcript[] = [
  ['"vence el 30 de junio" at "¿Cuándo aprobó A1?" is the expiry: A1 runs out on June 30, 2027, never five years after it', [
    ['necesito recertificar el A1 se me vence', /Cu[aá]ndo aprob[oó] A1/],
    ['vence el 30 de junio', all(/Su certificaci[oó]n A1 vence el mi[eé]rcoles, 30 de junio de 2027/, not('30 de junio de 2031'), not('1666'))],
  ]],
  ['"it expires on June 30" at "When did you pass A1?" is the expiry', [
    ['I need to recertify A1, it is expiring', 'When did you pass A1'],
    ['it expires on June 30', all('Your A1 certification expires on Wednesday, June 30, 2027', not('June 30, 2031'))],
  ]],
  ['"it runs out in june" is the expiry, in June 2027', [
    ['I need to recertify A1, it is expiring', 'When did you pass A1'],
    ['it runs out in june', all('Your A1 certification expires in June 2027', not('June 2031'))],
  ]],
  ['"se me vence en junio" in one message is the expiry too', [
    ['necesito recertificar el A1, se me vence en junio', all(/[Ss]u certificaci[oó]n A1 vence en junio de 2027/, not('junio de 2031'))],
  ]],
];

const aPassRunsFiveYears: Transcript[] = [
  ['"el A1 lo pase en marzo del 2022" at the Master question is a pass current until March 2027, never "A1 venció"', [
    ['mi master se vence, que hago', 'reviso su estatus Master'],
    ['el A1 lo pase en marzo del 2022', all(/A1: vigente hasta marzo de 2027/, not('A1 venció'), not('Ahora mismo no'))],
    ['ninguno', /S[ií]: con todos los ex[aá]menes requeridos vigentes/],
  ]],
  ['"I passed A1 in March 2022" at "which have expired?" says A1 counts until March 2027 and asks about the others', [
    ["am I still a Master Automobile Technician?", 'Which of the'],
    ['I passed A1 in March 2022', all('A1: current until March 2027', not('A1 lapsed'))],
  ]],
  ['a pass more than five years ago is a lapse, by its date: "el A1 lo pasé en marzo del 2020"', [
    ['mi master se vence, que hago', 'reviso su estatus Master'],
    ['el A1 lo pasé en marzo del 2020', /A1 venci[oó]/],
  ]],
];

transcriptTables([
  ['the time decides', theTimeDecides],
  ['an expiry said is the expiry', anExpiryIsAnExpiry],
  ['a pass date read as a pass', aPassRunsFiveYears],
  ['facts given stay when another arrives', factsStay],
], { now: new Date('2026-12-07T09:56:00Z') });
