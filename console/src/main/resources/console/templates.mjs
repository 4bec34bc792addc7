// Applicant pages for message templates (DESIGN §10): list, apply or modify (the variables' kinds follow the
// {n} written in the content, and §10's rules are checked with the API's codes and messages, as the user types),
// and one template with its findings, rejection and history.
import { call } from './api.mjs';
import { announce, h, when } from './dom.mjs';
import { language, problemText, t } from './i18n.mjs';
import { badge, deleteControl, findingsList, rejectionBox, timeline } from './signatures.mjs';
import { templateProblem } from './template-rules.mjs';

const TYPES = ['VERIFICATION_CODE', 'NOTIFICATION', 'MARKETING'];
const KINDS = ['CODE', 'DIGITS', 'AMOUNT', 'DATETIME', 'NAME', 'TEXT'];
const STATUSES = ['IN_REVIEW', 'APPROVED', 'REJECTED'];
const path = id => '/v1/templates/' + encodeURIComponent(id);

// The variable numbers written in the content, in order ({1}, {２} after NFKC).
const numbers = content => [...content.normalize('NFKC').matchAll(/\{([0-9]+)\}/g)].map(m => Number(m[1]));

export async function templateList(session, query) {
  const status = STATUSES.includes(query.get('status')) ? query.get('status') : '';
  const page = await call('GET', '/v1/templates?limit=100' + (status ? '&status=' + status : ''));
  const filter = h('select', { id: 'status-filter', onchange: e => { location.hash = '#/templates' + (e.target.value ? '?status=' + e.target.value : ''); } },
    h('option', { value: '' }, t('all')), STATUSES.map(s => h('option', { value: s, selected: s === status }, t('status.' + s))));
  const rows = page.templates.map(x => h('tr', {},
    h('td', {}, h('a', { href: '#/templates/' + encodeURIComponent(x.templateId) }, x.name)),
    h('td', {}, t('ttype.' + x.type)), h('td', {}, badge(x.status)), h('td', {}, when(x.updatedAt, language()))));
  return h('section', {},
    h('div', { class: 'heading' }, h('h1', {}, t('templates')), h('a', { class: 'button primary', href: '#/templates/new' }, t('newTemplate'))),
    h('p', {}, h('label', { for: 'status-filter' }, t('filterStatus') + ' '), filter),
    rows.length === 0 ? h('p', {}, t('noTemplates')) : h('div', { class: 'scroll' }, h('table', {},
      h('thead', {}, h('tr', {}, [t('name'), t('type'), t('status'), t('updated')].map(c => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, rows))));
}

export async function templateDetail(session, id) {
  const x = await call('GET', path(id));
  return h('section', {}, h('h1', {}, t('templateTitle', { name: x.name })),
    h('dl', { class: 'facts' },
      h('dt', {}, t('status')), h('dd', { id: 'status' }, badge(x.status),
        x.reviewStage ? h('span', { class: 'stage' }, ' · ' + t('stage.' + x.reviewStage)) : null),
      h('dt', {}, t('type')), h('dd', {}, t('ttype.' + x.type)),
      h('dt', {}, t('content')), h('dd', {}, x.content),
      h('dt', {}, t('variables')), h('dd', {}, x.variables.map((v, i) => '{' + (i + 1) + '} ' + t('kindName.' + v.kind)).join(' · ')),
      h('dt', {}, t('updated')), h('dd', {}, when(x.updatedAt, language()))),
    x.rejection ? rejectionBox(x.rejection) : null,
    h('h2', {}, t('findings')), findingsList(x.findings),
    h('h2', {}, t('history')), timeline(x.history),
    h('div', { class: 'actions' },
      x.status !== 'APPROVED' ? h('a', { class: 'button', id: 'modify', href: '#/templates/' + encodeURIComponent(id) + '/edit' }, t('modify')) : null,
      deleteControl(path(id), '#/templates')));
}

export async function templateForm(session, id) {
  const existing = id ? await call('GET', path(id)) : null;
  const name = h('input', { id: 'name', required: true, value: existing ? existing.name : '' });
  const type = h('select', { id: 'type' }, TYPES.map(x => h('option', { value: x, selected: existing && existing.type === x }, t('ttype.' + x))));
  const international = h('input', { type: 'checkbox', id: 'international', checked: existing && existing.international, disabled: !!existing });
  const content = h('textarea', { id: 'content', rows: 4, 'aria-describedby': 'content-hint content-message' }, existing ? existing.content : '');
  const remark = h('textarea', { id: 'remark', rows: 2 }, existing ? existing.remark : '');
  const kinds = existing ? existing.variables.map(v => v.kind) : [];
  const variables = h('fieldset', { id: 'variables' });
  const messages = {};
  const field = (fieldId, label, control, hint) => {
    messages[fieldId] = h('p', { class: 'field-message', id: fieldId + '-message', 'aria-live': 'polite' });
    return h('div', { class: 'field' }, h('label', { for: fieldId }, label), control,
      hint ? h('p', { class: 'hint', id: fieldId + '-hint' }, hint) : null, messages[fieldId]);
  };
  const showVariables = () => {
    const count = Math.min(Math.max(0, ...numbers(content.value)), 10);
    variables.replaceChildren(h('legend', {}, t('variables')), ...(count === 0 ? [h('p', { class: 'hint' }, t('noVariables'))] : []),
      ...Array.from({ length: count }, (_, i) => {
        const select = h('select', { id: 'kind-' + i, onchange: e => { kinds[i] = e.target.value; } },
          KINDS.map(k => h('option', { value: k, selected: (kinds[i] || 'TEXT') === k }, t('kindName.' + k) + ' — ' + t('kind.' + k))));
        kinds[i] = select.value;
        return h('div', { class: 'field' }, h('label', { for: 'kind-' + i }, t('variable', { n: '{' + (i + 1) + '}' })), select);
      }));
  };
  const error = h('p', { class: 'error', role: 'alert' });
  const form = h('form', { novalidate: true }, field('name', t('templateName'), name), field('type', t('type'), type),
    h('div', { class: 'field check' }, international, h('label', { for: 'international' }, t('international'))),
    field('content', t('content'), content, t('contentHint')), variables, field('remark', t('remark'), remark), error,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'submit' }, existing ? t('save') : t('submit')),
      h('a', { class: 'button', href: existing ? '#/templates/' + encodeURIComponent(id) : '#/templates' }, t('cancel'))));
  const application = () => ({ name: name.value, type: type.value, international: international.checked, content: content.value,
    variables: kinds.slice(0, variables.querySelectorAll('select').length).map(kind => ({ kind })), remark: remark.value });
  // A problem is shown at its field (the variables' at the content) once the user has been there, or on submit.
  const show = failure => {
    const at = messages[failure.field] ? failure.field : failure.field === 'variables' ? 'content' : null;
    if (!at) {
      error.textContent = problemText(failure);
      return null;
    }
    messages[at].textContent = problemText(failure);
    messages[at].dataset.code = failure.code;
    messages[at].className = 'field-message error';
    form.querySelector('#' + at).setAttribute('aria-invalid', 'true');
    return at;
  };
  const touched = new Set(existing ? Object.keys(messages) : []);
  const check = everywhere => {
    Object.entries(messages).forEach(([at, m]) => {
      m.textContent = '';
      m.dataset.code = '';
      m.className = 'field-message';
      form.querySelector('#' + at).removeAttribute('aria-invalid');
    });
    error.textContent = '';
    const problem = templateProblem(application());
    const at = problem && (everywhere || touched.has(problem.field === 'variables' ? 'content' : problem.field)) ? show(problem) : null;
    if (!problem && touched.has('content')) messages.content.textContent = t('templateOk');
    return problem ? at || 'content' : null;
  };
  const typed = at => () => { touched.add(at); check(false); };
  name.addEventListener('input', typed('name'));
  content.addEventListener('input', () => { showVariables(); touched.add('content'); check(false); });
  remark.addEventListener('input', typed('remark'));
  international.addEventListener('change', () => check(false));
  variables.addEventListener('change', () => check(false));
  showVariables();
  if (existing) check(false);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const wrong = check(true);
    if (wrong) {
      form.querySelector('#' + wrong).focus();
      return;
    }
    try {
      const body = application();
      const answer = existing ? await call('PUT', path(id), body) : await call('POST', '/v1/templates', body);
      announce(existing ? t('saved') : t('created201'));
      location.hash = '#/templates/' + encodeURIComponent(answer.templateId);
    } catch (failure) {
      const at = show(failure);
      if (at) form.querySelector('#' + at).focus();
    }
  });
  return h('section', {}, h('h1', {}, existing ? t('templateEditTitle', { name: existing.name }) : t('templateApplyTitle')), form);
}
