import { describe, expect, it } from 'vitest';
import { en } from '../../src/messages/en.js';
import { loggableConversationId } from '../../src/logging/redact.js';
import { startAccountsBot } from '../support/accountsOnBot.js';

describe('account privacy in shared places', () => {
  it('in a Teams group chat nobody can sign in or get account answers, since everyone there shares the conversation', async () => {
    const bot = await startAccountsBot();
    const teams = bot.conversation({ channel: 'msteams' });
    // The same Teams conversation, as a group chat ("crew") rather than a 1:1 chat with the bot.
    const inGroup = { conversation: { id: teams.id, isGroup: true, name: 'crew', conversationType: 'groupChat', tenantId: 'test-tenant' } };
    const chat = { say: (text: string) => teams.say({ text, ...inGroup }) };
    expect((await chat.say('sign in')).text).toContain(en.linking.privateOnly);
    const answer = await chat.say('when is my test?');
    expect(answer.text).not.toContain(en.linking.askCredentials);
    expect(answer.text).not.toMatch(/upcoming test appointments/);
    expect(bot.stored()).not.toContain('account-link/');
  });
});

describe('conversation ids in logs', () => {
  it.each([
    ['+15555550123', '*********23'],
    ['sms/+1 (555) 555-0123', 'sms/*********23'],
    ['a:1Bx9-conversation', 'a:1Bx9-conversation'],
  ])('%s is logged as %s', (id, logged) => {
    expect(loggableConversationId(id)).toBe(logged);
  });
});

describe('talking to a person in shared places', () => {
  it('in a Teams group chat "talk to a person" gives the phone number: a staff conversation there would be read by everyone', async () => {
    const bot = await startAccountsBot();
    const teams = bot.conversation({ channel: 'msteams' });
    const inGroup = { conversation: { id: teams.id, isGroup: true, name: 'crew', conversationType: 'groupChat', tenantId: 'test-tenant' } };
    const reply = await teams.say({ text: 'I need help with my certificate, talk to a person', ...inGroup });
    expect(reply.text).toContain('1-800-390-6789');
    expect(reply.text).not.toMatch(/support staff to join|in line/);
    expect(bot.events.at(-1)?.handoff).toBeUndefined();
  });

  it('in a one-to-one Teams chat the same request is queued for staff', async () => {
    const bot = await startAccountsBot();
    const reply = await bot.conversation({ channel: 'msteams' }).say('talk to a person');
    expect(reply.text).toMatch(/support staff to join/);
  });
});
