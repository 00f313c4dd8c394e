// An entry that answers several questions starts with the sentence that answers the one asked
// (knowledge/faq/*.md `facets`): the Master Technician entry's "Not if one ... has lapsed" is for
// "do I still hold it", not for "how many tests do I need"; the Spanish-tests "Yes: ..." is not for the T2.
import { all, not, transcripts } from './suite.js';

const stillHolds = /^Not if one has lapsed: Master status lasts only while every required certification/;

transcripts('facets: the first sentence answers the question asked', [
  ['"how many tests do I need for master" gets what it takes, not "No:", and no offer to check a status', [
    ['how many tests do I need for master', all(/^Master status takes certification in all required tests of a series: A1 through A8/, not(/^No:/), not('have lapsed'))],
  ]],
  ['"is there a master for trucks?" names the truck tests T2 through T8', [
    ['is there a master for trucks?', all(/^Master status takes[^.]*T2 through T8 for Medium\/Heavy Truck/, not(/^No:/))],
  ]],
  // With a lapsed test named, the Master Technician task answers for that test at once ("Not at the
  // moment" is its "No"); without one, the entry's own first sentence.
  ['"am I still a master tech if A6 expired?" is told no, for A6', [
    ['am I still a master tech if A6 expired?', all(/^Not at the moment: A6 lapsed/, not(/^Master status takes/))],
  ]],
  ['"do I keep master status when one of my certs lapses?" is told not if one has lapsed', [
    ['do I keep master status when one of my certs lapses?', stillHolds],
  ]],
  ['"is the T2 available in Spanish?" is not told "Yes:"', [
    ['is the T2 available in Spanish?', all(/^Only the Automobile\/Light Truck Tests \(A1 through A8\)/, not(/^Yes:/))],
  ]],
  ['"is the A5 available in Spanish?" is told "Yes:"', [
    ['is the A5 available in Spanish?', /^Yes: the Automobile\/Light Truck Tests/],
  ]],
  ['"how long is a test good for once I pay?" gets the 90 days first, the rest after', [
    ['how long is a test good for once I pay for it?', /^After buying a test, you have 90 days from the purchase date to schedule an appointment/],
  ]],
  ['"passed 5 weeks ago and still no certificate, why?" gets why not yet, not only when', [
    ['passed 5 weeks ago and still no certificate, why?', /^A certificate arrives about three weeks after your test date, and it is delayed until your work experience is reviewed and approved/],
  ]],
]);
