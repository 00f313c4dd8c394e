// A Teams turn through the whole application (startBot: the composition `npm start` runs, with
// TeamsIncomingMiddleware and renderTeams), spoken to as Teams. One case stays on buildBot and a
// TestAdapter: it runs the bot WITHOUT TeamsIncomingMiddleware, to show the middleware is what routes
// "@bot help" as a command, and the composition always installs it.
import { readFile } from 'node:fs/promises';
import { MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { buildBot } from '../../../src/app.js';
import type { TurnEvent } from '../../../src/bot/turnEvents.js';
import { en } from '../../../src/messages/en.js';
import { postJson } from '../../support/http.js';
import { fixedNow, shippedKnowledge, silentLogger, testConfig } from '../../support/testApp.js';
import { adaptiveCard, buttonsOf, mentionedMessage, startTeamsBot, teamsMessage, TEAMS_SERVICE_URL } from './teamsKit.js';

const firstParagraph = (text: string) => text.split('\n\n')[0] ?? '';
/** "how do I reschedule" starts with the steps: the lead of change-or-cancel's how-to-change facet. */
function howToChange(entry: { facets?: Array<{ id: string; lead: string }> }): string {
  const lead = entry.facets?.find((facet) => facet.id === 'how-to-change')?.lead;
  if (!lead) throw new Error('teamsTurn test: change-or-cancel has no how-to-change facet');
  return lead;
}

describe('a Teams turn through the whole application (renderTeams + TeamsIncomingMiddleware)', () => {
  it('answers "@Candidate Assistant how do I reschedule" in a channel with the change/cancel answer on a card, no suggested actions', async () => {
    const { send, events, knowledge } = await startTeamsBot();
    const replies = await send(mentionedMessage('how do I reschedule', 'channel'));
    expect(replies).toHaveLength(1);
    const reply = replies[0]!;
    const entry = knowledge.index.get('change-or-cancel')!;
    expect(reply.text?.startsWith(howToChange(entry))).toBe(true);
    expect(reply.suggestedActions).toBeUndefined();
    expect(adaptiveCard(reply)?.version).toBe('1.5');
    expect(buttonsOf(reply).length).toBeGreaterThan(0);
    expect(events.at(-1)).toMatchObject({ channel: 'msteams', route: 'faq', faq: { decision: 'answer', entryId: 'change-or-cancel' } });
  });

  it('understands a card button when it is pressed (messageBack, and a plain Action.Submit)', async () => {
    const { send, events, knowledge } = await startTeamsBot();
    const first = (await send(mentionedMessage('how much is a duplicate certificate?', 'groupChat')))[0]!;
    const [button] = buttonsOf(first);
    expect(button).toBeDefined();
    const pressed = knowledge.index.entries.find((entry) => entry.question === button!.data.text)!;
    expect(pressed).toBeDefined();

    // Teams: messageBack puts msteams.text into activity.text (and no @mention).
    const viaMessageBack = await send(teamsMessage(button!.data.msteams.text, { scope: 'groupChat', value: { text: button!.data.text } }));
    expect(viaMessageBack[0]?.text?.startsWith(firstParagraph(pressed.answer))).toBe(true);
    expect(events.at(-1)).toMatchObject({ route: 'dialog', faq: { decision: 'answer', entryId: pressed.id } });

    // A host without messageBack: empty text, the data in value.
    const again = (await send(mentionedMessage('how much is a duplicate certificate?', 'groupChat')))[0]!;
    const viaSubmit = await send(teamsMessage('', { scope: 'groupChat', value: buttonsOf(again)[0]!.data }));
    expect(viaSubmit[0]?.text?.startsWith(firstParagraph(pressed.answer))).toBe(true);
  });

  it('offers "Did you mean" choices on a card in a group chat, and "None of these" works when pressed', async () => {
    const { send } = await startTeamsBot();
    const replies = await send(mentionedMessage('something about a test i can not find anywhere', 'groupChat'));
    const titles = buttonsOf(replies[0]!).map((b) => b.title);
    expect(titles.length).toBeGreaterThan(1);
    expect(replies[0]?.suggestedActions).toBeUndefined();
    const none = buttonsOf(replies[0]!).find((b) => b.title === en.noneOfThese) ?? buttonsOf(replies[0]!).at(-1)!;
    const after = await send(teamsMessage(none.data.msteams.text, { scope: 'groupChat', value: { text: none.data.text } }));
    expect(after[0]?.text).toBeTruthy();
    expect(after[0]?.text).not.toBe(replies[0]?.text);
  });

  it('uses suggested actions and no card in a personal chat (no mention needed)', async () => {
    const { send } = await startTeamsBot();
    const replies = await send(teamsMessage('when can I retake a test I failed?', { scope: 'personal' }));
    expect(replies[0]?.attachments ?? []).toEqual([]);
    expect(replies[0]?.text).toMatch(/30 full days/);
    const suggested = replies[0]?.suggestedActions?.actions ?? [];
    expect(suggested.every((action) => action.type === 'imBack')).toBe(true);
  });

  it('understands every sample question of the manifest command lists', async () => {
    const manifest = JSON.parse(await readFile('deploy/teams/manifest.json', 'utf8')) as {
      bots: Array<{ commandLists: Array<{ scopes: string[]; commands: Array<{ title: string }> }> }>;
    };
    const { send, events } = await startTeamsBot();
    for (const list of manifest.bots[0]!.commandLists) {
      for (const command of list.commands) {
        const scope = list.scopes.includes('personal') ? 'personal' : 'channel';
        const activity = scope === 'personal' ? teamsMessage(command.title) : mentionedMessage(command.title, 'channel');
        await send(activity);
        const event = events.at(-1) as TurnEvent;
        const understood = event.route === 'command' || (event.route === 'faq' && event.faq?.decision === 'answer');
        expect(understood, `${command.title} -> ${JSON.stringify(event)}`).toBe(true);
        await send(teamsMessage('start over', { scope }));
      }
    }
  });
});

describe('the Teams middleware routes the mention', () => {
  it('strips the mention so the FAQ finds the answer', async () => {
    const { send, events } = await startTeamsBot();
    const replies = await send(mentionedMessage('how do I reschedule', 'channel'));
    expect(replies).toHaveLength(1);
    expect(events.at(-1)).toMatchObject({ route: 'faq', faq: { decision: 'answer', entryId: 'change-or-cancel' } });
  });

  it('"@Candidate Assistant help" with the middleware is routed as command', async () => {
    const { send, events } = await startTeamsBot();
    await send(mentionedMessage('help', 'channel'));
    expect(events.at(-1)?.route).toBe('command');
  });

  // Not on the composition: it always installs TeamsIncomingMiddleware, and this case is the bot
  // without it (buildBot on a TestAdapter), to show the middleware is what makes "help" a command.
  it('"@Candidate Assistant help" without the middleware is routed as faq', async () => {
    const events: TurnEvent[] = [];
    const { bot } = buildBot({
      config: testConfig(),
      logger: silentLogger(),
      storage: new MemoryStorage(),
      knowledge: await shippedKnowledge(),
      clock: () => fixedNow,
      events: (event) => events.push(event),
    });
    const adapter = new TestAdapter((context) => bot.run(context));
    await adapter.receiveActivity(mentionedMessage('help', 'channel'));
    expect(events.at(-1)?.route).toBe('faq');
  });
});

describe('a Teams activity over HTTP (real CloudAdapter, reply to the Teams service URL)', () => {
  it('posts the answer back into the channel thread', async () => {
    const { bot } = await startTeamsBot();
    const activity = { ...mentionedMessage('how do I reschedule', 'channel'), id: '1700000000001' } as Partial<Activity>;
    let resolve!: (body: Partial<Activity>) => void;
    const sent = new Promise<Partial<Activity>>((r) => (resolve = r));
    const conversationPath = `/amer/v3/conversations/${encodeURIComponent(activity.conversation!.id)}/activities/`;
    const scope = nock(new URL(TEAMS_SERVICE_URL).origin)
      .post((uri) => uri.startsWith(conversationPath))
      .reply(200, (_uri: string, body: Partial<Activity>) => {
        resolve(body);
        return { id: 'reply-1' };
      });
    const response = await postJson(`${bot.url}/api/messages`, activity);
    expect(response.status).toBe(200);
    const reply = await sent;
    const entry = (await shippedKnowledge()).index.get('change-or-cancel')!;
    expect(reply.text).toContain(howToChange(entry));
    expect(reply.replyToId).toBe('1700000000001');
    expect(scope.isDone()).toBe(true);
  });
});
