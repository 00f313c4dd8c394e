import { all, not, transcriptTables, type Transcript } from './suite.js';

// The twentieth usability round: conversations played against `npm start` by testers who never saw
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

transcriptTables(
  [
    ['asked who it is, the bot says what it is and what it does', askedWhoItIs],
    ['asked who it is, in Spanish', askedWhoItIsEs, ['webchat']],
  ],
  { now: new Date('2026-12-07T17:00:00Z') },
);
