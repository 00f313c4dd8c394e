import { describe, expect, it } from 'vitest';
import { actionOnTheOneShown, detectPersonalQuestion, type OneShownAction, type PersonalQuestion } from '../../src/understanding/accountQuestions.js';
import { enAccount } from '../../src/messages/enAccount.js';
import { catalogue } from '../rules/helpers.js';

type Row = [text: string, expected: PersonalQuestion | null];

const appointments: Row[] = [
  ['can I reschedule my appointment?', { kind: 'appointments' }],
  ['when is my test', { kind: 'appointments' }],
  ['can you check when my test is?', { kind: 'appointments' }],
  ['can I still cancel', { kind: 'appointments' }],
  ['Can I still cancel?', { kind: 'appointments' }],
  ['when is my A5 test?', { kind: 'appointments', tests: ['A5'] }],
  ["what time's my exam tomorrow", { kind: 'appointments' }],
  ['where is my test appointment', { kind: 'appointments' }],
  ['can i change my test date', { kind: 'appointments' }],
  ['is it too late to reschedule my appointment?', { kind: 'appointments' }],
  ['do I have any upcoming appointments?', { kind: 'appointments' }],
  ['show me my appointments', { kind: 'appointments' }],
  ['can i move my brakes test', { kind: 'appointments', tests: ['A5'] }],
  ['how do I reschedule my appointment?', { kind: 'appointments' }],
  ['wen is my appt', { kind: 'appointments' }],
  ['can I still cancel my A4 exam?', { kind: 'appointments', tests: ['A4'] }],
  ['what day is my test', { kind: 'appointments' }],
  ['what tests do i have coming up', { kind: 'appointments' }],
  ['what appointments do I have', { kind: 'appointments' }],
];

const cancel: Row[] = [
  ['cancel my appointment', { kind: 'cancel-appointment' }],
  ['please cancel my A5 appointment', { kind: 'cancel-appointment', tests: ['A5'] }],
  ['cancel the A5', { kind: 'cancel-appointment', tests: ['A5'] }],
  ['ok cancel A5 then', { kind: 'cancel-appointment', tests: ['A5'] }],
  ['move my A5 to jan', { kind: 'appointments', tests: ['A5'] }],
  ['I want to cancel my test', { kind: 'cancel-appointment' }],
  ['Could you cancel my exam on Friday?', { kind: 'cancel-appointment' }],
  ["I'd like to cancel my appointment please", { kind: 'cancel-appointment' }],
  ['ok, cancel it', null],
  ['I need my A4 appointment cancelled', { kind: 'cancel-appointment', tests: ['A4'] }],
  ['pls cancle my appt', { kind: 'cancel-appointment' }],
  ["I can't make it, please cancel my appointment", { kind: 'cancel-appointment' }],
];

const expiry: Row[] = [
  ['when does my A5 expire?', { kind: 'expiry', tests: ['A5'] }],
  ['when do my certs expire', { kind: 'expiry' }],
  ['is my A1 still valid?', { kind: 'expiry', tests: ['A1'] }],
  ['are my certifications current?', { kind: 'expiry' }],
  ['have any of my certs lapsed?', { kind: 'expiry' }],
  ['when do I need to recertify?', { kind: 'expiry' }],
  ['when does my brakes certification expire', { kind: 'expiry', tests: ['A5'] }],
  ['my A1 and A6 expiration dates', { kind: 'expiry', tests: ['A1', 'A6'] }],
  ['how long is my certification valid', { kind: 'expiry' }],
  ['when does my A5 test expire?', { kind: 'expiry', tests: ['A5'] }],
  ['do I need to renew my A2?', { kind: 'expiry', tests: ['A2'] }],
];

const within: Row[] = [
  ['which of my certifications expire this year?', { kind: 'expiring-within', period: 'this-year' }],
  ['do any of my certs expire soon?', { kind: 'expiring-within', period: 'next-90-days' }],
  ['what certifications of mine expire in the next 90 days', { kind: 'expiring-within', period: 'next-90-days' }],
  ['are any of my credentials expiring before the end of the year', { kind: 'expiring-within', period: 'this-year' }],
  ['which of my certs run out in the next three months?', { kind: 'expiring-within', period: 'next-90-days' }],
  // With no period, which one comes first: the earliest expiry (ut21).
  ['which one expires first', { kind: 'expiry', first: true }],
  ['ok which of my certs runs out soonest?', { kind: 'expiry', first: true }],
  ["what's the next one to expire", { kind: 'expiry', first: true }],
  ['¿cuál se vence primero?', { kind: 'expiry', first: true }],
  ['which test should I take first', null],
  // A test named to be scheduled for a day: its purchase and that day (ut21).
  ['can I schedule A6 for next week', { kind: 'purchases', tests: ['A6'], on: 'next week' }],
  ['could i book my A6 test on december 20?', { kind: 'purchases', tests: ['A6'], on: 'december 20' }],
  ["what's the next step", null],
];

const master: Row[] = [
  ['am I still a Master Technician?', { kind: 'master' }],
  ['Am I a master tech?', { kind: 'master' }],
  ['did I lose my master status?', { kind: 'master' }],
  ['is my master certification still valid', { kind: 'master' }],
  ["I'm a master technician, is that still current?", { kind: 'master' }],
  ['how do I get my master status back', { kind: 'master' }],
  ['do I still have master status', { kind: 'master' }],
];

const retest: Row[] = [
  ['when can I retake the test I failed?', { kind: 'retest' }],
  ['did I pass', { kind: 'results' }],
  ['show my results', { kind: 'results' }],
  ['how did I do on A5?', { kind: 'results', tests: ['A5'] }],
  ['what did I fail', { kind: 'retest' }],
  ['I failed A8, when can I take it again?', { kind: 'retest', tests: ['A8'] }],
  ['I just failed my brakes test', { kind: 'retest', tests: ['A5'] }],
  ['when can I retake A8?', { kind: 'retest', tests: ['A8'] }],
  ['how long until I can retest for my failed exam', { kind: 'retest' }],
  ["I didn't pass the A6 test, when can I buy it again", { kind: 'retest', tests: ['A6'] }],
];

const duplicates: Row[] = [
  ['what would duplicates of all my certificates cost?', { kind: 'duplicates-all' }],
  ['how much to replace all my certs', { kind: 'duplicates-all' }],
  ['I need copies of every certificate I have', { kind: 'duplicates-all' }],
  ['how much would duplicates of my certificates be?', { kind: 'duplicates-all' }],
];

const certificate: Row[] = [
  ["why haven't I got my certificate?", { kind: 'certificate-status' }],
  ['where is my certificate', { kind: 'certificate-status' }],
  ['I passed A1 last week but my certificate has not arrived', { kind: 'certificate-status' }],
  ['when will I get my certificate?', { kind: 'certificate-status' }],
  ["still waiting for my cert, where's it", { kind: 'certificate-status' }],
  ['has my certificate been mailed yet', { kind: 'certificate-status' }],
];

const purchases: Row[] = [
  ['how long do I have to take the tests I bought', { kind: 'purchases' }],
  ['do my tests expire', { kind: 'purchases' }],
  ['when do my tests expire?', { kind: 'purchases' }],
  ['I bought a test, when does it expire?', { kind: 'purchases' }],
  ['how many days do I have left to schedule my test?', { kind: 'purchases' }],
  ['what is the deadline for my unscheduled tests', { kind: 'purchases' }],
  ['when do I have to take my A6 by?', { kind: 'purchases' }],
  ['how long is my voucher good for', { kind: 'purchases' }],
  // Every test bought and not taken, booked or to book (an appointment cancelled leaves its test).
  ['what tests do I have now', { kind: 'purchases' }],
  ['ok which exams do i still have?', { kind: 'purchases' }],
];

const exceptions: Row[] = [
  ['can I get an exception', { kind: 'exception' }],
  ['can I get an exception to the three-day rule?', { kind: 'exception' }],
  ['¿puedo obtener una excepción?', { kind: 'exception' }],
  ['can someone get an exception', null],
];

/** General policy questions, other people, hypotheticals and other topics: not personal. */
const notPersonal: Row[] = [
  ['how long are certifications valid?', null],
  ['when can I retake a test I failed?', null],
  ['how long do I have to wait after failing a test?', null],
  ['how do I reschedule an appointment?', null],
  ['can I reschedule a test after buying it?', null],
  ['how long do I have to take a test after buying it?', null],
  ['what happens if I cancel my appointment?', null],
  ['if I cancel my appointment do I get a refund?', null],
  ['how much is a duplicate certificate?', null],
  ['I need a duplicate of my A5 certificate', null],
  ['how do I become a master technician?', null],
  ['what is master status?', null],
  ['how long does it take to get a certificate?', null],
  ['cancel', null],
  ['cancel that', null],
  ['I missed my appointment', null],
  ['I missed my test, when can I retake it?', null],
  ['cancel my account', null],
  ['can I change my address?', null],
  ['how do I update my address for my certificate', null],
  ["don't cancel my appointment", null],
  ['when are test results posted?', null],
  ['can my friend cancel my appointment for me', null],
  ['when do my results come out', null],
  ['can I bring a calculator to my test?', null],
  ['what ID do I need for my test?', null],
  ['Is the A5 test offered in Spanish?', null],
  ['hello', null],
  ['what is the status of my results?', null],
  ['what does certification status mean?', null],
  ['', null],
  ['what if I fail my test', null],
  ['my son failed his test, when can he retake it', null],
  ['how much does a test cost?', null],
  ['when will my score be online', null],
  // Found by running the task-intent and FAQ phrasings through the detector.
  ['I failed to cancel my appointment in time, can I still change it?', null],
  ['I failed to show up for my exam', null],
  ['how long do I have to take my test after I buy it', null],
  ['do i get a paper certificate', null],
  ['my certificate got damaged can i get another', null],
  ["i failed how do i know what to study if you won't tell me", null],
];

const table: Row[] = [
  ...appointments,
  ...cancel,
  ...expiry,
  ...within,
  ...master,
  ...retest,
  ...duplicates,
  ...certificate,
  ...purchases,
  ...exceptions,
  ...notPersonal,
];

/** The same questions in Spanish, and Spanish policy questions that stay the FAQ's. */
const spanish: Row[] = [
  ['¿cuándo es mi cita?', { kind: 'appointments' }],
  ['cuando es mi examen de A5', { kind: 'appointments', tests: ['A5'] }],
  ['¿puedo cambiar mi cita?', { kind: 'appointments' }],
  ['¿tengo alguna cita programada?', { kind: 'appointments' }],
  ['quiero cancelar mi cita', { kind: 'cancel-appointment' }],
  ['cancelar mi cita de A5', { kind: 'cancel-appointment', tests: ['A5'] }],
  ['¿cuándo vence mi A5?', { kind: 'expiry', tests: ['A5'] }],
  ['¿cuáles son mis certificaciones?', { kind: 'expiry' }],
  ['¿qué certificaciones me vencen este año?', { kind: 'expiring-within', period: 'this-year' }],
  ['¿alguna de mis certificaciones vence en los próximos 90 días?', { kind: 'expiring-within', period: 'next-90-days' }],
  ['¿sigo siendo master?', { kind: 'master' }],
  ['¿por qué no me ha llegado mi certificado?', { kind: 'certificate-status' }],
  ['¿aprobé mi último examen?', { kind: 'results' }],
  ['quiero ver mis resultados', { kind: 'results' }],
  ['¿qué exámenes he comprado?', { kind: 'purchases' }],
  ['duplicados de todos mis certificados', { kind: 'duplicates-all' }],
  // Played in Spanish, signed in: shorthand, a bare "mis ...", the pronoun on the verb.
  ['q citas tengo?', { kind: 'appointments' }],
  ['que citas tengo?', { kind: 'appointments' }],
  ['y mis citas?', { kind: 'appointments' }],
  ['y mis resultados?', { kind: 'results' }],
  ['mis resultados', { kind: 'results' }],
  ['ya salieron mis resultados del A6?', { kind: 'results', tests: ['A6'] }],
  ['como me fue en el A5', { kind: 'results', tests: ['A5'] }],
  ['cancelala', { kind: 'cancel-appointment' }],
  ['si cancelala', { kind: 'cancel-appointment' }],
  ['cancela mi cita porfa', { kind: 'cancel-appointment' }],
  ['cancélela, por favor', { kind: 'cancel-appointment' }],
  // The FAQ's, not the account's.
  ['¿cómo cambio la fecha de un examen?', null],
  ['¿cuándo recibo mis resultados?', null],
  ['¿cuánto tiempo es válida una certificación?', null],
  ['¿qué pasa si mi cita es mañana y no puedo ir?', null],
  ['mi amigo reprobó el A5, ¿cuándo lo puede repetir?', null],
  ['falté a mi cita, ¿puedo cambiar mi cita?', null],
  ['¿puedo cancelar mi cita y recibir un reembolso?', null],
];

/**
 * Every English form of a question about one's own account beside its Spanish twin, as candidates
 * write it (accents or none): both are the same question.
 */
const twins: Array<[english: string, spanish: string, expected: PersonalQuestion | null]> = [
  ['when is my test', 'cuando es mi examen', { kind: 'appointments' }],
  ['when is my A9 appointment', 'cuando es mi cita del A9', { kind: 'appointments', tests: ['A9'] }],
  ['can I reschedule my appointment?', '¿puedo reprogramar mi cita?', { kind: 'appointments' }],
  ['can I still cancel my A4 exam?', '¿todavía puedo cancelar mi examen del A4?', { kind: 'appointments', tests: ['A4'] }],
  ['can i move the A9 one', 'se puede reschedulear la cita del A9?', { kind: 'appointments', tests: ['A9'] }],
  ['can I change the A9 appointment', '¿puedo cambiar la cita del A9?', { kind: 'appointments', tests: ['A9'] }],
  ['do I have any upcoming appointments?', '¿tengo alguna cita programada?', { kind: 'appointments' }],
  ['show me my appointments', 'muéstreme mis citas', { kind: 'appointments' }],
  ['do I have any tests coming up', '¿tengo exámenes pendientes?', { kind: 'appointments' }],
  ['cancel my appointment', 'cancelar mi cita', { kind: 'cancel-appointment' }],
  ['cancel my A9 appointment', 'cancela mi cita del A9', { kind: 'cancel-appointment', tests: ['A9'] }],
  ['I want to cancel my A9 appointment', 'quiero cancelar la cita del A9', { kind: 'cancel-appointment', tests: ['A9'] }],
  ['I want to cancel my test', 'quiero cancelar mi examen', { kind: 'cancel-appointment' }],
  ['please cancel my A5 appointment', 'por favor cancele mi cita de A5', { kind: 'cancel-appointment', tests: ['A5'] }],
  ['when does my A5 expire?', '¿cuándo vence mi A5?', { kind: 'expiry', tests: ['A5'] }],
  ['when does the A2 expire on my account', 'cuando se me vence el A2', { kind: 'expiry', tests: ['A2'] }],
  ['when do my certs expire', '¿cuándo vencen mis certificaciones?', { kind: 'expiry' }],
  ['is my A1 still valid?', '¿mi A1 sigue vigente?', { kind: 'expiry', tests: ['A1'] }],
  ['what certifications do I have', '¿qué certificaciones tengo?', { kind: 'expiry' }],
  ['when do I need to recertify?', '¿cuándo tengo que recertificarme?', { kind: 'expiry' }],
  ['which of my certifications expire this year?', '¿qué certificaciones me vencen este año?', { kind: 'expiring-within', period: 'this-year' }],
  ['do any of my certs expire soon?', '¿alguna de mis certificaciones vence pronto?', { kind: 'expiring-within', period: 'next-90-days' }],
  ['am I still a Master Technician?', '¿sigo siendo técnico maestro?', { kind: 'master' }],
  ['did I lose my master status?', '¿perdí mi estatus de master?', { kind: 'master' }],
  ['what do I need to get master back', 'que necesito para recuperar el master', { kind: 'master' }],
  ['how do I get my master status back', '¿cómo recupero mi estatus de master?', { kind: 'master' }],
  ['did I pass', '¿aprobé mi último examen?', { kind: 'results' }],
  ['show my results', 'quiero ver mis resultados', { kind: 'results' }],
  ['how did I do on A5?', '¿cómo me fue en el A5?', { kind: 'results', tests: ['A5'] }],
  ['what did I fail', '¿qué exámenes reprobé?', { kind: 'retest' }],
  ['how much to replace all my certs', 'duplicados de todos mis certificados', { kind: 'duplicates-all' }],
  ['where is my certificate', '¿dónde está mi certificado?', { kind: 'certificate-status' }],
  ["why haven't I got my certificate?", '¿por qué no me ha llegado mi certificado?', { kind: 'certificate-status' }],
  ['what tests have I bought?', '¿qué exámenes he comprado?', { kind: 'purchases' }],
  ['when is the A9 one', '¿cuándo es la cita del A9?', { kind: 'appointments', tests: ['A9'] }],
  ['I want to reschedule my appointment', 'quiero reagendar mi cita', { kind: 'appointments' }],
  ['cancel the A9', 'cancelar la cita del A9', { kind: 'cancel-appointment', tests: ['A9'] }],
  ['could you cancel my A9 exam', '¿me puede cancelar la cita del A9?', { kind: 'cancel-appointment', tests: ['A9'] }],
  ["I can't make it, please cancel my appointment", 'ya no puedo ir, cancela mi cita', { kind: 'cancel-appointment' }],
  ['when does my certification expire', 'cuando vence mi certificacion', { kind: 'expiry' }],
  ['am I certified in A5', '¿estoy certificado en A5?', { kind: 'expiry', tests: ['A5'] }],
  ['whats my status', '¿cuál es mi estatus?', { kind: 'status' }],
  ["what's my account status?", 'quiero ver mi cuenta', { kind: 'status' }],
  ['which ones are expiring', '¿cuáles se vencen pronto?', { kind: 'expiring-within', period: 'next-90-days' }],
];

/** Said right after the appointments were shown: what is asked done to them, in English and Spanish. */
const followUps: Array<[english: string, spanish: string, expected: OneShownAction | null]> = [
  ['ok cancel it', 'si cancélela', 'cancel'],
  ['I want to cancel it', 'la quiero cancelar', 'cancel'],
  ['I want to change it', 'la quiero cambiar', 'change'],
  ['can I move it?', '¿la puedo mover?', 'change'],
  ['can I still cancel it?', '¿todavía puedo cancelarla?', 'may-cancel'],
  ['can i cancel it', '¿la puedo cancelar?', 'may-cancel'],
  ['reschedule it please', 'reprográmela por favor', 'change'],
  ['what about A5?', '¿y la del A5?', null],
];

describe('an own-account question and its Spanish twin', () => {
  it.each(followUps)('right after the appointments, %j and %j -> %j', (english, spanish, expected) => {
    expect([actionOnTheOneShown(english), actionOnTheOneShown(spanish)]).toEqual([expected, expected]);
  });

  it.each(twins)('%j and %j -> %j', (english, spanish, expected) => {
    expect([detectPersonalQuestion(english, catalogue), detectPersonalQuestion(spanish, catalogue)]).toEqual([expected, expected]);
  });
});

describe('detectPersonalQuestion', () => {
  it.each(spanish)('Spanish: %j -> %j', (text, expected) => {
    expect(detectPersonalQuestion(text, catalogue)).toEqual(expected);
  });

  it('has a table of at least 50 rows', () => {
    expect(table.length).toBeGreaterThanOrEqual(50);
  });

  it.each(table)('%j -> %j', (text, expected) => {
    expect(detectPersonalQuestion(text, catalogue)).toEqual(expected);
  });

  it('understands its own "Cancel an appointment" suggestion', () => {
    expect(detectPersonalQuestion(enAccount.appointments.suggestCancel.value, catalogue)).toEqual({ kind: 'cancel-appointment' });
  });

  it('keeps unknown codes so the answer can say they are not on the account', () => {
    expect(detectPersonalQuestion('when does my A12 expire?', catalogue)).toEqual({ kind: 'expiry', tests: ['A12'] });
  });

  it('refuses a non-string with a message naming the module', () => {
    expect(() => detectPersonalQuestion(42 as unknown as string, catalogue)).toThrow(/account\/personalIntent/);
  });
});
