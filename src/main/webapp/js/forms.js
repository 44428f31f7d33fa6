// Form parts shared by the views: errors flagged under their fields, checkboxes, chips, text and number fields.

import { alertBox, busy, capital, el, newId, plural } from './dom.js';

/** Shows each error under its field (a `.field[data-field]` with a `.field-error`) and flags its control. */
export function flagFields(form, errors, fieldOf = field => field) {
  form.querySelectorAll('.field-error').forEach(p => { p.hidden = true; p.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach(c => c.removeAttribute('aria-invalid'));
  for (const { field, message } of errors) {
    const name = fieldOf((field || '').replace(/\[\d+\]$/, '')); // "topics[3]" belongs to the topics field
    const holder = name && form.querySelector(`.field[data-field="${name}"]`);
    if (!holder) continue;
    const target = holder.querySelector(':scope > .field-error');
    target.textContent = (target.hidden ? '' : target.textContent + '; ') + capital(message);
    target.hidden = false;
    const control = holder.querySelector('input:not([type="checkbox"]), textarea, select');
    if (control) control.setAttribute('aria-invalid', 'true');
  }
  const firstError = form.querySelector('.field-error:not([hidden])');
  if (firstError) {
    const holder = firstError.closest('.field');
    holder.scrollIntoView({ block: 'center' });
    const control = holder.querySelector('[aria-invalid="true"], input, textarea, select');
    if (control) control.focus();
  }
}

/** A field the reader is fixing stops showing its error; the summary goes once nothing is flagged. */
export function unflagOnInput(form, problems) {
  form.addEventListener('input', event => {
    const holder = event.target.closest('.field');
    if (!holder || holder.querySelector(':scope > .field-error[hidden]')) return;
    holder.querySelectorAll(':scope > .field-error').forEach(p => { p.hidden = true; p.textContent = ''; });
    holder.querySelectorAll('[aria-invalid]').forEach(c => c.removeAttribute('aria-invalid'));
    if (!form.querySelector('[aria-invalid="true"], .field-error:not([hidden])')) problems.replaceChildren();
  });
}

export const fieldError = () => el('p', { class: 'field-error', hidden: true });

/** Checkboxes in columns, one per division. */
export function divisionChoices(list, selected, describe = () => null) {
  return el('div', { class: 'check-grid' }, list.map(d => el('label', { class: 'check' },
    el('input', { type: 'checkbox', value: d.id, checked: selected.includes(d.id) }),
    el('span', {}, d.name, describe(d) ? el('span', { class: 'small muted' }, ' ', describe(d)) : null))));
}
export const checkedValues = box => [...box.querySelectorAll('input:checked')].map(i => i.value);

/** Topics as removable chips: type one and press Enter (or a comma), or pick one the browser suggests. */
export function topicInput(initial, vocabulary, { max = 20, maxLength = 60 } = {}) {
  return chipInput({ initial, max, maxLength, field: 'topics', label: 'Topics', one: 'topic', listLabel: 'Your topics',
    hint: 'What you would like to learn about. Press Enter after each; suggestions come from leaders’ profiles.',
    placeholder: 'For example: machine learning',
    suggestions: vocabulary.map(t => ({ value: t.name, text: t.leaders ? plural(t.leaders, 'leader') : 'shared topic' })) });
}

/**
 * Short texts as removable chips (topics, strengths): type one and press Enter (or a separator), or pick a
 * suggestion. `node` is a `.field[data-field]` that flagFields() can mark.
 */
export function chipInput({ initial = [], max, maxLength, field, label, hint, one, listLabel, placeholder, suggestions = [], separators = /,/ }) {
  const chipsOf = [...initial];
  const id = newId();
  const input = el('input', { id, list: suggestions.length ? id + '-list' : null, autocomplete: 'off', maxlength: maxLength,
    enterkeyhint: 'enter', placeholder });
  const datalist = suggestions.length > 0 && el('datalist', { id: id + '-list' },
    suggestions.map(s => el('option', { value: s.value }, s.text || null)));
  const chips = el('ul', { class: 'chips topic-chips', 'aria-label': listLabel });
  const status = el('p', { class: 'hint', role: 'status' });
  const tidy = text => text.trim().replace(/\s+/g, ' ');

  function render(message) {
    chips.replaceChildren(...chipsOf.map(t => el('li', { class: 'chip picked-chip' }, t,
      el('button', { type: 'button', class: 'chip-remove', 'aria-label': `Remove ${one} ${t}`, onclick: () => {
        chipsOf.splice(chipsOf.indexOf(t), 1);
        render(`Removed “${t}”.`);
        input.focus();
      } }, '×'))));
    chips.hidden = !chipsOf.length;
    status.textContent = message || (chipsOf.length ? `${plural(chipsOf.length, one)} of at most ${max}.` : `No ${one}s yet.`);
  }

  /** Moves what was typed into the chips; the problem, if something could not be added (quiet: the form shows it). */
  function commit(quiet = false) {
    const parts = input.value.split(separators).map(tidy).filter(Boolean);
    const left = [];
    let problem = null;
    for (const part of parts) {
      if (chipsOf.some(t => t.toLowerCase() === part.toLowerCase())) continue;
      if (part.length > maxLength) { problem = `a ${one} has at most ${maxLength} characters`; left.push(part); continue; }
      if (chipsOf.length >= max) { problem = `at most ${max} ${one}s; remove one first`; left.push(part); continue; }
      chipsOf.push(part);
    }
    input.value = left.join(', ');
    render(problem && !quiet ? capital(problem) + '.' : undefined);
    return problem;
  }

  input.addEventListener('keydown', event => {
    if (event.key === 'Enter') { event.preventDefault(); commit(); }
  });
  input.addEventListener('input', event => {
    // A separator ends an entry; so does picking one of the suggestions.
    if (separators.test(input.value) || event.inputType === 'insertReplacementText' || event.inputType === undefined) {
      if (tidy(input.value)) commit();
    }
  });
  const add = el('button', { type: 'button', class: 'secondary small-button', onclick: () => { commit(); input.focus(); } }, 'Add');
  render();
  return {
    node: el('div', { class: 'field', 'data-field': field },
      el('label', { for: id }, label),
      hint && el('p', { class: 'hint' }, hint),
      chips, el('div', { class: 'topic-entry' }, input, add), datalist, status, fieldError()),
    commit,
    values: () => [...chipsOf],
  };
}

/** A reason or note form that opens in place of the actions. */
export function inlineForm({ scope, actions, errorSlot, fields, label, busyLabel = 'Sending…', danger = false, submit, labels = {} }) {
  const confirm = el('button', { type: 'submit', class: danger ? 'danger' : '' }, label);
  const form = el('form', { class: 'inline-form', novalidate: true, onsubmit: async event => {
    event.preventDefault();
    errorSlot.replaceChildren();
    try {
      await busy(scope, confirm, busyLabel, submit);
    } catch (error) {
      if (error.status !== 401) {
        errorSlot.replaceChildren(alertBox(error, labels));
        if (error.onError) error.onError();
      }
    }
  } },
    fields,
    el('div', { class: 'actions' }, confirm, el('button', { type: 'button', class: 'secondary', onclick: () => {
      errorSlot.replaceChildren();
      form.replaceWith(actions);
    } }, 'Cancel')));
  return form;
}

export function textField(label, { hint, required = false, placeholder } = {}) {
  const id = newId();
  const control = el('textarea', { id, maxlength: 2000, placeholder, required });
  return { control, node: el('div', { class: 'field' }, el('label', { for: id }, label), hint && el('p', { class: 'hint' }, hint), control) };
}

export function numberField(label, value, { min = 0, max, hint, unit } = {}) {
  const id = newId();
  const control = el('input', { type: 'number', id, value, min, max, step: 1, inputmode: 'numeric' });
  return { control, node: el('div', { class: 'field' }, el('label', { for: id }, label),
    hint && el('p', { class: 'hint' }, hint), el('div', { class: 'with-unit' }, control, unit && el('span', { class: 'small muted' }, unit))) };
}
