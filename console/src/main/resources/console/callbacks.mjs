// The account's webhook: its URL and events, its signing secret (shown only when created or rotated, as the API
// allows), its removal after a confirmation, and the events given up on after the retry window.
import { call } from './api.mjs';
import { announce, h, when } from './dom.mjs';
import { language, problemText, t } from './i18n.mjs';
import { pagedRows } from './pages.mjs';

const EVENTS = ['MESSAGE_STATUS', 'REVIEW_RESULT', 'REPLY'];

async function current() {
  try {
    return await call('GET', '/v1/callbacks');
  } catch (e) {
    if (e.status === 404) return null;
    throw e;
  }
}

function secretBox(secret) {
  return h('div', { class: 'secret' }, h('p', {}, t('secretOnce')), h('code', { id: 'callback-secret' }, secret));
}

export async function callbacksPage() {
  let hook = await current();
  const url = h('input', { id: 'url', type: 'url', value: hook ? hook.url : '', 'aria-describedby': 'url-hint url-message' });
  const boxes = EVENTS.map(e => h('input', { type: 'checkbox', id: 'event-' + e, value: e,
    checked: hook ? hook.events.includes(e) : e === 'MESSAGE_STATUS' }));
  const messages = { url: h('p', { class: 'field-message', id: 'url-message', 'aria-live': 'polite' }),
    events: h('p', { class: 'field-message', id: 'events-message', 'aria-live': 'polite' }) };
  const error = h('p', { class: 'error', role: 'alert' });
  const secret = h('div', { id: 'secret-area', 'aria-live': 'polite' });
  const rotate = h('button', { type: 'button', id: 'rotate-secret', hidden: !hook }, t('rotateSecret'));
  const remove = h('div', { hidden: !hook });
  const state = h('p', { id: 'callback-state' });
  const showState = () => { state.textContent = hook ? t('callbackSince', { at: when(hook.updatedAt, language()) }) : t('noCallback'); };
  showState();
  const refuse = failure => {
    const at = failure.field === 'events' || failure.code === 'InvalidParameterValue.CallbackEvents' ? 'events'
      : failure.field === 'url' || failure.code === 'InvalidParameterValue.CallbackUrl' ? 'url' : null;
    if (!at) {
      error.textContent = problemText(failure);
      return;
    }
    messages[at].textContent = problemText(failure);
    messages[at].className = 'field-message error';
    (at === 'url' ? url : boxes[0]).setAttribute('aria-invalid', 'true');
    (at === 'url' ? url : boxes[0]).focus();
  };
  const form = h('form', { novalidate: true, onsubmit: async e => {
    e.preventDefault();
    Object.values(messages).forEach(m => { m.textContent = ''; m.className = 'field-message'; });
    error.textContent = '';
    [url, ...boxes].forEach(x => x.removeAttribute('aria-invalid'));
    try {
      hook = await call('PUT', '/v1/callbacks', { url: url.value, events: boxes.filter(b => b.checked).map(b => b.value) });
      secret.replaceChildren(...(hook.secret ? [secretBox(hook.secret)] : []));
      rotate.hidden = false;
      remove.hidden = false;
      showState();
      announce(t('callbackSaved'));
    } catch (failure) {
      refuse(failure);
    }
  } },
  h('div', { class: 'field' }, h('label', { for: 'url' }, t('callbackUrl')), url,
    h('p', { class: 'hint', id: 'url-hint' }, t('callbackUrlHint')), messages.url),
  h('fieldset', { 'aria-describedby': 'events-message' }, h('legend', {}, t('callbackEvents')),
    EVENTS.map((e, i) => h('div', { class: 'check' }, boxes[i], h('label', { for: 'event-' + e }, t('event.' + e)))),
    messages.events),
  error,
  h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'save-callback' }, t('saveCallback')), rotate));
  const removed = () => {
    hook = null;
    url.value = '';
    secret.replaceChildren();
    rotate.hidden = true;
    remove.hidden = true;
    showState();
    announce(t('callbackRemoved'));
    state.focus();
  };
  remove.append(removeControl(removed, error));
  rotate.addEventListener('click', async () => {
    try {
      hook = await call('POST', '/v1/callbacks/secret');
      secret.replaceChildren(secretBox(hook.secret));
      announce(t('secretRotated'));
    } catch (failure) {
      error.textContent = problemText(failure);
    }
  });
  state.tabIndex = -1;
  return h('section', {}, h('h1', {}, t('callbacks')), state, form, secret, remove,
    h('h2', {}, t('callbackFailures')), await failureList());
}

// Remove the webhook after a second, explicit confirmation (DELETE answers 204 whether there was one or not).
function removeControl(removed, error) {
  const area = h('div', { class: 'actions' });
  const start = h('button', { type: 'button', class: 'danger', id: 'remove-callback', onclick: () => {
    area.replaceChildren(h('p', { role: 'alert' }, t('callbackRemoveConfirm')),
      h('button', { type: 'button', class: 'danger', id: 'remove-callback-yes', onclick: async () => {
        try {
          await call('DELETE', '/v1/callbacks');
          area.replaceChildren(start);
          removed();
        } catch (failure) {
          error.textContent = problemText(failure);
        }
      } }, t('callbackRemoveYes')),
      h('button', { type: 'button', id: 'remove-callback-no', onclick: () => { area.replaceChildren(start); start.focus(); } }, t('cancel')));
    area.querySelector('#remove-callback-yes').focus();
  } }, t('callbackRemove'));
  area.append(start);
  return area;
}

// The events given up on, newest first, with the next page on demand.
async function failureList() {
  const { tbody, more, load } = pagedRows('/v1/callbacks/failures?limit=20', page => page.failures,
    f => h('tr', {}, h('td', {}, when(f.failedAt, language())), h('td', {}, t('event.' + f.type)),
      h('td', {}, String(f.attempts)), h('td', {}, f.lastError), h('td', {}, f.url)), 'more-failures');
  await load();
  if (tbody.children.length === 0) return h('p', { id: 'no-failures' }, t('noFailures'));
  return h('div', {}, h('div', { class: 'scroll' }, h('table', { id: 'failures' },
    h('thead', {}, h('tr', {}, [t('failedAt'), t('event'), t('attempts'), t('lastError'), t('callbackUrl')].map(c => h('th', { scope: 'col' }, c)))),
    tbody)), more);
}
