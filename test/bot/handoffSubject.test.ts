import { describe, expect, it } from 'vitest';
import { handoffSubject } from '../../src/bot/handoffSubject.js';
import type { ConversationData } from '../../src/bot/conversationData.js';
import type { FaqEntry } from '../../src/knowledge/faqEntry.js';

const names: Record<string, [string, string]> = {
  'missed-appointment': ['Missed or unscheduled appointment', 'Cita perdida o sin programar'],
  'retest-after-failing': ['Retaking a failed test', 'Repetir un examen reprobado'],
};
const lookups = {
  en: (id: string) => (names[id] ? ({ id, button: names[id][0] } as unknown as FaqEntry) : undefined),
  es: (id: string) => (names[id] ? ({ id, button: names[id][1] } as unknown as FaqEntry) : undefined),
};
const line = (id: string, from: 'candidate' | 'bot', text: string) => ({ id, at: '2025-03-10T15:00:00.000Z', from, text });

/** A late arrival answered (a missed appointment), then "can I retake it?", which started the retest task. */
const lateThenRetake = (...more: Array<ReturnType<typeof line>>): ConversationData => ({
  recent: [line('1', 'candidate', 'I got there late'), line('2', 'bot', 'If you arrive late, the test is scored as No Show...'), line('3', 'candidate', 'can I retake it right away?'), ...more],
  answeredLines: [['missed-appointment', '1']],
  askedLine: more.length ? more.at(-1)!.id : '3',
});

describe('the subject of a case handed to staff', () => {
  it('is the missed appointment when the retest only came from "retake it" after a late arrival', () => {
    expect(handoffSubject(lateThenRetake(), 'retest', 'en', lookups)).toEqual({ topic: 'Missed or unscheduled appointment', subject: 'Missed or unscheduled appointment' });
    expect(handoffSubject(lateThenRetake(), 'retest', 'es', lookups)).toEqual({ topic: 'Missed or unscheduled appointment', subject: 'Cita perdida o sin programar' });
  });

  it('is the retest once the candidate says a test was failed, in English or Spanish', () => {
    expect(handoffSubject(lateThenRetake(line('4', 'candidate', 'I failed A5 too')), 'retest', 'en', lookups)?.topic).toBe('Retaking a failed test');
    expect(handoffSubject(lateThenRetake(line('4', 'candidate', 'también reprobé el A5')), 'retest', 'es', lookups)?.topic).toBe('Retaking a failed test');
  });

  it('is the retest when no missed appointment came before it', () => {
    const data: ConversationData = { recent: [line('1', 'candidate', 'when can I retest A5?')], answeredLines: [], askedLine: '1' };
    expect(handoffSubject(data, 'retest', 'en', lookups)?.topic).toBe('Retaking a failed test');
  });
});
