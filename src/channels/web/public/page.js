// @ts-check
/**
 * The standalone page at /: its own words (title, header, footer) follow the conversation's
 * language. The server renders the page in the browser's language and writes both languages'
 * words on each element (data-text-en, data-text-es); the widget says when the conversation
 * changes language (the `candidate-chat:language` event on document, widget.js).
 */
(function () {
  'use strict';
  document.addEventListener('candidate-chat:language', (event) => {
    const detail = /** @type {CustomEvent<{ language?: string }>} */ (event).detail;
    const language = detail && detail.language;
    if (language !== 'en' && language !== 'es') return;
    document.documentElement.lang = language;
    for (const node of Array.from(document.querySelectorAll('[data-text-' + language + ']'))) {
      node.textContent = node.getAttribute('data-text-' + language);
    }
  });
})();
