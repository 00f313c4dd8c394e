import { all, not, transcripts, type Transcript } from './suite.js';

// Found using the bot in the eighteenth session: two tasks asked in one message, each with its
// facts ("I failed A5 on March 3 and I also want to move my A4 appointment on Friday, can I?"),
// got the retest worked out and only the general change-or-cancel answer, said first: the
// appointment on Friday was lost. Now both are worked out, in the order asked. Clock: Thursday,
// March 20, 2025 (Friday is March 21: too late to change).

const table: Transcript[] = [
  ['"I failed A5 on March 3 and I also want to move my A4 appointment on Friday" works out the retest, then the appointment', [
    ['I failed A5 on March 3 and I also want to move my A4 appointment on Friday, can I?', all(
      /You can buy A5 again on or after Thursday, April 3, 2025[\s\S]*Next, the rescheduling question[\s\S]*Friday, March 21, 2025/,
      'can no longer be changed',
    )],
  ]],
  ['asked the other way round, the appointment comes first, then the retest', [
    ['can I move my A4 appointment on Friday? also I failed A5 on March 3, when can I retake it?', all(
      /can no longer be changed[\s\S]*Next, the retest question[\s\S]*You can buy A5 again on or after Thursday, April 3, 2025/,
    )],
  ]],
  ['when the first task must ask something, the second is said to follow once it is done', [
    ['I failed a test and I also want to move my A4 appointment on Friday, can I?', all('What date did you take the test?', "Once this is done, I'll come to your rescheduling question.", not('can no longer be changed'))],
    ['March 3', all(/again on or after Thursday, April 3, 2025/, /Next, the rescheduling question[\s\S]*Friday, March 21, 2025/)],
  ]],
  ['a second part that only gives the first its facts stays one task: "am I still a master auto tech? A3 and A6 expired"', [
    ['Am I still a master auto tech? A3 and A6 expired', all('Not at the moment: A3 and A6 lapsed', not('Next, the'), not('certifications lapsed'))],
  ]],
  ['"reprobé el A5 el 3 de marzo y también quiero mover mi cita de A4 del viernes" in Spanish the same', [
    ['reprobé el A5 el 3 de marzo y también quiero mover mi cita de A4 del viernes, ¿puedo?', all(/A5 de nuevo a partir del jueves, 3 de abril de 2025[\s\S]*cambio de cita[\s\S]*[Vv]iernes, 21 de marzo de 2025/)],
  ]],
];

transcripts('two tasks in one message are both worked out, in the order asked', table);
