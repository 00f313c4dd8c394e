import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHandoffServer, StaffClient, WebCandidate, type HandoffServer } from './support.js';

/** What the queue and the canned replies' {topic} say a case is about. */
describe('the topic of a case handed to staff', () => {
  let server: HandoffServer;
  let alex: StaffClient;

  beforeAll(async () => {
    server = await startHandoffServer();
    alex = new StaffClient(server.url);
    await alex.login('agent1');
  });
  afterAll(async () => {
    await server.close();
  });

  /** The candidate says each line, then the case they opened, as the queue lists it. */
  async function caseAfter(...lines: string[]) {
    const candidate = await WebCandidate.start(server.url);
    for (const line of lines) await candidate.say(line);
    const { json } = await alex.get('/staff/api/cases');
    const mine = (json.queued as Array<{ id: string; topic: string; summary: { question?: string; subject?: string } }>).at(-1)!;
    await alex.post(`/staff/api/cases/${mine.id}/claim`);
    await alex.post(`/staff/api/cases/${mine.id}/close`);
    return mine;
  }

  it('is the short name of what the bot was helping with, never the message that asked for a person', async () => {
    const retest = await caseAfter('I failed A5 on 11/20, when can I retest?', 'talk to a person');
    expect(retest.topic).toBe('Retaking a failed test');
    expect(retest.summary.subject).toBe('Retaking a failed test');
    expect(retest.summary.question).toBe('I failed A5 on 11/20, when can I retest?');
  });

  it('in Spanish, is the same name for the queue and its Spanish twin for the canned greeting (never the raw message)', async () => {
    const spanish = await caseAfter('reprobe el A8 el 3 de noviembre, cuando lo puedo volver a hacer', 'hablar con alguien');
    expect(spanish.topic).toBe('Retaking a failed test');
    expect(spanish.summary.subject).toBe('Repetir un examen reprobado');
  });

  it('after a late arrival, "can I retake it?" leaves the case about the missed appointment; a failed test said since makes it a retest', async () => {
    const late = await caseAfter('I got there late', 'can I retake it right away?', 'talk to a person');
    expect(late.topic).toBe('Missed or unscheduled appointment');
    const failed = await caseAfter('I got there late', 'I also failed A5 on 11/20, can I retake it?', 'talk to a person');
    expect(failed.topic).toBe('Retaking a failed test');
  });

  it('skips commands, keywords and complaints said after the question ("MORE", "no entiendo")', async () => {
    const more = await caseAfter('how do I get a duplicate certificate', 'MORE', 'MORE', 'talk to a person');
    expect(more.topic).toBe('Duplicate certificate');
    expect(more.summary.question).toBe('how do I get a duplicate certificate');
    const lost = await caseAfter('reprobe el A8 hace dos semanas cuando puedo volver a tomarlo', 'MAS', 'no entiendo', 'hablar con alguien');
    expect(lost.topic).toBe('Retaking a failed test');
    expect(lost.summary.question).toBe('reprobe el A8 hace dos semanas cuando puedo volver a tomarlo');
  });

  it('is the last real question (masked) when the bot had no answer for it, and the reason when nothing was asked', async () => {
    const unknown = await caseAfter('my boss at jim@example.com says the shop owes a late fee', 'no entiendo', 'talk to a person');
    expect(unknown.topic).toBe('my boss at [email] says the shop owes a late fee');
    expect(unknown.summary.subject).toBeUndefined();
    const bare = await caseAfter('talk to a person');
    expect(bare.topic).toBe('Asked for a person');
  });

  it('opened by a bare "talk to a person", follows the question typed while queued (an "ok" asks nothing)', async () => {
    const later = await caseAfter('talk to a person', 'ok', 'I failed A5 on 11/20, when can I retest?', 'also my certificate never came');
    expect(later.topic).toBe('Retaking a failed test');
    expect(later.summary.subject).toBe('Retaking a failed test');
    expect(later.summary.question).toBe('I failed A5 on 11/20, when can I retest?');
    const unplaced = await caseAfter('talk to a person', 'my boss at jim@example.com says the shop owes a late fee');
    expect(unplaced.topic).toBe('my boss at [email] says the shop owes a late fee');
    expect(unplaced.summary.question).toBe('my boss at [email] says the shop owes a late fee');
  });

  it('in Spanish, follows the question typed while queued: the English name for the queue, the Spanish one for the greeting', async () => {
    const later = await caseAfter('hablar con alguien', 'reprobe el A8 hace dos semanas cuando puedo volver a tomarlo');
    expect(later.topic).toBe('Retaking a failed test');
    expect(later.summary.subject).toBe('Repetir un examen reprobado');
  });
});
