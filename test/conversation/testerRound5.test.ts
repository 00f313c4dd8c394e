import { all, en, not, transcriptTables } from './suite.js';

// The fifth usability round: a tester who never read the code played candidates against `npm start`
// (findings numbered as in their report), each written as the general rule it broke. The clock is
// theirs: Sunday, December 6, 2026, noon in New York; every transcript also runs on SMS.

/** A Spanish sentence as either channel writes it: with its accents (Web Chat) or without (SMS). */
function es(text: string): RegExp {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(escaped.replace(/[áa]/g, '[aá]').replace(/[íi]/g, '[ií]').replace(/[óo]/g, '[oó]').replace(/[úu]/g, '[uú]').replace(/[ée]/g, '[eé]'));
}

const expiredPurchase = /expired after|Venci[oó] despu[eé]s/;

transcriptTables(
  [
    [
      'a date the message says is an appointment is the appointment, a day ahead (#34)',
      [
        ['after a question about the purchase window in the middle of rescheduling, "my appointment is December 9" is this week\'s appointment, not a purchase a year ago', [
          ['I want to reschedule my test', 'Tell me the date of your appointment'],
          ['wait, how long do I have after I buy a test?', '90 days'],
          ['ok, my appointment is December 9', all('Wednesday, December 9, 2026', not('2025'), not(expiredPurchase))],
        ]],
        ['the same in Spanish: "mi cita es el 9 de diciembre" is the appointment this week', [
          ['quiero cambiar mi cita', /cita/],
          ['espera, cuanto tiempo tengo despues de comprar el examen?', '90 d'],
          ['ok, mi cita es el 9 de diciembre', all(es('9 de diciembre de 2026'), not('2025'), not(expiredPurchase))],
        ]],
        ['asked only about the purchase window, "my appointment is December 9" is still never read as the purchase', [
          ['how long do I have after I buy a test?', '90 days'],
          ['my appointment is December 9', all(not('December 9, 2025'), not(expiredPurchase))],
        ]],
      ],
    ],
  ],
  { now: new Date('2026-12-06T17:00:00Z') },
);
