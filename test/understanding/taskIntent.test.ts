import { describe, expect, it } from 'vitest';
import { detectTask, TASKS, type Task } from '../../src/understanding/taskIntent.js';

// [what the candidate wrote, the task it asks for or null when the FAQ should answer]
type Row = [string, Task | null];

const reschedule: Row[] = [
  ['my exam is Thursday, can I still move it?', 'reschedule-or-cancel'],
  ['Can I reschedule my appointment?', 'reschedule-or-cancel'],
  ['I need to cancel my A5 test on March 10', 'reschedule-or-cancel'],
  ["I'm sick and can't go to my test tomorrow", 'reschedule-or-cancel'],
  ['my test is tmrw at 2pm and i got sick, what do i do', 'reschedule-or-cancel'],
  ["i have an emergency and can't make my exam on friday", 'reschedule-or-cancel'],
  ['how do I reschedule?', 'reschedule-or-cancel'],
  ['can i change my test date', 'reschedule-or-cancel'],
  ['is it too late to move my exam to next week', 'reschedule-or-cancel'],
  ['cn i resched my appt', 'reschedule-or-cancel'],
  ['need to cancel my exam tmrw pls', 'reschedule-or-cancel'],
  ['Can I push my test back a week?', 'reschedule-or-cancel'],
  ['what is the cancellation policy', 'reschedule-or-cancel'],
  ['can I get a refund if I cancel', 'reschedule-or-cancel'],
  ['I failed to cancel my appointment in time, can I still change it?', 'reschedule-or-cancel'],
  ['I want to switch my test center', 'reschedule-or-cancel'],
  ['I bought A8 in January, can I move my appointment to April 10?', 'reschedule-or-cancel'],
  ['I have an exam on 3/14 at 2pm, is it too late to re-schedule?', 'reschedule-or-cancel'],
  ['can I postpone', 'reschedule-or-cancel'],
  ['can you cancel my test please', 'reschedule-or-cancel'],
  ['hey, can i resched?', 'reschedule-or-cancel'],
  ['my exam is on the 3rd, can I still cancel', 'reschedule-or-cancel'],
];

const missed: Row[] = [
  ['I missed my test', 'missed-appointment'],
  ["I didn't show up for my exam yesterday", 'missed-appointment'],
  ['I was late and they turned me away', 'missed-appointment'],
  ['missed my appt 2day what do i do', 'missed-appointment'],
  ['I was a no-show, can I get my money back?', 'missed-appointment'],
  ['what happens if I miss my exam', 'missed-appointment'],
  ["I overslept and missed it", 'missed-appointment'],
  ["I couldn't make it to my A1 test on Monday", 'missed-appointment'],
  ['i was 20 minutes late for my test', 'missed-appointment'],
  ['I missed my exam, can I reschedule?', 'missed-appointment'],
  ["they wouldn't let me in because I was late", 'missed-appointment'],
  ['I failed to show up for my exam', 'missed-appointment'],
  ["I couldn't go to my test yesterday, I was sick", 'missed-appointment'],
  ['I want a refund for my missed exam', 'missed-appointment'],
  // Late with the appointment still ahead: the FAQ's late-arrival answer, no question about a posted No Show.
  ["what if I'm late", null],
  ["i'm running late to my test", null],
  // Cancelled by Prometric or the centre: the closed-centre gap answers, no change the candidate asks for.
  ['prometric cancelled my exam', null],
  ['prometric cancelled it on their end because of a snow storm', null],
  ['the test center cancelled my appointment, what now', null],
  ['they cancelled my test because of the storm', null],
  ["I'm going to be late", null],
  ['I was late to my test', 'missed-appointment'],
];

const purchase: Row[] = [
  ['I bought a test on January 5, when does it expire?', 'purchase-window'],
  ['how long do I have to take my test after I buy it', 'purchase-window'],
  ['I purchased A5 2 months ago, how long do I have?', 'purchase-window'],
  ['when does my test expire', 'purchase-window'],
  ['bought my test last week how long do i have to schedule', 'purchase-window'],
  ['I paid for the exam in December and have not scheduled yet, is it still valid?', 'purchase-window'],
  ['how long do I have to schedule my exam?', 'purchase-window'],
  ['I registered for T2 on 3/1 whats the deadline to take it', 'purchase-window'],
  ['how many days do I have to take the test after registering', 'purchase-window'],
  ['does my registration expire', 'purchase-window'],
];

const retest: Row[] = [
  ['how long do I have to wait after failing?', 'retest'],
  ['I failed A5 on March 3, when can I retake it?', 'retest'],
  ['I failed', 'retest'],
  ["didn't pass the brakes test, when can i try again", 'retest'],
  ['failed a5 yesterday wen can i retest', 'retest'],
  ['when can I take the test again?', 'retest'],
  ['what is the retake policy', 'retest'],
  ['I flunked T4 last Friday', 'retest'],
  ['I missed the passing score by 2 points, when can I take it again?', 'retest'],
  ['I failed my recert test, when can I retake it?', 'retest'],
  ['I passed A1 but failed A8 two weeks ago', 'retest'],
  ['missed the cutoff, when can i test again', 'retest'],
  ['is there a waiting period to retest', 'retest'],
  ['I sat the A5 test and didnt pass', 'retest'],
];

const recert: Row[] = [
  ['when does my A4 expire', 'recertification'],
  // Taking it again after a lapse is recertification: only a failure makes it a retest.
  ['my A1 expired, can I still recertify or do I have to take the full test again?', 'recertification'],
  ['do I have to take the test again or can I just recertify', 'recertification'],
  ['if I recertify now do I lose the time I have left?', 'recertification'],
  ['how long is my certification good for', 'recertification'],
  ['my certs expire next year, when should I recert?', 'recertification'],
  ['is my A5 cert still valid', 'recertification'],
  ['I passed A1 in June 2020, when is it due?', 'recertification'],
  ['recert timing', 'recertification'],
  // Yes whatever the dates: the FAQ answers (its recertification entry offers the task).
  ['can I renew early?', null],
  ['my A8 cert expired in 2024 can i still recert', null],
  ['My A4 expired on January 10, 2025, can I recertify?', 'recertification'],
  ['when can I renew early?', 'recertification'],
  ['wen does my cert xpire', 'recertification'],
  ['can I reschedule my recertification test?', 'reschedule-or-cancel'],
  ['my A5 test expired', 'recertification'],
  ['how long are ASE certifications valid', 'recertification'],
];

const master: Row[] = [
  ['am I still a master tech?', 'master-status'],
  ['my A3 expired, am I still a master?', 'master-status'],
  ['will I lose master status if my A5 lapses', 'master-status'],
  ['how do I get my master back', 'master-status'],
  ['r u still master if 1 cert expires', 'master-status'],
  ['if I recertify A5 now will I keep my master technician status?', 'master-status'],
];

const duplicates: Row[] = [
  ['what would duplicates of A1, A5 and T2 cost?', 'duplicate-cost'],
  ['how much is a duplicate certificate', 'duplicate-cost'],
  ['I need duplicate certificates for my auto and truck certs', 'duplicate-cost'],
  ['how much 4 dupes of a1 a5 t2', 'duplicate-cost'],
  ['what does a replacement certificate cost', 'duplicate-cost'],
  ['compré un examen hace dos meses y no lo he programado', 'purchase-window'],
  ['compré el A1 en enero, ¿hasta cuándo tengo?', 'purchase-window'],
  ['compre el examen A7 hace como 3 meses y no lo he agendado, todavia lo puedo hacer o ya lo perdi?', 'purchase-window'],
  ['perdí mi cita del A7 ayer', 'missed-appointment'],
  // What was forgotten is the scheduling, not the appointment: the FAQ's 90-day window (ut24), not the No Show task.
  ['se me olvidó programar mi examen y ya pasaron como 4 meses, ¿pierdo mi dinero?', null],
  ['se me pasó el plazo para agendar', null],
  ['se me olvidó la cita del A5, ¿pierdo mi dinero?', 'missed-appointment'],
  ['tengo el A3 agendado pal 22 y me mandan a un training, ¿cómo la muevo pa después?', 'reschedule-or-cancel'],
  ['¿la puedo cambiar?', 'reschedule-or-cancel'],
  ['troné el A5 hace 2 semanas', 'retest'],
  ['me fue mal en el A5, ¿cuándo lo repito?', 'retest'],
  ['tengo mi examen mañana y me enfermé', 'reschedule-or-cancel'],
  ['tuve una emergencia y no voy a poder ir a mi cita del viernes', 'reschedule-or-cancel'],
  ['me enfermé y no fui a mi examen ayer', 'missed-appointment'],
  ['necesito duplicados de A1 y T2', 'duplicate-cost'],
  ['quiero un duplicado de mis certificados de automóvil y de camión', 'duplicate-cost'],
  ['¿cuánto cuesta un duplicado?', 'duplicate-cost'],
];

// Not a guided task: the FAQ answers these.
const faq: Row[] = [
  ['how do I get a duplicate certificate', null],
  ['I lost my certificate', null],
  ['what is the passing score for A5?', null],
  ['how do I register for a test', null],
  ['how do I schedule my test', null],
  ['where is the nearest test center', null],
  ['how much does a test cost', null],
  ['can I get a refund', null],
  ['when will I get my results', null],
  ['when will my certificate arrive', null],
  ['is A1 offered in Spanish?', null],
  ['quiero sacar un duplicado de mi certificado', null],
  ["what's on the A8 test", null],
  ['what are the prerequisites for L1', null],
  ['I passed!', null],
  ['how do I become a master technician', null],
  ['what is a master tech', null],
  ['how do I change my email address', null],
  ['cancel my account', null],
  ['cancel', null],
  ['how long is the test', null],
  ['how long does it take to get my results', null],
  ['can I take A1 and A5 on the same day', null],
  ['thanks!', null],
  ['I have 2 tests at 5pm, a 5 minute drive away', null],
  ['do I need work experience to get certified', null],
  ['what does my score report mean', null],
  ['stop', null],
  ['change the date on my certificate', null],
  ["What's the failure rate for A8?", null],
  ['how do I print my certificate', null],
  ['I bought a study guide yesterday', null],
  ['what is master status', null],
  ["I'm locked out of myASE", null],
  ['what time is my exam', null],
];

const table: Row[] = [...reschedule, ...missed, ...purchase, ...retest, ...recert, ...master, ...duplicates, ...faq];

describe('detectTask', () => {
  it('has a table of at least 60 realistic messages covering every task and the FAQ boundary', () => {
    expect(table.length).toBeGreaterThanOrEqual(60);
    for (const task of TASKS) expect(table.some(([, expected]) => expected === task)).toBe(true);
  });

  it.each(table)('reads %j as %s', (text, expected) => {
    expect(detectTask(text)?.task ?? null).toBe(expected);
  });
});

describe('detectTask confidence', () => {
  it.each([
    ['I failed A5 on March 3, when can I retake it?', 'high'],
    ['my exam is Thursday, can I still move it?', 'high'],
    ['I missed my test', 'high'],
    ['am I still a master tech?', 'high'],
    ['how long do I have to wait after failing?', 'low'],
    ['what is the cancellation policy', 'low'],
    ['how much is a duplicate certificate', 'low'],
    ['what happens if I miss my exam', 'low'],
  ] as const)('is %s -> %s', (text, confidence) => {
    expect(detectTask(text)?.confidence).toBe(confidence);
  });
});

describe('detectTask in a Spanish turn', () => {
  it('tries the Spanish cues first: a failed recertification test is a retest, not an expiry ("recert" is an English cue too)', () => {
    const text = 'reprobé el examen de recertificación de A6, ¿tengo que esperar 30 días?';
    expect(detectTask(text, 'es')?.task).toBe('retest');
  });

  it('still reads English cues in a Spanish turn', () => {
    expect(detectTask('I failed A5, when can I retake it?', 'es')?.task).toBe('retest');
  });
});

describe('detectTask input', () => {
  it('returns null for an empty or blank message', () => {
    expect(detectTask('')).toBeNull();
    expect(detectTask('   ')).toBeNull();
  });

  it('names the module and the bad value when the text is not a string', () => {
    expect(() => detectTask(42 as unknown as string)).toThrow(/understanding\/taskIntent: .*42/);
  });
});
