import type { TranscriptLine } from './types.js';

/**
 * The candidate's last message when nobody from staff wrote after it: what a hand-back leaves
 * unanswered, for the bot to answer ("ok thanks sam. also when can I retake it?" just before the
 * agent handed the case back). Undefined when an agent wrote last, or the candidate wrote nothing.
 */
export function unansweredMessage(lines: readonly TranscriptLine[]): string | undefined {
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] as TranscriptLine;
    if (line.from === 'agent') return undefined;
    if (line.from === 'candidate') return line.text.trim() || undefined;
  }
  return undefined;
}
