/**
 * What Spanish costs on SMS: each Spanish FAQ answer rendered as the SMS channel sends it (the
 * short form, and the rest on MORE), written with all its accents (UCS-2: 70 characters to a
 * segment, 67 when concatenated) and without á, í, ó, ú (GSM-7: 160, 153), which is what the
 * channel sends (src/channels/sms/messages.ts smsEs). Segments are what the carrier bills.
 *
 *   npx tsx bench/smsSpanish.ts
 */
import { loadFaq } from '../src/knowledge/loadFaq.js';
import { countSegments, renderSmsShort, smsEs, type SmsMessages } from '../src/channels/sms/index.js';

const entries = await loadFaq('knowledge', 'es');
const accented: SmsMessages = { ...smsEs, spelling: (text) => text };
const totals = { ucs2: 0, gsm7: 0, ucs2Short: 0, gsm7Short: 0, shortNeedsMoreUcs2: 0, shortNeedsMoreGsm7: 0 };
const segments = (text?: string) => (text ? countSegments(text).segments : 0);
console.log('entry | with accents (UCS-2): short + more | without á í ó ú (GSM-7): short + more');
for (const entry of entries) {
  const reply = { text: entry.answer, details: 'on-request' as const };
  const [u, g] = [renderSmsShort(reply, accented), renderSmsShort(reply, smsEs)];
  const row = { ucs2: segments(u.short.text) + segments(u.more?.text), gsm7: segments(g.short.text) + segments(g.more?.text) };
  totals.ucs2 += row.ucs2;
  totals.gsm7 += row.gsm7;
  totals.ucs2Short += segments(u.short.text);
  totals.gsm7Short += segments(g.short.text);
  if (u.more) totals.shortNeedsMoreUcs2++;
  if (g.more) totals.shortNeedsMoreGsm7++;
  console.log(`${entry.id} | ${segments(u.short.text)} + ${segments(u.more?.text)} (${countSegments(u.short.text).encoding}) | ${segments(g.short.text)} + ${segments(g.more?.text)} (${countSegments(g.short.text).encoding})`);
}
console.log(`\nall ${entries.length} answers in full: ${totals.ucs2} segments with accents, ${totals.gsm7} without (${(totals.ucs2 / totals.gsm7).toFixed(2)}x)`);
console.log(`first message only: ${totals.ucs2Short} with accents, ${totals.gsm7Short} without; answers needing MORE: ${totals.shortNeedsMoreUcs2} with accents, ${totals.shortNeedsMoreGsm7} without`);
