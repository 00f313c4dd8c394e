// The conversation-repair suite's one pattern: a table of named transcripts, each run over the
// production wiring on Web Chat and on SMS, against one bot per file.

import { afterAll, beforeAll, describe, it } from 'vitest';
import { en } from '../../src/messages/en.js';
import { runTranscript, startBot, type RunningBot, type Turn } from '../support/conversation.js';

export { all, buttons, not, type Turn } from '../support/conversation.js';
export { en };

export type Transcript = [name: string, turns: Turn[]];

/** The fixed clock: Thursday, March 20, 2025, 11:00 in New York (the default of startBot). */
export const channels: Array<'webchat' | 'sms'> = ['webchat', 'sms'];

/** On SMS a bare CANCEL is an opt-out: the bot never tells anyone to text "cancel" to stop. */
export const neverSaysTextCancel = /\bcancel\b[^.]*(?:to stop|any time|anytime)/i;

/** Never ask for SSN digits unless the candidate asked to sign in. */
export const noSsn = /SSN|last 4 digits/;

export const signIn = 'sign in';
export const demo1 = 'DEMO-0001, 1980-01-01, 0001';
export const demo2 = 'DEMO-0002, 1980-02-02, 0002';
export const demo3 = 'DEMO-0003, 1980-03-03, 0003';
export const demo4 = 'DEMO-0004, 1980-04-04, 0004';

/** Runs each transcript on both channels against one bot started for the file (at `now`, else the fixed clock). */
export function transcripts(title: string, table: Transcript[], options: { now?: Date } = {}): void {
  transcriptTables([[title, table]], options);
}

/**
 * The same for several tables, a `describe` each, still against one bot for the file; a table may
 * name the one channel it is about (both otherwise). Call it (or
 * {@link transcripts}) once per file, at its top level: the bot's hooks are the file's.
 */
export function transcriptTables(tables: Array<[title: string, table: Transcript[], on?: Array<'webchat' | 'sms'>]>, options: { now?: Date } = {}): void {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot(options.now ? { now: options.now } : {});
  });
  afterAll(() => bot.close());
  for (const [title, table, on = channels] of tables) {
    describe(title, () => {
      it.each(table)('%s', async (_name, turns) => {
        await runTranscript(turns, { bot, channels: on });
      });
    });
  }
}

/** A reply kept for the scan for English sentences in a Spanish conversation. */
export interface SpanishReply {
  channel: string;
  text: string;
}

/**
 * One bot for a file of Spanish transcripts, and every reply they got (text and buttons), so the
 * file can check that no English sentence reached them (`englishSentencesIn`). `skip` leaves out the
 * replies to turns still in English before the conversation switched. Call it once per file, at the
 * top level of its `describe`: the bot's hooks are the file's.
 */
export function spanishTranscripts(options: { skip?: (userSays: Turn[0]) => boolean } = {}) {
  let bot: RunningBot;
  const replies: SpanishReply[] = [];
  beforeAll(async () => {
    bot = await startBot();
  });
  afterAll(() => bot.close());
  return {
    replies,
    bot: () => bot,
    run: async (turns: Turn[], on: Array<'webchat' | 'sms'>): Promise<void> => {
      const { runs } = await runTranscript(turns, { bot, channels: on });
      for (const { channel, results } of runs) {
        results.forEach((said, i) => {
          if (!options.skip?.(turns[i]![0])) replies.push({ channel, text: [said.text, ...said.buttons].join('\n') });
        });
      }
    },
  };
}
