import { all, buttons, demo3, not, transcriptTables, type Transcript } from './suite.js';

// The twentieth usability round, findings an earlier round saw and left (the lead's list): conversations played against `npm start` by testers who never saw
// the code. Each finding is written here as the rule it broke. The clock is the testers': Monday,
// December 7, 2026, noon in New York.

const askedWhoItIs: Transcript[] = [
  ['"whats ur name" is small talk: what the bot is and what it can do, never an FAQ guess', [
    ['whats ur name', all("I'm the ASE Candidate Assistant, an automated assistant for ASE test candidates", 'I can answer questions about ASE testing', not('Did you mean'), not('Were you asking'))],
  ]],
  ['"what is your name" and "who are you" are the same small talk', [
    ['what is your name?', "I'm the ASE Candidate Assistant, an automated assistant for ASE test candidates"],
    ['who are you', "I'm the ASE Candidate Assistant, an automated assistant for ASE test candidates"],
  ]],
];

const askedWhoItIsEs: Transcript[] = [
  ['"¿cómo te llamas?" is small talk in Spanish, never "I cannot answer that"', [
    ['como te llamas', all('Soy el Asistente para Candidatos de ASE, un asistente automático para quienes presentan los exámenes de ASE', 'Puedo responder preguntas', not('Eso no lo puedo responder'))],
    ['¿quién eres?', 'Soy el Asistente para Candidatos de ASE'],
  ]],
];

const theNextStep: Transcript[] = [
  ['"so what do i do now" after the Master what-it-takes answer is the part that says what to do, never only "nothing more"', [
    ['what does it take to be a master tech', 'Master status takes certification in all required tests of a series'],
    ['so what do i do now', all('achieve certification in all required testing areas', not("I don't have more on that"))],
  ]],
  ['"what\'s the next step" and "then what" ask the same', [
    ['what does it take to be a master tech', 'Master status takes certification'],
    ["what's the next step?", all('achieve certification in all required testing areas', not("I don't have more on that"))],
    ['then what', not('Not if one has lapsed')],
  ]],
];

const theNextStepEs: Transcript[] = [
  ['"¿y ahora qué hago?" after the Master answer in Spanish is the part that says what to do', [
    ['que se necesita para ser tecnico maestro', 'Técnico Maestro'],
    ['y ahora que hago?', all('lograr la certificación en todas las áreas requeridas', not('No tengo más'))],
  ]],
];

const resultsReady: Transcript[] = [
  ['"when will my results be ready" is the results answer, never a one-option "Did you mean"', [
    ['when will my results be ready', all('Your detailed score report is emailed to you immediately after you finish your appointment', not('Did you mean'))],
  ]],
  ['"are my results ready yet" too', [
    ['are my results ready yet?', all('score report is emailed', not('Did you mean'))],
  ]],
];

const resultsReadyEs: Transcript[] = [
  ['"¿cuándo estarán listos mis resultados?" is the results answer in Spanish', [
    ['cuando estaran listos mis resultados', all('Su reporte de puntaje detallado se le envía', not('¿Se refería'))],
  ]],
];

const noAppointmentOnTheAccount: Transcript[] = [
  ['signed in with no appointments, "I need to move my appointment on the 14th" says the account shows none and still works out the 14th', [
    [demo3, 'signed in'],
    ['I need to move my appointment on the 14th', all('Your account shows no upcoming test appointments', 'Going by what you told me:', 'Do it before the start of Friday, December 11, 2026', 'cancel the existing appointment first')],
  ]],
];

const noAppointmentOnTheAccountEs: Transcript[] = [
  ['in Spanish: "necesito cambiar mi cita del 14" signed in with none', [
    [demo3, 'signed in'],
    ['necesito cambiar mi cita del 14 de diciembre', all('Su cuenta no muestra citas de examen próximas', 'Según lo que me dijo:', 'Hágalo antes del comienzo del viernes, 11 de diciembre de 2026')],
  ]],
];

const whenTestedAfterResults: Transcript[] = [
  ['"took A1 and A2 today" after a "Were you asking" led by the results entry is the results timing for them, never another "Did you mean"', [
    ['is it posted yet', buttons('When I get my results', 'When I get my certificate', 'Terms and conditions', 'Talk to a person')],
    ['took A1 and A2 today', all('Your results should be in myASE by Thursday, December 10, 2026', not('Did you mean'))],
  ]],
];

const whenTestedAfterResultsEs: Transcript[] = [
  ['in Spanish: "tomé el A1 y el A2 hoy" after the suggestions with the results entry', [
    ['¿ya lo publicaron?', buttons('Ver las preguntas que fallé', 'Cuándo recibo mis resultados', 'Hablar con una persona')],
    ['hice el A1 y el A2 hoy', all('jueves, 10 de diciembre de 2026', not('Estados Unidos'))],
  ]],
];

const undoingACancellation: Transcript[] = [
  ['"can i undo that" after the cancel answer is answered honestly: nothing says it can be undone, what the bot knows, and who can help', [
    ['how do i cancel my test', 'Cancel Test'],
    ['can i undo that', all("I don't have anything saying a cancellation can be undone", 'refund', 'schedule', '877-346-9327', '1-800-390-6789', not('Did you mean'))],
  ]],
  ['"can I undo a cancellation?" is the same, asked alone', [
    ['can i undo a cancellation?', all("I don't have anything saying a cancellation can be undone", '877-346-9327')],
  ]],
];

const undoingACancellationEs: Transcript[] = [
  ['in Spanish: "¿puedo deshacer la cancelación?" after the cancel answer', [
    ['como cancelo mi examen', /Para cancelar un examen|Cancele la cita y luego el examen/],
    ['puedo deshacer la cancelacion?', all('No tengo nada que diga que una cancelación se pueda deshacer', '877-346-9327', '1-800-390-6789', not('¿Se refería'))],
  ]],
];

const certificationsListed: Transcript[] = [
  ['"i have A1 thru A7" as a first message is the Master status for them, never "I don\'t know that one"', [
    ['i have A1 thru A7', all("Not yet: you're missing A8", not("I don't know that one"))],
  ]],
  ['"I\'ve got A1-A8" is the Master question for the whole series', [
    ["I've got A1-A8", all('Master', not("I don't know that one"))],
  ]],
];

const certificationsListedEs: Transcript[] = [
  ['"tengo del A1 al A7" is the Master status in Spanish, A2-A6 included in the range', [
    ['tengo del A1 al A7', all('Todavía no: le falta A8', not('A2, A3'), not('Perdón, eso no lo sé'))],
  ]],
];

transcriptTables(
  [
    ['asked who it is, the bot says what it is and what it does', askedWhoItIs],
    ['asked who it is, in Spanish', askedWhoItIsEs, ['webchat']],
    ['"what do I do now" after an answer is its next step', theNextStep],
    ['"what do I do now" after an answer, in Spanish', theNextStepEs, ['webchat']],
    ['results "ready" are the results', resultsReady],
    ['results "ready" are the results, in Spanish', resultsReadyEs, ['webchat']],
    ['an account with no appointment still gets the rule for the date given', noAppointmentOnTheAccount],
    ['an account with no appointment, in Spanish', noAppointmentOnTheAccountEs, ['webchat']],
    ['when they tested, after asking about results, is the results timing', whenTestedAfterResults],
    ['when they tested, after asking about results, in Spanish', whenTestedAfterResultsEs, ['webchat']],
    ['undoing a cancellation is answered honestly', undoingACancellation],
    ['certifications listed are the Master question', certificationsListed],
    ['certifications listed, in Spanish', certificationsListedEs, ['webchat']],
    ['undoing a cancellation, in Spanish', undoingACancellationEs, ['webchat']],
  ],
  { now: new Date('2026-12-07T17:00:00Z') },
);
