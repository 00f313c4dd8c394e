import { expect } from 'vitest';

/**
 * What a turn's reply must show, one grammar for every transcript. A string or RegExp is matched
 * against the text of every activity the bot sent that turn, joined; `not(...)` must not match;
 * `buttons(...)` are the choices offered; an array must satisfy every item.
 */
export type Expected = string | RegExp | { not: string | RegExp } | { buttons: string[] } | Expected[];

export const not = (unwanted: string | RegExp): Expected => ({ not: unwanted });
export const buttons = (...titles: string[]): Expected => ({ buttons: titles });
export const all = (...expected: Expected[]): Expected => expected;

/** What one turn showed the candidate. */
export interface Shown {
  text: string;
  /** Suggested-action titles, in order. */
  buttons: string[];
}

export interface CheckOptions {
  /**
   * On SMS there are no buttons: the choices are the numbered lines "1. Title" in the text, so
   * `buttons(...)` is checked there.
   */
  numberedChoices?: boolean;
}

export function check(shown: Shown, expected: Expected, options: CheckOptions = {}): void {
  if (Array.isArray(expected)) {
    for (const item of expected) check(shown, item, options);
  } else if (typeof expected === 'string') {
    expect(shown.text).toContain(expected);
  } else if (expected instanceof RegExp) {
    expect(shown.text).toMatch(expected);
  } else if ('not' in expected) {
    if (typeof expected.not === 'string') expect(shown.text).not.toContain(expected.not);
    else expect(shown.text).not.toMatch(expected.not);
  } else if (options.numberedChoices) {
    expect(numberedLines(shown.text), 'the numbered choices').toEqual(expected.buttons);
  } else {
    expect(shown.buttons).toEqual(expected.buttons);
  }
}

/** The titles of the last run of lines "1. …", "2. …" in an SMS text (earlier lists are content). */
export function numberedLines(text: string): string[] {
  let run: string[] = [];
  for (const line of text.split('\n')) {
    const match = /^(\d+)\. (.+)$/.exec(line.trim());
    if (match && Number(match[1]) === run.length + 1) run.push(match[2]!);
    else if (match && match[1] === '1') run = [match[2]!];
  }
  return run;
}
