// A list the API answers page by page (limit, nextToken).
import { call } from './api.mjs';
import { h } from './dom.mjs';
import { t } from './i18n.mjs';

// The page of GET `path` (which already has its query, limit included) that `token` names, or its first.
const pageOf = (path, token) => call('GET', path + (token ? '&nextToken=' + encodeURIComponent(token) : ''));

// Each page of GET `path`, the first one first.
export async function* pages(path) {
  let token = null;
  do {
    const page = await pageOf(path, token);
    yield page;
    token = page.nextToken;
  } while (token);
}

// Rows of `items(page)`, made by `row`, in `tbody`, a page at a time: `more` (a button, hidden when there is no
// next page) appends the next one, and `load(true)` reads the list again from its first page. A page that fails
// to load changes nothing: asking again asks for the same page.
export function pagedRows(path, items, row, id = 'more') {
  const tbody = h('tbody', {});
  const more = h('button', { type: 'button', id, hidden: true }, t('more'));
  let token = null;
  const load = async (again = false) => {
    const page = await pageOf(path, again ? null : token);
    if (again) tbody.replaceChildren();
    tbody.append(...items(page).map(row));
    token = page.nextToken;
    more.hidden = !token;
  };
  more.addEventListener('click', () => load(false));
  return { tbody, more, load };
}
