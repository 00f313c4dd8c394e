import { all, en, not, transcriptTables } from './suite.js';

// Sunday, December 6, 2026, 10:00 in New York: the day a usability tester played these candidates.
const dec6 = new Date('2026-12-06T15:00:00Z');
const m = en.task;
/** No day of the month the candidate never said: a weekday is only ever written with a whole date. */
const noMadeUpDay = (...allowed: string[]) => not(new RegExp(`(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (?!${allowed.join('|') || '$^'})`));

transcriptTables(
  [
    [
      'a day given after a month and year keeps that year',
      [
        ['"May 2019" then "May 20" is May 20, 2019: lapsed on May 20, 2024, not current until 2031', [
          ['when does my A2 expire', m.recert.askPassed('A2')],
          ['I passed it in May 2019', all(m.approximately('May 2019'), m.recert.expired('A2', 'in May 2024'), noMadeUpDay('December 6, 2031'))],
          ['May 20', all(m.gotDate('Monday, May 20, 2019'), m.recert.expired('A2', 'on Monday, May 20, 2024'), not('2031. The'), not('days left'))],
        ]],
        ['a retest month and year, then "the 20th", is the 20th of that month and year', [
          ['I failed A5, when can I retake it?', m.retest.askDate('A5')],
          ['in November 2026', m.whichDay('November 2026')],
          ['the 20th', all('Friday, November 20, 2026: got it.', 'on or after Monday, December 21, 2026', '15 days from today')],
        ]],
        ['a retest month and year, then "Nov 3": the month may change, the year stays', [
          ['I failed A5, when can I retake it?', m.retest.askDate('A5')],
          ['in November 2026', m.whichDay('November 2026')],
          ['Nov 3', all('Tuesday, November 3, 2026: got it.', 'You can buy A5 again now')],
        ]],
      ],
    ],
    [
      'a month with no day is enough when every day of it gives the same answer',
      [
        ['failed in October, asked on December 6: the 30 days are over whatever the day', [
          ['I failed A5 in October, when can I retake it?', all(m.approximately('October'), m.retest.canBuyNow('A5', 'October 2026', 30), noMadeUpDay())],
        ]],
        ['failed in November: the 5th and the 6th give different answers, so the day is asked (boundary)', [
          ['I failed A5 in November, when can I retake it?', m.whichDay('November')],
          ['the 5th', all('Thursday, November 5, 2026: got it.', 'You can buy A5 again now')],
        ]],
        ['failed in November, then the 6th: one day to wait (the other side of the boundary)', [
          ['I failed A5 in November, when can I retake it?', m.whichDay('November')],
          ['the 6th', all('Friday, November 6, 2026: got it.', 'on or after Monday, December 7, 2026', '1 day from today')],
        ]],
        ['passed in March 2021: lapsed in March 2026, said as the month', [
          ['I passed A4 in March 2021, when does it expire?', all(m.recert.expired('A4', 'in March 2026'), noMadeUpDay('December 6, 2031'))],
        ]],
        ['passed in December 2021: the credential lapses on a day of December 2026 either side of today, so the day is asked', [
          ['I passed A4 in December 2021, when does it expire?', m.whichDay('December 2021')],
          ['the 7th', all('Tuesday, December 7, 2021: got it.', m.recert.expires('A4', 'on Monday, December 7, 2026'))],
        ]],
        ['passed in June 2023: current until June 2028, no count of days made up', [
          ['I passed A4 in June 2023, when does it expire?', all(m.recert.expires('A4', 'in June 2028'), not('days left'), noMadeUpDay('December 6, 2031'))],
        ]],
        ['expired in March 2021: the pass was in March 2016, lapsed in March 2021', [
          ['my A8 expired in March 2021, can I recertify?', all(m.recert.expired('A8', 'in March 2021'), noMadeUpDay('December 6, 2031'))],
        ]],
        ['bought in June: the 90 days are over whatever the day', [
          ['I bought my test in June, how long do I have to take it?', all(m.purchase.expiredSince('June 2026', 90), noMadeUpDay())],
        ]],
        ['a rough date is answered "around" a month, never on a day the candidate did not give', [
          ['I passed A4 about 6 years ago, when does it expire?', all(m.recert.expired('A4', 'around December 2025'), noMadeUpDay('December 6, 2031'))],
        ]],
      ],
    ],
  ],
  { now: dec6 },
);
