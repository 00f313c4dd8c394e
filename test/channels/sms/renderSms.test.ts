import { describe, expect, it } from 'vitest';
import { renderDefault } from '../../../src/channels/render.js';
import { countSegments, foldToGsm7, isGsm7 } from '../../../src/channels/sms/gsm7.js';
import { plainSmsText, renderSms, renderSmsShort, renderSmsText, stripMarkdown } from '../../../src/channels/sms/renderSms.js';
import { smsEn } from '../../../src/channels/sms/messages.js';
import { shippedKnowledge } from '../../support/testApp.js';

describe('stripMarkdown', () => {
  it.each([
    ['**bold** and __also bold__', 'bold and also bold'],
    ['*italic* and _italic_', 'italic and italic'],
    ['***both***', 'both'],
    ['~~gone~~ `code`', 'gone code'],
    ['See [myASE](https://myase.ase.com) now.', 'See myASE (https://myase.ase.com) now.'],
    ['Go to [https://www.ase.com](https://www.ase.com).', 'Go to https://www.ase.com.'],
    ['Go to [www.ase.com](https://www.ase.com).', 'Go to https://www.ase.com.'],
    ['Mail [us](mailto:help@example.org "Write").', 'Mail us (help@example.org).'],
    ['An autolink <https://www.ase.com/faq>.', 'An autolink https://www.ase.com/faq.'],
    ['![logo](https://x.test/logo.png)', 'logo (https://x.test/logo.png)'],
    ['# Heading\n## Sub ##', 'Heading\nSub'],
    ['> quoted line', 'quoted line'],
    ['* one\n+ two\n- three\n  * nested', '- one\n- two\n- three\n- nested'],
    ['1. first\n2. second', '1. first\n2. second'],
    ['a\n\n---\n\nb', 'a\n\nb'],
    ['line<br>break and <b>tag</b>', 'line\nbreak and tag'],
  ])('%j -> %j', (markdown, plain) => {
    expect(stripMarkdown(markdown)).toBe(plain);
  });

  it('leaves underscores and asterisks that are not emphasis alone', () => {
    expect(stripMarkdown('file_name_here and https://x.test/a_b_c and 2 * 3 * 4')).toBe('file_name_here and https://x.test/a_b_c and 2 * 3 * 4');
    expect(stripMarkdown('A1-A8 and T2-T8, $7.50 per series (i.e., Automobile)')).toBe('A1-A8 and T2-T8, $7.50 per series (i.e., Automobile)');
  });

  it('keeps escaped characters as they are', () => {
    expect(stripMarkdown('\\*not italic\\* and \\[not a link\\](x)')).toBe('*not italic* and [not a link](x)');
  });
});

describe('renderSms', () => {
  it('writes plain text with facts, a written-out source link, and no cards or buttons', () => {
    const activity = renderSms({
      text: 'You **must** cancel first. See [myASE](https://myase.ase.com).',
      facts: [
        { label: 'Appointment', value: 'Thursday, April 3, 2025' },
        { label: '**Last day to change:**', value: 'Sunday, March 30, 2025' },
      ],
      source: { title: 'ASE FAQ', date: '2022-09-20', url: 'https://www.ase.com/faq' },
    });
    expect(activity.text).toBe(
      'You must cancel first. See myASE (https://myase.ase.com).\n\n' +
        'Appointment: Thursday, April 3, 2025\nLast day to change: Sunday, March 30, 2025\n\n' +
        'More: https://www.ase.com/faq',
    );
    expect(activity.textFormat).toBe('plain');
    expect(activity.suggestedActions).toBeUndefined();
    expect(activity.attachments).toBeUndefined();
    expect(activity.channelData).toBeUndefined();
  });

  it('leaves out a source with no address', () => {
    expect(renderSms({ text: 'Answer.', source: { title: 'ASE Frequently Asked Questions', date: '2022-09-20' } }).text).toBe('Answer.');
  });

  it('numbers the choices, ends with a hint, and records them for the middleware', () => {
    const activity = renderSms({
      text: 'Did you mean one of these?',
      choices: [
        { title: 'How do I get a *duplicate* certificate?', value: 'How do I get a duplicate certificate?' },
        { title: 'When do I get my certificate?', value: 'When do I get my certificate?' },
        { title: 'None of these', value: 'None of these' },
      ],
      suggestions: [{ title: 'Ignored when there are choices', value: 'x' }],
    });
    expect(activity.text).toBe(
      'Did you mean one of these?\n\n1. How do I get a duplicate certificate?\n2. When do I get my certificate?\n3. None of these\nReply with a number.',
    );
    expect(activity.channelData).toEqual({
      choices: [
        { n: 1, title: 'How do I get a duplicate certificate?', value: 'How do I get a duplicate certificate?' },
        { n: 2, title: 'When do I get my certificate?', value: 'When do I get my certificate?' },
        { n: 3, title: 'None of these', value: 'None of these' },
      ],
    });
    expect(activity.inputHint).toBe('expectingInput');
    expect(activity.suggestedActions).toBeUndefined();
  });

  it('numbers suggestions when there are no choices, as an offer', () => {
    const activity = renderSms({ text: 'Answer.', suggestions: [{ title: 'Next question?', value: 'next' }] });
    expect(activity.text).toBe('Answer.\n\nYou can also ask:\n1. Next question?\nReply with a number, or ask another question.');
    expect(activity.channelData).toEqual({ choices: [{ n: 1, title: 'Next question?', value: 'next' }] });
    expect(activity.inputHint).toBe('acceptingInput');
  });

  it('folds typographic punctuation to GSM-7 and says whether the text is pure GSM-7', () => {
    const folded = renderSmsText({ text: '\u201CDon\u2019t\u201D \u2013 wait\u2014three days\u2026\u00A0ok' });
    expect(folded).toMatchObject({ text: '"Don\'t" - wait-three days... ok', gsm7: true });
    expect(renderSmsText({ text: 'Pregunta: \u00BFcu\u00E1ndo?' }).gsm7).toBe(false);
  });

  it('renders every shipped FAQ answer as plain GSM-7 text', async () => {
    const kb = await shippedKnowledge();
    for (const entry of kb.index.entries) {
      const { text, gsm7 } = renderSmsText({ text: entry.answer });
      expect(text, entry.id).not.toMatch(/\*\*|__|\]\(|^#+ /m);
      expect(gsm7, `${entry.id}: ${[...text].filter((c) => !isGsm7(c)).join('')}`).toBe(true);
    }
  });
});

describe('numbered steps beside a numbered menu', () => {
  it('an answer\'s own steps read "Step 2:" when a menu to reply to follows, so "2" means only the menu item', () => {
    const text = renderSmsText({ text: 'Do this:\n\n1. Get the form.\n2. Have it filled in.', suggestions: [{ title: 'Registering', value: 'How does registration work?' }, { title: 'Preparing', value: 'How can I prepare?' }] }).text;
    expect(text).toContain('Step 1: Get the form.');
    expect(text).toContain('Step 2: Have it filled in.');
    expect(text).toMatch(/^1\. Registering$/m);
    expect(text).not.toMatch(/^1\. Get the form/m);
  });

  it('without a menu the steps keep their numbers', () => {
    expect(renderSmsText({ text: '1. Get the form.\n2. Have it filled in.' }).text).toMatch(/^1\. Get the form\.$/m);
  });
});

describe('plainSmsText (the adapter safety net)', () => {
  it('turns a default-rendered activity into plain text with numbered lines', () => {
    const activity = renderDefault({
      text: 'It costs **$7.50** per series.',
      facts: [{ label: 'Fee', value: '$7.50' }],
      suggestions: [{ title: 'When do I get my certificate?', value: 'When do I get my certificate?' }],
    });
    expect(plainSmsText(activity)).toBe('It costs $7.50 per series.\n\n- Fee: $7.50\n\n1. When do I get my certificate?\nReply with a number.');
  });

  it('leaves renderSms output as it is', () => {
    const activity = renderSms({ text: 'Plain *already*.', choices: [{ title: 'A', value: 'a' }] });
    expect(plainSmsText(activity)).toBe(activity.text);
  });
});

describe('GSM-7', () => {
  it('folds quotes, dashes, ellipses and odd spaces, and drops zero-width characters', () => {
    expect(foldToGsm7('\u2018a\u2019 \u201Cb\u201D c\u2013d\u2014e\u2212f \u2026 g\u00A0h\u202Fi\u2009j \u200Bk\u00ADl \u2022 m\u2122')).toEqual({
      text: '\'a\' "b" c-d-e-f ... g h i j kl - m(TM)',
      gsm7: true,
    });
  });

  it('keeps letters it cannot fold and reports them', () => {
    expect(foldToGsm7('caf\u00E9 \u00E0 la r\u00E9union')).toEqual({ text: 'caf\u00E9 \u00E0 la r\u00E9union', gsm7: true });
    expect(foldToGsm7('coraz\u00F3n')).toEqual({ text: 'coraz\u00F3n', gsm7: false });
    expect(foldToGsm7('ok \u{1F44D}').gsm7).toBe(false);
  });

  it('counts segments: 160 GSM-7 characters in one, 153 a part after that; 70 and 67 for UCS-2', () => {
    expect(countSegments('a'.repeat(160))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(countSegments('a'.repeat(161))).toEqual({ encoding: 'GSM-7', units: 161, segments: 2 });
    expect(countSegments('a'.repeat(306)).segments).toBe(2);
    expect(countSegments('a'.repeat(307)).segments).toBe(3);
    expect(countSegments('{}'.repeat(40)).units).toBe(160);
    expect(countSegments('\u00F3'.repeat(70))).toEqual({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(countSegments('\u00F3'.repeat(71)).segments).toBe(2);
  });
});

describe('renderSmsShort: two segments at most, the rest for MORE', () => {
  const sentence = (n: number) => `Sentence ${n} says something useful about ASE tests and what to do next.`;
  const long = { details: 'on-request' as const, text: [`${sentence(1)} ${sentence(2)}`, sentence(3), sentence(4), sentence(5), sentence(6)].join('\n\n'), suggestions: [{ title: 'Another question?', value: 'Another question?' }] };

  it('a reply that fits in two segments is sent whole, with no MORE', () => {
    const { short, more } = renderSmsShort({ text: sentence(1), suggestions: [{ title: 'Next?', value: 'Next?' }] });
    expect(more).toBeUndefined();
    expect(short.text).not.toContain(smsEn.moreHint);
    expect(short.choices).toHaveLength(1);
  });

  it('a long one keeps its leading paragraphs that fit, then the hint; the rest carries the details and the numbered suggestions', () => {
    const { short, more } = renderSmsShort(long);
    expect(countSegments(short.text).segments).toBeLessThanOrEqual(2);
    expect(short.text.startsWith(`${sentence(1)} ${sentence(2)}`)).toBe(true);
    expect(short.text.endsWith(`\n\n${smsEn.moreHint}`)).toBe(true);
    expect(short.choices).toEqual([]);
    expect(more!.text).toContain(sentence(6));
    expect(more!.text).toMatch(/1\. Another question\?\nReply with a number, or ask another question\.$/);
    expect(more!.choices).toEqual([{ n: 1, title: 'Another question?', value: 'Another question?' }]);
    // Nothing is lost and nothing said twice.
    for (let n = 1; n <= 6; n++) expect(`${short.text} ${more!.text}`.split(`Sentence ${n} `)).toHaveLength(2);
  });

  it('a first paragraph too long on its own is cut between sentences, and the rest of it comes first on MORE', () => {
    const paragraph = [1, 2, 3, 4, 5, 6].map(sentence).join(' ');
    const { short, more } = renderSmsShort({ text: paragraph, details: 'on-request' });
    expect(countSegments(short.text).segments).toBeLessThanOrEqual(2);
    expect(short.text).toMatch(/^Sentence 1 .*next\.\n\nReply MORE for details\.$/s);
    expect(`${short.text.replace(`\n\n${smsEn.moreHint}`, '')} ${more!.text}`).toBe(paragraph);
  });

  it('the question the bot goes back to stays in the short text, after the hint', () => {
    const { short } = renderSmsShort({ ...long, then: 'Back to your question: which test?' });
    expect(short.text.endsWith(`${smsEn.moreHint}\n\nBack to your question: which test?`)).toBe(true);
    expect(countSegments(short.text).segments).toBeLessThanOrEqual(2);
  });

  it('choices the candidate must pick from are never held back: they close the short text, and the rest again', () => {
    const choices = [1, 2, 3].map((n) => ({ title: `Choice ${n}`, value: String(n) }));
    const { short, more } = renderSmsShort({ text: long.text, choices });
    expect(countSegments(short.text).segments).toBeLessThanOrEqual(2);
    expect(short.text).toMatch(/Reply MORE for details\.\n\n1\. Choice 1\n2\. Choice 2\n3\. Choice 3\nReply with a number\.$/);
    expect(short.choices).toHaveLength(3);
    expect(more!.text).toMatch(/Sentence 6 .*\n\n1\. Choice 1\n2\. Choice 2\n3\. Choice 3\nReply with a number\.$/s);
    expect(more!.choices).toEqual(short.choices);
  });

  it('counts a text outside GSM-7 in UCS-2 segments (134 units for two)', () => {
    const spanish = { details: 'on-request' as const, text: ['Respuesta corta: sí, puede hacerlo en su cuenta myASE.', 'Más detalles: '.repeat(12), 'Último párrafo.'].join('\n\n') };
    const { short, more } = renderSmsShort(spanish);
    expect(countSegments(short.text)).toMatchObject({ encoding: 'UCS-2' });
    expect(countSegments(short.text).segments).toBeLessThanOrEqual(2);
    expect(more!.text).toContain('Último párrafo.');
  });

  it('a task or account answer is held to two segments as well: of a list, the first lines that fit', () => {
    const facts = [1, 2, 3, 4, 5].map((n) => ({ label: `A${n} Test number ${n}`, value: `current, expires Thursday, February 18, 202${n}` }));
    const { short, more } = renderSmsShort({ text: 'You have 5 certifications: 5 current.', facts });
    expect(countSegments(short.text).segments).toBeLessThanOrEqual(2);
    expect(short.text).toMatch(/^You have 5 certifications: 5 current\.\n\nA1 Test number 1: current, expires Thursday, February 18, 2021\n.*\n\nReply MORE for details\.$/s);
    const said = `${short.text}\n${more!.text}`;
    for (const fact of facts) expect(said.split(`${fact.label}: ${fact.value}`)).toHaveLength(2);
  });

  it('renderSms puts the rest in channelData.more for the MORE middleware', () => {
    const activity = renderSms(long);
    expect(activity.text!.endsWith(smsEn.moreHint)).toBe(true);
    expect(activity.channelData).toMatchObject({ more: { text: expect.stringContaining(sentence(6)), choices: [expect.objectContaining({ n: 1 })] } });
  });
});
