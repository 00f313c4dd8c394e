// Changing or cancelling an appointment.
//
// Source: "No changes are allowed within three days of your scheduled appointment." Made exact:
// - "three days" is 72 elapsed hours (not three calendar days), measured back from the
//   appointment's start in the TEST CENTRE's zone. Across a DST change the deadline therefore
//   sits at a different wall-clock hour (09:00 Monday after spring-forward -> 08:00 Friday).
// - "within" is inclusive: with exactly 72 hours left the change is refused; it is allowed only
//   while MORE than 72 hours remain (now < start - 72 h).
// - A date with no time counts as starting at 00:00 that day, the earliest it could start, so
//   the deadline is never later than the real one; the last day to change is then four days
//   before (across the autumn clock change the deadline is 01:00 three days before, and
//   lastDayToChange says so). The decision says `assumedStartOfDay: true` so the bot can say so.
// - Once the start has passed the verdict is 'appointment-passed' (nothing left to change; if
//   it was missed, the No Show rule applies).

import { checkZone, isoDateOf, isoInstant, localInstant, checkDate, toInstant } from './dates.js';
import { purchaseLastDay } from './purchase.js';
import type { ChangeDecision, ChangeInput, Instant, IsoDate, NewDateCheck, Policy, Zone } from './types.js';

export function changeEligibility(input: ChangeInput, policy: Policy): ChangeDecision {
  const { appointment, now, purchaseDate, newDate } = input;
  const zone = checkZone(appointment.zone, 'appointment.zone');
  const assumedStartOfDay = appointment.time === undefined;
  const start = localInstant(appointment.date, appointment.time ?? '00:00', zone, {
    date: 'appointment.date',
    time: 'appointment.time',
    zone: 'appointment.zone',
  });
  if (purchaseDate !== undefined) checkDate(purchaseDate, 'purchaseDate');
  if (newDate !== undefined) checkDate(newDate, 'newDate');

  const nowDt = toInstant(now, zone);
  // Elapsed-time arithmetic: minus({ hours }) moves the instant, not the wall clock.
  const deadline = start.minus({ hours: policy.changeCutoffHours.value });
  const msRemaining = start.toMillis() - nowDt.toMillis();
  const allowed = nowDt.toMillis() < deadline.toMillis();
  const verdict = msRemaining <= 0 ? 'appointment-passed' : allowed ? 'allowed' : 'too-late';

  const decision: ChangeDecision = {
    verdict,
    allowed,
    appointmentStart: isoInstant(start),
    assumedStartOfDay,
    deadline: isoInstant(deadline),
    deadlineLocalDate: isoDateOf(deadline),
    // Allowed strictly before the deadline, so the last moment is one millisecond earlier.
    lastDayToChange: isoDateOf(deadline.minus({ milliseconds: 1 })),
    hoursRemaining: msRemaining / 3_600_000,
    mustCancelBeforeRebooking: true,
    policy: `${policy.statements.cancelBeforeRebook} ${policy.changeCutoffHours.source}`,
  };
  if (newDate !== undefined) {
    decision.newDate = checkNewDate(newDate, purchaseDate, isoDateOf(nowDt), policy);
  }
  return decision;
}

/**
 * The earliest appointment start, to the minute, that can still be changed at `now` in the test
 * centre's zone: the first whole minute more than 72 elapsed hours away (an appointment starting
 * exactly 72 hours away is already "within"). For a candidate who knows the day but not the time:
 * at or after it, a change is still allowed; before it, not.
 */
export function earliestChangeableStart(input: { now: Instant; zone: Zone }, policy: Policy): { date: IsoDate; time: string } {
  const zone = checkZone(input.zone, 'zone');
  const limit = toInstant(input.now, zone).plus({ hours: policy.changeCutoffHours.value });
  const first = limit.startOf('minute').plus({ minutes: 1 });
  return { date: isoDateOf(first), time: first.toFormat('HH:mm') };
}

/**
 * Whether a proposed new test date lies inside the purchase window (purchaseDate .. purchaseDate
 * + 90 days). A date before today is reported first, whatever the window says.
 */
function checkNewDate(newDate: IsoDate, purchaseDate: IsoDate | undefined, today: IsoDate, policy: Policy): NewDateCheck {
  const lastDay = purchaseDate === undefined ? null : purchaseLastDay(purchaseDate, policy);
  const insideWindow =
    purchaseDate === undefined || lastDay === null ? null : newDate >= purchaseDate && newDate <= lastDay;
  const verdict =
    newDate < today
      ? 'before-today'
      : purchaseDate === undefined
        ? 'purchase-date-unknown'
        : newDate < purchaseDate
          ? 'before-purchase-date'
          : insideWindow
            ? 'inside-window'
            : 'after-window';
  return { verdict, newDate, lastDay, insideWindow, policy: policy.purchaseWindowDays.source };
}
