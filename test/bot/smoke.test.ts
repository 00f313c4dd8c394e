import { describe, expect, it } from 'vitest';
import { botOnTestAdapter, say } from '../support/testApp.js';

describe('smoke', () => {
  it('answers a rescheduling question', async () => {
    const { adapter } = await botOnTestAdapter();
    const replies = await say(adapter, 'can i reschedule my test');
    expect(replies[0]?.text).toContain('877-346-9327');
  });
});
