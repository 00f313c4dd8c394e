import { detectLanguage } from '../../src/language/detect.js';

/**
 * The sentences of Spanish conversations' replies that the detector reads as clearly English, each
 * with its channel: what the "no English sentence reaches a Spanish conversation" scans expect empty.
 */
export function englishSentencesIn(replies: Array<{ channel: string; text: string }>): string[] {
  const english: string[] = [];
  for (const { channel, text } of replies) {
    for (const sentence of text.split(/(?<=[.!?])\s+|\n+/)) {
      const guess = detectLanguage(sentence);
      if (guess.language === 'en' && guess.strength === 'clear') english.push(`${channel}: ${sentence}`);
    }
  }
  return english;
}
