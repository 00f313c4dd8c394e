import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../support/conversation.js';
import { shortAnswer } from '../../src/knowledge/faqEntry.js';
import { parseFaqFile } from '../../src/knowledge/loadFaq.js';
import { all, not, transcripts } from './suite.js';

// Two questions in one message get both short answers, in the order asked (at most two).
const short = (id: string): string => shortAnswer(parseFaqFile(`knowledge/faq/${id}.md`, readFileSync(`knowledge/faq/${id}.md`, 'utf8')));
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Both answers' first paragraphs, the first before the second. */
const inOrder = (first: string, second: string): RegExp => new RegExp(`${escape(short(first))}[\\s\\S]*${escape(short(second))}`);

transcripts('two questions in one', [
  ['when a message asks for a duplicate and about an address change, the bot answers both, duplicate first', [
    ['i need another copy of my cert and also my address changed, how do i do both', inOrder('duplicate-certificate', 'address-change')],
  ]],
  ['when a message asks about results and then the certificate, the bot answers both in that order', [
    ['when do i get my results? and when does my certificate come', inOrder('test-results', 'certificate-delivery')],
  ]],
  ['when the same message asks the other way round, the order follows the candidate', [
    ['when does my certificate come? and when do i get my results', inOrder('certificate-delivery', 'test-results')],
  ]],
  ['when a message asks one question, the bot gives that one answer only', [
    ['where are the terms and conditions?', all(short('terms-and-conditions'), not(short('registration-scheduling')))],
  ]],
]);

describe('the turn event of two answers in one', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot();
  });
  afterAll(() => bot.close());

  it('names both entries as one pair, in the order asked', async () => {
    const conversation = bot.conversation();
    await conversation.say('when do i get my results? and when does my certificate come');
    expect(bot.events.at(-1)?.faq).toEqual({ decision: 'pair', entryId: 'test-results+certificate-delivery' });
  });
});
