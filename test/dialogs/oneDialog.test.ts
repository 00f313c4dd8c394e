// Dialogs run alone, each in its own DialogTestClient (the botbuilder-testing way): no bot, no route
// table, only the turn's facts and reading that the bot would set, so each repair pattern is seen in
// the dialog that implements it.
import type { Middleware, TurnContext } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTurnFacts, turnFactsKey } from '../../src/conversation/turnFacts.js';
import { readingKey, understand } from '../../src/conversation/understand.js';
import { renderDefault } from '../../src/channels/render.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledgeBase.js';
import { en } from '../../src/messages/en.js';
import type { ConversationDeps } from '../../dialogs/engine.js';
import { OfferDialog } from '../../dialogs/offerDialog.js';
import { TaskDialog } from '../../dialogs/taskDialog.js';
import { retestTask } from '../../dialogs/retestDialog.js';
import { changeTask } from '../../dialogs/changeDialog.js';
import { fixedNow, shippedKnowledge } from '../support/testApp.js';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await shippedKnowledge();
});

const deps = (): ConversationDeps => ({
  policy: kb.policy,
  catalogue: kb.catalogue,
  messages: en,
  language: 'en',
  faq: kb.answerer,
  lookup: (id) => kb.index.get(id),
  render: (reply) => renderDefault(reply),
  account: () => undefined,
  opensTask: () => undefined,
  switchesTo: () => undefined,
  answersFromAccount: () => false,
  taskAccountQuestion: () => undefined,
  handsOver: false,
  findsFacts: (_task, reading) => /\d|ago|yesterday/.test(reading.text),
  twoTasksIn: () => undefined,
  factsFound: (_task, reading) => (/\d|ago|yesterday/.test(reading.text) ? 1 : 0),
  taskHelp: () => undefined,
  carried: () => undefined,
});

/** What the bot does before any dialog runs: the turn's facts and its one reading. */
const understandEachTurn: Middleware = {
  async onTurn(context: TurnContext, next: () => Promise<void>) {
    const facts = makeTurnFacts({ now: fixedNow, zone: 'America/New_York' });
    context.turnState.set(turnFactsKey, facts);
    context.turnState.set(readingKey, understand(context.activity.text ?? '', facts, { decide: (q) => kb.answerer.decide(q), decidePair: (q) => kb.answerer.decidePair(q), namesElsewhere: (q) => kb.answerer.namesElsewhere(q), accountQuestion: () => null }));
    await next();
  },
};

/** Every reply of one turn, joined. */
async function turn(client: DialogTestClient, text: string): Promise<string> {
  const replies: string[] = [];
  let reply = await client.sendActivity(text);
  while (reply) {
    replies.push(String(reply.text ?? ''));
    reply = client.getNextReply();
  }
  return replies.join('\n');
}

describe('a task dialog alone (retest)', () => {
  const start = () => new DialogTestClient('test', new TaskDialog(retestTask, deps()), { text: 'I failed A5, when can I retake it?' }, [understandEachTurn]);

  it('gives the general rule, asks one question, and answers with the exact day', async () => {
    const client = start();
    const first = await turn(client, 'I failed A5, when can I retake it?');
    expect(first).toContain('30 full days');
    expect(first).toContain(en.task.retest.askDate('A5'));
    const answer = await turn(client, 'March 3');
    expect(answer).toContain('on or after Thursday, April 3, 2025');
    expect(client.dialogTurnResult.status).toBe('complete');
  });

  it('help is about the current step, and the question is asked again', async () => {
    const client = start();
    await turn(client, 'I failed A5, when can I retake it?');
    expect(await turn(client, 'help')).toBe(`${en.task.retest.help} ${en.task.wayOut}\n${en.task.retest.askDate('A5')}`);
  });

  it('"say that again" repeats the question', async () => {
    const client = start();
    await turn(client, 'I failed A5, when can I retake it?');
    expect(await turn(client, 'say that again')).toBe(en.task.retest.askDate('A5'));
  });

  it('a FAQ question is answered, then "Back to your question", and the next answer is the answer', async () => {
    const client = start();
    await turn(client, 'I failed A5, when can I retake it?');
    const detour = await turn(client, 'how do I get a duplicate certificate?');
    expect(detour).toContain('$7.50');
    expect(detour).toContain(`${en.task.backToIt} ${en.task.retest.askDate('A5')}`);
    expect(await turn(client, 'two weeks ago')).toContain('on or after');
  });

  it('a correction mid-task changes the test and asks on', async () => {
    const client = start();
    await turn(client, 'I failed A5, when can I retake it?');
    expect(await turn(client, 'no, I meant A4')).toContain(en.task.changed('A4'));
  });

  it('one answer that makes no sense is asked again; two offer a person and end the task', async () => {
    const client = start();
    await turn(client, 'I failed A5, when can I retake it?');
    expect(await turn(client, 'banana')).toContain(en.task.didNotGetIt);
    expect(await turn(client, 'purple')).toContain(en.task.gaveUp);
    expect(client.dialogTurnResult.status).toBe('complete');
  });

  it('"ok" is not a misunderstanding: "Okay." and the question again', async () => {
    const client = start();
    await turn(client, 'I failed A5, when can I retake it?');
    expect(await turn(client, 'ok')).toBe(`${en.task.okayBack} ${en.task.retest.askDate('A5')}`);
    expect(await turn(client, 'cool')).not.toContain(en.task.gaveUp);
  });

  it('cancel ends it and says so', async () => {
    const client = start();
    await turn(client, 'I failed A5, when can I retake it?');
    expect(await turn(client, 'cancel')).toBe(en.cancelled);
    expect(client.dialogTurnResult.status).toBe('cancelled');
  });
});

describe('a task dialog alone (reschedule), with the date given over two turns', () => {
  it('"March 2026" then "the 12th" is March 12, 2026', async () => {
    const client = new DialogTestClient('test', new TaskDialog(changeTask, deps()), { text: 'can I move my exam?' }, [understandEachTurn]);
    await turn(client, 'can I move my exam?');
    await turn(client, 'March 2026');
    expect(await turn(client, 'the 12th')).toContain('Thursday, March 12, 2026');
  });
});

describe('the offer dialog alone', () => {
  it('a reply that is not a pick and not the offered fact is handed back', async () => {
    const client = new DialogTestClient('test', new OfferDialog(deps()), { entries: ['certificate-delivery'] }, [understandEachTurn]);
    await client.sendActivity('first');
    await client.sendActivity('what is the weather like');
    expect(client.dialogTurnResult.status).toBe('complete');
    expect(client.dialogTurnResult.result).toEqual({ reroute: true });
  });
});
