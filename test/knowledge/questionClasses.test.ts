import { beforeAll, describe, expect, it } from 'vitest';
import type { FaqAnswerer, FaqDecision, QuestionContext } from '../../src/knowledge/faqAnswerer.js';
import { loadKnowledgeBase } from '../../src/knowledge/knowledgeBase.js';

// Kinds of question found by using the bot (session en19) or on the dev sets (session en20), each
// checked on a few phrasings of its kind.

let answerer: FaqAnswerer;
beforeAll(async () => {
  ({ answerer } = await loadKnowledgeBase('knowledge'));
});

/** The entry and facet of a confident answer, or the kind of decision otherwise. */
function answered(decision: FaqDecision): [string, string | undefined] | string {
  return decision.kind === 'answer' ? [decision.entry.id, decision.entry.facet] : decision.kind;
}

const afterAnswer = (entry: string): QuestionContext => ({ onTopic: true, recent: [entry], answered: { entry } });

describe('"if I passed" is a condition unless it follows asking to know', () => {
  it.each([
    'when will I get my certificate if I passed',
    'if i passed when do i get my cert',
    'when do i receive my ase certificate',
  ])('"%s" is when the certificate comes', (question) => {
    expect(answered(answerer.decide(question))).toEqual(['certificate-delivery', undefined]);
  });

  it.each(['how do i find out if i passed', 'can you tell me if i passed', 'did i pass my a5'])('"%s" asks for the results', (question) => {
    const decision = answerer.decide(question);
    expect(decision.kind === 'answer' || decision.kind === 'clarify' ? (decision.kind === 'answer' ? decision.entry.id : decision.candidates[0]?.id) : decision.kind).toBe('test-results');
  });

  it('a new or duplicate certificate is still the duplicate, however "when" it is asked', () => {
    expect(answered(answerer.decide('when will i get a new certificate'))).toEqual(['duplicate-certificate', undefined]);
  });
});

describe('"how long does it take to get it" is waiting for something, not how long a test takes', () => {
  it.each([
    ['how long does it take to get it', 'duplicate-certificate'],
    ['how long does it take for them to mail it', 'duplicate-certificate'],
    ['how long does it take to get it', 'certificate-delivery'],
  ])('"%s" after the %s answer is not the test-length gap', (question, entry) => {
    const decision = answerer.decide(question, afterAnswer(entry));
    expect(decision.kind === 'out-of-scope' ? decision.topic.id : decision.kind).not.toBe('test-length');
  });

  it('how long a test takes is still the test-length gap', () => {
    const decision = answerer.decide('how long does it take to finish the a5');
    expect(decision.kind === 'out-of-scope' && decision.topic.id).toBe('test-length');
  });
});

describe('changing or cancelling inside three days gets the "no changes" sentence first', () => {
  it.each([
    'what if I cancel my appointment less than 3 days before',
    'what if i need to cancel within three days',
    'can i cancel the day before',
  ])('"%s" starts "No changes are allowed within three days"', (question) => {
    const decision = answerer.decide(question);
    expect(answered(decision)).toEqual(['change-or-cancel', 'within-three-days']);
    if (decision.kind === 'answer') expect(decision.entry.answer).toMatch(/^No changes are allowed within three days/);
  });

  it.each([
    ['can i cancel a month before', undefined],
    ['refund if i cancel 2 weeks before?', 'cancel-refund'],
    ['can i reschedule my test', undefined],
  ])('"%s" (not inside three days) gets %s', (question, facet) => {
    expect(answered(answerer.decide(question))).toEqual(['change-or-cancel', facet]);
  });
});

describe('a long message whose question is clear is answered, not offered as a "Did you mean"', () => {
  it('the story, then "do I need work experience before I can test?": the work-experience answer, test first', () => {
    const decision = answerer.decide(
      "hi so my boss wants me to get ASE certified, I've been working at a shop for about a year doing brakes and suspension, which test should I take first and do I need work experience before I can test?",
    );
    expect(answered(decision)).toEqual(['work-experience', 'test-first']);
  });

  it('a short question that is unsure stays a "Did you mean"', () => {
    expect(answerer.decide('when do i get it').kind).not.toBe('answer');
  });
});

describe('a message that opens by setting one thing aside asks about the other', () => {
  it.each([
    ['not the score report, the actual certificate, when does that come', 'certificate-delivery'],
    ['not a no show, i took it and failed. when can i take it again', 'retest-after-failing'],
    ['not the recert, the first time test. how do i sign up', 'registration-scheduling'],
    ["i don't mean the score report, i mean the certificate. when does it come", 'certificate-delivery'],
  ])('"%s" is %s', (question, entry) => {
    expect(answered(answerer.decide(question))[0]).toBe(entry);
  });

  it('"not received my certificate yet" keeps what it says', () => {
    const decision = answerer.decide('not received my certificate yet, when does it come');
    expect(decision.kind === 'answer' ? decision.entry.id : decision.kind === 'clarify' ? decision.candidates[0]?.id : decision.kind).toBe('certificate-delivery');
  });
});

describe('what a thing is made of says which kind, not whose it is', () => {
  it.each([
    ['when does the frameable certificate come', 'certificate-delivery'],
    ['where do i get cloth patches', 'insignias-merchandise'],
    ['can i buy embroidered patches', 'insignias-merchandise'],
  ])('"%s" is %s, not something else\'s', (question, entry) => {
    expect(answered(answerer.decide(question))[0]).toBe(entry);
  });

  it('"patches for my motorcycle vest" is still someone else\'s', () => {
    const decision = answerer.decide('patches for my motorcycle vest');
    expect(decision.kind === 'out-of-scope' && decision.topic.id).toBe('elsewhere');
  });
});

describe('"exp" and needing experience are the work-experience question', () => {
  it.each(['how many years exp do i need', '2 yrs exp required?', 'experience needed?', 'do i need experience'])('"%s" is the work-experience answer', (question) => {
    expect(answered(answerer.decide(question))[0]).toBe('work-experience');
  });

  it('how long the review takes is still the review-time gap', () => {
    const decision = answerer.decide('how long does the work experience review take');
    expect(decision.kind === 'out-of-scope' && decision.topic.id).toBe('review-time');
  });

  it('"my certs exp next month" is no question about experience', () => {
    expect(answered(answerer.decide('my certs exp next month'))[0]).not.toBe('work-experience');
  });
});

describe('minutes late, a last-minute change and "too late to move it" are not how long a test lasts', () => {
  it.each(['late 5 minutes to the test center, can i still test?', 'late by 10 min, what happens', "i'll be a few minutes late"])('"%s" is arriving late', (question) => {
    expect(answered(answerer.decide(question))[0]).toBe('missed-appointment');
  });

  it.each(['is it too late to reschedule my test', 'last minute cancellation, is that ok', 'can i cancel at the last minute'])('"%s" is changing or cancelling', (question) => {
    expect(answered(answerer.decide(question))[0]).toBe('change-or-cancel');
  });

  it('how many minutes a test lasts is still the test-length gap', () => {
    const decision = answerer.decide('how many minutes is the test');
    expect(decision.kind === 'out-of-scope' && decision.topic.id).toBe('test-length');
  });
});

describe('asking whether someone else passed asks for the results, as asking for oneself does', () => {
  it.each([
    'my son took the a5 yesterday, how does he find out if he passed',
    'did he pass? he took the a1 today',
    'when will my wife know if she passed the a8',
  ])('"%s" is the results answer', (question) => {
    expect(answered(answerer.decide(question))[0]).toBe('test-results');
  });

  it('"when will he get his certificate if he passed" is still when the certificate comes', () => {
    expect(answered(answerer.decide('when will he get his certificate if he passed'))[0]).toBe('certificate-delivery');
  });
});

describe('a hyphenated "re-" says again, as the joined word does', () => {
  it.each([
    ['can i re-take the a5 next week', 'retest-after-failing'],
    ['how do i re-schedule my test', 'change-or-cancel'],
    ['re-buy after no show', 'missed-appointment'],
  ])('"%s" is %s', (question, entry) => {
    expect(answered(answerer.decide(question))[0]).toBe(entry);
  });
});

describe('how hard a test is is the test-order gap, which points to the Study Guides', () => {
  it.each(['whats the hardest ASE test', 'which ase test is the easiest', 'toughest ase test?'])('"%s" is declined with the test-order reply', (question) => {
    const decision = answerer.decide(question);
    expect(decision.kind === 'out-of-scope' && decision.topic.id).toBe('test-order');
  });
});

describe("other trades' credentials are someone else's", () => {
  it.each(['how do i get my red seal', 'do i need a red seal to work in canada', 'master certified detailer course how to sign up'])('"%s" is declined as something else', (question) => {
    const decision = answerer.decide(question);
    expect(decision.kind === 'out-of-scope' && decision.topic.id).toBe('elsewhere');
  });

  it('"i have a red seal, can i take ase tests in canada" names ASE: testing outside the USA comes first', () => {
    const decision = answerer.decide('i have a red seal, can i take ase tests in canada');
    expect(decision.kind === 'clarify' ? decision.candidates[0]?.id : answered(decision)[0]).toBe('testing-outside-usa');
  });
});
