import { afterEach, describe, expect, it } from 'vitest';
import { movableClock, startHandoffServer, StaffClient, WebCandidate, type HandoffServer } from './support.js';

describe('when the bot hands over, staff get a useful, private summary', () => {
  let server: HandoffServer;
  const clock = movableClock();

  afterEach(async () => {
    await server?.close();
  });

  const staffView = async (url: string) => {
    const agent = new StaffClient(url);
    await agent.login('agent1');
    const queued = await agent.queuedCase();
    await agent.claim(queued!.id);
    const opened = await agent.get(`/staff/api/cases/${queued!.id}`);
    return { agent, queued: queued!, case: opened.json.case, transcript: opened.json.transcript.map((l: { from: string; text: string }) => `${l.from}: ${l.text}`) as string[] };
  };

  it('a task answered twice with nonsense offers a person (not the phone); "1" hands over, naming the task', async () => {
    server = await startHandoffServer({ clock: clock.now });
    const candidate = await WebCandidate.start(server.url);
    expect((await candidate.say('I failed A5, when can I retake it?')).join(' ')).toMatch(/wait 30 full days/);
    await candidate.say('banana');
    const gaveUp = (await candidate.say('purple')).join(' ');
    expect(gaveUp).toMatch(/Talk to a person/);
    expect(gaveUp).not.toMatch(/in line/);
    expect(gaveUp).not.toMatch(/1-800-390-6789/);
    expect((await candidate.say('1')).join(' ')).toMatch(/in line/);
    const { case: opened } = await staffView(server.url);
    expect(opened).toMatchObject({ reason: 'misunderstood', summary: { dialog: 'retest' } });
  });

  it('after a finished task, the summary carries what the rules worked out', async () => {
    server = await startHandoffServer({ clock: clock.now });
    const candidate = await WebCandidate.start(server.url);
    expect((await candidate.say('I failed A5 on March 3, 2025. When can I retake it?')).join(' ')).toMatch(/April 3, 2025/);
    await candidate.say('talk to a person');
    const { case: opened } = await staffView(server.url);
    expect(opened.summary.dialog).toBe('retest');
    expect(opened.summary.facts[0].value).toMatch(/April 3, 2025/);
  });

  it('a signed-in candidate shows as verified, and their sign-in details never reach staff', async () => {
    server = await startHandoffServer({ clock: clock.now, accounts: true });
    const candidate = await WebCandidate.start(server.url);
    await candidate.say('sign in');
    expect((await candidate.say('DEMO-0001 1980-01-01 0001')).join(' ')).toMatch(/signed in|verified|thanks/i);
    await candidate.say('my email is pat@example.com');
    await candidate.say('talk to a person');
    const { case: opened, transcript } = await staffView(server.url);
    expect(opened.summary.verified).toBe(true);
    const all = JSON.stringify({ opened, transcript });
    for (const secret of ['DEMO-0001', '1980-01-01', '0001', 'pat@example.com']) expect(all).not.toContain(secret);
    expect(transcript).toContain('candidate: [sign-in details]');
    expect(transcript).toContain('candidate: my email is [email]');
  });

  it('"agent please" at the start of a longer message hands over, and a card number in it reaches staff masked', async () => {
    server = await startHandoffServer({ clock: clock.now });
    const candidate = await WebCandidate.start(server.url);
    expect((await candidate.say('agent please, my card ending 4111 1111 1111 1111 was charged twice')).join(' ')).toMatch(/in line/);
    const { case: opened, transcript } = await staffView(server.url);
    expect(JSON.stringify({ opened, transcript })).not.toContain('4111');
    expect(transcript).toContain('candidate: agent please, my card ending [card] was charged twice');
  });

  it('a store that fails at the moment of handoff leaves the candidate with the phone number, not an error', async () => {
    server = await startHandoffServer({ clock: clock.now });
    const candidate = await WebCandidate.start(server.url);
    await candidate.say('hello');
    const original = server.storage.write.bind(server.storage);
    const { StorageUnavailableError } = await import('../../src/storage/storageErrors.js');
    server.storage.write = async (changes) => {
      if (Object.keys(changes).some((key) => key.startsWith('handoff/'))) throw new StorageUnavailableError('write', undefined, new Error('down'));
      return original(changes);
    };
    expect((await candidate.say('talk to a person')).join(' ')).toMatch(/1-800-390-6789/);
    server.storage.write = original;
    // And the next ask works.
    expect((await candidate.say('talk to a person')).join(' ')).toMatch(/in line/);
  });
});
