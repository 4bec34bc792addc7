// The required-documents checklist: one row per group of document kinds, each with a file input and a drop
// zone; the file goes straight to S3 through a fresh presigned upload, with progress, then the page waits for
// the certificate check's verdict.
import { call, upload } from './api.mjs';
import { announce, h, when } from './dom.mjs';
import { language, problemText, t } from './i18n.mjs';

const TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

const validOf = (s, kinds) => s.documents.find(d => kinds.includes(d.kind) && d.status === 'VALID');

async function awaitCheck(id, kind, since) {
  for (let i = 0; i < 150; i++) {
    const s = await call('GET', '/v1/signatures/' + encodeURIComponent(id));
    const doc = s.documents.find(d => d.kind === kind && Date.parse(d.uploadedAt) >= since - 2000);
    const complete = s.requiredDocuments.every(g => validOf(s, g.anyOf));
    if (doc && (!complete || s.status !== 'AWAITING_DOCUMENTS')) return doc;
    await sleep(200);
  }
  return null;
}

function uploader(s, group, index, refresh) {
  const id = 'file-' + index;
  const kindSelect = group.anyOf.length > 1 ? h('select', { id: 'kind-' + index },
    group.anyOf.map(k => h('option', { value: k }, t('doc.' + k)))) : null;
  const progress = h('progress', { max: 1, value: 0, hidden: true, 'aria-label': t('uploading', { name: '' }) });
  const message = h('p', { class: 'upload-message', 'aria-live': 'polite' });
  const send = async file => {
    if (!file) return;
    const kind = kindSelect ? kindSelect.value : group.anyOf[0];
    const type = TYPES.includes(file.type) ? file.type : 'application/octet-stream';
    const started = Date.now();
    try {
      const { upload: form } = await call('POST', '/v1/signatures/' + encodeURIComponent(s.signatureId) + '/uploads', { kind, contentType: type });
      progress.hidden = false;
      message.textContent = t('uploading', { name: file.name });
      await upload(form, new File([file], file.name, { type }), p => { progress.value = p; });
      progress.value = 1;
      message.textContent = t('uploaded', { name: file.name });
      const doc = await awaitCheck(s.signatureId, kind, started);
      if (doc) announce(t('checked', { result: t('docStatus.' + doc.status) }));
      await refresh();
    } catch (e) {
      message.textContent = problemText(e);
      message.classList.add('error');
    }
  };
  const input = h('input', { type: 'file', id, accept: TYPES.join(','), onchange: e => send(e.target.files[0]) });
  const zone = h('div', { class: 'dropzone',
    ondragover: e => { e.preventDefault(); zone.classList.add('over'); },
    ondragleave: () => zone.classList.remove('over'),
    ondrop: e => { e.preventDefault(); zone.classList.remove('over'); send(e.dataTransfer.files[0]); } },
  kindSelect ? h('label', { for: 'kind-' + index }, t('chooseKind') + ' ') : null, kindSelect,
  h('label', { for: id }, t('chooseFile')), input, h('span', { class: 'hint' }, t('dropHere')), progress, message);
  return zone;
}

export function documentChecklist(s, refresh) {
  const editable = s.status === 'AWAITING_DOCUMENTS';
  return h('section', { 'aria-labelledby': 'docs-h' },
    h('h2', { id: 'docs-h' }, t('requiredDocuments')),
    h('ul', { class: 'checklist' }, s.requiredDocuments.map((group, i) => {
      const valid = validOf(s, group.anyOf);
      return h('li', { class: valid ? 'done' : 'todo' },
        h('p', {}, h('strong', {}, valid ? '✓ ' + t('provided') : '○ ' + t('missing')), ' — ',
          group.anyOf.length > 1 ? t('oneOf', { kinds: group.anyOf.map(k => t('doc.' + k)).join(' / ') }) : t('doc.' + group.anyOf[0])),
        editable ? uploader(s, group, i, refresh) : null);
    })),
    s.documents.length ? h('div', {}, h('h3', {}, t('documents')), h('ul', { class: 'documents' }, s.documents.map(d =>
      h('li', {}, t('doc.' + d.kind), ': ', h('span', { class: 'doc-' + d.status.toLowerCase() }, t('docStatus.' + d.status)),
        ' · ', d.contentType, ' · ', d.size + ' B · ', when(d.uploadedAt, language()),
        d.problem ? h('span', { class: 'error' }, ' — ' + problemText(d.problem)) : null)))) : null);
}
