// @ts-check
/**
 * Canned replies (knowledge/canned-replies.yaml): "/" in the reply box opens a list filtered by
 * what follows it ("/gre"); Enter or a click puts the reply in the box, with {firstName} and
 * {topic} filled in, for the agent to edit and send. Nothing is sent without the agent.
 */
import { clear, el } from './dom.js';

/** @typedef {{ id: string, lang: string, title: string, text: string }} CannedReply */
/** @typedef {{ firstName?: string, topic?: string, language?: string }} PlaceholderValues */

/**
 * The reply with its placeholders filled. With no first name known, the name goes with the comma
 * or space before it ("Thanks for waiting, {firstName}." -> "Thanks for waiting.").
 * @param {string} text
 * @param {PlaceholderValues} values
 */
export function fillPlaceholders(text, values) {
  let filled = values.firstName ? text.split('{firstName}').join(values.firstName) : text.replace(/,?\s*\{firstName\}/g, '');
  filled = filled.split('{topic}').join(values.topic || (values.language === 'es' ? 'su pregunta' : 'your question'));
  return filled;
}

/**
 * Replies whose title, id or text contain every word typed after "/", those in the conversation's
 * language first (the first is what Enter puts in: a Spanish case must not get the English greeting).
 * @param {CannedReply[]} replies
 * @param {string} query
 * @param {string} [language] the case's language; English when unknown
 */
export function matchReplies(replies, query, language) {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const first = language || 'en';
  return replies
    .filter(function (r) {
      const haystack = (r.title + ' ' + r.id + ' ' + r.text).toLowerCase();
      return words.every(function (w) { return haystack.indexOf(w) >= 0; });
    })
    .sort(function (a, b) { return (a.lang === first ? 0 : 1) - (b.lang === first ? 0 : 1); });
}

/**
 * The "/query" being typed at the caret: from a "/" at the start of the box or after a space, up to
 * the caret. Null when the caret is not in one.
 * @param {string} value
 * @param {number} caret
 */
export function slashQuery(value, caret) {
  const before = value.slice(0, caret);
  const match = /(^|\s)\/([^/\n]*)$/.exec(before);
  if (!match) return null;
  const query = match[2] || '';
  return { start: before.length - query.length - 1, query: query };
}

/**
 * Wires the picker to the reply box. Must be attached before any other keydown handler of the box,
 * so that Enter picks a reply instead of sending while the list is open.
 * @param {{
 *   box: HTMLTextAreaElement,
 *   list: HTMLUListElement,
 *   replies: () => CannedReply[],
 *   values: () => PlaceholderValues,
 *   inserted: () => void
 * }} options
 */
export function attachCannedPicker(options) {
  const { box, list } = options;
  /** @type {CannedReply[]} */
  let shown = [];
  let selected = 0;
  /** @type {{ start: number, query: string } | null} */
  let typing = null;

  function close() {
    list.hidden = true;
    box.setAttribute('aria-expanded', 'false');
    box.removeAttribute('aria-activedescendant');
    shown = [];
  }

  function render() {
    clear(list);
    if (!shown.length) {
      list.appendChild(el('li', 'canned-empty', 'No canned reply matches.'));
      return;
    }
    shown.forEach(function (reply, i) {
      const item = el('li', 'canned-item');
      item.id = 'canned-' + i;
      item.setAttribute('role', 'option');
      item.setAttribute('data-testid', 'canned-item');
      item.setAttribute('aria-selected', i === selected ? 'true' : 'false');
      item.appendChild(el('span', 'canned-title', reply.title));
      item.appendChild(el('span', 'tag', reply.lang.toUpperCase()));
      item.appendChild(el('span', 'canned-text', reply.text));
      // mousedown, not click: the box keeps focus (and the caret) while the agent picks.
      item.addEventListener('mousedown', function (event) { event.preventDefault(); pick(i); });
      list.appendChild(item);
    });
    box.setAttribute('aria-activedescendant', 'canned-' + selected);
    const current = list.children[selected];
    if (current instanceof HTMLElement) current.scrollIntoView({ block: 'nearest' });
  }

  function update() {
    typing = slashQuery(box.value, box.selectionStart || 0);
    if (!typing) { close(); return; }
    shown = matchReplies(options.replies(), typing.query, options.values().language);
    selected = 0;
    list.hidden = false;
    box.setAttribute('aria-expanded', 'true');
    render();
  }

  /** @param {number} i */
  function pick(i) {
    const reply = shown[i];
    if (!reply || !typing) return;
    const text = fillPlaceholders(reply.text, options.values());
    const end = box.selectionStart || 0;
    box.value = box.value.slice(0, typing.start) + text + box.value.slice(end);
    const caret = typing.start + text.length;
    box.setSelectionRange(caret, caret);
    close();
    box.focus();
    options.inserted();
  }

  box.addEventListener('input', update);
  box.addEventListener('blur', close);
  box.addEventListener('keydown', function (event) {
    if (list.hidden) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!shown.length) return;
      selected = (selected + (event.key === 'ArrowDown' ? 1 : shown.length - 1)) % shown.length;
      render();
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      if (!shown.length) { close(); return; }
      pick(selected);
    } else if (event.key === 'Escape') {
      close();
    } else {
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
  });
}
