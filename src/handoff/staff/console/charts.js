// @ts-check
/**
 * Small charts for the insights, drawn as inline SVG with DOM calls (no library, no HTML parsing):
 * horizontal bars for counts by item, and columns for a figure per day. Every chart has a text
 * alternative (role="img" and an aria-label with the figures), and the tables beside it keep the
 * exact numbers. Colours come from console.css classes, so the page's CSP needs no inline style.
 */

const SVG = 'http://www.w3.org/2000/svg';

/**
 * @param {string} tag
 * @param {Record<string, string | number>} attributes
 * @param {string} [text]
 * @returns {SVGElement}
 */
function svg(tag, attributes, text) {
  const node = /** @type {SVGElement} */ (document.createElementNS(SVG, tag));
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** @param {string} text @param {number} max */
const shortened = (text, max) => (text.length > max ? text.slice(0, max - 1) + '\u2026' : text);

/**
 * Horizontal bars, one per row, longest first as given; at most `limit` rows.
 * @param {string} label what the chart shows, for screen readers
 * @param {Array<{ label: string, value: number, tone?: 'good' | 'bad' }>} rows
 * @param {{ limit?: number, width?: number }} [options]
 * @returns {SVGElement}
 */
export function barChart(label, rows, options) {
  const shown = rows.slice(0, (options && options.limit) || 10);
  // Drawn about as wide as the section it sits in (280-460 px), so its 11 px text stays 11 px.
  const width = (options && options.width) || 340;
  const labelWidth = 130;
  const barArea = width - labelWidth - 36;
  const rowHeight = 22;
  const max = Math.max(1, ...shown.map((row) => row.value));
  const chart = svg('svg', { class: 'chart', viewBox: '0 0 ' + width + ' ' + (shown.length * rowHeight + 4), width: '100%', role: 'img' });
  chart.setAttribute('aria-label', label + ': ' + shown.map((row) => row.label + ' ' + row.value).join(', '));
  shown.forEach(function (row, i) {
    const y = i * rowHeight + 2;
    const title = svg('title', {}, row.label + ': ' + row.value);
    const name = svg('text', { x: labelWidth - 6, y: y + 15, class: 'chart-label', 'text-anchor': 'end' }, shortened(row.label, 22));
    name.appendChild(title);
    const length = Math.max(row.value > 0 ? 2 : 0, Math.round((row.value / max) * barArea));
    const bar = svg('rect', { x: labelWidth, y: y + 3, width: length, height: rowHeight - 8, rx: 2, class: 'chart-bar' + (row.tone ? ' chart-bar--' + row.tone : '') });
    const value = svg('text', { x: labelWidth + length + 4, y: y + 15, class: 'chart-value' }, String(row.value));
    chart.append(name, bar, value);
  });
  return chart;
}

/**
 * Columns per day: the total (conversations) with a second figure (unanswered) drawn inside it.
 * @param {string} label
 * @param {Array<{ day: string, total: number, part: number }>} days
 * @param {{ total: string, part: string }} names what the two figures are
 * @returns {SVGElement}
 */
export function dayChart(label, days, names) {
  const width = 420;
  const height = 120;
  const base = height - 18;
  const step = width / Math.max(1, days.length);
  const column = Math.max(2, Math.min(28, step - 4));
  const max = Math.max(1, ...days.map((d) => d.total));
  const chart = svg('svg', { class: 'chart', viewBox: '0 0 ' + width + ' ' + height, width: '100%', role: 'img' });
  chart.setAttribute('aria-label', label + ': ' + days.map((d) => d.day + ' ' + d.total + ' ' + names.total + ', ' + d.part + ' ' + names.part).join('; '));
  days.forEach(function (d, i) {
    const x = i * step + (step - column) / 2;
    const total = Math.round((d.total / max) * (base - 14));
    const part = Math.round((d.part / max) * (base - 14));
    const group = svg('g', {});
    group.appendChild(svg('title', {}, d.day + ': ' + d.total + ' ' + names.total + ', ' + d.part + ' ' + names.part));
    group.appendChild(svg('rect', { x, y: base - total, width: column, height: total, class: 'chart-bar' }));
    group.appendChild(svg('rect', { x, y: base - part, width: column, height: part, class: 'chart-bar chart-bar--bad' }));
    if (d.total > 0) group.appendChild(svg('text', { x: x + column / 2, y: base - total - 3, class: 'chart-value', 'text-anchor': 'middle' }, String(d.total)));
    // A day label under every column when they fit, else under every seventh.
    if (days.length <= 14 || i % 7 === 0) group.appendChild(svg('text', { x: x + column / 2, y: height - 4, class: 'chart-label', 'text-anchor': 'middle' }, d.day.slice(5)));
    chart.appendChild(group);
  });
  chart.appendChild(svg('line', { x1: 0, x2: width, y1: base, y2: base, class: 'chart-axis' }));
  return chart;
}
