import { describe, expect, it } from 'vitest';
import { loadFaq } from '../../src/knowledge/loadFaq.js';
import { checkTwins, factsOf } from '../../src/knowledge/twinCheck.js';
import type { FaqEntry } from '../../src/knowledge/faqEntry.js';

const load = async () => ({ en: await loadFaq('knowledge'), es: await loadFaq('knowledge', 'es') });
const withAnswer = (entry: FaqEntry, answer: string): FaqEntry => ({ ...entry, answer });

describe('Spanish twins (kb:check)', () => {
  it('every shipped English entry has a Spanish twin that agrees on its facts', async () => {
    const { en, es } = await load();
    expect(es).toHaveLength(en.length);
    expect(checkTwins(en, es)).toEqual([]);
  });

  it('reads the facts a candidate acts on, numbers written as words in either language included', () => {
    expect([...factsOf('Wait 30 full days; call 1-800-390-6789; $7.50 per series; A1 through A8; three days')].sort()).toEqual(
      ['code:A1', 'code:A8', 'phone:1-800-390-6789', 'rule:3 day', 'rule:30 day', 'usd:7.50'].sort(),
    );
    expect(factsOf('tres días')).toEqual(factsOf('three days'));
    expect(factsOf('cinco años')).toEqual(factsOf('five years'));
  });

  it('fails when an English entry has no Spanish twin', async () => {
    const { en, es } = await load();
    expect(checkTwins(en, es.filter((entry) => entry.id !== 'retest-after-failing'))).toEqual([
      { id: 'retest-after-failing', problem: 'has no Spanish twin (knowledge/faq/retest-after-failing.es.md)' },
    ]);
  });

  it.each([
    ['a number of days', 'retest-after-failing', (t: string) => t.replace('30 días', '31 días')],
    ['a phone number', 'change-or-cancel', (t: string) => t.replace('877-346-9327', '877-346-9372')],
    ['a fee', 'duplicate-certificate', (t: string) => t.replaceAll('$7.50', '$7.00')],
    ['a test code', 'bilingual-tests', (t: string) => t.replace('(A1 a A8)', '(A1 a A9)')],
    ['a date rule written in words', 'change-or-cancel', (t: string) => t.replace('más de tres días', 'más de dos días')],
  ])('fails when the twins disagree on %s', async (_what, id, change) => {
    const { en, es } = await load();
    const twin = es.find((entry) => entry.id === id)!;
    const changed = es.map((entry) => (entry.id === id ? withAnswer(entry, change(twin.answer)) : entry));
    expect(changed.find((entry) => entry.id === id)!.answer).not.toBe(twin.answer);
    const problems = checkTwins(en, changed);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ id, problem: expect.stringContaining('disagree on facts') });
  });

  it('a Spanish file must say lang: es', async () => {
    const { parseFaqFile } = await import('../../src/knowledge/loadFaq.js');
    const text = '---\nid: x-entry\nlang: en\nbutton: Xxxx\nquestion: ¿Pregunta de prueba?\nalternates: [uno uno, dos dos, tres tres, cuatro cuatro, cinco cinco, seis seis, siete siete, ocho ocho]\ntags: [xx]\nsource: { title: Fuente }\n---\nUna respuesta suficientemente larga.';
    expect(() => parseFaqFile('knowledge/faq/x-entry.es.md', text)).toThrow(/lang: "en" must be "es"/);
  });
});
