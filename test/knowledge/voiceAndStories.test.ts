import { beforeAll, describe, expect, it } from 'vitest';
import type { FaqAnswerer, FaqDecision } from '../../src/knowledge/faqAnswerer.js';
import { loadKnowledgeBase } from '../../src/knowledge/knowledgeBase.js';
import { normalise } from '../../src/knowledge/textProcessing.js';

// Kinds of writing the eighth set brought (session en21): dictation and autocorrect, rumours to check,
// employers asking for their people, anger, old technicians' then and now, holidays as dates, and
// look-alikes with a state's or a tool's name. More of each kind: test/fixtures/probes/en21.yaml.

let answerer: FaqAnswerer;
beforeAll(async () => {
  ({ answerer } = await loadKnowledgeBase('knowledge'));
});

/** The entry offered first (a confident answer or the first "Did you mean"), or the kind of decision. */
function firstPick(decision: FaqDecision): string {
  if (decision.kind === 'answer') return decision.entry.id;
  if (decision.kind === 'clarify') return decision.candidates[0]?.id ?? 'clarify';
  return decision.kind === 'out-of-scope' ? `out-of-scope:${decision.topic.id}` : decision.kind;
}

describe('dictation and autocorrect are read as the word the candidate meant', () => {
  it.each([
    ['how do i renew my a s e certification', 'how do i renew my ase certification'],
    ['is it only in the u s a', 'is it only in the usa'],
    ['re schedule my ace test', 'reschedule my ase test'],
    ['a one through a eight and the x one', 'a1 through a8 and the x1'],
    ['check my ADE results at pro metric', 'check my ase results at prometric'],
    ['can I recent early', 'can I recertify early'],
  ])('"%s" reads "%s"', (said, meant) => {
    expect(normalise(said)).toBe(meant);
  });

  it.each(['do I ace the test', 'take a one day class', 'my most recent test results', 'is there a one time fee'])('"%s" keeps its real words', (text) => {
    expect(normalise(text)).toBe(text);
  });

  it.each([
    ['i need to re schedule my a s e test', 'change-or-cancel'],
    ['do you have to live in the u s to take ace tests', 'testing-outside-usa'],
    ['how do I recent my ADE certs', 'recertification'],
    ['I was late to Prometheus, am I a no show', 'missed-appointment'],
  ])('"%s" is %s', (question, entry) => {
    expect(firstPick(answerer.decide(question))).toBe(entry);
  });
});

describe('a rumour to check is asked by what it says, not by "is that true"', () => {
  it.each([
    ['my buddy says a replacement cert is free if you call, true?', 'duplicate-certificate'],
    ['someone told me you lose master status if one cert expires, true?', 'master-technician-status'],
    ['I was told you can\'t change your test less than 3 days out. Right?', 'change-or-cancel'],
    ['is it true that you have to recertify every 5 years', 'recertification'],
  ])('"%s" is %s', (question, entry) => {
    expect(firstPick(answerer.decide(question))).toBe(entry);
  });

  it('"is my name correct?" keeps its "correct"', () => {
    expect(normalise('is my name correct?')).toBe('is my name correct?');
  });
});

describe('an employer or instructor asking for their people is asked about what they ask', () => {
  it.each([
    ['One of my techs skipped his test on Saturday. The shop paid for it. Do we lose the money?', 'missed-appointment'],
    ['as a shop owner how do I sign my techs up for tests', 'registration-scheduling'],
    ['our techs\' certificates never came, who do we call', 'certificate-delivery'],
    ['my techs want to see which questions they got wrong', 'missed-questions'],
  ])('"%s" is %s', (question, entry) => {
    expect(firstPick(answerer.decide(question))).toBe(entry);
  });
});

describe('anger, the old days and holidays are the story around the question', () => {
  it.each([
    ['this is ridiculous, took my test 4 days ago and still no results in myase', 'test-results'],
    ['haven\'t taken a test in 30 years, last time was pencil and paper. How do I get ready for the computer test?', 'test-preparation'],
    ['bought my test on cyber monday, how long do I have to schedule it', 'registration-scheduling'],
    ['if I fail in december can I retest right after new years', 'retest-after-failing'],
  ])('"%s" is %s', (question, entry) => {
    expect(firstPick(answerer.decide(question))).toBe(entry);
  });

  it('"i used to be master" still asks to get it back', () => {
    expect(answerer.decide('i used to be master, two tests expired').kind).toBe('answer');
  });
});

describe("a state's licence and a tool's settings are someone else's", () => {
  it.each([
    ['state of Michigan mechanic certification test, how do I schedule it', 'out-of-scope:state-licences'],
    ['how to register for the state of ohio mechanic exam', 'out-of-scope:state-licences'],
    ['does the OBD-II scan tool have a spanish language setting', 'out-of-scope:elsewhere'],
    ['can I switch my ase test to spanish', 'bilingual-tests'],
  ])('"%s" is %s', (question, entry) => {
    expect(firstPick(answerer.decide(question))).toBe(entry);
  });
});
