// The numbers that opted out of the account's marketing: a page at a time, add one in any form the API accepts
// (it answers with E.164), remove one.
import { call } from './api.mjs';
import { announce, h, when } from './dom.mjs';
import { language, problemText, t } from './i18n.mjs';
import { pagedRows } from './pages.mjs';

const path = number => '/v1/opt-outs/' + encodeURIComponent(number);

export async function optOutsPage() {
  const number = h('input', { id: 'number', type: 'tel', autocomplete: 'off', 'aria-describedby': 'number-hint number-message' });
  const message = h('p', { class: 'field-message', id: 'number-message', 'aria-live': 'polite' });
  const empty = h('p', { id: 'no-opt-outs' }, t('noOptOuts'));
  const row = o => h('tr', { 'data-number': o.phoneNumber }, h('td', {}, o.phoneNumber), h('td', {}, when(o.optedOutAt, language())),
    h('td', {}, t('optOutSource.' + o.source)),
    h('td', {}, h('button', { type: 'button', class: 'danger', 'aria-label': t('removeNumber', { number: o.phoneNumber }),
      onclick: async e => {
        try {
          await call('DELETE', path(o.phoneNumber));
          e.target.closest('tr').remove();
          showEmpty();
          announce(t('optOutRemoved', { number: o.phoneNumber }));
        } catch (failure) {
          message.textContent = problemText(failure);
          message.className = 'field-message error';
        }
      } }, t('remove'))));
  const rows = pagedRows('/v1/opt-outs?limit=20', page => page.optOuts, row);
  const { tbody, more } = rows;
  const table = h('div', { class: 'scroll' }, h('table', { id: 'opt-outs' }, h('thead', {}, h('tr', {},
    [t('phone'), t('optedOutAt'), t('source'), t('actions')].map(c => h('th', { scope: 'col' }, c)))), tbody));
  const showEmpty = () => { empty.hidden = tbody.children.length > 0; table.hidden = !empty.hidden; };
  const load = async again => {
    await rows.load(again);
    showEmpty();
  };
  const form = h('form', { novalidate: true, onsubmit: async e => {
    e.preventDefault();
    message.textContent = '';
    message.className = 'field-message';
    number.removeAttribute('aria-invalid');
    try {
      const added = await call('PUT', path(number.value.trim()));
      number.value = '';
      await load(true);
      announce(t('optOutAdded', { number: added.phoneNumber }));
    } catch (failure) {
      message.textContent = problemText(failure);
      message.className = 'field-message error';
      number.setAttribute('aria-invalid', 'true');
      number.focus();
    }
  } },
  h('div', { class: 'field' }, h('label', { for: 'number' }, t('optOutNumber')), number,
    h('p', { class: 'hint', id: 'number-hint' }, t('optOutHint')), message),
  h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'add-opt-out' }, t('addOptOut'))));
  await load(true);
  return h('section', {}, h('h1', {}, t('optOuts')), h('p', { class: 'hint' }, t('optOutsAbout')), form, empty, table, more);
}
