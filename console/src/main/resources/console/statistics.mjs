// The account's messages per UTC day as a bar chart (inline SVG, no library) with the table of figures beside it,
// for a range of at most 31 days (the API's limit; the API judges the range and its refusals are shown at the field).
import { call } from './api.mjs';
import { h, svg } from './dom.mjs';
import { problemText, t } from './i18n.mjs';

const COLUMNS = ['requested', 'sent', 'delivered', 'undelivered', 'failed', 'fee', 'optedOut'];
const BARS = [['requested', 'bar-requested'], ['delivered', 'bar-delivered']];
const day = date => date.toISOString().slice(0, 10);

function chart(days) {
  const width = 640, height = 240, left = 40, bottom = 28, top = 10;
  const max = Math.max(1, ...days.flatMap(d => BARS.map(([k]) => d[k])));
  const step = Math.pow(10, Math.floor(Math.log10(max)));
  const ceiling = Math.ceil(max / step) * step;
  const y = v => top + (height - top - bottom) * (1 - v / ceiling);
  const slot = (width - left) / days.length;
  const bar = Math.max(2, slot / (BARS.length + 1));
  const every = Math.ceil(days.length / 10);
  const ticks = [0, ceiling / 2, ceiling].filter((v, i, all) => Number.isInteger(v) && all.indexOf(v) === i);
  return svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': 'chart-title', id: 'chart', class: 'chart' },
    svg('title', { id: 'chart-title' }, t('chartTitle')),
    ticks.map(v => [svg('line', { x1: left, x2: width, y1: y(v), y2: y(v), class: 'grid' }),
      svg('text', { x: left - 6, y: y(v) + 4, 'text-anchor': 'end' }, String(v))]),
    days.map((d, i) => svg('g', { 'data-date': d.date },
      BARS.map(([key, cls], j) => svg('rect', { class: cls, x: left + i * slot + bar / 2 + j * bar, y: y(d[key]),
        width: bar, height: y(0) - y(d[key]) })),
      i % every === 0 ? svg('text', { x: left + i * slot + slot / 2, y: height - 8, 'text-anchor': 'middle' }, d.date.slice(5)) : null)));
}

export async function statisticsPage(session, query) {
  const today = new Date();
  const to = query.get('to') ?? day(today);
  const from = query.get('from') ?? day(new Date(today.getTime() - 6 * 86400000));
  const inputs = { from: h('input', { id: 'from', type: 'date', value: from, 'aria-describedby': 'from-message' }),
    to: h('input', { id: 'to', type: 'date', value: to, 'aria-describedby': 'to-message' }) };
  const messages = { from: h('p', { class: 'field-message', id: 'from-message' }), to: h('p', { class: 'field-message', id: 'to-message' }) };
  const form = h('form', { class: 'range', novalidate: true, onsubmit: e => {
    e.preventDefault();
    location.hash = '#/statistics?from=' + encodeURIComponent(inputs.from.value) + '&to=' + encodeURIComponent(inputs.to.value);
  } }, ['from', 'to'].map(k => h('div', { class: 'field' }, h('label', { for: k }, t('range.' + k)), inputs[k], messages[k])),
  h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'show-range' }, t('showRange'))));
  const heading = [h('h1', {}, t('statistics')), h('p', { class: 'hint' }, t('statisticsAbout'))];
  let days;
  try {
    days = (await call('GET', '/v1/statistics?from=' + encodeURIComponent(from) + '&to=' + encodeURIComponent(to))).days;
  } catch (failure) {
    if (failure.status !== 400) throw failure;
    const at = messages[failure.field] ? failure.field : 'to';
    messages[at].textContent = problemText(failure);
    messages[at].className = 'field-message error';
    inputs[at].setAttribute('aria-invalid', 'true');
    return h('section', {}, heading, form);
  }
  const table = h('table', { id: 'figures' }, h('caption', {}, t('figuresCaption')),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('date')), COLUMNS.map(c => h('th', { scope: 'col' }, t('stat.' + c))))),
    h('tbody', {}, days.map(d => h('tr', { 'data-date': d.date }, h('th', { scope: 'row' }, d.date),
      COLUMNS.map(c => h('td', {}, String(d[c])))))));
  const legend = h('ul', { class: 'legend' }, BARS.map(([key, cls]) => h('li', {}, h('span', { class: 'swatch ' + cls }), t('stat.' + key))));
  return h('section', {}, heading, form,
    h('div', { class: 'stats' }, h('figure', {}, chart(days), legend), h('div', { class: 'scroll' }, table)));
}
