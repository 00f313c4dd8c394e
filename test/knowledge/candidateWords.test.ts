import { describe, expect, it } from 'vitest';
import { contentTerms } from '../../src/knowledge/textProcessing.js';
import { shippedKnowledge } from '../support/testApp.js';

// Shop words candidates use for what the FAQ says in other words: "push my test back" is a
// reschedule, "redo" a failed test is a retest, "freon" is the 609 program's refrigerant,
// "stickers" and "decals" are ASE insignias. They meet the knowledge base's own words before the index is searched.

describe("candidates' own words", () => {
  it.each([
    ['can I push the exam back a couple weeks', 'reschedul'],
    ['I pushed it back once already', 'reschedul'],
    ['when can I redo it', 'retest'],
    ['flunking again', 'fail'],
    ['lost my freon card', 'refriger'],
    ['ase stickers', 'insignia'],
    ['i use a wheelchair', 'accommod'],
    ['can i get a separate room', 'accommod'],
    ['im hearing impaired', 'accommod'],
  ])('reads %j as holding the knowledge-base term %j (stemmed)', (question, term) => {
    expect(contentTerms(question)).toContain(term);
  });

  it.each([
    ['can I push the exam back a couple weeks', 'change-or-cancel'],
    ['where do I buy ASE stickers', 'insignias-merchandise'],
    ['my freon certificate got lost', 'epa-609-program'],
    ['I flunked the A4, when can I redo it', 'retest-after-failing'],
    ['i have adhd and test anxiety, can i get a separate room', 'ada-accommodations'],
  ])('answers %j with %s', async (question, entryId) => {
    const { answerer } = await shippedKnowledge();
    const decision = answerer.decide(question);
    expect(decision.kind).toBe('answer');
    expect(decision.kind === 'answer' && decision.entry.id).toBe(entryId);
  });
});
