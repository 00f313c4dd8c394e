import type { Language } from '../src/language/languages.js';
import { DateTime } from 'luxon';
import { changeEligibility, earliestChangeableStart, todayIn } from '../src/rules/index.js';
import { formatLongDate, formatTime } from '../src/understanding/dates.js';
import { placeZoneIn } from '../src/understanding/placeZones.js';
import { readAppointmentDate, readFirstTest, readFutureDate, readTargetDate, writtenOut, type DateValue } from './slotReaders.js';
import type { TaskDeps, TaskSpec } from './taskTypes.js';

interface ChangeValues {
  appointment: DateValue;
  /** The test the appointment is for ("It's the A8 engine performance one"): noted, the rule does not need it. */
  test?: string;
  /**
   * The day the candidate wants it moved to ("move my appointment to the 12th"): never the
   * appointment's own date. Said back in the question and the answer; the rules are the appointment's.
   */
  wanted?: DateValue;
  /** Asked to cancel, and not to move ("need 2 cancel my appt on 12/20"): told how to cancel, not how to move. */
  cancelling?: boolean;
  /** The money asked back with the cancelling ("... y que me regresen el dinero"): the refund said first. */
  refund?: boolean;
  /**
   * The test centre's IANA zone, from the place named ("the test center is in Denver": the table in
   * src/understanding/placeZones.ts): the 72 hours are counted in it, not in the candidate's zone.
   */
  centreZone?: string;
}

/** "cancel" (and "cancelar"), said without a word of moving the appointment. */
const CANCEL_WORD = /\bcancel/i;
/** What is cancelled: an appointment named ("cancel my appt"), not a question in between ("what about canceling instead"). */
const APPOINTMENT_WORD = /\b(?:appt|appts|appointment|appointments|test|tests|exam|exams|booking|cita|examen|prueba)\b/i;
/** A refund asked about with the cancelling ("can i get a refund if i cancel"): a cancel, not a move. */
const REFUND_WORD = /\b(?:refund\w*|money back|reembols\w*)\b/i;
/**
 * The money asked back in any words ("get my money back", "que me regresen el dinero", "me devuelvan
 * lo que pagué"): with a cancel, the answer's first sentence says the refund, not only the deadline.
 */
const MONEY_BACK = /\b(?:refund\w*|money back|fees? back|reembols\w*)\b|\b(?:devolv|devuelv|regres)\w*\s+(?:(?:el|mi|mis|la|lo|los|las|su|sus)\s+)?(?:dinero|lana|feria|plata|pago|que\s+pagu[eé])\b/i;
/**
 * Words of moving the appointment: with them, "cancel" is the first step of a move ("cancel my appt
 * on 12/20 and schedule it for january", "... take it in february instead"), told how to move it.
 */
const MOVE_WORD =
  /\b(?:move|moving|resched\w*|rebook\w*|change|changing|switch|push|postpone|another (?:day|date|time)|new (?:day|date|time)|schedule|scheduling|book (?:it|another|a new)|(?:take|do) it (?:in|on|next|later|another)|reprogram\w*|cambiar|mover|posponer|agendar|programar|reservar|otra (?:cita|fecha))\b/i;

/** A move said in so many words ("I'll just reschedule", "move it"), not "change", which also asks about cancelling. */
const MOVE_SAID = /\b(?:move|moving|resched\w*|rebook\w*|postpone\w*|reprogram\w*|reagend\w*|mover(?:la|lo)?|posponer(?:la|lo)?)\b/i;

/** A move dropped in favour of cancelling ("forget rescheduling", "not move it", "olvide el cambio"). */
const MOVE_DROPPED = /\b(?:forget|never ?mind|not|no longer|instead of|rather than|olvide|olvid[eé]|ya no|en vez de|no quiero)\s+(?:about\s+)?(?:the\s+|el\s+|la\s+)?(?:moving|move|resched\w*|rebook\w*|changing|change|cambio|cambiar\w*|mover\w*|reprogramar\w*)(?:\s+it)?\b/gi;

/** The deadline instant (ISO with the centre's offset) as that centre's wall time, written out. */
function writtenDeadline(iso: string, startOf: (date: string) => string, language: Language): string {
  const local = DateTime.fromISO(iso, { setZone: true });
  const date = local.toISODate() ?? iso;
  const time = local.toFormat('HH:mm');
  return time === '00:00' ? startOf(writtenOut({ date }, language)) : writtenOut({ date, time }, language);
}

/**
 * A deadline later today (hours away, easily missed when written as a date): its time and roughly how
 * long is left ("about 6 hours from now"); undefined on another day.
 */
function deadlineToday(iso: string, now: Date, deps: Pick<TaskDeps, 'messages' | 'language'>): { time: string; left: string } | undefined {
  const local = DateTime.fromISO(iso, { setZone: true });
  const today = DateTime.fromJSDate(now).setZone(local.zone);
  if (local.toISODate() !== today.toISODate() || local <= today) return undefined;
  const minutes = local.diff(today, 'minutes').minutes;
  const m = deps.messages.task.change;
  // Tens of minutes under the hour; the last few minutes one by one.
  const left =
    minutes < 10 ? m.minutesLeft(Math.max(1, Math.floor(minutes))) : minutes < 55 ? m.minutesLeft(Math.round(minutes / 10) * 10) : m.hoursLeft(Math.max(1, Math.round(minutes / 60)));
  return { time: formatTime(local.toFormat('HH:mm'), deps.language), left };
}

/** "My exam is Thursday, can I still move it?" -> yes until a stated moment, or no, and how. */
export const changeTask: TaskSpec<ChangeValues> = {
  id: 'reschedule-or-cancel',
  slots: [
    {
      name: 'wanted',
      // "no, I meant the 14th" while the appointment's own date is still asked for corrects the day wanted.
      read: (text, facts, deps, values, asAnswer) =>
        asAnswer && values.wanted && !values.appointment ? readFutureDate(text, facts, deps) : readTargetDate(text, facts, deps),
    },
    {
      name: 'appointment',
      read: (text, facts, deps) => readAppointmentDate(text, facts, deps),
      ask: (values, deps) => ({ text: values.wanted ? deps.messages.task.change.askDateToMove(writtenOut(values.wanted, deps.language)) : deps.messages.task.change.askDate }),
      askTime: (date, deps) => ({ text: deps.messages.task.change.askTime(deps.policy.changeCutoffHours.value, formatLongDate(date, deps.language)) }),
      timeUnknown: (date, facts, deps) => {
        const m = deps.messages.task.change;
        const from = earliestChangeableStart({ now: facts.now, zone: facts.zone }, deps.policy);
        const lines = [m.timeUnknown(formatLongDate(date, deps.language), formatTime(from.time, deps.language))];
        if (!facts.zoneFromChannel) lines.push(m.zoneNote(facts.zone));
        return { reply: { text: lines.join(' ') }, outcome: 'time-unknown' };
      },
    },
    {
      name: 'test',
      noted: true,
      read: (text, _facts, deps) => readFirstTest(text, deps),
    },
    {
      name: 'centreZone',
      read: (text) => {
        const where = placeZoneIn(text);
        return where ? { kind: 'value', value: where.zone } : { kind: 'none' };
      },
      describe: (zone, deps) => deps.messages.task.change.centreZone(String(zone)),
    },
    {
      name: 'cancelling',
      quiet: true,
      // "forget rescheduling, I just want to cancel it": the move named only to be dropped.
      read: (text) => {
        const kept = text.replace(MOVE_DROPPED, ' ');
        if (CANCEL_WORD.test(kept) && (APPOINTMENT_WORD.test(kept) || REFUND_WORD.test(kept)) && !MOVE_WORD.test(kept)) return { kind: 'value', value: true };
        // "nevermind I'll just reschedule, appointment is on the 20th" after the cancel answer (or the
        // offer a cancel question made): a move said outright, whatever was asked before (ut23).
        return !CANCEL_WORD.test(kept) && MOVE_SAID.test(kept) ? { kind: 'value', value: false } : { kind: 'none' };
      },
    },
    {
      name: 'refund',
      quiet: true,
      read: (text) => (MONEY_BACK.test(text) ? { kind: 'value', value: true } : { kind: 'none' }),
    },
  ],
  // "actually forget rescheduling, I just want to cancel it" right after the answer: how to cancel, by the same deadline.
  // "the test center is in Denver" right after it: the same appointment, counted in Denver's time.
  followUps: ['cancelling', 'centreZone'],
  faqEntry: 'change-or-cancel',
  answer: (values, facts, deps) => {
    const m = deps.messages.task.change;
    const phone = deps.policy.phones.prometric.value;
    // A typed date does not say the test centre's zone: the place the candidate named gives it, else
    // the candidate's own is the best stand-in, and the answer says which zone it used when the
    // channel did not tell us.
    const zone = values.centreZone ?? facts.zone;
    const appointment = { date: values.appointment.date, time: values.appointment.time, zone };
    const decision = changeEligibility({ appointment, now: facts.now }, deps.policy);
    const lines: string[] = [];
    if (decision.verdict === 'allowed') {
      const today = deadlineToday(decision.deadline, facts.now, deps);
      const deadline = () => writtenDeadline(decision.deadline, m.startOf, deps.language);
      // Asked to cancel and get the money back: yes to both first (SMS keeps the first sentences).
      if (values.cancelling && values.refund) lines.push(today ? m.allowedRefundToday(today.time, today.left) : m.allowedRefund(deadline()));
      else lines.push(today ? m.allowedToday(today.time, today.left) : m.allowed(deadline()));
      if (decision.assumedStartOfDay) lines.push(m.assumedStart);
      const cancelFirst = values.wanted ? m.cancelFirstTo(writtenOut(values.wanted, deps.language)) : m.cancelFirst;
      lines.push(...(values.cancelling ? [m.cancelHow(phone)] : [cancelFirst, m.how(phone)]));
    } else if (decision.verdict === 'appointment-passed' && values.appointment.date < todayIn(facts.now, facts.zone)) {
      // "my test was yesterday": a day gone by can't be changed; a missed one is a No Show.
      lines.push(m.passedDay, m.passedNoShow(phone));
    } else if (decision.verdict === 'appointment-passed' && decision.assumedStartOfDay) {
      // "My test is today" with no time counts from midnight, so it reads as past; it is simply too late.
      lines.push(m.todayNoTime, m.tooLateNext(phone));
    } else if (decision.verdict === 'too-late') {
      lines.push(m.tooLate(deps.policy.changeCutoffHours.value), m.tooLateNext(phone));
    } else {
      lines.push(m.passed, m.tooLateNext(phone));
    }
    if (values.centreZone) lines.push(m.zoneOfCentre(values.centreZone));
    else if (!facts.zoneFromChannel) lines.push(m.zoneNote(facts.zone));
    const gone = values.appointment.date < todayIn(facts.now, facts.zone);
    const outcome = decision.verdict === 'appointment-passed' && decision.assumedStartOfDay && !gone ? 'too-late' : decision.verdict;
    return { reply: { text: lines.join(' ') }, outcome };
  },
  accountQuestion: () => ({ kind: 'appointments' }),
  accountFirst: true,
  verdicts: { allowed: 'open', 'too-late': 'closed', 'appointment-passed': 'closed' },
  reasons: { 'too-late': (deps) => deps.messages.task.change.whyTooLate(deps.policy.phones.prometric.value) },
  refunds: {
    allowed: (deps) => deps.messages.task.change.refundInTime(deps.policy.phones.prometric.value),
    'too-late': (deps) => deps.messages.task.change.refundTooLate,
    'appointment-passed': (deps) => deps.messages.task.missed.refund,
  },
  // "when can I take it again?" after an appointment gone by: the No Show rule, never the 30-day wait.
  retakes: { 'appointment-passed': (deps) => deps.messages.task.missed.retakeWait },
  exceptions: {
    'too-late': (deps) => deps.messages.task.change.noExceptions(deps.policy.phones.prometric.value),
    'appointment-passed': (deps) => deps.messages.task.change.noExceptions(deps.policy.phones.prometric.value),
  },
  help: (deps) => deps.messages.task.change.help,
};

