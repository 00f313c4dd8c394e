import { smsEn } from '../../src/channels/sms/messages.js';
import { all, buttons, en, neverSaysTextCancel, not, transcriptTables, type Transcript } from './suite.js';

// The tenth usability round: findings earlier rounds left open, each reproduced against `npm start`
// first, then written here as the rule it broke. The clock is the tester's: Sunday, December 6, 2026,
// noon in New York. Most transcripts run on Web Chat and on SMS; the carrier keywords on SMS only.

const clarification: Transcript[] = [
  ['"12/10" for an appointment is asked back once, naming December 10 and October 12; the pick fills the date', [
    ['how do I reschedule my test?', 'Tell me the date of your appointment'],
    ['12/10', all(en.task.whichDate, buttons('Thursday, December 10, 2026', 'Tuesday, October 12, 2027'))],
    ['the first one', all('Thursday, December 10, 2026', 'Monday, December 7, 2026', not(en.task.whichDate))],
  ]],
  ['a date typed again without the doubt ("the 12th of october") fills it', [
    ['how do I reschedule my test?', 'Tell me the date of your appointment'],
    ['12/10', en.task.whichDate],
    ['the 12th of october', all('Tuesday, October 12, 2027', 'Saturday, October 9, 2027', not(en.task.whichDate))],
  ]],
  ['the same "12/10" again is not asked a second time: it is taken as first offered', [
    ['how do I reschedule my test?', 'Tell me the date of your appointment'],
    ['12/10', en.task.whichDate],
    ['12/10', all('Thursday, December 10, 2026', not(en.task.whichDate))],
  ]],
  ['a weekday that fits only one reading ("Thursday 12/10") is not asked back', [
    ['how do I reschedule my test?', 'Tell me the date of your appointment'],
    ['Thursday 12/10', all('Thursday, December 10, 2026', not(en.task.whichDate))],
  ]],
  ['in Spanish the day-first reading is named first, and "2" picks December 10', [
    ['¿cómo cambio la fecha de mi examen?', /D[ií]game la fecha de su cita/],
    ['12/10', buttons('martes, 12 de octubre de 2027', 'jueves, 10 de diciembre de 2026')],
    ['2', all('Jueves, 10 de diciembre de 2026', 'lunes, 7 de diciembre de 2026')],
  ]],
];

const lateArrival: Transcript[] = [
  ['"i\'m running late to my test" says a late arrival is scored as No Show, and asks nothing about a posted result', [
    ["i'm running late to my test", all(/^If you arrive late, the test is scored as No Show/, 'all fees are forfeited', not(en.task.missed.askPosted))],
  ]],
  ['"what if I\'m late" after a scheduling answer is the missed-appointment answer, which says arriving late counts the same', [
    ['how do I schedule my test', 'myASE'],
    ["what if I'm late", all('No Show', 'Arriving late counts the same as missing it', not(en.task.missed.askPosted))],
  ]],
  ['"will they let me in if im late" is the late arrival', [
    ['how do I schedule my test', 'myASE'],
    ['will they let me in if im late', all(/^If you arrive late, the test is scored as No Show/, not(en.task.missed.askPosted))],
  ]],
  ['"what if I\'m late" with nothing before it is asked back with the missed-appointment entry, never another', [
    ["what if I'm late", all(buttons('Missed or unscheduled appointment', 'Talk to a person'), not(en.task.missed.askPosted))],
  ]],
  ['late in the past ("I was late and they turned me away") is still a missed appointment, with its question', [
    ['I was late to my test and they turned me away', all('No Show', en.task.missed.askPosted)],
  ]],
  ['"voy tarde a mi examen" is told the same in Spanish', [
    ['voy tarde a mi examen', all(/^Si llega tarde, el examen se califica como No Show/, not('publicado'))],
  ]],
];

const adaThenBooking: Transcript[] = [
  ['"ok can I book my test now?" right after the ADA answer is told to wait for approval first', [
    ['what are the ADA accommodations', 'ADA Request Form'],
    ['ok can I book my test now?', all(/^If you have asked for ADA accommodations, wait: please do not register or schedule an appointment until ASE has evaluated and approved your request\./, 'myASE')],
  ]],
  ['tapping "Registering and scheduling" after the ADA answer is told the same', [
    ['how do I apply for ADA testing accommodations?', 'ADA Request Form'],
    ['Registering and scheduling', /^If you have asked for ADA accommodations, wait/],
  ]],
  ['a scheduling question with no ADA answer before it gets the scheduling answer alone', [
    ['how do I schedule my test', all(/^You buy and schedule tests in your myASE account/, not('ADA'))],
  ]],
  ['in Spanish, "¿cómo me registro?" after the ADA answer says to wait too', [
    ['¿cómo pido adaptaciones ADA?', 'ADA Request Form'],
    ['¿cómo me registro para el examen?', /^Si pidi[oó] adaptaciones ADA, espere/],
  ]],
];

const verdictAgain: Transcript[] = [
  ['"is it too late?" after "it expired" says yes, from that answer; "so it\'s too late?" too', [
    ['I bought a test, how long do I have to take it', en.task.purchase.askDate],
    ['August 1', 'It expired after Friday, October 30, 2026'],
    ['is it too late?', all(/^Yes, going by what you told me: it expired after Friday, October 30, 2026/, not('missed appointment'), not(en.task.purchase.askDate))],
    ['so it\'s too late?', all(/^Yes, going by what you told me: it expired/, not('No Show'))],
  ]],
  ['"so I can still take it?" after an open window says yes, and "is it too late?" says no', [
    ['I bought a test on November 20, how long do I have', 'Thursday, February 18, 2027'],
    ['so I can still take it?', /^Yes, going by what you told me: you have until Thursday, February 18, 2027/],
    ['is it too late?', /^No, going by what you told me: you have until Thursday, February 18, 2027/],
  ]],
  ['"is it too late?" after "too late to change" says yes, without the answer\'s own "No:" after it', [
    ['can I still move my test on december 8?', 'three days'],
    ['is it too late?', all(/^Yes, going by what you told me: changes aren't allowed within three days/, not('No:'))],
  ]],
  ['"is it too late?" with no task answered before is no verdict', [
    ['is it too late?', not('going by what you told me')],
  ]],
  ['"¿ya es demasiado tarde?" after an expired purchase says yes in Spanish', [
    ['compré un examen el 1 de agosto, cuánto tiempo tengo', 'octubre de 2026'],
    ['¿ya es demasiado tarde?', /^S[ií], seg[uú]n lo que me dijo: venci[oó]/],
  ]],
];

const certificate: Transcript[] = [
  ['"my certificate never came, I tested 10 weeks ago" gets the not-arrived answer: three weeks, work experience, address', [
    ['my certificate never came, I tested 10 weeks ago', all(/^A certificate arrives about three weeks after your test date/, 'work experience', 'address', not(en.unknown))],
  ]],
];

// Played by this round beyond the six findings handed to it.
const played: Transcript[] = [
  ['a results question with the test date in it is worked out, not asked the date it already gave', [
    ['when will my results be posted? I took A1 on friday', all('Monday, December 7, 2026', not('Tell me the date you took it'))],
  ]],
  ['the same in Spanish', [
    ['cuándo salen mis resultados? hice el examen el viernes', all('7 de diciembre de 2026', not('Dígame la fecha'))],
  ]],
  ['without a date the results answer still offers to work it out', [
    ['how do I get my results', all('within three days', 'Tell me the date you took it')],
    ['friday', 'Monday, December 7, 2026'],
  ]],
];

const notKnowing: Transcript[] = [
  ['"I don\'t remember" at the offered purchase date is fine, sign-in is offered, and the date next still works', [
    ['how long do I have to take the test I bought?', 'Tell me the date you bought your test'],
    ["I don't remember", all(en.task.notKnowingSignIn, 'Tell me the date you bought your test', not(en.unknown))],
    ['November 20', 'Thursday, February 18, 2027'],
  ]],
  ['"not sure" twice at the retest question never counts as nonsense, and never offers a person', [
    ['I failed A5 can I retake it', en.task.retest.askDate('A5')],
    ['not sure', all(en.task.notKnowingSignIn, en.task.retest.askDate('A5'), not(en.task.didNotGetIt))],
    ['hmm not sure', all(en.task.notKnowingSignIn, not(en.task.gaveUpOfferPerson))],
    ['november 2', 'You can buy A5 again now'],
  ]],
  ['"no me acuerdo" is told the same in Spanish', [
    ['compré un examen, cuánto tiempo tengo para tomarlo', /D[ií]game la fecha en que compr[oó] su examen/],
    ['no me acuerdo', all(/^No se preocupe si no est[aá] seguro/, /D[ií]game la fecha/)],
  ]],
];

const smsCancel: Transcript[] = [
  ['a bare "cancel" mid-question opts the number out, as carriers do; after START the old question is not waiting', [
    ['I failed A5 can I retake it', en.task.retest.askDate('A5')],
    ['cancel', smsEn.optedOut],
    ['START', smsEn.optedIn],
    ['November 20', all(not('You can buy A5 again'), not('got it'))],
  ]],
  ['a bare "cancel" with nothing waiting opts out too; after START questions are answered', [
    ['cancel', smsEn.optedOut],
    ['START', smsEn.optedIn],
    ['how much is a duplicate certificate', '$7.50'],
  ]],
  ['"cancel that" mid-question is no carrier keyword: the question is left, and the bot says so', [
    ['I failed A5 can I retake it', en.task.retest.askDate('A5')],
    ['cancel that', en.cancelled],
  ]],
  ['help mid-question says "start over", never to text cancel', [
    ['I failed A5 can I retake it', en.task.retest.askDate('A5')],
    ['help', all('start over', not(neverSaysTextCancel), not(/\b(?:text|reply|say) "?cancel\b/i))],
  ]],
];

const webCancel: Transcript[] = [
  ['on Web Chat "cancel" mid-question leaves the question, and with nothing waiting stops nothing', [
    ['I failed A5 can I retake it', en.task.retest.askDate('A5')],
    ['cancel', en.cancelled],
    ['cancel', en.nothingToStop],
  ]],
];

// Found by the lead after the round: a date the candidate says is their test's is that appointment's
// date, never a piece of sign-in, and said alone it gets the one rule about an appointment ahead.
const appointmentStated: Transcript[] = [
  ['after "sign in", "my test is on december 20" is the appointment\'s date: the last day to change it, not "I still need your ASE ID"', [
    ['sign in', 'send your ASE ID, date of birth and the last 4 digits of your SSN'],
    ['my test is on december 20', all('Sunday, December 20, 2026', 'Thursday, December 17, 2026', not('I still need'), not('ASE Study Guides'))],
  ]],
  ['after "sign in", a task asked with its date ("I passed it june 2021") is answered: the year is no SSN digits', [
    ['sign in', 'send your ASE ID, date of birth and the last 4 digits of your SSN'],
    ['actually I just want to know when my A4 expires, I passed it june 2021', all(/A4 certification/, 'June 2026', not('I still need'))],
  ]],
  ['"my test is on december 20" on its own works out how long it can still be changed', [
    ['my test is on december 20', all('Sunday, December 20, 2026', 'Yes, you can still change or cancel it', 'Thursday, December 17, 2026')],
  ]],
  ['"my test is on december 20, what do I bring?" asks something else, and is not answered with the change deadline', [
    ['my test is on december 20, what do I bring?', not('Thursday, December 17, 2026')],
  ]],
  ['"i have a test on friday what do i bring", a question without its question mark, is not answered with the change deadline either', [
    ['i have a test on friday what do i bring', not('you can still change or cancel it')],
  ]],
  ['"mi examen es el 20 de diciembre" works out the change deadline in Spanish', [
    ['mi examen es el 20 de diciembre', all('Domingo, 20 de diciembre de 2026', 'jueves, 17 de diciembre de 2026')],
  ]],
];

transcriptTables(
  [
    ['a date that fits two readings is asked back once, naming both (clarification)', clarification],
    ['being late is the missed-appointment entry\'s late arrival, not a question about a posted No Show', lateArrival],
    ['right after the ADA answer, a booking question is told to wait for approval first (the source\'s caveat)', adaThenBooking],
    ['"is it too late?" right after a worked-out window is answered yes or no from it (row verdict)', verdictAgain],
    ['conversations this round played, each fixed', played],
    ['"I don\'t remember" at a question for a fact: fine, sign-in offered, the question again (repair pattern)', notKnowing],
    ['a certificate that has not come, with a date', certificate],
    ['a date said to be the test\'s is that appointment\'s date (never sign-in), and alone gets the change deadline', appointmentStated],
    ['"cancel" on SMS is a carrier opt-out, and ends the waiting question', smsCancel, ['sms']],
    ['"cancel" on Web Chat is the command: it ends the waiting question', webCancel, ['webchat']],
  ],
  { now: new Date('2026-12-06T17:00:00Z') },
);
