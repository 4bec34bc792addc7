// Applicant pages: the signatures list, and one signature with its documents, findings, rejection and history.
import { call } from './api.mjs';
import { announce, focusHeading, h, when } from './dom.mjs';
import { documentChecklist } from './documents.mjs';
import { language, reasonText, t } from './i18n.mjs';

export const STATUSES = ['AWAITING_DOCUMENTS', 'IN_REVIEW', 'APPROVED', 'REJECTED'];

export const badge = status => h('span', { class: 'badge badge-' + status.toLowerCase() }, t('status.' + status));

export async function signatureList(session, query) {
  const status = STATUSES.includes(query.get('status')) ? query.get('status') : '';
  const page = await call('GET', '/v1/signatures?limit=100' + (status ? '&status=' + status : ''));
  const filter = h('select', { id: 'status-filter', onchange: e => { location.hash = '#/signatures' + (e.target.value ? '?status=' + e.target.value : ''); } },
    h('option', { value: '' }, t('all')), STATUSES.map(s => h('option', { value: s, selected: s === status }, t('status.' + s))));
  const rows = page.signatures.map(s => h('tr', {},
    h('td', {}, h('a', { href: '#/signatures/' + encodeURIComponent(s.signatureId) }, s.name)),
    h('td', {}, t('type.' + s.type)), h('td', {}, badge(s.status)), h('td', {}, when(s.updatedAt, language()))));
  return h('section', {},
    h('div', { class: 'heading' }, h('h1', {}, t('signatures')), h('a', { class: 'button primary', href: '#/signatures/new' }, t('newSignature'))),
    h('p', {}, h('label', { for: 'status-filter' }, t('filterStatus') + ' '), filter),
    rows.length === 0 ? h('p', {}, t('noSignatures')) : h('div', { class: 'scroll' }, h('table', {},
      h('thead', {}, h('tr', {}, [t('name'), t('type'), t('status'), t('updated')].map(c => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, rows))));
}

export function findingsList(findings) {
  return findings.length === 0 ? h('p', {}, t('noFindings')) : h('ul', { class: 'findings' }, findings.map(f =>
    h('li', { class: 'finding-' + f.severity.toLowerCase() }, h('strong', {}, t('severity.' + f.severity) + ': '), f.message)));
}

export function timeline(history) {
  return h('ol', { class: 'timeline' }, history.map(e => h('li', { class: e.discarded ? 'discarded' : '' },
    h('time', { datetime: e.at }, when(e.at, language())), ' ',
    h('span', {}, e.from ? t('status.' + e.from) + ' → ' : ''), h('strong', {}, t('status.' + e.to)), ' ',
    h('span', { class: 'actor' }, t('actor', { actor: e.actor })),
    e.reasons.length ? h('ul', {}, e.reasons.map(r => h('li', {}, reasonText(r)))) : null,
    e.discarded ? h('p', {}, t('discarded')) : null,
    e.note ? h('p', { class: 'note' }, e.note) : null)));
}

export function rejectionBox(rejection) {
  return h('section', { class: 'rejection', 'aria-labelledby': 'rejection-h' },
    h('h2', { id: 'rejection-h' }, t('rejection')),
    h('ul', { id: 'rejection-reasons' }, rejection.reasons.map(r => h('li', { 'data-code': r.code }, reasonText(r)))),
    rejection.comment ? h('p', {}, h('strong', {}, t('comment') + ': '), rejection.comment) : null);
}

// Delete after a second, explicit confirmation; then back to the list.
export function deleteControl(path, listHash) {
  const area = h('div', { class: 'actions' });
  const ask = () => area.replaceChildren(h('p', { role: 'alert' }, t('deleteConfirm')),
    h('button', { type: 'button', class: 'danger', id: 'delete-yes', onclick: async () => {
      await call('DELETE', path);
      announce(t('deleted'));
      location.hash = listHash;
    } }, t('deleteYes')),
    h('button', { type: 'button', onclick: () => area.replaceChildren(start) }, t('cancel')));
  const start = h('button', { type: 'button', class: 'danger', id: 'delete', onclick: ask }, t('delete'));
  area.append(start);
  return area;
}

export async function signatureDetail(session, id) {
  const path = '/v1/signatures/' + encodeURIComponent(id);
  const s = await call('GET', path);
  const view = h('section', {},
    h('h1', {}, t('detailTitle', { name: s.name })),
    h('dl', { class: 'facts' },
      h('dt', {}, t('status')), h('dd', { id: 'status' }, badge(s.status),
        s.reviewStage ? h('span', { class: 'stage' }, ' · ' + t('stage.' + s.reviewStage)) : null),
      h('dt', {}, t('type')), h('dd', {}, t('type.' + s.type)),
      h('dt', {}, t('purpose')), h('dd', {}, t('purpose.' + s.purpose)),
      h('dt', {}, t('entityName')), h('dd', {}, s.entity.name),
      h('dt', {}, t('updated')), h('dd', {}, when(s.updatedAt, language()))),
    s.rejection ? rejectionBox(s.rejection) : null,
    s.status === 'AWAITING_DOCUMENTS' || s.documents.length ? documentChecklist(s, () => signatureDetailAgain(id)) : null,
    h('h2', {}, t('findings')), findingsList(s.findings),
    h('h2', {}, t('history')), timeline(s.history),
    h('div', { class: 'actions' },
      s.status !== 'APPROVED' ? h('a', { class: 'button', id: 'modify', href: '#/signatures/' + encodeURIComponent(id) + '/edit' }, t('modify')) : null,
      deleteControl(path, '#/signatures')));
  return view;
}

// After an upload was checked: the page again, with the new state.
async function signatureDetailAgain(id) {
  const page = await signatureDetail(null, id);
  if (location.hash !== '#/signatures/' + encodeURIComponent(id)) return;
  const main = document.getElementById('main');
  const hadFocus = main.contains(document.activeElement) || document.activeElement === document.body;
  main.replaceChildren(page);
  if (hadFocus) focusHeading(); // the control that had it is gone with the old page
}
