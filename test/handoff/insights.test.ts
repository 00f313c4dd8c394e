import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { movableClock, startHandoffServer, StaffClient, WebCandidate, type HandoffServer } from './support.js';

describe('insights for supervisors, from a scripted set of conversations', () => {
  let server: HandoffServer;
  const clock = movableClock();
  let sam: StaffClient;

  beforeAll(async () => {
    server = await startHandoffServer({ clock: clock.now });
    // Thursday March 20, 2025. One candidate asks a question the FAQ answers.
    const answered = await WebCandidate.start(server.url);
    await answered.say('When can I retake a test I failed?');
    // One asks what the bot does not know, then for a person; an agent takes them 4 minutes later.
    const unknown = await WebCandidate.start(server.url);
    await unknown.say('Can I bring my dog to the test center? Email me at pat@example.com');
    await unknown.say('talk to a person');
    // One asks something the FAQ declines (a known gap).
    const declined = await WebCandidate.start(server.url);
    await declined.say('what score do i need to pass');
    clock.advance(4 * 60_000);
    const alex = new StaffClient(server.url);
    await alex.login('agent1');
    const queued = await alex.queuedCase();
    await alex.post(`/staff/api/cases/${queued!.id}/claim`);
    await alex.post(`/staff/api/cases/${queued!.id}/end`);
    sam = new StaffClient(server.url);
    await sam.login('supervisor');
  }, 60_000);
  afterAll(async () => {
    await server.close();
  });

  it('counts conversations, questions by entry, decisions, handoffs by reason and the queue wait exactly, and lists what went unanswered, masked', async () => {
    const response = await sam.get('/staff/api/insights?from=2025-03-20&to=2025-03-20');
    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      from: '2025-03-20',
      to: '2025-03-20',
      conversations: 3,
      questions: 3,
      byEntry: [{ entryId: 'retest-after-failing', count: 1 }],
      decisions: [
        { decision: 'answer', count: 1 },
        { decision: 'out-of-scope', count: 1 },
        { decision: 'unknown', count: 1 },
      ],
      unanswered: [
        { at: '2025-03-20T15:00:00.000Z', decision: 'unknown', text: 'Can I bring my dog to the test center? Email me at [email]', channel: 'directline' },
        { at: '2025-03-20T15:00:00.000Z', decision: 'out-of-scope', text: 'what score do i need to pass', channel: 'directline' },
      ],
      unansweredGroups: [
        { text: 'Can I bring my dog to the test center? Email me at [email]', count: 1, wordings: [{ text: 'Can I bring my dog to the test center? Email me at [email]', count: 1 }], decisions: { unknown: 1 }, lastAt: '2025-03-20T15:00:00.000Z' },
        { text: 'what score do i need to pass', count: 1, wordings: [{ text: 'what score do i need to pass', count: 1 }], decisions: { 'out-of-scope': 1 }, lastAt: '2025-03-20T15:00:00.000Z' },
      ],
      markedOutOfScope: 0,
      poorlyRated: [],
      daily: [{ day: '2025-03-20', conversations: 3, questions: 3, unanswered: 2, handoffs: 1 }],
      handoffs: { count: 1, rate: 0.333, byReason: [{ reason: 'asked', count: 1, rate: 0.333 }] },
      queueWait: { claimed: 1, p50Seconds: 240, p90Seconds: 240 },
      choices: { offered: 0, picked: 0, none: 0, byEntry: [] },
      tasks: [],
      feedback: { up: 0, down: 0, byEntry: [], comments: [] },
      satisfaction: { count: 0, byScore: [0, 0, 0, 0, 0], after: [] },
    });
    // Another period has none of it; the default period is the 7 days to today.
    expect((await sam.get('/staff/api/insights?from=2025-03-21&to=2025-03-27')).json).toMatchObject({ conversations: 0, questions: 0, unanswered: [], queueWait: { claimed: 0 } });
    expect((await sam.get('/staff/api/insights')).json).toMatchObject({ from: '2025-03-14', to: '2025-03-20', conversations: 3 });
    expect((await sam.get('/staff/api/insights?from=2025-01-01&to=2025-12-31')).status).toBe(400);
  });

  it('exports the same figures as CSV, with candidate text that cannot run as a spreadsheet formula', async () => {
    const candidate = await WebCandidate.start(server.url);
    await candidate.say('=HYPERLINK("http://evil.example","click")');
    const response = await fetch(`${server.url}/staff/api/insights.csv?from=2025-03-20&to=2025-03-20`, { headers: { cookie: sam.cookie! } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="insights-2025-03-20-to-2025-03-20.csv"');
    const lines = (await response.text()).trimEnd().split('\r\n');
    expect(lines.slice(0, 12)).toEqual([
      'section,item,count,rate',
      'period,2025-03-20 to 2025-03-20,,',
      'total,conversations,4,',
      'total,questions,4,',
      'entry,retest-after-failing,1,',
      'decision,unknown,2,',
      'decision,answer,1,',
      'decision,out-of-scope,1,',
      'handoff,all,1,0.25',
      'handoff,asked,1,0.25',
      'queue-wait,claimed cases,1,',
      'queue-wait,p50 seconds,240,',
    ]);
    expect(lines).toContain(`unanswered (unknown),"'=HYPERLINK(""http://evil.example"",""click"")",1,`);
    expect(lines).toContain('unanswered (unknown),Can I bring my dog to the test center? Email me at [email],1,');
  });
});

describe('insights on "Did you mean" choices, guided tasks, answer ratings and the satisfaction survey', () => {
  let server: HandoffServer;
  const clock = movableClock();
  let sam: StaffClient;

  beforeAll(async () => {
    server = await startHandoffServer({ clock: clock.now });
    // Thursday March 20, 2025. Three "Did you mean" offers: one picked, one "None of these", one left.
    const picks = await WebCandidate.start(server.url);
    await picks.say('certificate');
    await picks.say('When do I get my certificate?');
    const none = await WebCandidate.start(server.url);
    await none.say('certificate');
    await none.say('None of these');
    const leaves = await WebCandidate.start(server.url);
    await leaves.say('certificate');
    // Two retest tasks: one worked out, one cancelled halfway.
    await leaves.say('I failed A5, when can I retake it?');
    await leaves.say('two weeks ago');
    await picks.say('I failed A8, when can I retake it?');
    await picks.say('cancel');
    // Ratings from the page: two thumbs on one answer and one on another, one with a comment
    // carrying a phone number; two survey answers after a handoff and one after a goodbye.
    await picks.event('webchat/feedback', { vote: 'down', entryId: 'retest-after-failing', comment: 'wrong, call me on 555-123-4567' });
    await none.event('webchat/feedback', { vote: 'up', entryId: 'retest-after-failing' });
    await leaves.event('webchat/feedback', { vote: 'up', entryId: 'certificate-delivery' });
    await picks.event('webchat/satisfaction', { score: 2, after: 'handoff' });
    await none.event('webchat/satisfaction', { score: 5, after: 'handoff' });
    await leaves.event('webchat/satisfaction', { score: 4, after: 'goodbye' });
    // A page cannot slip anything else into the record: a score out of range is not one.
    await leaves.event('webchat/satisfaction', { score: 9, after: 'goodbye' });
    sam = new StaffClient(server.url);
    await sam.login('supervisor');
  }, 60_000);
  afterAll(async () => {
    await server.close();
  });

  it('counts the choices, the tasks started, finished and abandoned, the thumbs by entry with the masked comment, and the survey scores exactly', async () => {
    const report = (await sam.get('/staff/api/insights?from=2025-03-20&to=2025-03-20')).json;
    expect(report.choices).toEqual({ offered: 3, picked: 1, none: 1, byEntry: [{ entryId: 'certificate-delivery', count: 1 }] });
    expect(report.tasks).toEqual([{ task: 'retest', started: 2, finished: 1, abandoned: 1 }]);
    expect(report.feedback).toEqual({
      up: 2,
      down: 1,
      byEntry: [
        { entryId: 'retest-after-failing', up: 1, down: 1 },
        { entryId: 'certificate-delivery', up: 1, down: 0 },
      ],
      comments: [{ at: '2025-03-20T15:00:00.000Z', vote: 'down', entryId: 'retest-after-failing', text: 'wrong, call me on [phone]', channel: 'directline' }],
    });
    expect(report.satisfaction).toEqual({
      count: 3,
      average: 3.67,
      byScore: [0, 1, 0, 1, 1],
      after: [
        { after: 'goodbye', count: 1, average: 4 },
        { after: 'handoff', count: 2, average: 3.5 },
      ],
    });
  });

  it('puts the same figures in the CSV', async () => {
    const response = await fetch(`${server.url}/staff/api/insights.csv?from=2025-03-20&to=2025-03-20`, { headers: { cookie: sam.cookie! } });
    const lines = (await response.text()).trimEnd().split('\r\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'did-you-mean,offered,3,',
        'did-you-mean,none of these,1,0.333',
        'did-you-mean,certificate-delivery,1,0.333',
        'task started,retest,2,',
        'task finished,retest,1,0.5',
        'task abandoned,retest,1,0.5',
        'feedback,up,2,0.667',
        'feedback,down,1,0.333',
        'feedback down,retest-after-failing,1,',
        'satisfaction,answers,3,',
        'satisfaction,average,3.67,',
        'satisfaction score,5,1,0.333',
        'satisfaction after handoff,average,2,3.5',
        'comment (down retest-after-failing),"wrong, call me on [phone]",1,',
      ]),
    );
  });
});

describe("the editor's list of questions to teach: alike questions grouped, and questions marked out of scope", () => {
  let server: HandoffServer;

  beforeAll(async () => {
    server = await startHandoffServer();
    for (const question of [
      'Can I bring my dog to the test center?',
      'can i bring my dog to the testing center',
      'Is my dog allowed at the test center?',
      'Can I BRING my dog to the test center',
      'Is there free wifi for my laptop?',
    ]) {
      const candidate = await WebCandidate.start(server.url);
      await candidate.say(question);
    }
  }, 60_000);
  afterAll(async () => {
    await server.close();
  });

  // A knowledge rebuild (the mark) and two logins: past the default 20 s once on a loaded 2-core CI machine.
  it('groups the wordings of one question (the most asked wording first), and a question marked out of scope leaves the list on every request after, audited', { timeout: 60_000 }, async () => {
    const editor = new StaffClient(server.url);
    await editor.login('editor');
    const before = (await editor.get('/staff/api/insights')).json;
    expect(before.unansweredGroups.map((g: { text: string; count: number }) => [g.text, g.count])).toEqual([
      ['Can I bring my dog to the test center?', 4],
      ['Is there free wifi for my laptop?', 1],
    ]);
    expect(before.unansweredGroups[0].wordings).toEqual([
      { text: 'Can I bring my dog to the test center?', count: 2 },
      { text: 'can i bring my dog to the testing center', count: 1 },
      { text: 'Is my dog allowed at the test center?', count: 1 },
    ]);

    expect((await editor.post('/staff/api/knowledge/out-of-scope', { text: 'Is there free wifi for my laptop?' })).status).toBe(201);
    const after = (await editor.get('/staff/api/insights')).json;
    expect(after.unansweredGroups.map((g: { text: string }) => g.text)).toEqual(['Can I bring my dog to the test center?']);
    expect(after.markedOutOfScope).toBe(1);
    // The full list (and the CSV) still has every question: marking is the editor's triage, not deletion.
    expect(after.unanswered).toHaveLength(5);

    const supervisor = new StaffClient(server.url);
    await supervisor.login('supervisor');
    const audit = (await supervisor.get('/staff/api/audit')).json.entries as Array<{ actor: string; action: string }>;
    expect(audit).toContainEqual(expect.objectContaining({ actor: 'editor', action: 'question-out-of-scope' }));
    // Only editors mark; an empty question is refused with the reason.
    expect((await supervisor.post('/staff/api/knowledge/out-of-scope', { text: 'anything' })).status).toBe(403);
    expect((await editor.post('/staff/api/knowledge/out-of-scope', { text: '' })).status).toBe(400);
  });
});

describe('questions whose answer was rated "No" join the list to teach, grouped like the unanswered ones, their wording masked', () => {
  let server: HandoffServer;

  beforeAll(async () => {
    server = await startHandoffServer();
    // Two candidates ask the retest question in their own words, each with personal data, and rate the answer "No".
    const first = await WebCandidate.start(server.url);
    await first.say('When can I retake a test I failed? mail me at pat@example.com');
    await first.event('webchat/feedback', { vote: 'down', entryId: 'retest-after-failing' });
    const second = await WebCandidate.start(server.url);
    await second.say('when can i retake the test i failed');
    // An "ok" in between: the rating is still about the question that answer answered.
    await second.say('ok');
    await second.event('webchat/feedback', { vote: 'down', entryId: 'retest-after-failing' });
    // A "Yes" is no question to teach; a "No" on an entry this conversation was never answered from has no wording.
    const pleased = await WebCandidate.start(server.url);
    await pleased.say('When will I get my results?');
    await pleased.event('webchat/feedback', { vote: 'up', entryId: 'test-results' });
    await pleased.event('webchat/feedback', { vote: 'down', entryId: 'duplicate-certificate' });
    // And one question the bot could not answer at all.
    const unknown = await WebCandidate.start(server.url);
    await unknown.say('Can I bring my dog to the test center?');
  }, 60_000);
  afterAll(async () => {
    await server.close();
  });

  it('lists each rated question with its entry, and groups the two wordings into one question to teach beside the unanswered one', async () => {
    const editor = new StaffClient(server.url);
    await editor.login('editor');
    const report = (await editor.get('/staff/api/insights')).json;
    expect(report.feedback).toMatchObject({ up: 1, down: 3 });
    expect(report.poorlyRated.map((q: { text: string; entryId: string; decision: string }) => [q.text, q.entryId, q.decision])).toEqual(
      expect.arrayContaining([
        ['When can I retake a test I failed? mail me at [email]', 'retest-after-failing', 'rated-no'],
        ['when can i retake the test i failed', 'retest-after-failing', 'rated-no'],
      ]),
    );
    expect(report.poorlyRated).toHaveLength(2);
    expect(report.unansweredGroups).toEqual([
      expect.objectContaining({ count: 2, decisions: { 'rated-no': 2 }, ratedNo: { 'retest-after-failing': 2 }, wordings: expect.arrayContaining([{ text: 'when can i retake the test i failed', count: 1 }]) }),
      expect.objectContaining({ text: 'Can I bring my dog to the test center?', count: 1, decisions: { 'out-of-scope': 1 } }),
    ]);
    expect(JSON.stringify(report)).not.toContain('pat@example.com');
    const csv = await (await fetch(`${server.url}/staff/api/insights.csv`, { headers: { cookie: editor.cookie! } })).text();
    expect(csv).toContain('rated no (retest-after-failing),when can i retake the test i failed,1,');
  });
});

describe('roles on the console routes: agent, supervisor, editor', () => {
  let server: HandoffServer;
  beforeAll(async () => {
    server = await startHandoffServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('each route serves only its roles (403 otherwise, audited), and an editor never works a case', { timeout: 60_000 }, async () => {
    const candidate = await WebCandidate.start(server.url);
    await candidate.say('talk to someone');
    const as = async (username: string) => {
      const client = new StaffClient(server.url);
      expect((await client.login(username)).status).toBe(200);
      return client;
    };
    const [agent, supervisor, editor] = [await as('agent1'), await as('supervisor'), await as('editor')];
    const caseId = (await supervisor.queuedCase())!.id;
    const routes: Array<[string, (client: StaffClient) => Promise<{ status: number }>, { agent: number; supervisor: number; editor: number }]> = [
      ['GET /staff/api/insights', (c) => c.get('/staff/api/insights'), { agent: 403, supervisor: 200, editor: 200 }],
      ['GET /staff/api/insights.csv', (c) => c.get('/staff/api/insights.csv'), { agent: 403, supervisor: 200, editor: 200 }],
      ['GET /staff/api/knowledge/entries', (c) => c.get('/staff/api/knowledge/entries'), { agent: 403, supervisor: 200, editor: 200 }],
      ['POST /staff/api/knowledge/alternates/check', (c) => c.post('/staff/api/knowledge/alternates/check', { entryId: 'test-results', text: 'where do i see how i did on my ase test' }), { agent: 403, supervisor: 403, editor: 200 }],
      ['POST /staff/api/knowledge/alternates', (c) => c.post('/staff/api/knowledge/alternates', { entryId: 'test-results', text: 'where do i see how i did on my ase test' }), { agent: 403, supervisor: 403, editor: 201 }],
      ['POST /staff/api/knowledge/alternates/undo', (c) => c.post('/staff/api/knowledge/alternates/undo', { entryId: 'test-results', text: 'where do i see how i did on my ase test' }), { agent: 403, supervisor: 403, editor: 200 }],
      ['POST /staff/api/knowledge/out-of-scope', (c) => c.post('/staff/api/knowledge/out-of-scope', { text: 'is there parking' }), { agent: 403, supervisor: 403, editor: 201 }],
      ['POST /staff/api/knowledge/out-of-scope/undo', (c) => c.post('/staff/api/knowledge/out-of-scope/undo', { text: 'is there parking' }), { agent: 403, supervisor: 403, editor: 200 }],
      ['GET /staff/api/history', (c) => c.get('/staff/api/history'), { agent: 200, supervisor: 200, editor: 403 }],
      ['GET /staff/api/canned-replies', (c) => c.get('/staff/api/canned-replies'), { agent: 200, supervisor: 200, editor: 403 }],
      ['POST /staff/api/presence', (c) => c.post('/staff/api/presence', { status: 'available' }), { agent: 200, supervisor: 200, editor: 403 }],
      ['GET /staff/api/cases', (c) => c.get('/staff/api/cases'), { agent: 200, supervisor: 200, editor: 403 }],
      ['GET /staff/api/agents', (c) => c.get('/staff/api/agents'), { agent: 200, supervisor: 200, editor: 403 }],
      ['GET /staff/api/cases/:id', (c) => c.get(`/staff/api/cases/${caseId}`), { agent: 403, supervisor: 200, editor: 403 }],
      ['GET /staff/api/audit', (c) => c.get('/staff/api/audit'), { agent: 403, supervisor: 200, editor: 403 }],
      ['POST /staff/api/cases/:id/claim', (c) => c.post(`/staff/api/cases/${caseId}/claim`), { agent: 409, supervisor: 200, editor: 403 }],
    ];
    for (const [route, call, expected] of routes) {
      // The supervisor first: the agent's claim then meets a case already taken (409), not a role refusal.
      expect({ route, supervisor: (await call(supervisor)).status }).toEqual({ route, supervisor: expected.supervisor });
      expect({ route, agent: (await call(agent)).status }).toEqual({ route, agent: expected.agent });
      expect({ route, editor: (await call(editor)).status }).toEqual({ route, editor: expected.editor });
    }
    // Nobody hands a case to an editor.
    expect((await supervisor.post(`/staff/api/cases/${caseId}/transfer`, { to: 'editor' })).status).toBe(400);
    const refusals = ((await supervisor.get('/staff/api/audit?limit=1000')).json.entries as Array<{ actor: string; action: string; detail?: { route?: string } }>).filter(
      (e) => e.actor === 'editor' && e.action === 'action-refused',
    );
    expect(refusals.map((e) => e.detail?.route)).toEqual(expect.arrayContaining(['GET /staff/api/history', 'POST /staff/api/presence', 'POST /staff/api/cases/' + caseId + '/claim']));
  });
});
