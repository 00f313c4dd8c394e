import { afterEach, describe, expect, it } from 'vitest';
import { esHandoff } from '../../src/messages/esHandoff.js';
import { enHandoff } from '../../src/messages/enHandoff.js';
import { movableClock, startHandoffServer, StaffClient, WebCandidate, type HandoffServer } from './support.js';
import { englishSentencesIn } from '../support/englishSentences.js';

/**
 * Handing a Spanish conversation to staff, through the same wiring as `npm start` with the demo
 * staff: agent1 (Alex) speaks English, agent2 (Blair) English and Spanish.
 */
describe('a Spanish conversation handed to staff', () => {
  let server: HandoffServer;

  afterEach(async () => {
    await server.close();
  });

  const spanishCandidate = async () => {
    const candidate = await WebCandidate.start(server.url);
    await candidate.say('hola, ¿cuándo recibo mis resultados?');
    return candidate;
  };

  const available = async (username: string) => {
    const agent = new StaffClient(server.url);
    await agent.login(username);
    expect((await agent.post('/staff/api/presence', { status: 'available' })).status).toBe(200);
    return agent;
  };

  it('only Alex (English) is on shift: the candidate is told in Spanish, with the phone number, and Alex can still take the case', async () => {
    server = await startHandoffServer();
    const alex = await available('agent1');
    const candidate = await spanishCandidate();

    const [said] = await candidate.say('quiero hablar con una persona');
    expect(said).toBe(`${esHandoff.queued(1, 5)} ${esHandoff.noSpeakerOnShift}`);
    expect(said).toContain('1-800-390-6789');

    // The case says the conversation is in Spanish; Alex claims it, and the candidate hears it in Spanish.
    const queued = await alex.queuedCase();
    expect(queued).toMatchObject({ language: 'es', status: 'queued' });
    expect((await alex.post(`/staff/api/cases/${queued.id}/claim`)).status).toBe(200);
    expect(await candidate.waitFor(/Ahora está hablando con/)).toBe(esHandoff.joined('Alex'));
    await alex.post(`/staff/api/cases/${queued.id}/end`);
    expect(await candidate.waitFor(/ha terminado el chat/)).toBe(esHandoff.ended('Alex'));
  });

  it('outside support hours, the candidate is told in Spanish when staff will reply, the day and time written in Spanish', async () => {
    // Support is staffed weekdays 8 AM to 8 PM in New York; it is Saturday, March 22, 2025, 10:00 AM there.
    const clock = movableClock();
    clock.set(new Date('2025-03-22T14:00:00Z'));
    server = await startHandoffServer({ clock: clock.now, env: { SUPPORT_HOURS: 'Mon-Fri 08:00-20:00', SUPPORT_TIMEZONE: 'America/New_York' } });
    const candidate = await spanishCandidate();

    const said = await candidate.say('quiero hablar con una persona');
    expect(said).toEqual([esHandoff.afterHours('lunes, 24 de marzo a las 8:00 a. m. EDT')]);
    expect(englishSentencesIn(said.map((text) => ({ channel: 'web', text })))).toEqual([]);
  });

  it('Blair (English and Spanish) is on shift: the candidate hears only the place in line', async () => {
    server = await startHandoffServer();
    await available('agent1');
    await available('agent2');
    const candidate = await spanishCandidate();

    expect(await candidate.say('quiero hablar con una persona')).toEqual([esHandoff.queued(1, 5)]);
  });

  it('the case shows the question asked before "quiero hablar con una persona", not the request itself', async () => {
    server = await startHandoffServer();
    const agent = await available('agent2');
    const candidate = await spanishCandidate();
    await candidate.say('quiero hablar con una persona');
    const queued = await agent.queuedCase();
    expect(queued?.summary).toMatchObject({ question: 'hola, ¿cuándo recibo mis resultados?' });
  });

  it('an English candidate with only Alex on shift hears nothing about languages', async () => {
    server = await startHandoffServer();
    await available('agent1');
    const candidate = await WebCandidate.start(server.url);

    expect(await candidate.say('talk to a person')).toEqual([enHandoff.queued(1, 5)]);
    expect((await new StaffClient(server.url).login('agent1')).status).toBe(200);
  });

  it('staff filter the queue by language; an unknown language is refused with a clear answer', async () => {
    server = await startHandoffServer();
    const blair = await available('agent2');
    await (await WebCandidate.start(server.url)).say('talk to a person');
    await (await spanishCandidate()).say('hablar con una persona');

    const all = (await blair.get('/staff/api/cases')).json.queued as Array<{ language?: string }>;
    expect(all.map((c) => c.language)).toEqual(['en', 'es']);
    const spanish = (await blair.get('/staff/api/cases?language=es')).json.queued as Array<{ language?: string; position: number }>;
    expect(spanish).toEqual([expect.objectContaining({ language: 'es', position: 2 })]);
    expect((await blair.get('/staff/api/cases?language=en')).json.queued).toHaveLength(1);

    const refused = await blair.get('/staff/api/cases?language=fr');
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.json)).toMatch(/language/);
  });

  it('the staff list shows the languages each member of staff speaks', async () => {
    server = await startHandoffServer();
    const blair = await available('agent2');
    const agents = (await blair.get('/staff/api/agents')).json.agents as Array<{ username: string; languages: string[] }>;
    expect(Object.fromEntries(agents.map((agent) => [agent.username, agent.languages]))).toMatchObject({ agent1: ['en'], agent2: ['en', 'es'] });
  });
});
