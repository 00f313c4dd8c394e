import { describe, expect, it } from 'vitest';
import { damerauDistance } from '../../src/knowledge/editDistance.js';
import { loadKnowledgeBase } from '../../src/knowledge/knowledgeBase.js';
import { lengthBudget, Speller, withSpelling, type SpellingRules } from '../../src/knowledge/spelling.js';
import { englishSpelling } from '../../src/knowledge/spellingRules.js';
import { englishText } from '../../src/knowledge/textProcessing.js';
import { shippedKnowledge } from '../support/testApp.js';

const rules: SpellingRules = { minLength: 5, budget: lengthBudget, onlyDropsOrSwapsBelow: 6, neverCorrected: new Set(['texting']) };
const speller = (texts: string[], more: Partial<SpellingRules> = {}) => new Speller(texts, englishText, { ...rules, ...more });

const decided = async (question: string, lang: 'en' | 'es' = 'en') => {
  const knowledge = await shippedKnowledge();
  const decision = (lang === 'es' ? knowledge.es! : knowledge).answerer.decide(question);
  return decision.kind === 'answer' ? decision.entry.id : decision.kind;
};

describe('spelling before stemming', () => {
  it("a question with 'certficate' is answered about certificates", async () => {
    expect(await decided('lost my certficate can i get another one')).toBe('duplicate-certificate');
    expect(await decided('how do i get a duplicat certficate')).toBe('duplicate-certificate');
  });

  it('words two or more typos from the entries are read as theirs, in English and in Spanish', async () => {
    expect(await decided('how many years of work expierence do i need')).toBe('work-experience');
    expect(await decided('when do i take my recertifcation tests')).toBe('recertification');
    expect(await decided('cuando me llega el certifcado por correo', 'es')).toBe('certificate-delivery');
  });

  it('the same questions were not answered before the pass (what it adds)', async () => {
    const without = await loadKnowledgeBase('knowledge', undefined, { spelling: false });
    const decision = without.answerer.decide('lost my certficate can i get another one');
    expect(decision.kind).not.toBe('answer');
  });

  it("a misspelled known gap is still declined: 'birth certficate' is someone else's certificate", async () => {
    expect(await decided('how do i get a duplicat birth certficate')).toBe('out-of-scope');
  });

  it('a misspelled word is never corrected into a domain word when it is a real word', () => {
    // "x" is the key beside "s": without the table, "texting" would be read as a slip for "testing".
    expect(speller(['testing'], { neverCorrected: new Set() }).correct('texting')).toBe('testing');
    expect(speller(['testing'], { neverCorrected: new Set(['texting']) }).correct('texting')).toBe('texting');
    const withDictionary = speller(['welding test'], { isWord: (word) => word === 'welting' });
    expect(withDictionary.correct('welting')).toBe('welting');
    expect(withDictionary.correct('weldng')).toBe('welding');
  });

  it('a changed letter is read as a typo only when its key is beside the right one: "matter" is not "master"', () => {
    const words = speller(['master technician', 'certificate']);
    expect(words.correct('matter')).toBe('matter');
    expect(words.correct('certidicate')).toBe('certificate');
  });

  it('words under 5 letters are left alone, and under 6 only a dropped or swapped letter is read ("canel" is "cancel")', () => {
    const words = speller(['fail the test', 'decal', 'cancel']);
    expect(words.correct('canel')).toBe('cancel');
    expect(words.correct('fial')).toBe('fial');
    expect(words.correct('deal')).toBe('deal');
  });

  it('test codes, numbers and words with an apostrophe are left as written', () => {
    const pipeline = withSpelling(englishText, speller(['didnt pass the A5 test in 2024']));
    expect(pipeline.tokenize("I didn't pass A5 in 2024")).toEqual(englishText.tokenize("I didn't pass A5 in 2024"));
  });

  it('a capitalised word inside a sentence is a name, not a typo; at the start of a sentence it is read', () => {
    const pipeline = withSpelling(englishText, speller(['certificate']));
    expect(pipeline.tokenize('ask Certficate Smith')).toContain('certficate');
    expect(pipeline.tokenize('Certficate lost. Certficate again')).toEqual(['certificate', 'lost', 'certificate', 'again']);
  });

  it('two different words equally close and equally common are a guess: the word is left alone', () => {
    const words = speller(['stores', 'stoves']);
    expect(words.correct('stoes')).toBe('stoes');
    expect(speller(['stores', 'stores', 'stoves']).correct('stoes')).toBe('stores');
  });

  it('the shipped English rules keep real words the dev parts showed close to domain words', () => {
    expect(englishSpelling.neverCorrected.has('contact')).toBe(true);
  });

  it('two neighbouring letters swapped are one edit', () => {
    expect(damerauDistance('recieve', 'receive')).toBe(1);
    expect(damerauDistance('expierence', 'experience')).toBe(2);
    expect(damerauDistance('certficate', 'certificate')).toBe(1);
    expect(damerauDistance('recertifcation', 'recertification', 0)).toBe(1);
  });
});
