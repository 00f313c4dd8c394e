import { describe, expect, it } from 'vitest';
import { noteLine, type HandoffTurnData } from '../../src/handoff/relay.js';

const now = new Date('2025-03-20T15:00:00Z');
const longAnswer = `You can, as long as your appointment is more than three days away. ${'Cancel the existing appointment first, then book the new one. '.repeat(12)}`;

describe('the recent lines staff get at a handoff', () => {
  it("keep the bot's long answer as its first 300 characters, cut at a word and marked with an ellipsis", () => {
    const data: HandoffTurnData = {};
    noteLine(data, 'bot', longAnswer, now);
    const [line] = data.recent!;
    expect(line!.text.length).toBeLessThanOrEqual(300);
    expect(line!.text).toMatch(/^You can, as long as your appointment is more than three days away\./);
    expect(line!.text.endsWith('…')).toBe(true);
    expect(line!.text.at(-2)).not.toBe(' ');
  });

  it("keep the candidate's words up to 500 characters, and a short line whole", () => {
    const data: HandoffTurnData = {};
    noteLine(data, 'candidate', 'word '.repeat(150), now);
    noteLine(data, 'bot', 'You can buy A5 again on or after Thursday, April 3, 2025.', now);
    expect(data.recent![0]!.text.length).toBeLessThanOrEqual(500);
    expect(data.recent![0]!.text.length).toBeGreaterThan(300);
    expect(data.recent![1]!.text).toBe('You can buy A5 again on or after Thursday, April 3, 2025.');
  });

  it('keep the last 20 lines, masking an address the candidate wrote', () => {
    const data: HandoffTurnData = {};
    for (let i = 0; i < 25; i++) noteLine(data, 'candidate', `line ${i} from me@example.com`, now);
    expect(data.recent).toHaveLength(20);
    expect(data.recent![0]!.text).toBe('line 5 from [email]');
  });
});
