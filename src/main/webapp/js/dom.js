// Building the page: `el()` and its helpers, alert boxes, busy buttons, numbers and names in words.

export const main = document.getElementById('main');
let formCount = 0;

/** A fresh id for a control and its label. */
export function newId() {
  return 'x' + (++formCount);
}

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (value !== false && value != null) node.setAttribute(key, value === true ? '' : value);
  }
  node.append(...nodes(children));
  return node;
}

/** Children to append: nested arrays flattened, and null, undefined and false left out. */
export function nodes(...children) {
  return children.flat(Infinity).filter(c => c != null && c !== false)
    .map(c => c instanceof Node ? c : document.createTextNode(String(c)));
}

export const card = (...children) => el('section', { class: 'card' }, ...children);
export const link = (href, text, cls = 'button secondary') => el('a', { href, class: cls }, text);
export const plural = (n, one, many = one + 's') => `${n} ${n === 1 ? one : many}`;
export const capital = text => text ? text[0].toUpperCase() + text.slice(1) : text;
/** A person's title, beside their name where people are listed; nothing when it is not known. */
export const titleOf = person => person && person.title ? el('span', { class: 'small muted person-title' }, person.title) : null;

export function alertBox(error, labels = {}) {
  const box = el('div', { class: 'alert error', role: 'alert' });
  if (error.errors && error.errors.length) {
    box.append(el('strong', {}, error.errors.length === 1 ? 'Please check this field:' : 'Please check these fields:'),
      el('ul', {}, error.errors.map(e => el('li', {}, `${fieldLabel(e.field, labels)}: ${e.message}`))));
  } else {
    box.append(error.message || 'Something went wrong. Try again.');
  }
  return box;
}

function fieldLabel(field, labels) {
  if (typeof labels === 'function') return labels(field || '') || field || 'Request';
  if (labels[field]) return labels[field];
  const indexed = /^(\w+)\[(\d+)\]$/.exec(field || '');
  if (indexed && labels[indexed[1] + '[]']) return `${labels[indexed[1] + '[]']} ${Number(indexed[2]) + 1}`;
  return field || 'Request';
}

/** Disables the buttons of a part of the page while a call is in flight. */
export async function busy(scope, button, label, work) {
  const buttons = [...scope.querySelectorAll('button')];
  const text = button.textContent;
  buttons.forEach(b => { b.disabled = true; });
  button.textContent = label;
  scope.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } finally {
    buttons.forEach(b => { b.disabled = false; });
    button.textContent = text;
    scope.removeAttribute('aria-busy');
  }
}

export const number = n => new Intl.NumberFormat().format(n);
export const signed = n => (n > 0 ? '+' : n < 0 ? '−' : '') + number(Math.abs(n));

/** "Ada" for Ada Lovelace: how a person is named in a sentence. */
export const firstName = person => person.displayName.split(' ')[0];

/** Previous and next through a list of `{items, total}`. */
export function pager({ offset, count, total, size, what, goTo }) {
  if (total <= size && offset === 0) return null;
  return el('div', { class: 'pager' },
    el('span', { class: 'small muted' }, `${number(offset + 1)}–${number(offset + count)} of ${number(total)} ${what}`),
    el('button', { type: 'button', class: 'secondary small-button', disabled: offset === 0,
      onclick: () => goTo(Math.max(0, offset - size)) }, '← Previous'),
    el('button', { type: 'button', class: 'secondary small-button', disabled: offset + count >= total,
      onclick: () => goTo(offset + size) }, 'Next →'));
}
