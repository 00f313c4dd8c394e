import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../support/conversation.js';
import { all, buttons, en, not, transcriptTables, type Transcript } from './suite.js';

// The eighteenth usability round: conversations played against `npm start` (Web Chat and SMS) by a
// tester who never saw the code. Each finding is written here as the rule it broke. The clock is
// the tester's: Monday, December 7, 2026, noon in New York.

const aLetterIsNoLanguage: Transcript[] = [
  ['"Y" after an English answer is a yes in English, never a switch to Spanish', [
    ['hey need to resched my test, its tomorrow', 'can no longer be changed or cancelled'],
    ['Y', all(not('De acuerdo'), not('¿Hay algo'))],
    ['thx', all(not('De nada'), not('¿Hay algo'))],
  ]],
  ['"Y" to "has the No Show been posted?" is a yes, answered in English', [
    ['missed my test', 'Has the No Show result been posted'],
    ['Y', all(/you can buy the test again/i, not('Entonces'))],
  ]],
  ['"N" to the same question is a no, answered in English', [
    ['missed my test', 'Has the No Show result been posted'],
    ['N', all('No Show', not(/[¿¡]/))],
  ]],
  ['a Spanish conversation stays Spanish after a bare "y"', [
    ['reprobé el examen A5, cuándo puedo repetirlo?', 'Debe esperar 30'],
    ['y', not(/^Okay/)],
    ['gracias', 'De nada'],
  ]],
];

const askingForALanguage: Transcript[] = [
  ['"sorry can we do english" in a Spanish conversation switches to English, never the answer about tests in Spanish', [
    ['hola perdi mi certificado de la serie T', '$7.50'],
    ['sorry can we do english', all(en.languageChanged, not('available in Spanish'))],
  ]],
  ['"do u speak spanish" is told yes and how to switch; "español" then switches', [
    ['do u speak spanish', all(en.languageOffered, not('available in Spanish'))],
    ['español', 'seguimos en español'],
  ]],
  ['"do u speak spanish" while a task waits is told the same, then asked the task\'s question again', [
    ['i failed A5, when can i retake it', 'What date did you take A5?'],
    ['do u speak spanish', all(en.languageOffered, 'What date did you take A5?')],
  ]],
  ['"is the test in spanish?" is still the question about tests in Spanish', [
    ['is the test in spanish?', all('available in Spanish', not(en.languageOffered))],
  ]],
  ['"no hablo español" switches to English, and "i don\'t speak english" to Spanish', [
    ['hola', '¿En qué puedo ayudarle'],
    ['no hablo español', en.languageChanged],
    ["i don't speak english", 'seguimos en español'],
  ]],
];

const theOfferHasAButton: Transcript[] = [
  ['the answer to "can you speak spanish?" offers a button that switches', [
    ['can you speak spanish?', all(en.languageOffered, buttons('Español'))],
  ]],
];

const theAnswerCrossesLanguages: Transcript[] = [
  ['"cuando puedo comprarlo otra vez" after switching to Spanish is the retest day already worked out, in Spanish', [
    ['hi, I need to retake A3, failed it', 'What date did you take A3?'],
    ['on december 1', 'You can buy A3 again on or after Friday, January 1, 2027'],
    ['perdon, puede hablar en español?', 'seguimos en espa'],
    ['cuando puedo comprarlo otra vez', all('Puede comprar A3 de nuevo a partir del viernes, 1 de enero de 2027', not('Debe esperar 30'))],
  ]],
  ['"y como lo recupero" after the Master status was worked out in English and "en español" is how to get it back, not the status again', [
    ['am i still a master tech? my A3 expired', 'Master Automobile Technician status is suspended'],
    ['en español', 'seguimos en espa'],
    ['y como lo recupero', all('puede recuperarlo tomando y aprobando', not('Ahora mismo no'))],
  ]],
  ['a correction after switching language still changes the worked-out answer', [
    ['hi, I need to retake A3, failed it', 'What date did you take A3?'],
    ['on december 1', 'Friday, January 1, 2027'],
    ['en español', 'seguimos en espa'],
    ['no, fue el 2 de diciembre', 'a partir del s'],
  ]],
];

const aChangeOfMind: Transcript[] = [
  ['"no wait, i just need to know how to get a duplicate" while queued leaves the queue and answers the question', [
    ['talk to a human', 'support staff'],
    ['no wait, i just need to know how to get a duplicate', all("I've taken you out of the queue", '$7.50', not("I've passed that on"))],
  ]],
  ['"actually nevermind" while queued still leaves the queue', [
    ['can i talk to someone', 'support staff'],
    ['actually nevermind', all("I've taken you out of the queue", not("I've passed that on"))],
  ]],
  ['"i just need to know when results come out" alone while queued is passed on to staff', [
    ['talk to a human', 'support staff'],
    ['i just need to know when my results come out', "I've passed that on"],
  ]],
];

const aDateAtTheSignInPrompt: Transcript[] = [
  ['"12/15" at the sign-in prompt is asked whether it is the birth date, and for its year, never thanked for', [
    ['sign in', 'ASE ID'],
    ['12/15', all('Is "12/15" your date of birth?', 'with the year', 'ASE ID and last 4 SSN digits', not(/^Thanks/))],
    ['DEMO-0004 1980-04-04 0004', 'signed in'],
  ]],
  ['"12/15/2026" at the sign-in prompt cannot be a date of birth, and is told so', [
    ['sign in', 'ASE ID'],
    ['12/15/2026', all("can't be a date of birth", 'ASE ID, date of birth and last 4 SSN digits', not(/^Thanks/))],
  ]],
  ['"dec 15" after the sign-in offer for "when is my next test appointment" is that appointment\'s date, worked out', [
    ['when is my next test appointment', 'If you mean your own'],
    ['dec 15', all('Tuesday, December 15, 2026: got it', 'you can still change or cancel it', not("I don't know that one"))],
  ]],
  ['a birth date with its year alone is still thanked for, and the rest asked', [
    ['sign in', 'ASE ID'],
    ['04/04/1980', 'Thanks. I still need your ASE ID and last 4 SSN digits'],
  ]],
];

transcriptTables(
  [
    ['a date alone at the sign-in prompt is read for what it is', aDateAtTheSignInPrompt],
    ['a change of mind while queued leaves the queue', aChangeOfMind],
    ['a task worked out carries across a language switch', theAnswerCrossesLanguages],
    ['asking for a language, or whether it is spoken, in words candidates use', askingForALanguage],
    ['the offer of Spanish comes with a button (Web Chat)', theOfferHasAButton, ['webchat']],
    ['a letter or two is no language', aLetterIsNoLanguage],
  ],
  { now: new Date('2026-12-07T17:00:00Z') },
);

// Signing in while waiting for a person: signed in as usual, and staff told so, never shown the details.
describe('sign-in details sent while queued for a person', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot({ now: new Date('2026-12-07T17:00:00Z') });
  });
  afterAll(() => bot.close());

  it.each(['webchat', 'sms'] as const)('on %s, sign the candidate in, and staff read that they are verified, never the birth date or SSN digits', async (channel) => {
    const candidate = bot.conversation({ channel });
    expect((await candidate.say('talk to a human')).text).toContain('support staff');
    expect((await candidate.say('sign in')).text).toContain('ASE ID');
    const signedIn = await candidate.say('DEMO-0004 1980-04-04 0004');
    expect(signedIn.text).toMatch(/signed in/);
    expect(signedIn.text).toContain(en.handoff.staffToldSignedIn);
    expect(signedIn.text).not.toContain("I've passed that on");
    expect((await candidate.say('how much for my A series duplicate')).text).toContain("I've passed that on");

    const agent = await bot.staff!.signIn('agent1');
    const queued = (await agent.get('/staff/api/cases')).json.queued as Array<{ id: string; channel: string; summary: { verified: boolean; firstName?: string } }>;
    const mine = queued.filter((c) => c.channel === channel).at(-1)!;
    expect(mine.summary).toMatchObject({ verified: true, firstName: 'Demo' });
    expect((await agent.post(`/staff/api/cases/${mine.id}/claim`)).status).toBe(200);
    const transcript = JSON.stringify((await agent.get(`/staff/api/cases/${mine.id}`)).json.transcript);
    expect(transcript).toContain('The candidate signed in with the bot');
    expect(transcript).toContain('how much for my A series duplicate');
    expect(transcript).not.toMatch(/1980|0004|DEMO-0004/);
  });
});
