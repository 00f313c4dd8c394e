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
