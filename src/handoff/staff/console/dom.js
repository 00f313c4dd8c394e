// @ts-check
/**
 * DOM helpers for the staff console. Every server value reaches the page through textContent:
 * nothing here (or anywhere in the console) parses text as HTML.
 */

/**
 * The element with this id, of the expected kind: a page and script that disagree fail loudly
 * here, naming the id, instead of later as "cannot read property of null".
 * @template {HTMLElement} [T=HTMLElement]
 * @param {string} id
 * @param {{ new (): T; prototype: T }} [kind]
 * @returns {T}
 */
export function $(id, kind) {
  const node = document.getElementById(id);
  if (!node) throw new Error(`staff console: no element #${id} in the page`);
  if (kind && !(node instanceof kind)) throw new Error(`staff console: #${id} is a <${node.tagName.toLowerCase()}>, not the expected kind`);
  return /** @type {T} */ (node);
}

/** @param {string} id */
export const input = (id) => $(id, HTMLInputElement);
/** @param {string} id */
export const textArea = (id) => $(id, HTMLTextAreaElement);
/** @param {string} id */
export const select = (id) => $(id, HTMLSelectElement);
/** @param {string} id */
export const buttonEl = (id) => $(id, HTMLButtonElement);

/**
 * createElement with a class and text; text always goes through textContent.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {string | null} [className]
 * @param {unknown} [text]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

/**
 * @param {string} text
 * @param {string} [className]
 * @param {string} [testid]
 */
export function button(text, className, testid) {
  const b = el('button', className || 'btn', text);
  b.type = 'button';
  if (testid) b.setAttribute('data-testid', testid);
  return b;
}

/** @param {Node} node */
export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

let uid = 0;
/** @param {string} prefix */
export function nextId(prefix) {
  uid += 1;
  return prefix + '-' + uid;
}

// Bold, italic and links as the bot and agents write them (Web Chat shows them so to the candidate).
// The boundaries are renderSms's: an underscore inside a word (a file_name) is not emphasis.
const INLINE = /\*\*(?=\S)([^\n]*?\S)\*\*|__(?=\S)([^\n]*?\S)__|(^|[^*\w])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?![*\w])|(^|[^_\w])_(?=[^\s_])([^_\n]*?[^\s_])_(?![_\w])|\[([^\]\n]+)\]\((https?:\/\/[^)\s]+)\)/g;

/**
 * Light Markdown as the candidate saw it, built from text nodes and <strong>/<em> only (never parsed
 * as HTML): "**confirmed**" reads bold, "_Source: ..._" italic, "[ASE](https://ase.com)" as
 * "ASE (https://ase.com)". Anything else stays as written.
 * @param {string} text
 * @returns {DocumentFragment}
 */
export function inlineMarkdown(text) {
  const out = document.createDocumentFragment();
  let last = 0;
  INLINE.lastIndex = 0;
  for (let m = INLINE.exec(text); m; m = INLINE.exec(text)) {
    const before = text.slice(last, m.index) + (m[3] ?? m[5] ?? '');
    if (before) out.appendChild(document.createTextNode(before));
    if (m[1] !== undefined || m[2] !== undefined) out.appendChild(el('strong', null, m[1] ?? m[2]));
    else if (m[4] !== undefined || m[6] !== undefined) out.appendChild(el('em', null, m[4] ?? m[6]));
    else out.appendChild(document.createTextNode(m[7] + ' (' + m[8] + ')'));
    last = INLINE.lastIndex;
  }
  if (last < text.length) out.appendChild(document.createTextNode(text.slice(last)));
  return out;
}
