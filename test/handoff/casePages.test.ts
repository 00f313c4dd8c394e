import { afterEach, describe, expect, it } from 'vitest';
import { startHandoffServer, StaffClient, WebCandidate, type HandoffServer } from './support.js';

interface Listed {
  queued: Array<{ id: string; position: number; language?: string }>;
  mine: Array<{ id: string }>;
  others: Array<{ id: string }>;
  waiting: number;
  waitingInLanguage?: number;
  offset: number;
  limit: number;
  more: number;
  nextOffset?: number;
}

/**
 * Staff's case list is a page of the queue (as a queue console pages it), through the same wiring as
 * `npm start`: the first cases in line, how many wait, and every case with an agent.
 */
describe("staff's case list, a page at a time", () => {
  let server: HandoffServer;

  afterEach(async () => {
    await server.close();
  });

  const handOff = async (count: number, words = 'talk to a person') => {
    for (let i = 0; i < count; i++) await (await WebCandidate.start(server.url)).say(words);
  };
  const list = async (staff: StaffClient, query = '') => {
    const response = await staff.get(`/staff/api/cases${query}`);
    expect(response.status).toBe(200);
    return response.json as Listed;
  };

  it('gives the first cases in line with how many wait, the next page from nextOffset, and the cases with agents on every page', async () => {
    server = await startHandoffServer();
    const alex = new StaffClient(server.url);
    await alex.login('agent1');
    const supervisor = new StaffClient(server.url);
    await supervisor.login('supervisor');
    await handOff(5);
    const first = (await list(alex)).queued[0]!;
    expect((await alex.post(`/staff/api/cases/${first.id}/claim`, {})).status).toBe(200);

    const page = await list(alex, '?limit=2');
    expect(page).toMatchObject({ waiting: 4, offset: 0, limit: 2, more: 2, nextOffset: 2 });
    expect(page.queued.map((c) => c.position)).toEqual([1, 2]);
    expect(page.mine.map((c) => c.id)).toEqual([first.id]);
    const next = await list(alex, `?limit=2&offset=${page.nextOffset}`);
    expect(next).toMatchObject({ waiting: 4, offset: 2, more: 0 });
    expect(next.nextOffset).toBeUndefined();
    expect(next.queued.map((c) => c.position)).toEqual([3, 4]);
    expect(next.mine.map((c) => c.id)).toEqual([first.id]);
    // Paged through, the line is the whole line once, in order.
    const whole = (await list(alex, '?limit=200')).queued.map((c) => c.id);
    expect([...page.queued, ...next.queued].map((c) => c.id)).toEqual(whole);
    expect(new Set(whole).size).toBe(4);
    // A supervisor sees Alex's case among the others on every page.
    expect((await list(supervisor, '?limit=1&offset=3')).others.map((c) => c.id)).toEqual([first.id]);
  });

  it('gives 50 queued cases unless asked otherwise, and says how many more wait', async () => {
    server = await startHandoffServer();
    await handOff(53);
    const alex = new StaffClient(server.url);
    await alex.login('agent1');
    const page = await list(alex);
    expect(page.queued).toHaveLength(50);
    expect(page).toMatchObject({ waiting: 53, limit: 50, more: 3, nextOffset: 50 });
  });

  it('pages one language and counts it, each case keeping its place in the whole queue', async () => {
    server = await startHandoffServer();
    await handOff(1);
    await handOff(2, 'hablar con una persona');
    const blair = new StaffClient(server.url);
    await blair.login('agent2');
    const spanish = await list(blair, '?language=es&limit=1');
    expect(spanish).toMatchObject({ waiting: 3, waitingInLanguage: 2, more: 1, nextOffset: 1 });
    expect(spanish.queued).toEqual([expect.objectContaining({ language: 'es', position: 2 })]);
    expect((await list(blair, '?language=es&limit=1&offset=1')).queued).toEqual([expect.objectContaining({ language: 'es', position: 3 })]);
    expect(await list(blair, '?language=en')).toMatchObject({ waitingInLanguage: 1, more: 0 });
  });

  it('refuses a page it cannot give, naming the parameter', async () => {
    server = await startHandoffServer();
    const alex = new StaffClient(server.url);
    await alex.login('agent1');
    for (const [query, named] of [
      ['?limit=0', 'limit'],
      ['?limit=201', 'limit'],
      ['?limit=ten', 'limit'],
      ['?offset=-1', 'offset'],
      ['?after=abc', 'after'],
    ] as const) {
      const refused = await alex.get(`/staff/api/cases${query}`);
      expect(refused.status, query).toBe(400);
      expect(JSON.stringify(refused.json), query).toContain(named);
    }
  });
});
