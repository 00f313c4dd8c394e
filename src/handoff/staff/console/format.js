// @ts-check
/** How the console words channels, reasons, people's waits and times. No DOM state. */

/** @type {Record<string, string>} */
const CHANNELS = { webchat: 'Web chat', directline: 'Web chat', msteams: 'Teams', sms: 'SMS' };
/** @type {Record<string, string>} */
const STATUSES = { queued: 'Waiting in the queue', active: 'Active', closed: 'Closed' };
// The same words as the topics the bot gives cases (src/messages/enHandoff.ts).
/** @type {Record<string, string>} */
const REASONS = { asked: 'Asked for a person', misunderstood: 'Bot didn\'t understand', 'staff-only': 'Needs staff' };
/** @type {Record<string, string>} */
export const PARTIES = { candidate: 'Candidate', bot: 'Bot', agent: 'Agent', system: 'System' };
/**
 * Who closed a case, in plain words ("Closed by Alex Agent", "Handed back to the bot by Alex Agent",
 * "Closed by the candidate: they went back to the bot"): `agent` is the agent who had it, if known.
 * @param {string} closedBy @param {string} [agent]
 */
export function closedByText(closedBy, agent) {
  if (closedBy === 'agent') return 'Closed by ' + (agent || 'an agent');
  if (closedBy === 'handback') return 'Handed back to the bot by ' + (agent || 'an agent');
  if (closedBy === 'candidate') return 'Closed by the candidate: they went back to the bot';
  return 'Closed (' + String(closedBy) + ')';
}

/** The conversation's language, in words (cases from before languages were kept are English). */
/** @type {Record<string, string>} */
const LANGUAGES = { en: 'English', es: 'Spanish' };
/** @param {string | undefined} language */
export function languageLabel(language) { return LANGUAGES[language || 'en'] || String(language); }

/** @param {string} channel */
export function channelLabel(channel) { return CHANNELS[channel] || 'Other'; }
/** @param {string} status */
export function statusLabel(status) { return STATUSES[status] || String(status); }
/** @param {string | undefined} reason */
export function reasonLabel(reason) { return (reason && REASONS[reason]) || String(reason || ''); }

/**
 * A count with its noun, singular for one ("1 group", "2 groups", "0 questions").
 * @param {number} n @param {string} one @param {string} [many] the plural when it is not `one` + "s"
 */
export function counted(n, one, many) {
  return n + ' ' + (n === 1 ? one : many || one + 's');
}

/** @param {number} seconds */
export function waitingText(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return 'under 1 min';
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return minutes + ' min';
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return hours + ' h ' + (minutes % 60) + ' min';
  const days = Math.floor(hours / 24);
  return days + ' d ' + (hours % 24) + ' h';
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
const fullFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'long' });

/** @param {unknown} iso */
export function parseDate(iso) {
  const d = new Date(String(iso));
  return isNaN(d.getTime()) ? null : d;
}
/** @param {unknown} iso */
export function shortTime(iso) {
  const d = parseDate(iso);
  if (!d) return '';
  const today = new Date();
  const sameDay = d.getFullYear() === today.getFullYear() && d.getMonth() === today.getMonth() && d.getDate() === today.getDate();
  return sameDay ? timeFormat.format(d) : dateTimeFormat.format(d);
}
/** @param {unknown} iso */
export function whenText(iso) {
  const d = parseDate(iso);
  return d ? dateTimeFormat.format(d) : String(iso || '');
}
/**
 * @param {unknown} iso
 * @param {string} [className]
 */
export function timeElement(iso, className) {
  const t = document.createElement('time');
  if (className) t.className = className;
  t.textContent = shortTime(iso);
  t.dateTime = String(iso || '');
  const d = parseDate(iso);
  if (d) t.title = fullFormat.format(d);
  return t;
}
