import { describe, expect, it } from 'vitest';
import { terminalText, wantsAnsi } from '../../src/cli/terminalText.js';
import { renderDefault } from '../../src/channels/render.js';

const plain = { ansi: false };
const ansi = { ansi: true };

describe('the terminal chat shows the bot’s Markdown as text', () => {
  it('drops the emphasis markers in plain text, and keeps the words', () => {
    expect(terminalText('It costs **$7.50** per series.\n\n_Source: ASE Frequently Asked Questions, 2022-09-20_', plain)).toBe(
      'It costs $7.50 per series.\n\nSource: ASE Frequently Asked Questions, 2022-09-20',
    );
  });

  it('shows bold and italic as ANSI emphasis on a colour terminal', () => {
    expect(terminalText('**Last day:** Friday', ansi)).toBe('\u001b[1mLast day:\u001b[22m Friday');
    expect(terminalText('_Source: ASE FAQ_', ansi)).toBe('\u001b[3mSource: ASE FAQ\u001b[23m');
  });

  it('turns list items into bullets and links into "text (address)"', () => {
    expect(terminalText('- **Test:** A1\n- see [myASE](https://www.myase.com)', plain)).toBe('• Test: A1\n• see myASE (https://www.myase.com)');
  });

  it('leaves underscores and stars inside words and sums alone', () => {
    expect(terminalText('file_name_here and 3 * 4 = 12', plain)).toBe('file_name_here and 3 * 4 = 12');
  });

  it('renders what the bot really sends: a reply with facts and its source', () => {
    const activity = renderDefault({
      text: 'You can take it again from **Tuesday, April 22, 2025**.',
      facts: [{ label: 'Failed on', value: 'Friday, March 21, 2025' }],
      source: { title: 'ASE Frequently Asked Questions', date: '2022-09-20' },
    });
    const shown = terminalText(String(activity.text), plain);
    expect(shown).toBe(
      'You can take it again from Tuesday, April 22, 2025.\n\n• Failed on: Friday, March 21, 2025\n\nSource: ASE Frequently Asked Questions, 2022-09-20',
    );
    expect(shown).not.toMatch(/\*\*|_S/);
  });

  it('uses ANSI only on a terminal, and never with NO_COLOR or TERM=dumb', () => {
    expect(wantsAnsi({ isTTY: true }, {})).toBe(true);
    expect(wantsAnsi({ isTTY: false }, {})).toBe(false);
    expect(wantsAnsi({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(wantsAnsi({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
  });
});
