import { all, demo2, demo4, not, transcriptTables, type Transcript } from './suite.js';

// The twenty-fifth usability round (ut25, part b): conversations played against `npm start` by a
// tester who never saw the code. Each finding is written here as the rule it broke. The clock is the
// tester's: Monday, December 7, 2026, noon in New York.
const testersClock = new Date('2026-12-07T17:00:00Z');

/** A Spanish sentence as either channel writes it: with its accents (Web Chat) or without á é í ó ú (SMS). */
function es(text: string): RegExp {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(escaped.replace(/[áa]/g, '[aá]').replace(/[ée]/g, '[eé]').replace(/[íi]/g, '[ií]').replace(/[óo]/g, '[oó]').replace(/[úu]/g, '[uú]'));
}

// Finding 1: sign-in details sent with the request to sign in ("sign in <details>", "Sign in pls,
// <details>") sign in and say nothing more: the words around the details are no question (they were
// read as the insignia entry).
const signInWithEverything: Transcript[] = [
  ['"sign in <details>" signs in and answers nothing else', [
    [`sign in ${demo2}`, all('signed in', not('insignia'))],
  ]],
  ['"Sign in pls, <details>" with the date in words signs in and answers nothing else', [
    ['Sign in pls, DEMO-0001 jan 1 1980 0001', all('signed in', not('insignia'))],
  ]],
  ['"sign in <details>, when is my next test?" still answers the question asked beside them', [
    [`sign in ${demo2}, when is my next appointment?`, all('signed in', 'appointment', not('insignia'))],
  ]],
];

// Finding 2: a series named is the whole series, never one test of it: "auto + truck + parts" is three
// series ($22.50; "+" ends a name, so "truck + parts" is not the Truck Parts test), and "parts
// specialist" is the Parts Specialist series though it is P2's name too.
const seriesNamed: Transcript[] = [
  ['"auto + truck + parts" after the duplicate price is three series', [
    ['hi how much 4 a duplicate cert', '$7.50'],
    ['i need auto + truck + parts', all('$22.50', '3 test series', not('P1'))],
  ]],
];
const seriesNamedSpanish: Transcript[] = [
  ['"y también de parts specialist" adds the Parts Specialist series, not P2', [
    ['necesito duplicados de mis certificados de auto y de camion pesado, cuanto cuesta', '$15.00'],
    ['y tambien de parts specialist', all('$22.50', '3 series', not('P2'))],
  ]],
];

// Finding 3: a Spanglish message in a Spanish conversation ("pues i moved to Texas, how do i update my
// address y cuando llega mi certificado") has clear Spanish of its own: the conversation stays Spanish
// and both questions are answered in it (it was switched to English and refused), on SMS too (the
// second answer was left for MAS; the suggestions wait for it now).
const spanglish: Transcript[] = [
  ['a Spanglish message in a Spanish conversation is answered in Spanish, both questions', [
    ['exam ASE en español?', es('español')],
    ['cambio de direccion', es('Actualice su dirección')],
    ['pues i moved to Texas, how do i update my address y cuando llega mi certificado', all(es('Actualice su dirección'), es('Espere su certificado'), not('I can only help'))],
  ]],
];
const spanglishSms: Transcript[] = [
  ['a Spanglish text in a Spanish conversation is answered in Spanish, both answers in the text', [
    ['exam ASE en español?', es('español')],
    ['cambio de direccion', es('Actualice su dirección')],
    ['pues i moved to Texas, how do i update my address y cuando llega mi certificado', all(es('Actualice su dirección'), es('Espere su certificado'), not('I can only help'))],
  ]],
];
const englishStaysEnglish: Transcript[] = [
  ['an English message naming a Spanish place still switches a Spanish conversation to English', [
    ['hola', es('¿En qué puedo ayudarle')],
    ['I moved to Los Angeles, how do I update my address?', 'Update your address'],
  ]],
];

// Finding 4: in the queue, "no, mejor sigo contigo" (or "I'll keep going with you") is a change of
// mind: the request is withdrawn and the question after it answered, never passed on to staff.
const staysWithTheBot: Transcript[] = [
  ['"no mejor sigo contigo. <question>" in the queue leaves it and answers the question', [
    ['hola', es('¿En qué puedo ayudarle')],
    ['quiero hablar con una persona', es('He pedido a una persona')],
    ['no mejor sigo contigo. cuanto tiempo tengo pa programar el examen despues de comprarlo', all(es('90 días'), not(es('lo he pasado')))],
  ]],
  ['"I\'ll keep going with you, <question>" in the queue leaves it and answers the question', [
    ['i want to talk to a person', 'asked a member of ASE support'],
    ["no, i'll keep going with you. how long do i have to schedule after i buy the test", all('90 days', not('passed that on'))],
  ]],
];

// Finding 5: a greeting and a vague request for help with the test ("hola necesito ayuda con mi
// examen", "hi i need help with my test") is a plea for help: the help reply, never a known gap or an
// entry nobody asked about (the discounts gap, the ADA answer).
const vagueHelp: Transcript[] = [
  ['"hola necesito ayuda con mi examen" gets the help reply', [
    ['hola necesito ayuda con mi examen', all(es('Hágame una pregunta con sus propias palabras'), not('descuentos'))],
  ]],
  ['"hi i need help with my test" gets the help reply', [
    ['hi i need help with my test', all('in your own words', not('ADA'))],
  ]],
];

// Finding 6: signed in, "quiero cambiarla para la otra semana" right after her appointment was shown is
// that appointment: its change rule, never the general answer and a request for the date just shown.
// "to next week" after "it" is where to, and still the one shown. So in English.
const moveTheOneShown: Transcript[] = [
  ['"quiero cambiarla para la otra semana" after the appointment is shown is its change rule', [
    ['hola', es('¿En qué puedo ayudarle')],
    [demo4, es('ha iniciado sesión')],
    ['cuando es mi cita?', es('Su cita de A9')],
    ['quiero cambiarla para la otra semana', all(es('A9'), not(es('Dígame la fecha de su cita')))],
  ]],
  ['"i want to move it to next week" after the appointment is shown is its change rule', [
    [demo4, es('ha iniciado sesión')],
    ['english please', /English/i],
    ['when is my appointment?', 'A9'],
    ['i want to move it to next week', all('A9', not('Tell me the date of your appointment'))],
  ]],
];

transcriptTables([
  ['sign-in details with the request to sign in are no question (finding 1)', signInWithEverything],
  ['a series named is the whole series (finding 2)', seriesNamed, ['sms']],
  ['a series named is the whole series, in Spanish too (finding 2)', seriesNamedSpanish],
  ['a Spanglish message keeps a Spanish conversation Spanish (finding 3)', [...spanglish, ...englishStaysEnglish], ['webchat']],
  ['a Spanglish text keeps a Spanish conversation Spanish (finding 3)', spanglishSms, ['sms']],
  ['staying with the bot takes a request for a person back (finding 4)', staysWithTheBot],
  ['a vague request for help with the test is help (finding 5)', vagueHelp],
  ['moving the appointment just shown is that appointment (finding 6)', moveTheOneShown],
], { now: testersClock });
