// Send a test SMS with an approved signature and an approved template (parameters checked per kind as the user
// types), then follow each message to the carrier's receipt.
import { call } from './api.mjs';
import { h, when } from './dom.mjs';
import { language, problemText, t } from './i18n.mjs';
import { pagedRows } from './pages.mjs';

// The shapes of DESIGN §10's variable kinds (smsplatform.domain.VariableKind); the API also refuses URLs in NAME
// and TEXT and the characters 【】[] in any kind, and stays the judge.
const KINDS = {
  CODE: /^[A-Za-z0-9]{4,8}$/u, DIGITS: /^[0-9]{1,12}$/u, AMOUNT: /^-?[0-9]{1,12}(?:\.[0-9]{1,4})?$/u,
  DATETIME: /^(?=.*[0-9])[0-9\-:/ 年月日时分秒]{1,20}$/u, NAME: /^(?=.*\p{L}).{1,12}$/su, TEXT: /^.{1,20}$/su,
};
const FINAL = ['DELIVERED', 'UNDELIVERED', 'FAILED'];

export const paramProblem = (kind, value) => (KINDS[kind] && !KINDS[kind].test(value.normalize('NFKC')) ? t('kind.' + kind) : null);

export async function sendPage() {
  const [signatures, templates] = await Promise.all([call('GET', '/v1/signatures?status=APPROVED&limit=100'),
    call('GET', '/v1/templates?status=APPROVED&limit=100')]);
  const phone = h('input', { id: 'phone', type: 'tel', autocomplete: 'tel', required: true });
  const sign = h('select', { id: 'sign' }, signatures.signatures.map(s => h('option', { value: s.name }, s.name)));
  const template = h('select', { id: 'template' }, templates.templates.map(x => h('option', { value: x.templateId }, x.name)));
  const params = h('div', { id: 'params' });
  const result = h('div', { id: 'send-result', 'aria-live': 'polite' });
  const chosen = () => templates.templates.find(x => x.templateId === template.value);
  const showParams = () => {
    const tpl = chosen();
    params.replaceChildren(...(!tpl ? [] : [h('p', { class: 'hint' }, t('content') + ': ' + tpl.content),
      ...tpl.variables.map((v, i) => {
        const input = h('input', { id: 'param-' + i, 'aria-describedby': 'param-' + i + '-message' });
        const message = h('p', { class: 'field-message', id: 'param-' + i + '-message' });
        input.addEventListener('input', () => {
          const problem = paramProblem(v.kind, input.value);
          message.textContent = problem || '';
          message.className = 'field-message' + (problem ? ' error' : '');
          input.setAttribute('aria-invalid', problem ? 'true' : 'false');
        });
        return h('div', { class: 'field' }, h('label', { for: 'param-' + i }, '{' + (i + 1) + '} · ' + t('kindName.' + v.kind)), input, message);
      })]));
  };
  template.addEventListener('change', showParams);
  showParams();
  const form = h('form', { novalidate: true, onsubmit: async e => {
    e.preventDefault();
    const tpl = chosen();
    const values = tpl ? tpl.variables.map((v, i) => document.getElementById('param-' + i).value) : [];
    try {
      const answer = await call('POST', '/v1/sms/send', { phoneNumbers: [phone.value], sign: sign.value,
        templateId: template.value, templateParams: values });
      result.replaceChildren(h('ul', {}, answer.sendStatuses.map(s => h('li', {}, s.phoneNumber || phone.value, ': ',
        s.code === 'Ok' ? h('a', { href: '#/messages/' + encodeURIComponent(s.serialNo), id: 'follow' }, t('follow'))
          : h('span', { class: 'error' }, problemText(s))))));
    } catch (failure) {
      result.replaceChildren(h('p', { class: 'error', role: 'alert' }, problemText(failure)));
    }
  } },
  h('div', { class: 'field' }, h('label', { for: 'phone' }, t('phone')), phone),
  h('div', { class: 'field' }, h('label', { for: 'sign' }, t('sign')), sign),
  h('div', { class: 'field' }, h('label', { for: 'template' }, t('template')), template),
  params, h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'send' }, t('send'))));
  return h('section', {}, h('h1', {}, t('sendTitle')),
    signatures.signatures.length && templates.templates.length ? form : h('p', {}, t('sendNeeds')), result);
}

export async function messagePage(session, serialNo) {
  const path = '/v1/sms/' + encodeURIComponent(serialNo);
  const hash = location.hash;
  const render = m => [
    h('dl', { class: 'facts' },
      h('dt', {}, t('status')), h('dd', { id: 'message-status' }, h('span', { class: 'badge badge-' + m.status.toLowerCase() }, t('sms.' + m.status))),
      h('dt', {}, t('phone')), h('dd', {}, m.phoneNumber), h('dt', {}, t('text')), h('dd', {}, m.text),
      h('dt', {}, t('fee')), h('dd', {}, String(m.fee)),
      m.receipt ? [h('dt', {}, t('receipt')), h('dd', {}, Object.entries(m.receipt).map(([k, v]) => k + ': ' + v).join(' · '))] : null),
    h('h2', {}, t('history')),
    h('ol', { class: 'timeline' }, m.statusHistory.map(e => h('li', {}, h('time', { datetime: e.at }, when(e.at, language())), ' ',
      h('strong', {}, t('sms.' + e.status)), e.detail ? ' — ' + e.detail : '')))];
  const body = h('div', {}, render(await call('GET', path)));
  const follow = async () => {
    if (location.hash !== hash) return;
    const m = await call('GET', path);
    body.replaceChildren(...render(m).flat().filter(Boolean));
    if (!FINAL.includes(m.status)) setTimeout(follow, 1000);
  };
  setTimeout(follow, 1000);
  return h('section', {}, h('h1', {}, t('messageTitle', { serialNo })), body);
}

const STATUSES = ['QUEUED', 'SENT', 'DELIVERED', 'UNDELIVERED', 'FAILED'];

// The caller's messages of the last 24 hours (the API's default range), newest first, with a status filter and
// the next page on demand.
export async function messageList(session, query) {
  const status = STATUSES.includes(query.get('status')) ? query.get('status') : '';
  const base = '/v1/sms?limit=50' + (status ? '&status=' + status : '');
  const { tbody, more, load } = pagedRows(base, page => page.messages, m => h('tr', {},
      h('td', {}, h('a', { href: '#/messages/' + encodeURIComponent(m.serialNo) }, when(m.createdAt, language()))),
      h('td', {}, m.phoneNumber), h('td', {}, m.text),
      h('td', {}, h('span', { class: 'badge badge-' + m.status.toLowerCase() }, t('sms.' + m.status)))));
  await load();
  const filter = h('select', { id: 'status-filter', onchange: e => { location.hash = '#/messages' + (e.target.value ? '?status=' + e.target.value : ''); } },
    h('option', { value: '' }, t('all')), STATUSES.map(s => h('option', { value: s, selected: s === status }, t('sms.' + s))));
  return h('section', {}, h('h1', {}, t('messages')), h('p', { class: 'hint' }, t('messagesRange')),
    h('p', {}, h('label', { for: 'status-filter' }, t('filterStatus') + ' '), filter),
    tbody.children.length === 0 ? h('p', {}, t('noMessages')) : h('div', { class: 'scroll' }, h('table', {},
      h('thead', {}, h('tr', {}, [t('created'), t('phone'), t('text'), t('status')].map(c => h('th', { scope: 'col' }, c)))), tbody)),
    more);
}
