import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { OutOfScopeTopic } from '../../src/knowledge/outOfScope.js';
import { all, buttons, en, not, transcripts } from './suite.js';

// Honest gaps: what the bot is, questions the FAQ does not answer, and look-alikes from elsewhere.
const topics = (parse(readFileSync('knowledge/out-of-scope.yaml', 'utf8')) as { topics: OutOfScopeTopic[] }).topics;
/** A known gap's reply, by its first sentence (the rest may come in a second text on SMS). */
const gap = (id: string): string => {
  const reply = topics.find((topic) => topic.id === id)?.reply;
  if (!reply) throw new Error(`no out-of-scope topic ${id}`);
  return reply.split(/(?<=[.!?])\s/)[0]!;
};
const handedOver = /support staff to join/;

transcripts('honest gaps: what the bot is, what the FAQ does not say, and what is about something else', [
  ['when asked "are you a real person?", the bot says it is an automated assistant and how to reach a person, without handing over', [
    ['are you a real person?', all(en.identity, not(handedOver))],
  ]],
  ['when asked "r u a bot", the bot says what it is', [['r u a bot', en.identity]]],
  ['when asked for a duplicate of a birth certificate, the bot says that is not something it has, and quotes no ASE fee', [
    ['how do I get a duplicate of my birth certificate?', all(gap('elsewhere'), not('$7.50'))],
  ]],
  ['when asked to reschedule a dentist appointment, the bot neither starts the reschedule task nor quotes the 3-day rule', [
    ['can I reschedule my dentist appointment?', all(gap('elsewhere'), not(/three days|72 hours|appointment date/i))],
  ]],
  ["when asked for Prometric's number for the GRE, the bot gives no ASE phone number", [
    ["what's Prometric's number for the GRE?", all(gap('elsewhere'), not('877-346-9327'))],
  ]],
  ['when a myASE password is forgotten, the bot says it cannot reset it and where to get help, not the No Show rule', [
    ['I forgot my myASE password', all(gap('password-reset'), not('No Show'))],
  ]],
  ['when asked about salaries, the bot says that is outside what it answers, not Master status', [
    ['whats the salary of a master tech', all(gap('careers'), not('Master Technician status'))],
  ]],
  ['when asked what ID to bring, the bot says it does not have that and where to ask', [['what ID do I need to bring?', gap('id-to-bring')]]],
  ['when asked how long the test is, the bot says it does not have that', [['how long is the test?', gap('test-length')]]],
  ['when asked about testing online from home, the bot says it does not have that', [['can I take the test online from home?', gap('online-from-home')]]],
  ['when asked for a receipt, the bot says it does not have that and where to look', [['can I get a receipt for my test?', gap('receipts')]]],
  ['when asked about student discounts, the bot makes no policy up', [['do you offer student discounts?', all(gap('discounts'), not(/^Yes/))]]],
  ['when "ok great" comes first, the bot gives no FAQ answer', [['ok great', all(not('Spanish'), not(en.unknownTwice))]]],
  ['when asked "what\'s your name?", the bot says what it can do, not how to correct a name', [["what's your name?", all(en.capabilities, not('Profile'))]]],
  ['when "banana phone" comes, the bot says it does not know that one, not the phone-number gap', [['banana phone', all(en.unknown, not(gap('account-email')))]]],
  ['after an answer, "and what about the other thing" is asked back with the topics just discussed, not called outside what the bot answers', [
    ['how long do I have to wait to retake a failed test?', '30 full days'],
    ['and what about the other thing', all(en.didYouMean, buttons('Seeing the questions I missed', 'Preparing for a test', 'Retaking a failed test', 'None of these'), not(gap('careers')))],
  ]],
]);
