// Charts without a chart library: pure geometry (tested with node --test) and small SVG
// builders over it. Colours come from CSS (classes state-covered, state-needs-review,
// state-missing → --covered, --needs-review, --missing).

import { svg } from './dom.js';

/** The parts of a tally, in drawing order, with the state names the CSS and messages use. */
export const PARTS = [
  ['covered', 'covered'],
  ['needs_review', 'needs-review'],
  ['missing', 'missing'],
];

const round = (n) => Math.round(n * 100) / 100;

function total(tally) {
  return PARTS.reduce((sum, [field]) => sum + (Number(tally?.[field]) || 0), 0);
}

/**
 * The arcs of a ring chart of radius `radius`, as stroke-dasharray pieces of its
 * circumference: [{ state, value, length, offset, circumference }], empty parts left out.
 * Drawn from 12 o'clock clockwise when the circle is rotated by -90°.
 */
export function donutSegments(tally, radius) {
  const sum = total(tally);
  if (!sum) return [];
  const circumference = 2 * Math.PI * radius;
  let before = 0;
  const segments = [];
  for (const [field, state] of PARTS) {
    const value = Number(tally[field]) || 0;
    if (!value) continue;
    const start = round((before / sum) * circumference);
    before += value;
    const end = round((before / sum) * circumference);
    segments.push({ state, value, length: round(end - start), offset: start, circumference: round(circumference) });
  }
  return segments;
}

/**
 * The pieces of a horizontal stacked bar `width` wide: [{ state, value, x, width }], empty
 * parts left out; the pieces tile the bar exactly.
 */
export function stackedBar(tally, width) {
  const sum = total(tally);
  if (!sum) return [];
  let before = 0;
  const pieces = [];
  for (const [field, state] of PARTS) {
    const value = Number(tally[field]) || 0;
    if (!value) continue;
    const x = round((before / sum) * width);
    before += value;
    pieces.push({ state, value, x, width: round(round((before / sum) * width) - x) });
  }
  return pieces;
}

const DAY = 86_400_000;
const dayNumber = (iso) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);

/**
 * The points of a readiness trend in a `width` × `height` box with `pad` around: x by date
 * (first day left, last day right; a single day sits left), y by readiness (100 % at the
 * top). `history` is [{ day: 'YYYY-MM-DD', requirements: { readiness } }], oldest first.
 */
export function trendPoints(history, width, height, pad = 0) {
  if (!history?.length) return [];
  const days = history.map((h) => dayNumber(h.day));
  const first = Math.min(...days);
  const span = Math.max(...days) - first;
  const innerWidth = width - 2 * pad;
  const innerHeight = height - 2 * pad;
  return history.map((h, i) => {
    const readiness = Math.max(0, Math.min(1, Number(h.requirements?.readiness) || 0));
    return {
      day: h.day,
      readiness,
      x: round(pad + (span ? ((days[i] - first) / span) * innerWidth : 0)),
      y: round(pad + (1 - readiness) * innerHeight),
    };
  });
}

/** Points as a polyline's `points` attribute: 'x,y x,y'. */
export function pointsAttribute(points) {
  return points.map((p) => `${p.x},${p.y}`).join(' ');
}

/** A share (0 to 1) as a whole percentage in `lang`: 0.42 → '42%' (en), '42 %' (de). */
export function formatPercent(fraction, lang = 'en') {
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(Number(fraction) || 0);
}

/**
 * A ring chart of a tally. `describe(state, value)` gives each arc's tooltip; `label` is the
 * text a screen reader reads for the whole chart.
 */
export function donutChart(tally, { size = 140, stroke = 18, label = '', describe = (s, v) => `${s}: ${v}` } = {}) {
  const radius = (size - stroke) / 2;
  const centre = size / 2;
  const ring = (extra) =>
    svg('circle', { cx: centre, cy: centre, r: radius, fill: 'none', 'stroke-width': stroke, ...extra });
  return svg(
    'svg',
    { class: 'chart donut', viewBox: `0 0 ${size} ${size}`, width: size, height: size, role: 'img', 'aria-label': label },
    svg('title', {}, label),
    ring({ class: 'ring-empty' }),
    donutSegments(tally, radius).map((s) =>
      ring({
        class: `seg state-${s.state}`,
        'stroke-dasharray': `${s.length} ${s.circumference}`,
        'stroke-dashoffset': -s.offset,
        transform: `rotate(-90 ${centre} ${centre})`,
      }, svg('title', {}, describe(s.state, s.value))),
    ),
  );
}

/**
 * One horizontal stacked bar of a tally (scales to its box). `describe(state, value)` gives
 * each piece's tooltip; `label` is what a screen reader reads.
 */
export function barChart(tally, { width = 300, height = 14, label = '', describe = (s, v) => `${s}: ${v}` } = {}) {
  return svg(
    'svg',
    {
      class: 'chart bar',
      viewBox: `0 0 ${width} ${height}`,
      preserveAspectRatio: 'none',
      role: 'img',
      'aria-label': label,
    },
    svg('title', {}, label),
    svg('rect', { class: 'bar-empty', x: 0, y: 0, width, height }),
    stackedBar(tally, width).map((p) =>
      svg('rect', { class: `seg state-${p.state}`, x: p.x, y: 0, width: p.width, height }, svg('title', {}, describe(p.state, p.value))),
    ),
  );
}

/**
 * A readiness trend: a line over the days of `history` with a dot per day and lines at 0, 50
 * and 100 % (labelled by `levelLabel(level)` at the right). `describe(point)` gives each
 * dot's tooltip.
 */
export function trendChart(
  history,
  { width = 480, height = 120, pad = 8, label = '', describe = (p) => `${p.day}: ${p.readiness}`, levelLabel = (l) => `${l * 100} %` } = {},
) {
  // The right edge keeps room for the level labels.
  const plotWidth = width - 48;
  const points = trendPoints(history, plotWidth, height, pad);
  const grid = [0, 0.5, 1].map((level) => {
    const y = round(pad + (1 - level) * (height - 2 * pad));
    return [
      svg('line', { class: 'grid-line', x1: pad, x2: plotWidth - pad, y1: y, y2: y }),
      svg('text', { class: 'level', x: plotWidth, y, 'dominant-baseline': 'middle', 'aria-hidden': 'true' }, levelLabel(level)),
    ];
  });
  return svg(
    'svg',
    { class: 'chart trend', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label },
    svg('title', {}, label),
    grid.flat(),
    points.length > 1 ? svg('polyline', { class: 'trend-line', fill: 'none', points: pointsAttribute(points) }) : null,
    points.map((p) => svg('circle', { class: 'trend-dot', cx: p.x, cy: p.y, r: 4 }, svg('title', {}, describe(p)))),
  );
}
