/**
 * What the SMS channel itself says (numbered-choice hints and the carrier keywords' replies). Kept
 * beside the channel until the main catalogue (src/messages) grows an `sms` section; the shape is
 * what a Spanish catalogue would implement too. Every text is plain GSM-7 and under 320 characters.
 */
export const smsEn = {
  /**
   * How this language is spelt on SMS: as written in English. (Spanish drops the accents GSM-7 lacks,
   * so a Spanish text costs 160-character segments rather than 70: see docs/spanish.md.)
   */
  spelling: (text: string): string => text,
  /** After numbered choices the candidate is asked to pick from. */
  choicesHint: 'Reply with a number.',
  /** After numbered suggestions (offered, not required). */
  suggestionsHint: 'Reply with a number, or ask another question.',
  /** Heading before numbered suggestions. */
  suggestionsHeading: 'You can also ask:',
  /** An answer's own numbered step, when a numbered menu follows it. */
  step: 'Step',
  /** After a shortened answer: the rest comes when the candidate replies MORE. */
  moreHint: 'Reply MORE for details.',
  /** After a whole answer whose related questions wait: MORE sends those, so it says so. */
  moreSuggestionsHint: 'Reply MORE for related questions.',
  /** MORE with nothing kept (no long answer last, or its rest already sent). Never "text CANCEL": that word opts out. */
  nothingMore: 'There is nothing more to send on my last answer. Ask me a question about ASE testing any time, or reply HELP.',
  /** Label before a source's address. */
  moreAt: 'More:',
  /** HELP / INFO: program name, what it does, how to reach a person, how to stop (carrier rules). */
  help:
    'ASE Candidate Assistant: answers about ASE certification tests. For help from a person, call ASE Customer Service at 1-800-390-6789. Reply STOP to stop texts, START to resume. Msg & data rates may apply.',
  /** STOP and friends: the one confirmation, after which nothing more is sent. */
  optedOut: 'ASE Candidate Assistant: you are unsubscribed and will get no more messages from this number. Reply START to resubscribe.',
  /** START / UNSTOP / YES (when opted out). */
  optedIn: 'ASE Candidate Assistant: you are subscribed again. Ask me a question any time. Reply HELP for help, STOP to stop.',
};

export type SmsMessages = typeof smsEn;

/**
 * GSM-7 has é, ñ, ü, ¿ and ¡ but not á, í, ó or ú: one of those turns a whole message into UCS-2,
 * 70 characters to a segment instead of 160. Spanish SMS readers read "dias" and "podra" without
 * trouble (texting Spanish is often written so), and the 22 Spanish answers cost half the segments
 * written so (92 against 184; 13 instead of 22 need MORE: bench/smsSpanish.ts), so Spanish replies
 * on SMS go without those four.
 */
const UCS2_ACCENTS: Record<string, string> = { á: 'a', í: 'i', ó: 'o', ú: 'u', Á: 'A', Í: 'I', Ó: 'O', Ú: 'U' };
export const withoutUcs2Accents = (text: string): string => text.normalize('NFC').replace(/[áíóúÁÍÓÚ]/g, (char) => UCS2_ACCENTS[char] ?? char);

/** smsEn in Spanish, already GSM-7 (no á, í, ó, ú). STOP and START stay the carrier words. */
export const smsEs: SmsMessages = {
  spelling: withoutUcs2Accents,
  choicesHint: 'Responda con un numero.',
  suggestionsHint: 'Responda con un numero, o haga otra pregunta.',
  suggestionsHeading: 'Tambien puede preguntar:',
  step: 'Paso',
  moreHint: 'Responda MAS para mas detalles.',
  moreSuggestionsHint: 'Responda MAS para preguntas relacionadas.',
  nothingMore: 'No tengo nada mas que enviar de mi ultima respuesta. Hagame una pregunta sobre los examenes de ASE cuando quiera, o responda AYUDA.',
  moreAt: 'Mas:',
  help:
    'Asistente para Candidatos de ASE: respuestas sobre los examenes de certificacion de ASE. Para hablar con una persona, llame a Servicio al Cliente de ASE al 1-800-390-6789. Responda STOP para dejar de recibir mensajes, START para volver. Pueden aplicarse tarifas.',
  optedOut: 'Asistente para Candidatos de ASE: se ha dado de baja y no recibira mas mensajes de este numero. Responda START para volver a suscribirse.',
  optedIn: 'Asistente para Candidatos de ASE: se ha suscrito de nuevo. Hagame una pregunta cuando quiera. Responda AYUDA para ayuda, STOP para dejar de recibir mensajes.',
};
