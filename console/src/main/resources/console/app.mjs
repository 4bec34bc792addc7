// The console's shell: configuration, sign-in, language, navigation and the hash router.
import { configure, setToken } from './api.mjs';
import { completeSignIn, signIn } from './auth.mjs';
import { callbacksPage } from './callbacks.mjs';
import { focusHeading, h } from './dom.mjs';
import { language, setLanguage, t } from './i18n.mjs';
import { optOutsPage } from './optouts.mjs';
import { repliesPage } from './replies.mjs';
import { reviewPage, reviewQueue } from './reviews.mjs';
import { messageList, messagePage, sendPage } from './send.mjs';
import { signatureForm } from './signature-form.mjs';
import { signatureDetail, signatureList } from './signatures.mjs';
import { statisticsPage } from './statistics.mjs';
import { templateDetail, templateForm, templateList } from './templates.mjs';

const main = document.getElementById('main');
let session = null;
let config = null;
let navigation = 0; // a slow page that finishes after the user moved on is not shown

const routes = [
  [/^\/signatures$/, (q) => signatureList(session, q)],
  [/^\/signatures\/new$/, () => signatureForm(session, null)],
  [/^\/signatures\/([^/]+)\/edit$/, (q, id) => signatureForm(session, id)],
  [/^\/signatures\/([^/]+)$/, (q, id) => signatureDetail(session, id)],
  [/^\/templates$/, (q) => templateList(session, q)],
  [/^\/templates\/new$/, () => templateForm(session, null)],
  [/^\/templates\/([^/]+)\/edit$/, (q, id) => templateForm(session, id)],
  [/^\/templates\/([^/]+)$/, (q, id) => templateDetail(session, id)],
  [/^\/send$/, () => sendPage()],
  [/^\/messages$/, (q) => messageList(session, q)],
  [/^\/messages\/([^/]+)$/, (q, serialNo) => messagePage(session, serialNo)],
  [/^\/statistics$/, (q) => statisticsPage(session, q)],
  [/^\/callbacks$/, () => callbacksPage()],
  [/^\/opt-outs$/, () => optOutsPage()],
  [/^\/replies$/, (q) => repliesPage(session, q)],
  [/^\/reviews$/, (q) => reviewQueue(session, q)],
  [/^\/reviews\/([^/]+)$/, (q, id) => reviewPage(session, id)],
];

function chrome() {
  document.getElementById('brand').textContent = t('brand');
  document.getElementById('lang-label').textContent = t('language');
  const out = document.getElementById('signout');
  out.textContent = t('signOut');
  out.hidden = !session;
  document.getElementById('who').textContent = session
    ? t('signedInAs', { account: session.account, type: t('account.' + session.type),
      reviewer: session.reviewer ? t('reviewerSuffix') : '' }) : '';
  const nav = document.getElementById('nav');
  nav.setAttribute('aria-label', t('mainNav'));
  nav.replaceChildren(...(!session ? [] : [
    h('a', { href: '#/signatures' }, t('navSignatures')),
    h('a', { href: '#/templates' }, t('navTemplates')),
    h('a', { href: '#/send' }, t('navSend')),
    h('a', { href: '#/messages' }, t('navMessages')),
    h('a', { href: '#/statistics' }, t('navStatistics')),
    h('a', { href: '#/callbacks' }, t('navCallbacks')),
    h('a', { href: '#/replies' }, t('navReplies')),
    h('a', { href: '#/opt-outs' }, t('navOptOuts')),
    session.reviewer ? h('a', { href: '#/reviews' }, t('navReviews')) : null,
  ].filter(Boolean)));
}

function signedOut(message) {
  document.title = t('brand');
  main.replaceChildren(h('h1', {}, t('brand')), h('p', {}, t('welcome')),
    message ? h('p', { role: 'alert', class: 'error' }, message) : null,
    h('button', { type: 'button', id: 'signin', class: 'primary', onclick: () => signIn(config) }, t('signIn')));
}

async function route() {
  chrome();
  if (!session) {
    signedOut();
    return;
  }
  const [path, query] = (location.hash.slice(1) || '/signatures').split('?');
  const params = new URLSearchParams(query || '');
  for (const [pattern, view] of routes) {
    const m = path.match(pattern);
    if (m) {
      const mine = ++navigation;
      main.setAttribute('aria-busy', 'true');
      main.replaceChildren(h('p', {}, t('loading')));
      try {
        const page = await view(params, ...m.slice(1).map(decodeURIComponent));
        if (mine !== navigation) return;
        main.replaceChildren(page);
      } catch (e) {
        if (mine !== navigation) return;
        main.replaceChildren(h('h1', {}, t('brand')), h('p', { role: 'alert', class: 'error' },
          e.status === 404 ? t('notFound') : t('error', { message: e.message })));
      }
      main.removeAttribute('aria-busy');
      const heading = main.querySelector('h1');
      document.title = (heading ? heading.textContent + ' · ' : '') + t('brand');
      window.scrollTo(0, 0);
      focusHeading();
      return;
    }
  }
  location.hash = '#/signatures';
}

async function start() {
  const select = document.getElementById('lang');
  setLanguage(navigator.language && navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en');
  select.value = language();
  select.addEventListener('change', () => { setLanguage(select.value); route(); });
  document.getElementById('signout').addEventListener('click', () => {
    session = null;
    setToken(null);
    history.replaceState(null, '', location.pathname);
    route();
    focusHeading(); // the Sign out button that had the focus is hidden now
  });
  config = await (await fetch('config.json')).json();
  configure(config);
  try {
    session = await completeSignIn(config);
    if (session) setToken(session.accessToken);
    if (session && session.lang) { // the language chosen before signing in, as the sign-in page spoke it
      setLanguage(session.lang);
      select.value = language();
    }
  } catch (e) {
    chrome();
    signedOut(t('signInFailed', { why: e.message }));
    return;
  }
  window.addEventListener('hashchange', route);
  await route();
}

start();
