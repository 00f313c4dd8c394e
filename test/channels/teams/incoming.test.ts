import { TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import {
  TeamsIncomingMiddleware,
  normaliseTeamsActivity,
  stripBotMention,
  submittedText,
  teamsScope,
} from '../../../src/channels/teams/incoming.js';
import { BOT_ID, BOT_NAME, botMention, teamsMessage } from './teamsKit.js';

/** Runs the normaliser on a copy of the activity and returns the activity the bot would see. */
function normalised(activity: Partial<Activity>): Partial<Activity> {
  const copy = structuredClone(activity);
  normaliseTeamsActivity({ activity: copy as Activity });
  return copy;
}

const mentionEntities = (activity: Partial<Activity>) => (activity.entities ?? []).filter((e) => e.type === 'mention');

describe('normaliseTeamsActivity: the bot mention', () => {
  it('removes the mention with its entity: "<at>Candidate Assistant</at> how do I reschedule" reads "how do I reschedule"', () => {
    const mention = botMention();
    const activity = normalised(teamsMessage(`${mention.text} how do I reschedule`, { scope: 'channel', entities: [mention.entity] }));
    expect(activity.text).toBe('how do I reschedule');
    expect(mentionEntities(activity)).toEqual([]);
    // Other entities (clientInfo) are kept.
    expect(activity.entities?.some((e) => e.type === 'clientInfo')).toBe(true);
  });

  it('removes the mention when Teams sends no mention entity (bot name with spaces)', () => {
    const activity = normalised(teamsMessage('<at>Candidate Assistant</at> how do I reschedule', { scope: 'groupChat' }));
    expect(activity.text).toBe('how do I reschedule');
  });

  it('keeps the text after the mention, wherever the mention is', () => {
    const mention = botMention();
    const middle = normalised(
      teamsMessage(`when can I ${mention.text} retake a test I failed?`, { scope: 'channel', entities: [mention.entity] }),
    );
    expect(middle.text).toBe('when can I retake a test I failed?');
    const end = normalised(teamsMessage(`how much is a duplicate certificate ${mention.text}`, { scope: 'channel', entities: [mention.entity] }));
    expect(end.text).toBe('how much is a duplicate certificate');
  });

  it('handles the Teams line breaks, &nbsp; and a comma after the mention', () => {
    const mention = botMention();
    const activity = normalised(
      teamsMessage(`\r\n${mention.text}&nbsp;, how do I reschedule\n`, { scope: 'channel', entities: [mention.entity] }),
    );
    expect(activity.text).toBe('how do I reschedule');
  });

  it('removes a name Teams split into one tag per word, with or without entities', () => {
    const split = '<at>Candidate</at> <at>Assistant</at> how do I reschedule';
    expect(normalised(teamsMessage(split, { scope: 'channel' })).text).toBe('how do I reschedule');
    const entities = [
      { type: 'mention', text: '<at>Candidate</at>', mentioned: { id: BOT_ID, name: BOT_NAME } },
      { type: 'mention', text: '<at>Assistant</at>', mentioned: { id: BOT_ID, name: BOT_NAME } },
    ];
    const activity = normalised(teamsMessage(split, { scope: 'channel', entities }));
    expect(activity.text).toBe('how do I reschedule');
    expect(mentionEntities(activity)).toEqual([]);
  });

  it('matches the bot name case-insensitively and uses the entity when the display name differs', () => {
    expect(normalised(teamsMessage('<at>candidate assistant</at> hi there', { scope: 'channel' })).text).toBe('hi there');
    const renamed = { type: 'mention', text: '<at>ASE Helper</at>', mentioned: { id: BOT_ID, name: 'ASE Helper' } };
    expect(normalised(teamsMessage('<at>ASE Helper</at> hi there', { scope: 'channel', entities: [renamed] })).text).toBe('hi there');
  });

  it("keeps other people's mentions (as plain names) and their entities", () => {
    const bot = botMention();
    const alice = { type: 'mention', text: '<at>Alice Smith</at>', mentioned: { id: '29:alice', name: 'Alice Smith' } };
    const activity = normalised(
      teamsMessage(`${bot.text} <at>Alice Smith</at> needs to reschedule`, { scope: 'channel', entities: [bot.entity, alice] }),
    );
    expect(activity.text).toBe('Alice Smith needs to reschedule');
    expect(mentionEntities(activity)).toEqual([alice]);
  });

  it('leaves a personal chat message without a mention as it was (apart from whitespace)', () => {
    expect(normalised(teamsMessage('how do I reschedule?')).text).toBe('how do I reschedule?');
  });

  it('changes nothing on other channels or for other activity types', () => {
    const webchat = { ...teamsMessage('<at>Candidate Assistant</at> hi'), channelId: 'webchat' };
    expect(normalised(webchat).text).toBe('<at>Candidate Assistant</at> hi');
    const update = { ...teamsMessage('<at>Candidate Assistant</at> hi'), type: 'conversationUpdate' };
    expect(normalised(update).text).toBe('<at>Candidate Assistant</at> hi');
  });

  it('is idempotent', () => {
    const mention = botMention();
    const once = normalised(teamsMessage(`${mention.text} how do I reschedule`, { scope: 'channel', entities: [mention.entity] }));
    expect(normalised(once)).toEqual(once);
  });

  it('agrees with botbuilder TurnContext.removeRecipientMention on the simple case', () => {
    const mention = botMention();
    const activity = teamsMessage(`${mention.text} how do I reschedule`, { scope: 'channel', entities: [mention.entity] });
    const sdk = TurnContext.removeRecipientMention(structuredClone(activity));
    expect(normalised(activity).text).toBe(sdk);
  });
});

describe('normaliseTeamsActivity: card buttons', () => {
  it('puts the text of a plain Action.Submit (value { text }, no text) into activity.text', () => {
    const activity = normalised(teamsMessage('', { scope: 'groupChat', value: { text: 'How do I get a duplicate certificate?' } }));
    expect(activity.text).toBe('How do I get a duplicate certificate?');
  });

  it('also when text is missing altogether', () => {
    const message = teamsMessage('', { scope: 'channel', value: { text: 'Talk to a person' } });
    delete message.text;
    expect(normalised(message).text).toBe('Talk to a person');
  });

  it('keeps the text of a messageBack (Teams already put msteams.text into activity.text)', () => {
    const activity = normalised(teamsMessage('Talk to a person', { scope: 'channel', value: { text: 'Talk to a person' } }));
    expect(activity.text).toBe('Talk to a person');
  });

  it('ignores values without a usable text', () => {
    expect(normalised(teamsMessage('', { value: { choice: 3 } })).text).toBe('');
    expect(submittedText({ text: '   ' })).toBeUndefined();
    expect(submittedText('text')).toBeUndefined();
    expect(submittedText(null)).toBeUndefined();
  });
});

describe('teamsScope', () => {
  it.each([
    ['personal', { conversationType: 'personal' }],
    ['groupChat', { conversationType: 'groupChat', isGroup: true }],
    ['channel', { conversationType: 'channel', isGroup: true }],
    ['groupChat', { isGroup: true }],
    ['personal', {}],
  ] as const)('reads %s from %j', (scope, conversation) => {
    expect(teamsScope({ conversation: { id: 'c', ...conversation } as Activity['conversation'] })).toBe(scope);
  });
});

describe('stripBotMention', () => {
  it('reports whether a mention was removed', () => {
    const recipient = { id: BOT_ID, name: BOT_NAME };
    expect(stripBotMention('<at>Candidate Assistant</at> hi', { recipient })).toEqual({ text: 'hi', removed: true });
    expect(stripBotMention('hi', { recipient })).toEqual({ text: 'hi', removed: false });
  });
});

describe('TeamsIncomingMiddleware', () => {
  it('normalises the activity before the bot logic sees it', async () => {
    const seen: string[] = [];
    const adapter = new TestAdapter(async (context) => {
      seen.push(context.activity.text);
    });
    adapter.use(new TeamsIncomingMiddleware());
    const mention = botMention();
    await adapter.receiveActivity(teamsMessage(`${mention.text} how do I reschedule`, { scope: 'channel', entities: [mention.entity] }));
    await adapter.receiveActivity(teamsMessage('', { scope: 'channel', value: { text: 'Talk to a person' } }));
    expect(seen).toEqual(['how do I reschedule', 'Talk to a person']);
  });
});
