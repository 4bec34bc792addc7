// Reviewer pages: the queue (oldest first, by kind), and one application with its documents previewed inline
// and the decision form. The self-review refusal and a discarded (stale) decision are told in words.
import { call } from './api.mjs';
import { announce, h, when } from './dom.mjs';
import { language, problemText, t } from './i18n.mjs';
import { pagedRows, pages } from './pages.mjs';
import { previewDocument } from './preview.mjs';
import { findingsList, timeline } from './signatures.mjs';

const KINDS = ['signature', 'template'];
const SIGNATURE_REASONS = ['NON_IDENTIFIABLE_NAME', 'NAME_MISMATCH_ENTITY', 'DOCUMENT_MISMATCH', 'DOCUMENT_UNREADABLE',
  'DOCUMENT_EXPIRED', 'MISSING_AUTHORIZATION', 'PROHIBITED_CONTENT', 'UNRELEASED_PRODUCT', 'OTHER'];
const TEMPLATE_REASONS = ['PROHIBITED_CONTENT', 'MISSING_OPT_OUT', 'MARKETING_IN_NOTIFICATION', 'UNCLEAR_PURPOSE',
  'VARIABLE_MISUSE', 'OTHER'];
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

const applicationOf = review => review.signature || review.template;
const idOf = review => (review.signature ? review.signature.signatureId : review.template.templateId);

async function findReview(id) {
  for await (const page of pages('/v1/reviews?limit=100')) {
    const found = page.reviews.find(r => idOf(r) === id);
    if (found) return found;
  }
  return null;
}

export async function reviewQueue(session, query) {
  const kind = KINDS.includes(query.get('kind')) ? query.get('kind') : '';
  const { tbody, more, load } = pagedRows('/v1/reviews?limit=100' + (kind ? '&kind=' + kind : ''), page => page.reviews, r => {
    const a = applicationOf(r);
    return h('tr', {}, h('td', {}, h('a', { href: '#/reviews/' + encodeURIComponent(idOf(r)) }, a.name)),
      h('td', {}, t(r.signature ? 'kindSignature' : 'kindTemplate')), h('td', {}, r.accountId),
      h('td', {}, when(a.updatedAt, language())));
  });
  await load();
  const filter = h('select', { id: 'kind-filter', onchange: e => { location.hash = '#/reviews' + (e.target.value ? '?kind=' + e.target.value : ''); } },
    h('option', { value: '' }, t('all')), KINDS.map(k => h('option', { value: k, selected: k === kind }, t(k === 'signature' ? 'kindSignature' : 'kindTemplate'))));
  return h('section', {}, h('h1', {}, t('reviews')),
    h('p', {}, h('label', { for: 'kind-filter' }, t('kind') + ' '), filter),
    tbody.children.length === 0 ? h('p', {}, t('emptyQueue')) : h('div', { class: 'scroll' }, h('table', {},
      h('thead', {}, h('tr', {}, [t('name'), t('kind'), t('account'), t('waitingSince')].map(c => h('th', { scope: 'col' }, c)))),
      tbody)), more);
}

function decisionForm(review) {
  const a = applicationOf(review);
  const id = idOf(review);
  const codes = review.signature ? SIGNATURE_REASONS : TEMPLATE_REASONS;
  const comment = h('textarea', { id: 'comment', rows: 3 });
  const outcome = h('p', { id: 'decision-outcome', role: 'status' });
  const decide = async decision => {
    const reasons = codes.filter(c => document.getElementById('reason-' + c).checked);
    const body = { decision, version: a.version, reasons };
    if (comment.value.trim()) body.comment = comment.value;
    outcome.className = '';
    try {
      // A decision is for the version on the screen: one the applicant changed since is discarded, so say it now.
      const current = await findReview(id);
      if (!current || applicationOf(current).version !== a.version) {
        outcome.textContent = t('decisionOutdated');
        outcome.className = 'error';
        return;
      }
      await call('POST', '/v1/reviews/' + encodeURIComponent(id) + '/decision', body);
      outcome.textContent = t('decisionSent');
      for (let i = 0; i < 100; i++) {
        await sleep(200);
        const still = await findReview(id);
        if (!still) {
          outcome.textContent = t('decisionApplied');
          announce(t('decisionApplied'));
          return;
        }
        const last = applicationOf(still).history.at(-1);
        if (still && last && last.discarded) {
          outcome.textContent = t('decisionStale');
          outcome.className = 'error';
          return;
        }
      }
    } catch (e) {
      outcome.textContent = problemText(e);
      outcome.className = 'error';
    }
  };
  return h('section', { 'aria-labelledby': 'decision-h', class: 'decision' }, h('h2', { id: 'decision-h' }, t('decision')),
    h('fieldset', {}, h('legend', {}, t('reasons')), codes.map(c => h('div', { class: 'check' },
      h('input', { type: 'checkbox', id: 'reason-' + c, value: c }), h('label', { for: 'reason-' + c }, c === 'OTHER' ? t('otherReason') : t('reason.' + c))))),
    h('div', { class: 'field' }, h('label', { for: 'comment' }, t('comment')), comment),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'primary', id: 'approve', onclick: () => decide('APPROVE') }, t('approve')),
      h('button', { type: 'button', class: 'danger', id: 'reject', onclick: () => decide('REJECT') }, t('reject'))),
    outcome, h('p', {}, h('a', { href: '#/reviews' }, t('backToQueue'))));
}

export async function reviewPage(session, id) {
  const review = await findReview(id);
  if (!review) throw Object.assign(new Error(t('notFound')), { status: 404 });
  const a = applicationOf(review);
  const facts = review.signature
    ? [[t('type'), t('type.' + a.type)], [t('purpose'), t('purpose.' + a.purpose)], [t('entityName'), a.entity.name],
      ...Object.entries(a.entity).filter(([k]) => k !== 'name').map(([k, v]) => [t(k), v]), [t('remark'), a.remark || '']]
    : [[t('type'), a.type], [t('content'), a.content], [t('remark'), a.remark || '']];
  const previews = Object.entries(review.documentUrls || {}).map(([kind, url]) => {
    const doc = a.documents.find(d => d.kind === kind);
    return previewDocument(kind, url, doc ? doc.contentType : '');
  });
  return h('section', {}, h('h1', {}, t('review', { name: a.name })),
    h('dl', { class: 'facts' }, h('dt', {}, t('account')), h('dd', {}, review.accountId),
      facts.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    previews.length ? h('section', { 'aria-labelledby': 'preview-h' }, h('h2', { id: 'preview-h' }, t('preview')), previews) : null,
    h('h2', {}, t('findings')), findingsList(a.findings),
    h('h2', {}, t('history')), timeline(a.history),
    decisionForm(review));
}
