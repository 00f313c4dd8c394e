// Issue 12 on SMS: the text says the answer's first sentence, its key fact, whole within two segments
// ("Reply MORE for details" sends the rest). Every FAQ answer and facet in both languages, with the
// offer it closes on (and the sign-in hint after it): never a lead cut between words ("...Prometric
// at 877-346-9327);..."), and what the text leaves out MORE says.
import { describe, expect, it } from 'vitest';
import { entryAnswer } from '../../../dialogs/faqSteps.js';
import { countSegments } from '../../../src/channels/sms/gsm7.js';
import { smsEn, smsEs } from '../../../src/channels/sms/messages.js';
import { renderSmsShort } from '../../../src/channels/sms/renderSms.js';
import { withFacet } from '../../../src/knowledge/faqEntry.js';
import { en } from '../../../src/messages/en.js';
import { es } from '../../../src/messages/es.js';
import { shippedKnowledge } from '../../support/testApp.js';

describe('SMS texts', () => {
  it('every knowledge answer reaches SMS with a whole first sentence or its short form within two segments, the rest on MORE', async () => {
    const kb = await shippedKnowledge();
    const cut: string[] = [];
    for (const [messages, sms, index] of [[en, smsEn, kb.index], [es, smsEs, kb.es!.index]] as const) {
      for (const entry of index.entries.flatMap((e) => [e, ...(e.facets ?? []).map((facet) => withFacet(e, facet))])) {
        const { reply } = entryAnswer(entry, (id) => index.get(id), messages);
        const replies = reply.then ? [reply, { ...reply, then: `${reply.then} ${messages.task.orSignIn}` }] : [reply];
        for (const asSent of replies) {
          const { short, more } = renderSmsShort(asSent, sms);
          expect(countSegments(short.text).segments, short.text).toBeLessThanOrEqual(2);
          const lead = short.text.split('\n\n')[0]!;
          if (lead.endsWith('...')) cut.push(`${entry.id}${entry.facet ? `#${entry.facet}` : ''} (${entry.lang}): ${lead}`);
          if (more && entry.short && lead === sms.spelling(entry.short)) expect(more.text).toContain(sms.spelling(entry.answer.split('\n\n')[0]!.split(/(?<=[.!?])\s/)[0]!.replace(/\*\*/g, '')));
        }
      }
    }
    expect(cut).toEqual([]);
  });
});
