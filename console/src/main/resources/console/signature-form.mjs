// Apply for a signature, or modify one: §5's rules are checked as the user types, with the API's codes and
// messages; whatever the API still refuses is shown at its field.
import { call } from './api.mjs';
import { announce, h } from './dom.mjs';
import { problemText, t } from './i18n.mjs';
import { eligibilityProblem, entityFields, nameProblem } from './rules.mjs';

const TYPES = ['COMPANY', 'APP', 'WEBSITE', 'WECHAT_OFFICIAL_ACCOUNT', 'WECHAT_MINI_PROGRAM', 'TRADEMARK', 'GOVERNMENT'];
const PURPOSES = ['SELF_USE', 'FOR_OTHERS'];
const ENTITY_FIELDS = ['appStoreUrl', 'domain', 'icpNumber', 'wechatAccountName', 'trademarkNumber'];

function field(id, label, control, hint) {
  return h('div', { class: 'field', id: 'field-' + id }, h('label', { for: id }, label), control,
    hint ? h('p', { class: 'hint', id: id + '-hint' }, hint) : null,
    h('p', { class: 'field-message', id: id + '-message', 'aria-live': 'polite' }));
}

function say(form, fieldId, problem) {
  const message = form.querySelector('#' + fieldId + '-message');
  const input = form.querySelector('#' + fieldId);
  if (!message) return false;
  message.textContent = problem ? problemText(problem) : '';
  message.dataset.code = problem ? problem.code : '';
  message.className = 'field-message' + (problem ? ' error' : '');
  if (input) {
    input.setAttribute('aria-invalid', problem ? 'true' : 'false');
    input.setAttribute('aria-describedby', fieldId + '-message' + (form.querySelector('#' + fieldId + '-hint') ? ' ' + fieldId + '-hint' : ''));
  }
  return true;
}

export async function signatureForm(session, id) {
  const existing = id ? await call('GET', '/v1/signatures/' + encodeURIComponent(id)) : null;
  const value = (v, fallback = '') => (v == null ? fallback : v);
  const name = h('input', { id: 'name', name: 'name', required: true, autocomplete: 'organization', value: value(existing && existing.name) });
  const type = h('select', { id: 'type' }, TYPES.map(x => h('option', { value: x, selected: existing && existing.type === x }, t('type.' + x))));
  const purpose = h('select', { id: 'purpose' }, PURPOSES.map(x => h('option', { value: x, selected: existing && existing.purpose === x }, t('purpose.' + x))));
  const international = h('input', { type: 'checkbox', id: 'international', checked: existing && existing.international, disabled: !!existing });
  const entityName = h('input', { id: 'entityName', required: true, value: value(existing && existing.entity.name) });
  const extra = Object.fromEntries(ENTITY_FIELDS.map(f => [f, h('input', { id: f, value: value(existing && existing.entity[f]) })]));
  const remark = h('textarea', { id: 'remark', rows: 3 }, value(existing && existing.remark));
  const error = h('p', { class: 'error', role: 'alert', id: 'form-error' });
  const extraFields = h('div', {});
  const form = h('form', { novalidate: true },
    field('name', t('name'), name, t('nameHint')),
    field('type', t('type'), type), field('purpose', t('purpose'), purpose),
    h('div', { class: 'field check' }, international, h('label', { for: 'international' }, t('international'))),
    field('entityName', t('entityName'), entityName), extraFields,
    field('remark', t('remark'), remark), error,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'submit' }, existing ? t('save') : t('submit')),
      h('a', { class: 'button', href: existing ? '#/signatures/' + encodeURIComponent(id) : '#/signatures' }, t('cancel'))));
  const showExtra = () => extraFields.replaceChildren(...entityFields(type.value).map(f => field(f, t(f), extra[f])));
  const checkName = () => {
    const problem = nameProblem(name.value);
    say(form, 'name', problem);
    if (!problem && name.value.trim()) form.querySelector('#name-message').textContent = t('nameOk');
    return problem;
  };
  const checkEligibility = () => {
    const problem = eligibilityProblem(session.type, type.value, purpose.value);
    say(form, 'type', problem);
    return problem;
  };
  name.addEventListener('input', checkName);
  type.addEventListener('change', () => { showExtra(); checkEligibility(); });
  purpose.addEventListener('change', checkEligibility);
  showExtra();
  checkEligibility();
  form.addEventListener('submit', async e => {
    e.preventDefault();
    error.textContent = '';
    if (checkName() || checkEligibility()) {
      form.querySelector('[aria-invalid="true"]').focus();
      return;
    }
    const entity = { name: entityName.value };
    entityFields(type.value).forEach(f => { entity[f] = extra[f].value; });
    const body = { name: name.value, type: type.value, purpose: purpose.value, international: international.checked, entity };
    if (remark.value.trim()) body.remark = remark.value;
    try {
      const answer = existing
        ? await call('PUT', '/v1/signatures/' + encodeURIComponent(id), body)
        : (await call('POST', '/v1/signatures', body)).signature;
      announce(existing ? t('saved') : t('created201'));
      location.hash = '#/signatures/' + encodeURIComponent(answer.signatureId);
    } catch (failure) {
      const at = { name: 'name', type: 'type', purpose: 'purpose', 'entity.name': 'entityName' }[failure.field]
        || (failure.field || '').replace(/^entity\./, '');
      if (!say(form, at, failure)) error.textContent = problemText(failure);
      else form.querySelector('#' + at).focus();
    }
  });
  if (existing) checkName();
  return h('section', {}, h('h1', {}, existing ? t('editTitle', { name: existing.name }) : t('applyTitle')), form);
}
