// Statistics: comments per day and how many of them were held, rejected and flagged, as an SVG
// chart drawn here (no charting library) with the same figures in a table beneath it for
// screen readers and for copying.
import { h } from '../widget/dom.js';
import { call, query } from './mod-api.js';

const SVG = 'http://www.w3.org/2000/svg';
const SERIES = [
  ['comments', 'Comments', 'var(--chart-comments)'],
  ['held', 'Held', 'var(--chart-held)'],
  ['rejected', 'Rejected', 'var(--chart-rejected)'],
  ['flagged', 'Flagged', 'var(--chart-flagged)'],
];

function svg(tag, attributes, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

// Per day a group of four bars: all comments, then the held, rejected and flagged ones.
export function chart(days) {
  const width = 760;
  const height = 260;
  const left = 40;
  const bottom = 30;
  const top = 10;
  const max = Math.max(1, ...days.map((day) => day.comments));
  const step = (width - left) / Math.max(days.length, 1);
  const bar = Math.max(1, (step * 0.8) / SERIES.length);
  const y = (value) => top + (height - top - bottom) * (1 - value / max);
  const parts = [];
  for (const fraction of [0, 0.5, 1]) {
    const value = Math.round(max * fraction);
    parts.push(
      svg('line', { x1: left, x2: width, y1: y(value), y2: y(value), class: 'grid' }),
      svg('text', { x: left - 6, y: y(value) + 4, 'text-anchor': 'end', class: 'axis' }, String(value)),
    );
  }
  days.forEach((day, index) => {
    const x0 = left + index * step + step * 0.1;
    SERIES.forEach(([key, label, color], series) => {
      const value = day[key];
      parts.push(
        svg(
          'rect',
          { x: x0 + series * bar, y: y(value), width: bar, height: Math.max(0, y(0) - y(value)), fill: color, 'data-series': key },
          svg('title', {}, `${day.day}: ${value} ${label.toLowerCase()}`),
        ),
      );
    });
    if (index % Math.ceil(days.length / 8) == 0) {
      parts.push(svg('text', { x: x0, y: height - 10, class: 'axis' }, day.day.slice(5)));
    }
  });
  return svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'Comments per day, with held, rejected and flagged ones', class: 'chart' }, ...parts);
}

const share = (part, whole) => (whole ? `${((100 * part) / whole).toFixed(1)}%` : '–');

export async function statsView(root) {
  const { days } = await call('GET', `/stats${query({ days: 30 })}`);
  const total = (key) => days.reduce((sum, day) => sum + day[key], 0);
  const all = total('comments');
  root.replaceChildren(
    h('h1', {}, 'Statistics, last 30 days'),
    h(
      'p',
      { class: 'summary' },
      `${all} comments: ${share(total('held'), all)} held, ${share(total('rejected'), all)} rejected, ${share(total('flagged'), all)} flagged.`,
    ),
    h('ul', { class: 'legend' }, SERIES.map(([key, label]) => h('li', { class: `legend-${key}` }, label))),
    chart(days),
    h(
      'table',
      { class: 'stats' },
      h('thead', {}, h('tr', {}, ['Day', ...SERIES.map(([, label]) => label)].map((label) => h('th', { scope: 'col' }, label)))),
      h('tbody', {}, days.map((day) => h('tr', {}, h('th', { scope: 'row' }, day.day), SERIES.map(([key]) => h('td', {}, String(day[key])))))),
    ),
  );
}
