// A document inline: images as <img>, PDFs drawn page by page on canvases with pdf.js (loaded on first use).
import { h } from './dom.mjs';
import { t } from './i18n.mjs';

const MAX_PAGES = 5;
let pdfjs = null;

async function library() {
  if (!pdfjs) {
    pdfjs = await import('./vendor/pdfjs/pdf.min.mjs');
    pdfjs.GlobalWorkerOptions.workerSrc = new URL('./vendor/pdfjs/pdf.worker.min.mjs', import.meta.url).href;
  }
  return pdfjs;
}

async function drawPdf(figure, kind, url) {
  const lib = await library();
  const res = await fetch(url);
  if (!res.ok) throw new Error('HTTP ' + res.status);
  const pdf = await lib.getDocument({ data: new Uint8Array(await res.arrayBuffer()), isEvalSupported: false }).promise;
  const total = pdf.numPages;
  for (let n = 1; n <= Math.min(total, MAX_PAGES); n++) {
    const page = await pdf.getPage(n);
    const viewport = page.getViewport({ scale: 1.25 });
    const canvas = h('canvas', { width: Math.floor(viewport.width), height: Math.floor(viewport.height),
      role: 'img', 'aria-label': t('page', { n, total, kind: t('doc.' + kind) }) });
    figure.insertBefore(canvas, figure.lastChild);
    await page.render({ canvas, canvasContext: canvas.getContext('2d'), viewport }).promise;
  }
  figure.dataset.pages = String(total);
}

export function previewDocument(kind, url, contentType) {
  const caption = h('figcaption', {}, t('doc.' + kind));
  if (contentType.startsWith('image/')) {
    return h('figure', { class: 'preview', 'data-kind': kind }, h('img', { src: url, alt: t('doc.' + kind) }), caption);
  }
  const figure = h('figure', { class: 'preview', 'data-kind': kind }, caption);
  drawPdf(figure, kind, url).then(() => { figure.dataset.rendered = 'true'; }, e => {
    figure.dataset.rendered = 'failed';
    figure.insertBefore(h('p', { class: 'error' }, t('previewFailed', { why: e.message })), caption);
  });
  return figure;
}
