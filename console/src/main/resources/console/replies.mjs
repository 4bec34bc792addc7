// The replies handsets sent to the account's messages (GET /v1/replies), newest first: the last 24 hours or the
// last 7 days (the API's longest range), each with the message it answers and the opt-out keyword it was.
import { h, when } from './dom.mjs';
import { language, t } from './i18n.mjs';
import { pagedRows } from './pages.mjs';

const DAYS = ['1', '7'];

export async function repliesPage(session, query) {
  const days = DAYS.includes(query.get('days')) ? query.get('days') : '1';
  // A minute short of the days: the API ends the range at its own now and refuses one longer than 7 days.
  const from = new Date(Date.now() - Number(days) * 86400000 + 60000).toISOString();
  const base = '/v1/replies?limit=20&from=' + encodeURIComponent(from);
  const { tbody, more, load } = pagedRows(base, page => page.replies, r => h('tr', { 'data-reply': r.replyId }, h('td', {}, when(r.receivedAt, language())),
      h('td', {}, r.phoneNumber), h('td', {}, r.text),
      h('td', {}, r.keyword ? h('span', { class: 'badge badge-' + r.keyword.toLowerCase() }, t('keyword.' + r.keyword)) : ''),
      h('td', {}, h('a', { href: '#/messages/' + encodeURIComponent(r.serialNo), 'aria-label': t('answersMessage', { serialNo: r.serialNo }) },
        r.serialNo))));
  await load();
  const range = h('select', { id: 'days', onchange: e => { location.hash = '#/replies?days=' + e.target.value; } },
    DAYS.map(d => h('option', { value: d, selected: d === days }, t('repliesDays.' + d))));
  return h('section', {}, h('h1', {}, t('replies')), h('p', { class: 'hint' }, t('repliesAbout')),
    h('p', {}, h('label', { for: 'days' }, t('repliesRange') + ' '), range),
    tbody.children.length === 0 ? h('p', { id: 'no-replies' }, t('noReplies')) : h('div', { class: 'scroll' }, h('table', { id: 'replies' },
      h('thead', {}, h('tr', {}, [t('receivedAt'), t('phone'), t('text'), t('keyword'), t('answers')].map(c => h('th', { scope: 'col' }, c)))),
      tbody)),
    more);
}
