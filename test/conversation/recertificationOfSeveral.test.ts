import { all, not, transcripts, type Transcript } from './suite.js';

// Found using the bot in the eighteenth session: "my A1 and A5 were certified in March 2020, when do
// they expire?" was answered for A1 alone; A5 was dropped without a word. Tests named together with
// one date share the answer, which names them all. Clock: December 6, 2026.

const table: Transcript[] = [
  ['"my A1 and A5 were certified in March 2020, when do they expire?" names both in the answer', [
    ['my A1 and A5 were certified in March 2020, when do they expire?', all('Your A1 and A5 certifications lapsed in March 2025', not('Your A1 certification'))],
  ]],
  ['with a day, "A1, A4 and A5 passed on June 5, 2022" expire together on June 5, 2027', [
    ['I passed A1, A4 and A5 on June 5, 2022, when do they expire?', all('Your A1, A4 and A5 certifications expire on Saturday, June 5, 2027', 'recertification tests')],
  ]],
  ['one test named is answered as before', [
    ['I passed A1 on June 5, 2022, when does it expire?', all('Your A1 certification expires on Saturday, June 5, 2027', not('certifications'))],
  ]],
  ['"no, I meant A4" after two tests answered is A4 alone', [
    ['I passed A1 and A5 on June 5, 2022, when do they expire?', 'Your A1 and A5 certifications expire'],
    ['no, I meant A4', all('Your A4 certification expires on Saturday, June 5, 2027', not('A5'))],
  ]],
  ['"mi A1 y mi A5 se certificaron en marzo de 2020, ¿cuándo vencen?" in Spanish the same', [
    ['mi A1 y mi A5 se certificaron en marzo de 2020, ¿cuándo vencen?', all(/Sus certificaciones A1 y A5 vencieron en marzo de 2025/)],
  ]],
];

transcripts('tests named together with one date are all answered for', table, { now: new Date('2026-12-06T17:00:00Z') });
