import { all, not, transcriptTables, type Transcript } from './suite.js';

// The twentieth usability round, its dates and deadlines. The clock is the tester's: Monday,
// December 7, 2026, 7:51 AM in New York (12:51 UTC).

const aDeadlineToday: Transcript[] = [
  ['Thursday at 2pm: the 72 hours end today at 2 PM, said as today and how long is left', [
    ['I need to reschedule my test', 'Tell me the date of your appointment'],
    ["it's on thursday at 2pm", all('Yes, you can still change or cancel it, but only until 2:00 PM today (about 6 hours from now)', not('Do it before Monday'))],
  ]],
  ['Thursday at 8:30am: under an hour is left, said in minutes', [
    ['my test is on thursday at 8:30am, can I still cancel', all('only until 8:30 AM today (about 40 minutes from now)')],
  ]],
  ['the day after: Friday at 2pm ends tomorrow, written out as a date, no "today"', [
    ['my test is on friday at 2pm, can I still cancel', all('Do it before Tuesday, December 8, 2026 at 2:00 PM', not('today'))],
  ]],
  ['the day before: Thursday at 7am ended at 7 AM today: a No', [
    ['my test is on thursday at 7am, can I still cancel', all('can no longer be changed', not('today ('))],
  ]],
  ['in Spanish: "hoy" and the hours left', [
    ['mi examen es el jueves a las 2 de la tarde, lo puedo cambiar?', all(/S[ií], todav[ií]a puede cambiarla o cancelarla, pero solo hasta hoy a las 2:00 p\. m\. \(dentro de unas 6 horas\)/, not(/H[aá]galo antes del lunes/))],
  ]],
];

const theTimeNotKnown: Transcript[] = [
  ['"i dont know the time" at "What time is your appointment on Thursday?": both answers, from 7:52 AM on (72 hours and a minute from now)', [
    ['my test is on thursday can i still move it', 'What time is your appointment on Thursday, December 10, 2026?'],
    ['i dont know the time', all('if your appointment on Thursday, December 10, 2026 is at 7:52 AM or later, you can still change or cancel it', 'If it is earlier than 7:52 AM, it can no longer be changed or cancelled', not('What time is your appointment'), not('Cancel Selected Appointment(s) option'))],
    ['ok', not('What time is your appointment')],
    ['ok', not('What time is your appointment')],
  ]],
  ['the time given after that answer still works it out', [
    ['my test is on thursday can i still move it', 'What time is your appointment'],
    ['not sure', 'at 7:52 AM or later'],
    ['2pm', all('Thursday, December 10, 2026 at 2:00 PM', 'only until 2:00 PM today')],
  ]],
  ['the day before and the day after need no time: Wednesday is a No, Friday a Yes', [
    ['my test is on wednesday can i still move it', all('can no longer be changed', not('What time'))],
    ['i dont know the time', not('7:52 AM or later')],
  ]],
  ['in Spanish: "no sé la hora"', [
    ['mi examen es el jueves, lo puedo cambiar?', /A qu[eé] hora es su cita del jueves, 10 de diciembre/],
    ['no sé la hora', all(/si su cita del jueves, 10 de diciembre de 2026 es a las 7:52 a\. m\. o m[aá]s tarde, todav[ií]a puede cambiarla o cancelarla/, not(/A qu[eé] hora es su cita/))],
  ]],
];

const acknowledgements: Transcript[] = [
  ['"ok" at the time question: the question alone once, then not again; the answer still works', [
    ['my test is on thursday can i still move it', 'What time is your appointment on Thursday, December 10, 2026?'],
    ['ok', all(/^Okay\. What time is your appointment on Thursday, December 10, 2026\?$/, not('Changes close'))],
    ['ok', all(/^Okay\./, not('What time is your appointment'))],
    ['thanks', all(/^You're welcome\./, not('What time is your appointment'))],
    ['2pm', all('Thursday, December 10, 2026 at 2:00 PM', 'only until 2:00 PM today')],
  ]],
  ['"thanks" at "What date did you take A5?": once the question, then no more', [
    ['I failed A5, when can I retake it', 'What date did you take A5'],
    ['thanks', /^You're welcome\. What date did you take A5\?/],
    ['ok thanks', all(/^You're welcome\./, not('What date did you take A5'))],
  ]],
  ['in Spanish: "gracias" twice, the time question once', [
    ['hola necesito cambiar mi examen', /D[ií]game la fecha de su cita/],
    ['es el jueves', /A qu[eé] hora es su cita del jueves, 10 de diciembre/],
    ['gracias', all(/^De nada\. ¿A qu[eé] hora es su cita del jueves, 10 de diciembre de 2026\?$/, not(/Los cambios se cierran/))],
    ['gracias', all(/^De nada\./, not(/A qu[eé] hora es su cita/))],
  ]],
];

const correctionsRelativeToTheDate: Transcript[] = [
  ['"sorry I meant the tuesday before that" after last Tuesday (December 1): Tuesday, November 24, so A6 from December 25', [
    ['I failed A6 last tuesday, when can I retake', all('Tuesday, December 1, 2026', 'Friday, January 1, 2027')],
    ['sorry I meant the tuesday before that', all('Tuesday, November 24, 2026', 'You can buy A6 again on or after Friday, December 25, 2026', not('January 1, 2027'))],
  ]],
  ['"no wait, it was the tuesday before" at the end of the retest for "the brakes one": November 24, A5 kept', [
    ['when can I retake a test I failed', 'Tell me the date you took it'],
    ['the brakes one', 'What date did you take A5?'],
    ['last tuesday', 'Tuesday, December 1, 2026'],
    ['no wait, it was the tuesday before', all('Tuesday, November 24, 2026', 'You can buy A5 again on or after Friday, December 25, 2026')],
    ['nov 24', all('You can buy A5 again', not('buy the test again'))],
  ]],
  ['"nov 24" after last Tuesday keeps the test named', [
    ['when can I retake a test I failed', 'Tell me the date you took it'],
    ['the brakes one', 'What date did you take A5?'],
    ['last tuesday', 'Tuesday, December 1, 2026'],
    ['nov 24', all('Tuesday, November 24, 2026', 'You can buy A5 again on or after Friday, December 25, 2026', not('buy the test again'))],
  ]],
  ['"the day before" and "the week before" count from the date given', [
    ['I failed A6 last tuesday, when can I retake', 'Tuesday, December 1, 2026'],
    ['sorry, the day before', all('Monday, November 30, 2026', 'Thursday, December 31, 2026')],
    ['no, the week before', all('Monday, November 23, 2026', 'Thursday, December 24, 2026')],
  ]],
  ['in Spanish: "perdón, fue el martes anterior"', [
    ['reprobé el A6 el martes pasado, cuándo lo puedo volver a tomar?', /martes, 1 de diciembre de 2026/],
    ['perdón, fue el martes anterior', all(/martes, 24 de noviembre de 2026/, /viernes, 25 de diciembre de 2026/)],
  ]],
];

const aTestNamedByItsTitle: Transcript[] = [
  ['"It\'s the A8 engine performance one" after the change answer: the test noted, the answer kept, no repair advice', [
    ['my A8 test is friday, can I still reschedule', 'you can still change or cancel it'],
    ["It's the A8 engine performance one", all('A8', 'you can still change or cancel it', not("can't give repair advice"))],
  ]],
  ['"the engine performance test" after the change answer is A8', [
    ['my test is friday, can I still reschedule', 'you can still change or cancel it'],
    ['the engine performance test', all('A8: noted', 'you can still change or cancel it', not("can't give repair advice"))],
  ]],
  ['after a No, naming the test keeps the No', [
    ['My test is in 2 days and I need to move it', 'can no longer be changed'],
    ["It's the A8 engine performance one", all('A8: noted', 'can no longer be changed', not("can't give repair advice"))],
  ]],
  ['in Spanish: "es el de frenos" after the change answer is A5', [
    ['mi examen es el viernes, lo puedo cambiar?', /todav[ií]a puede cambiarla/],
    ['es el de frenos', all('A5', /todav[ií]a puede cambiarla/)],
  ]],
];

const theVerdictKept: Transcript[] = [
  ['"can I move it to next week?" after "No" (in 2 days) keeps the No, short, never "You can, as long as..."', [
    ['My test is in 2 days and I need to move it', 'can no longer be changed'],
    ['can I move it to next week?', all(/^No, going by what you told me: /, not('You can, as long as'), not('Cancel Test option'), not('Source:'))],
    ['can I call prometric and get an exception?', all("I have nothing on exceptions", '877-346-9327', not('You can, as long as'), not('Cancel Selected Appointment(s) option'))],
  ]],
  ['after a Yes (Friday), "can I move it to next week?" is a Yes', [
    ['my test is friday, can i move it?', 'you can still change or cancel it'],
    ['can I move it to next week?', all(/^Yes, going by what you told me: /, not('You can, as long as'))],
  ]],
  ['in Spanish: "¿lo puedo mover a la otra semana?" after the No keeps it, and an exception is Prometric\'s', [
    ['mi examen es en 2 dias y necesito cambiarlo', /ya no se puede cambiar/],
    ['lo puedo mover a la otra semana?', all(/^No, seg[uú]n lo que me dijo: /, not(/S[ií] puede, siempre que/))],
    ['y si llamo a prometric me hacen una excepcion?', all(/No tengo informaci[oó]n sobre excepciones/, '877-346-9327')],
  ]],
];

const theDayKept: Transcript[] = [
  ['"what about if it was 8am" after the answer for Thursday at 9am: Thursday at 8 AM, never "What day is the appointment?"', [
    ['my test is on thursday at 9am, can I still cancel', 'only until 9:00 AM today'],
    ['what about if it was 8am', all('Changed to Thursday, December 10, 2026 at 8:00 AM', 'only until 8:00 AM today (about 9 minutes from now)', not('What day is the appointment'))],
    ['what about 7am', all('Changed to Thursday, December 10, 2026 at 7:00 AM', 'can no longer be changed')],
  ]],
  ['"2pm" after the answer for Thursday at 7am: Thursday at 2 PM, a Yes until 2 PM today', [
    ['my test is on thursday at 7am, can I still cancel', 'can no longer be changed'],
    ['2pm', all('Thursday, December 10, 2026 at 2:00 PM', 'only until 2:00 PM today')],
  ]],
  ['in Spanish: "¿y si fuera a las 8?" after Thursday at 9', [
    ['mi examen es el jueves a las 9 de la mañana, lo puedo cancelar?', /hasta hoy a las 9:00 a\. m\./],
    ['y si fuera a las 8 de la mañana?', all(/jueves, 10 de diciembre de 2026 a las 8:00 a\. m\./, /dentro de unos 9 minutos/, not(/Qu[eé] d[ií]a es la cita/))],
  ]],
];

const factsGivenStay: Transcript[] = [
  ['after the retest answer and its cost, "do I have to pay the registration fee again" never asks for the date given', [
    ['I failed A5 yesterday. when can I take it again?', 'You can buy A5 again on or after'],
    ['what does it cost to retake', 'Going by what you told me'],
    ['do I have to pay the registration fee again', all('registration fee', not('Tell me the date you took it'), not('Back to your question'))],
  ]],
  ['after the change answer and the cancel answer, "including the registration fee?" never asks for the appointment\'s date', [
    ['I want to reschedule my G1 test', 'Tell me the date of your appointment'],
    ["it's on the 20th", 'you can still change or cancel it'],
    ['actually forget rescheduling, I just want to cancel it and get my money back', not('Tell me the date of your appointment')],
    ['including the registration fee?', all(not('Tell me the date of your appointment'), not('Back to your question'))],
  ]],
];

const shortOnTheAskedThing: Transcript[] = [
  ['"actually forget rescheduling, I just want to cancel it and get my money back" after the change answer: how to cancel by that deadline, no FAQ wall', [
    ['I want to reschedule my G1 test', 'Tell me the date of your appointment'],
    ["it's on the 20th", 'you can still change or cancel it'],
    ['actually forget rescheduling, I just want to cancel it and get my money back', all('Do it before the start of Thursday, December 17, 2026', 'Cancel Test option', not('Source:'), not('To move it'))],
  ]],
  ['in Spanish: "mejor la quiero cancelar y que me devuelvan el dinero" after the change answer', [
    ['mi examen es el 20 de diciembre, lo puedo cambiar?', /todav[ií]a puede cambiarla/],
    ['olvide el cambio, mejor quiero cancelar el examen y que me devuelvan el dinero', all(/Cancel Test/, /jueves, 17 de diciembre/, not(/Para moverla/))],
  ]],
];

transcriptTables([
  ['short on the asked thing', shortOnTheAskedThing],
  ['facts given stay', factsGivenStay],
  ['the day kept', theDayKept],
  ['the verdict kept', theVerdictKept],
  ['a test named by its title', aTestNamedByItsTitle],
  ['corrections relative to the date given', correctionsRelativeToTheDate],
  ['acknowledgements while a question waits', acknowledgements],
  ['a deadline that is today', aDeadlineToday],
  ['the time not known', theTimeNotKnown],
], { now: new Date('2026-12-07T12:51:00Z') });
