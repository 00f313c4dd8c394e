import { beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { FacetChooser, testsNamed } from '../../src/knowledge/facetChooser.js';
import { FaqIndex } from '../../src/knowledge/faqIndex.js';
import { shortAnswer, withFacet, withoutRestatements, type FaqEntry } from '../../src/knowledge/faqEntry.js';
import type { FaqAnswerer } from '../../src/knowledge/faqAnswerer.js';
import { loadKnowledgeBase } from '../../src/knowledge/knowledgeBase.js';
import { checkCollection, KnowledgeError, loadFaq, parseFaqFile } from '../../src/knowledge/loadFaq.js';

const file = 'knowledge/faq/the-thing.md';
const facet = { id: 'how-long', lead: 'You have 90 days to do the thing.', alternates: ['how long do i have', 'is there a deadline', 'when does it run out'] };

function faqText(overrides: Record<string, unknown> = {}, body = 'No: the thing is not for life. You renew it in myASE.\n\nMore detail here.'): string {
  const front = {
    id: 'the-thing',
    lang: 'en',
    question: 'Is the thing for life?',
    button: 'Is the thing for life?',
    alternates: ['one way', 'two ways', 'three ways', 'four ways', 'five ways', 'six ways', 'seven ways', 'eight ways'],
    tags: ['thing'],
    source: { title: 'ASE Frequently Asked Questions', date: '2022-09-20' },
    offer: { task: 'thing-task', text: 'Tell me when you got it and I will work it out.' },
    ...overrides,
  };
  return `---\n${stringify(front)}---\n${body}\n`;
}

function refusal(text: string): string {
  try {
    parseFaqFile(file, text);
  } catch (error) {
    expect(error).toBeInstanceOf(KnowledgeError);
    return (error as Error).message;
  }
  throw new Error('expected the file to be refused');
}

describe('facets in an entry file', () => {
  it('reads facets with their lead and alternates; the offer is kept unless a facet says otherwise', () => {
    const entry = parseFaqFile(file, faqText({ facets: [facet] }));
    expect(entry.facets).toEqual([{ ...facet, offer: true }]);
  });

  it.each([
    ['two facets with the same id', { facets: [facet, { ...facet, alternates: ['a b c', 'd e f', 'g h i'] }] }, /facets\.1\.id: duplicate facet id "how-long"/],
    ['an empty lead', { facets: [{ ...facet, lead: '   ' }] }, /facets\.0\.lead:/],
    ['fewer than 3 alternates', { facets: [{ ...facet, alternates: ['how long'] }] }, /facets\.0\.alternates: needs at least 3/],
    ['a test that is not a test code', { facets: [{ ...facet, tests: { except: ['truck'] } }] }, /facets\.0\.tests/],
    ['a field the schema does not know', { facets: [{ ...facet, answer: 'x' }] }, /facets\.0/],
    ['paragraphs past the answer\'s last one', { facets: [{ ...facet, paragraphs: [3] }] }, /facets\.how-long\.paragraphs: 3 is past the answer's last paragraph \(2\)/],
  ])('refuses %s, naming the file and the field', (_problem, overrides, field) => {
    const message = refusal(faqText(overrides));
    expect(message).toContain(file);
    expect(message).toMatch(field);
  });

  it('refuses a phrasing listed both in the entry and in a facet', () => {
    const entry = parseFaqFile(file, faqText({ facets: [{ ...facet, alternates: ['one way', 'b c d', 'e f g'] }] }));
    expect(() => checkCollection([entry])).toThrow(/the-thing\.md: alternates: "one way" is listed twice/);
  });
});

describe('withFacet: the answer for one facet', () => {
  const entry = parseFaqFile(file, faqText({ facets: [facet, { ...facet, id: 'no-offer', offer: false, alternates: ['x y z', 'y z w', 'z w v'] }] }));

  it("starts with the facet's lead, then the body without the entry's own first sentence", () => {
    const answered = withFacet(entry, entry.facets![0]!);
    expect(answered.answer).toBe('You have 90 days to do the thing.\n\nYou renew it in myASE.\n\nMore detail here.');
    expect(shortAnswer(answered)).toBe('You have 90 days to do the thing.');
    expect(answered.answer).not.toContain('No:');
    expect(answered).toMatchObject({ id: 'the-thing', facet: 'how-long', offer: entry.offer });
  });

  it('keeps only the paragraphs a facet lists after its lead, when the others answer other questions', () => {
    const body = 'No: the thing is not for life.\n\nArriving late counts as missing it.\n\nYou have 90 days to schedule.';
    const focused = parseFaqFile(file, faqText({ facets: [{ ...facet, paragraphs: [3] }] }, body));
    expect(withFacet(focused, focused.facets![0]!).answer).toBe('You have 90 days to do the thing.\n\nYou have 90 days to schedule.');
  });

  it("drops the entry's offer for a facet with offer: false", () => {
    expect(withFacet(entry, entry.facets![1]!).offer).toBeUndefined();
  });

  it('drops a first paragraph that was only the first sentence', () => {
    const short = parseFaqFile(file, faqText({ facets: [facet] }, 'No: the thing is not for life.\n\nYou renew it in myASE.'));
    expect(withFacet(short, short.facets![0]!).answer).toBe('You have 90 days to do the thing.\n\nYou renew it in myASE.');
  });
});

describe('FacetChooser: a facet decided by the test named', () => {
  const entry = parseFaqFile(
    file,
    faqText({
      facets: [
        { id: 'listed', lead: 'Yes: that test is listed.', tests: { only: ['A1', 'G1'] }, alternates: ['p q r', 'q r s', 'r s t'] },
        { id: 'unlisted', lead: 'Only A1 and G1 are listed.', tests: { except: ['A1', 'G1'] }, alternates: ['s t u', 't u v', 'u v w'] },
      ],
    }),
  );
  const chooser = new FacetChooser([entry]);

  it.each([
    ['is the A1 listed', 'listed'],
    ['A1 and g-1, both listed?', 'listed'],
    ['what about T4', 'unlisted'],
    ['A1 and T4?', 'unlisted'],
    ['is the thing for life', undefined],
  ])('"%s" gets %s', (question, expected) => {
    expect(chooser.choose(entry, question)?.id).toBe(expected);
  });
});

describe('FacetChooser: phrasings a facet is only asked as (askedAs)', () => {
  const deadline = { id: 'deadline', lead: 'You have 90 days to do the thing.', alternates: ['a b c', 'd e f', 'g h i'] };
  const bare = parseFaqFile(file, faqText({ facets: [deadline] }));
  const asked = parseFaqFile(file, faqText({ facets: [{ ...deadline, askedAs: ['when does my renewal window close'] }] }));

  it('choose the facet once the entry is known', () => {
    const question = 'when does the renewal window close';
    expect(new FacetChooser([bare]).choose(bare, question)).toBeUndefined();
    expect(new FacetChooser([asked]).choose(asked, question)?.id).toBe('deadline');
  });

  it('are not indexed: which entry answers, and how well, is as without them', () => {
    const scores = (entry: FaqEntry) => new FaqIndex([entry]).query('when does the renewal window close', 1).map((hit) => [hit.score, hit.coverage]);
    expect(scores(bare)).toHaveLength(1);
    expect(scores(asked)).toEqual(scores(bare));
  });
});

describe('testsNamed', () => {
  it('reads test codes as candidates write them', () => {
    expect(testsNamed('is the t-2 or A5 in spanish, or t2 again?')).toEqual(['T2', 'A5']);
    expect(testsNamed('a 2 year program')).toEqual([]);
  });
});

describe('the shipped facets', () => {
  let entries: FaqEntry[];
  let chooser: FacetChooser;
  let answerer: FaqAnswerer;
  const byId = (id: string): FaqEntry => entries.find((entry) => entry.id === id)!;

  beforeAll(async () => {
    entries = await loadFaq('knowledge');
    chooser = new FacetChooser(entries);
    ({ answerer } = await loadKnowledgeBase('knowledge'));
  });

  it('give Master Technician, Spanish tests, registration and certificates a facet each at least', () => {
    for (const id of ['master-technician-status', 'bilingual-tests', 'registration-scheduling', 'certificate-delivery']) {
      expect(byId(id).facets?.length, id).toBeGreaterThanOrEqual(1);
    }
  });

  it('each lead is one short line (under 250 characters) that ends a sentence', () => {
    for (const entry of entries) {
      for (const { id, lead } of entry.facets ?? []) {
        expect(lead.length, `${entry.id}#${id}`).toBeLessThan(250);
        expect(lead, `${entry.id}#${id}`).not.toMatch(/\n/);
        expect(lead, `${entry.id}#${id}`).toMatch(/[.!?]$/);
      }
    }
  });

  const facts: Array<[entry: string, facet: string, mustContain: string]> = [
    ['master-technician-status', 'what-it-takes', 'A1 through A8'],
    ['master-technician-status', 'what-it-takes', 'T2 through T8'],
    ['bilingual-tests', 'other-test', 'A1 through A8'],
    ['bilingual-tests', 'other-test', '(G1)'],
    ['registration-scheduling', '90-day-window', '90 days from the purchase date'],
    ['registration-scheduling', 'fees', 'registration fee per order'],
    ['certificate-delivery', 'not-arrived', 'three weeks'],
    ['certificate-delivery', 'not-arrived', 'work experience is reviewed and approved'],
  ];

  it.each(facts)('the %s#%s lead states "%s" as the source FAQ does', (id, facetId, fact) => {
    expect(byId(id).facets?.find((f) => f.id === facetId)?.lead).toContain(fact);
  });

  it.each([
    ['how many tests do I need for master', 'master-technician-status', 'what-it-takes'],
    ['do I keep master status when one of my certs lapses?', 'master-technician-status', undefined],
    ['is the T2 available in Spanish?', 'bilingual-tests', 'other-test'],
    ['is the A5 available in Spanish?', 'bilingual-tests', undefined],
    ['how long is a test good for once I pay for it?', 'registration-scheduling', '90-day-window'],
    ['passed 5 weeks ago and still no certificate, why?', 'certificate-delivery', 'not-arrived'],
    ['when will my certificate come?', 'certificate-delivery', undefined],
  ])('"%s" is answered from %s with facet %s', (question, id, facetId) => {
    expect(chooser.choose(byId(id), question)?.id).toBe(facetId);
    const decision = answerer.decide(question);
    expect(decision.kind).toBe('answer');
    if (decision.kind === 'answer') expect([decision.entry.id, decision.entry.facet]).toEqual([id, facetId]);
  });

  it("answers the entry's own question as written, whatever its facets (a tapped button)", () => {
    const entry = byId('master-technician-status');
    const decision = answerer.decide(entry.question);
    expect(decision.kind === 'answer' && decision.entry.answer).toBe(entry.answer);
  });
});

describe('withoutRestatements: the lead said once', () => {
  it('drops a later sentence that only says the first sentence again, and keeps the rest of its paragraph', () => {
    const answer = 'Yes: you may take Recertification Tests even after your credentials have expired.\n\nThey are valid for five years.\n\nYou may take Recertification Tests even if your credentials have expired. You may recertify any of them.';
    expect(withoutRestatements(answer)).toBe('Yes: you may take Recertification Tests even after your credentials have expired.\n\nThey are valid for five years.\n\nYou may recertify any of them.');
  });

  it('drops a list item that repeats the lead and keeps the short line that introduces the list', () => {
    const answer = 'To work out what to study, review the task list in the Study Guide for your test.\n\nTo work out what to study:\n- Become familiar with the format of the questions.\n- Review the task list in the Study Guide for your test.';
    expect(withoutRestatements(answer)).toBe('To work out what to study, review the task list in the Study Guide for your test.\n\nTo work out what to study:\n- Become familiar with the format of the questions.');
  });

  it('leaves an answer whose sentences each add something as it is', async () => {
    const answer = 'Order a duplicate certificate in myASE; it costs $7.50 per test series.\n\nThe $7.50 fee for duplicate credentials is charged per test series (i.e., Automobile, Medium/Heavy Truck, Parts Specialist, etc.).';
    expect(withoutRestatements(answer)).toBe(answer);
  });

  it('drops a later sentence that says an earlier one again, both ways near-identical, and keeps one that names another thing', () => {
    const answer = 'You buy tests in myASE.\n\nAfter you have bought a test, you have 90 days from the purchase date to take it.\n\nOnce you have bought a test, you have 90 days from the original purchase date to take it.';
    expect(withoutRestatements(answer)).toBe('You buy tests in myASE.\n\nAfter you have bought a test, you have 90 days from the purchase date to take it.');
    const booklets = 'L1 needs its booklet.\n\nYou can download and review the booklets from the ASE website before these tests; a clean copy is given at the center. You can download and review it from the ASE website before the test.';
    expect(withoutRestatements(booklets)).toBe(booklets);
  });

  it('reads a caveat put first as a second lead: the answer does not say it again', () => {
    const answer = 'You buy tests in myASE.\n\nPlease do not schedule an appointment until ASE has approved your request.';
    expect(withoutRestatements(answer, 'If you asked for accommodations, wait: please do not schedule an appointment until ASE has approved your request.')).toBe(
      'If you asked for accommodations, wait: please do not schedule an appointment until ASE has approved your request. You buy tests in myASE.',
    );
  });

  it('leaves no shipped answer, for any facet, saying its first sentence twice', async () => {
    const { index } = await loadKnowledgeBase('knowledge');
    for (const entry of index.entries) {
      for (const shaped of [entry, ...(entry.facets ?? []).map((f) => withFacet(entry, f))]) {
        const text = withoutRestatements(shaped.answer);
        const lead = shortAnswer({ ...shaped, answer: text }).split(/(?<=[.!?])\s/)[0]!;
        expect(text.indexOf(lead, lead.length), `${entry.id} ${shaped.facet ?? ''}`).toBe(-1);
      }
    }
  });
});


describe('Spanish facets', () => {
  let es: FaqAnswerer;
  beforeAll(async () => {
    es = (await loadKnowledgeBase('knowledge')).es!.answerer;
  });

  // Articles and prepositions say nothing about which question was asked (an entry's long list of its
  // own phrasings holds more of them than a facet's few); a facet's questions are listed under it,
  // not among the entry's own ("cómo recupero mi master" is the reinstate facet's).
  it.each([
    ['se me vencio el A1 y me quitaron el master, q hago pa recuperarlo', 'master-technician-status', 'reinstate'],
    ['llegue tarde al centro y ya no me dejaron pasar', 'missed-appointment', 'late-arrival'],
    ['falte a mi cita, cuando lo puedo volver a comprar', 'missed-appointment', 'rebuy-after-no-show'],
    ['cuantos años de experiencia me piden', 'work-experience', 'how-much'],
  ])('"%s" is answered from %s with facet %s', (question, id, facetId) => {
    const decision = es.decide(question);
    expect(decision.kind === 'answer' && [decision.entry.id, decision.entry.facet]).toEqual([id, facetId]);
  });
});
