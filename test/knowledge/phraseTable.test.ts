import { describe, expect, it } from 'vitest';
import { phraseTable, withoutLookarounds } from '../../src/knowledge/phraseTable.js';

describe('a phrase table', () => {
  const apply = phraseTable([
    [/\bno[\s-]?show\b/gi, 'noshow'],
    // A later phrase reads what an earlier one wrote.
    [/\bnoshow fee\b/gi, 'forfeit'],
    // Case-sensitive: "ID" is identification, "id" is not.
    [/\bID\b/g, 'identification'],
  ]);

  it('leaves a text that no phrase matches as it is', () => {
    expect(apply('how do i reschedule my test')).toBe('how do i reschedule my test');
  });

  it('applies its phrases in order, each to the output of the ones before', () => {
    expect(apply('is there a No-Show fee?')).toBe('is there a forfeit?');
  });

  it('keeps each phrase its own flags, though the first look ignores case', () => {
    expect(apply('which ID do I bring')).toBe('which identification do I bring');
    expect(apply('i think id rather wait')).toBe('i think id rather wait');
  });

  it('works with phrases that need Unicode mode', () => {
    const spanish = phraseTable([[/\bcita\s+m\p{L}dica\b/giu, 'otra cita']]);
    expect(spanish('tengo una cita médica')).toBe('tengo una otra cita');
    expect(spanish('tengo una cita')).toBe('tengo una cita');
  });
});

describe('a pattern without its lookarounds', () => {
  it('drops lookbehinds and lookaheads, nested groups, escapes and classes included', () => {
    expect(withoutLookarounds(String.raw`(?<!\b(?:master|state)\s)(?<!-)\bcar\s+tests?\b(?!\s+(?:plate|[)(]))`)).toBe(String.raw`\bcar\s+tests?\b`);
    expect(withoutLookarounds(String.raw`\(a[(?=]b\)(?=x)`)).toBe(String.raw`\(a[(?=]b\)`);
  });

  it('still leaves each phrase its guard when the table applies it', () => {
    const apply = phraseTable([[/(?<!\bmaster\s)\bcar test\b/gi, 'test']]);
    expect(apply('the car test')).toBe('the test');
    expect(apply('the master car test')).toBe('the master car test');
  });
});
