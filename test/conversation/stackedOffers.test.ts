import { all, not, transcriptTables, type Transcript } from './suite.js';

// Found using the bot in the eighteenth session: after "want me to work out when you can retake?"
// and then a newer offer ("tell me the date you bought your test"), "A5 on March 3" answered the
// newer offer (a purchase on March 3, the test name unused), though it was the retest's question
// that it answered in full. Clock: Thursday, March 20, 2025.

const retakeOffer = 'how long do I have to wait to retake a failed test?';
const retakeOffered = "Tell me the date you took it and I'll work out the exact day you can buy it again.";
const purchaseOffer = 'how long do I have to schedule after buying?';
const purchaseOffered = 'Tell me the date you bought your test';

const olderFitsBetter: Transcript[] = [
  ['"A5 on March 3" after the retake offer and then the purchase offer is the retake\'s answer: it names the test and the day taken', [
    [retakeOffer, retakeOffered],
    [purchaseOffer, purchaseOffered],
    ['A5 on March 3', all('You can buy A5 again on or after Thursday, April 3, 2025', not('Tuesday, June 1, 2025'))],
  ]],
  ['"A5 el 3 de marzo" in Spanish the same', [
    ['cuánto tengo que esperar para repetir un examen reprobado?', /D[ií]game la fecha en que lo tom[oó]/],
    ['cuánto tiempo tengo para programar el examen después de comprarlo?', /D[ií]game la fecha en que compr[oó]/],
    ['A5 el 3 de marzo', all(/A5 de nuevo a partir del jueves, 3 de abril de 2025/, not(/1 de junio de 2025/))],
  ]],
];

const bothFit: Transcript[] = [
  ['a date alone fits both offers: the newest takes it (the purchase)', [
    [retakeOffer, retakeOffered],
    [purchaseOffer, purchaseOffered],
    ['March 3', all('Sunday, June 1, 2025', not('buy it again'))],
  ]],
  ['"A5 on March 3" fits the retake offer and the newer expiry offer alike: the newest takes it (the expiry)', [
    [retakeOffer, retakeOffered],
    ['when does my certification expire?', 'Tell me when you took or last recertified a test'],
    ['A5 on March 3', all('Your A5 certification expires on', not('buy A5 again'))],
  ]],
];

transcriptTables([
  ['a reply goes to the offer whose question it answers in full, the older one included', olderFitsBetter],
  ['a reply both offers can use goes to the newest', bothFit],
]);
