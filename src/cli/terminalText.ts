/**
 * The bot's light Markdown (what Web Chat renders) as terminal text: `**bold**` and `_italic_`
 * (or `*italic*`) as ANSI bold and italic when the terminal shows colour, else plain with the
 * markers dropped; `[text](url)` as "text (url)"; "- " list items as bullets; `#` headings bold.
 */
export interface TerminalStyle {
  /** ANSI emphasis (a TTY without NO_COLOR); plain text otherwise. */
  ansi: boolean;
}

const BOLD = ['\u001b[1m', '\u001b[22m'] as const;
const ITALIC = ['\u001b[3m', '\u001b[23m'] as const;

export function terminalText(markdown: string, style: TerminalStyle): string {
  const wrap = (text: string, [on, off]: readonly [string, string]) => (style.ansi ? `${on}${text}${off}` : text);
  return markdown
    .split('\n')
    .map((line) => {
      const heading = /^#{1,6}\s+(.*)$/.exec(line);
      if (heading) return wrap(inline(heading[1]!, wrap), BOLD);
      const item = /^(\s*)[-*]\s+(.*)$/.exec(line);
      if (item) return `${item[1]}• ${inline(item[2]!, wrap)}`;
      return inline(line, wrap);
    })
    .join('\n');
}

function inline(text: string, wrap: (text: string, codes: readonly [string, string]) => string): string {
  return (
    text
      .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_match, label: string, url: string) => (label === url ? url : `${label} (${url})`))
      .replace(/\*\*([^*]+)\*\*/g, (_match, bold: string) => wrap(bold, BOLD))
      // Italic only at word edges, so snake_case and "3 * 4" stay as they are.
      .replace(/(^|[\s(])_([^_]+)_(?=$|[\s).,;:!?])/g, (_match, before: string, italic: string) => `${before}${wrap(italic, ITALIC)}`)
      .replace(/(^|[\s(])\*([^*\s][^*]*)\*(?=$|[\s).,;:!?])/g, (_match, before: string, italic: string) => `${before}${wrap(italic, ITALIC)}`)
  );
}

/** Whether this output should get ANSI emphasis (https://no-color.org). */
export const wantsAnsi = (stream: { isTTY?: boolean }, env: Record<string, string | undefined>): boolean =>
  Boolean(stream.isTTY) && !env.NO_COLOR && env.TERM !== 'dumb';
