// @ts-check
/**
 * The insights charts, drawn with uPlot (the `uplot` package, served from node_modules by hashed
 * name like the console's own files, and loaded by index.html before these modules run): horizontal
 * bars for counts by item, and bars with a line for a figure per day. uPlot draws on a canvas and
 * sets sizes through the DOM (no style attributes, no eval), so the page's CSP holds. Every chart
 * is a figure with a text alternative (role="img" and an aria-label with the figures), and the
 * tables beside it keep the exact numbers. Without the library (it failed to load) the figure is
 * left empty and the tables are still there.
 */

import { counted } from './format.js';

/** @typedef {import('uplot').Options} ChartOptions */
/** @typedef {InstanceType<typeof import('uplot')>} Chart */

const COLOUR = { bar: '#3b6ea5', bad: '#c0504d', good: '#3a8a4f', text: '#333333', axis: '#999999', grid: '#e4e4e4' };
const FONT = '11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
/** Tick steps that are whole numbers: the figures are counts. */
const WHOLE_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000];

/** The charts on screen, destroyed before the next ones are drawn (each listens to the window). */
/** @type {Chart[]} */
const drawn = [];

/** Removes the charts drawn so far (before the insights are drawn again). */
export function clearCharts() {
  while (drawn.length) {
    const chart = drawn.pop();
    if (chart) chart.destroy();
  }
}

/** @returns {(typeof import('uplot')) | undefined} */
function library() {
  const found = /** @type {{ uPlot?: typeof import('uplot') }} */ (/** @type {unknown} */ (window)).uPlot;
  return typeof found === 'function' ? found : undefined;
}

/** @param {string} text @param {number} max */
const shortened = (text, max) => (text.length > max ? text.slice(0, max - 1) + '\u2026' : text);

/**
 * The figure a chart is drawn in, read out as its label and figures.
 * @param {string} label @param {string} figures
 */
function figure(label, figures) {
  const box = document.createElement('div');
  box.className = 'chart';
  box.setAttribute('role', 'img');
  box.setAttribute('aria-label', label + ': ' + figures);
  return box;
}

/**
 * Writes each bar's figure at its end (uPlot draws the bars; the numbers are ours).
 * @param {Chart} u @param {number[]} values @param {boolean} horizontal
 */
function writeValues(u, values, horizontal) {
  const ctx = u.ctx;
  const ratio = window.devicePixelRatio || 1;
  ctx.save();
  ctx.font = Math.round(11 * ratio) + 'px system-ui, sans-serif';
  ctx.fillStyle = COLOUR.text;
  values.forEach(function (value, i) {
    if (!value) return;
    const along = u.valToPos(i, 'x', true);
    const end = u.valToPos(value, 'y', true);
    if (horizontal) {
      ctx.textAlign = 'left';
      ctx.textBaseline = 'middle';
      ctx.fillText(String(value), end + 4 * ratio, along);
    } else {
      ctx.textAlign = 'center';
      ctx.textBaseline = 'bottom';
      ctx.fillText(String(value), along, end - 3 * ratio);
    }
  });
  ctx.restore();
}

/**
 * Horizontal bars, one per row, in the order given, the first on top; at most `limit` rows.
 * @param {string} label what the chart shows, for screen readers
 * @param {Array<{ label: string, value: number, tone?: 'good' | 'bad' }>} rows
 * @param {{ limit?: number, width?: number }} [options]
 * @returns {HTMLElement}
 */
export function barChart(label, rows, options) {
  const shown = rows.slice(0, (options && options.limit) || 10);
  const box = figure(label, shown.map(function (row) { return row.label + ' ' + row.value; }).join(', '));
  const uPlot = library();
  if (!uPlot || !shown.length) return box;
  const positions = shown.map(function (_row, i) { return i; });
  const values = shown.map(function (row) { return row.value; });
  const colours = shown.map(function (row) { return row.tone === 'good' ? COLOUR.good : row.tone === 'bad' ? COLOUR.bad : COLOUR.bar; });
  const max = Math.max(1, ...values);
  /** @type {ChartOptions} */
  const settings = {
    width: (options && options.width) || 360,
    height: shown.length * 24 + 34,
    legend: { show: false },
    cursor: { show: false },
    // x: the rows, top to bottom; y: the counts, left to right, with room for the figure at a bar's end.
    scales: {
      x: { time: false, ori: 1, dir: -1, range: [-0.5, shown.length - 0.5] },
      y: { ori: 0, dir: 1, range: [0, Math.ceil(max * 1.18)] },
    },
    axes: [
      {
        scale: 'x',
        side: 3,
        size: 128,
        font: FONT,
        stroke: COLOUR.text,
        grid: { show: false },
        ticks: { show: false },
        splits: function () { return positions; },
        values: function (_u, splits) { return splits.map(function (i) { const row = shown[i]; return row ? shortened(row.label, 20) : ''; }); },
      },
      {
        scale: 'y',
        side: 2,
        size: 26,
        font: FONT,
        stroke: COLOUR.text,
        incrs: WHOLE_STEPS,
        grid: { stroke: COLOUR.grid, width: 1 },
        ticks: { stroke: COLOUR.axis, width: 1, size: 4 },
      },
    ],
    series: [
      {},
      {
        label: label,
        fill: COLOUR.bar,
        stroke: COLOUR.bar,
        width: 0,
        points: { show: false },
        paths: uPlot.paths.bars ? uPlot.paths.bars({ size: [0.7, 18], disp: { fill: { unit: 3, values: function () { return colours; } } } }) : undefined,
      },
    ],
    hooks: { draw: [function (u) { writeValues(u, values, true); }] },
  };
  drawn.push(new uPlot(settings, [positions, values], box));
  return box;
}

/**
 * Per day: the total (questions) as columns, and a second figure (not answered) as a line over them.
 * @param {string} label
 * @param {Array<{ day: string, total: number, part: number }>} days
 * @param {{ total: [string, string], part: [string, string] }} names what the two figures count, singular and plural (["question", "questions"])
 * @param {{ width?: number }} [options]
 * @returns {HTMLElement}
 */
export function dayChart(label, days, names, options) {
  const box = figure(label, days.map(function (d) { return d.day + ' ' + counted(d.total, names.total[0], names.total[1]) + ', ' + counted(d.part, names.part[0], names.part[1]); }).join('; '));
  const uPlot = library();
  if (!uPlot || !days.length) return box;
  const positions = days.map(function (_d, i) { return i; });
  const totals = days.map(function (d) { return d.total; });
  const parts = days.map(function (d) { return d.part; });
  const max = Math.max(1, ...totals);
  // A day label under every column when they fit, else under every seventh.
  const every = days.length <= 14 ? 1 : 7;
  /** @type {ChartOptions} */
  const settings = {
    width: (options && options.width) || 640,
    height: 190,
    legend: { show: true, live: false },
    cursor: { show: false },
    scales: {
      x: { time: false, range: [-0.5, days.length - 0.5] },
      y: { range: [0, Math.ceil(max * 1.2)] },
    },
    axes: [
      {
        font: FONT,
        stroke: COLOUR.text,
        grid: { show: false },
        ticks: { show: false },
        size: 24,
        splits: function () { return positions.filter(function (i) { return i % every === 0; }); },
        values: function (_u, splits) { return splits.map(function (i) { const d = days[i]; return d ? d.day.slice(5) : ''; }); },
      },
      { font: FONT, stroke: COLOUR.text, size: 34, incrs: WHOLE_STEPS, grid: { stroke: COLOUR.grid, width: 1 }, ticks: { stroke: COLOUR.axis, width: 1, size: 4 } },
    ],
    series: [
      {},
      {
        label: names.total[1],
        fill: COLOUR.bar,
        stroke: COLOUR.bar,
        width: 0,
        points: { show: false },
        paths: uPlot.paths.bars ? uPlot.paths.bars({ size: [0.6, 28] }) : undefined,
      },
      { label: names.part[1], stroke: COLOUR.bad, width: 2, points: { show: true, size: 6, fill: COLOUR.bad, stroke: COLOUR.bad } },
    ],
    hooks: { draw: [function (u) { writeValues(u, totals, false); }] },
  };
  drawn.push(new uPlot(settings, [positions, totals, parts], box));
  return box;
}
