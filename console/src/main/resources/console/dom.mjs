// Builds elements without innerHTML: every text from the API is inserted as text, never parsed as markup.
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value == null || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else el.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child != null && child !== false) el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

// The same for SVG elements (createElementNS: an SVG element made by createElement would not be drawn).
export function svg(tag, attrs, ...children) {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [key, value] of Object.entries(attrs || {})) if (value != null) el.setAttribute(key, value);
  for (const child of children.flat(Infinity)) if (child != null && child !== false) el.append(child);
  return el;
}

// After a page changes, the keyboard and the screen reader start at its heading (focusable, not in the Tab order).
export function focusHeading() {
  const main = document.getElementById('main');
  const heading = main.querySelector('h1');
  if (heading) heading.tabIndex = -1;
  (heading || main).focus({ preventScroll: true });
}

export function announce(text) {
  const region = document.getElementById('announce');
  region.textContent = '';
  setTimeout(() => { region.textContent = text; }, 50);
}

export function when(iso, lang) {
  return iso ? new Date(iso).toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'medium' }) : '';
}
