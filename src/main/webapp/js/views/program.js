// HR: the program's rules — meeting lengths, limits, follow-ups, who may ask whom, keeping in touch, holidays.

import { me } from '../state.js';
import { api, ApiError } from '../api.js';
import { alertBox, busy, card, el, newId, number, plural } from '../dom.js';
import { when } from '../time.js';
import { fieldError, flagFields, unflagOnInput } from '../forms.js';

/** Every number the rules hold, grouped as the form shows them: what it is called, its unit and what it means. */
const GROUPS = [
  { legend: 'Leaders’ time', fields: [
    ['defaultMonthlyCap', 'Interviews a month for a new leader', 'interviews',
      'How many interviews a month a leader takes until they set a limit of their own.'],
  ] },
  { legend: 'Employees’ requests', fields: [
    ['maxOpenRequests', 'Requests waiting at once', 'requests',
      'How many requests an employee may have open (not yet answered or closed) at the same time.'],
    ['maxRequestsPerMonth', 'Requests a month', 'requests',
      'How many requests an employee may send in one calendar month.'],
  ] },
  { legend: 'Following up, then moving on', hint: 'When a leader does not answer, the employee may follow up; '
    + 'after the last attempt the request expires and the employee is pointed to other leaders. '
    + 'Business days are weekdays that are not company holidays.', fields: [
    ['maxFollowUps', 'Follow-ups', 'follow-ups', 'How many times an employee may follow up on an unanswered request. 0 means never.'],
    ['followUpBusinessDays', 'Wait before following up', 'business days', 'How long after the last attempt a follow-up may be sent.'],
    ['expiryBusinessDays', 'Expires after', 'business days',
      'How long after the last attempt an unanswered request expires, once no follow-up is left.'],
  ] },
  { legend: 'Who may ask whom', hint: 'Employees always ask leaders in other divisions, outside their own management chain.', fields: [
    ['maxLevelGap', 'Levels above the employee, at most', 'levels',
      'How far above an employee’s own level a leader they ask may be. 0 means the same level or below.'],
    ['repeatWindowMonths', 'Before meeting the same leader again', 'months',
      'How long after an interview was held before the employee may ask that leader again. 0 means at once.'],
  ] },
  { legend: 'Keeping in touch', fields: [
    ['keepInTouchDays', 'Touch base every', 'days',
      'How often someone an employee interviewed comes up as a contact to get in touch with again, for contacts made from now on.'],
  ] },
];

const LABELS = Object.fromEntries([
  ['version', 'Version'], ['lengths', 'Allowed lengths'], ['defaultLength', 'Default length'], ['holidays', 'Company holidays'],
  ...GROUPS.flatMap(g => g.fields.map(([name, label]) => [name, label]))]);
const NUMBER_FIELDS = GROUPS.flatMap(g => g.fields.map(([name]) => name));
const RULES = ['lengths', 'defaultLength', ...NUMBER_FIELDS, 'holidays'];

const dayText = date => new Intl.DateTimeFormat([], { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'long', year: 'numeric' })
  .format(new Date(date + 'T00:00:00Z'));

/** A rule's value in words, as a change lists it. */
function valueText(name, value) {
  if (name === 'lengths') return value.map(l => `${l}`).join(', ') + ' minutes';
  if (name === 'defaultLength') return `${value} minutes`;
  if (name === 'holidays') return value.length ? value.map(dayText).join('; ') : 'none';
  return number(value);
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** HR reads and changes the rules; a change made from an older version than the stored one is refused (409). */
export async function program() {
  if (!me.roles.includes('HR')) {
    return card(el('h2', {}, 'Program rules'), el('p', { class: 'alert warning' }, 'Only HR changes the program’s rules.'));
  }
  return rulesCard(await api('program'));
}

function rulesCard(initial) {
  let base = initial; // the rules as last read or saved: what a change is made from
  const heading = el('h2', {}, 'Program rules');
  const meta = el('p', { class: 'small muted' });
  const problems = el('div');
  const status = el('div', { role: 'status' });
  const save = el('button', { type: 'submit' }, 'Save the rules');

  // Lengths: typed as a list; the default is one of them.
  const lengthsId = newId();
  const lengths = el('input', { id: lengthsId, autocomplete: 'off', placeholder: '15, 20, 30',
    'aria-describedby': lengthsId + '-hint' });
  const defaultId = newId();
  const defaultLength = el('select', { id: defaultId, 'aria-describedby': defaultId + '-hint' });
  const typedLengths = () => lengths.value.split(/[\s,;]+/).filter(Boolean);
  function lengthChoices(keep) {
    const offered = [...new Set(typedLengths().filter(t => /^\d+$/.test(t)).map(Number))].sort((a, b) => a - b);
    defaultLength.replaceChildren(...offered.map(l => el('option', { value: l, selected: l === keep }, `${l} minutes`)));
    if (!offered.includes(keep) && offered.length) defaultLength.value = String(offered[0]);
  }
  lengths.addEventListener('change', () => lengthChoices(Number(defaultLength.value)));

  const controls = {};
  const numberInput = ([name, label, unit, hint]) => {
    const id = newId();
    controls[name] = el('input', { type: 'number', id, step: 1, inputmode: 'numeric', 'aria-describedby': `${id}-hint` });
    return el('div', { class: 'field', 'data-field': name },
      el('label', { for: id }, label), el('p', { class: 'hint', id: id + '-hint' }, hint),
      el('div', { class: 'with-unit' }, controls[name], el('span', { class: 'small muted' }, unit)), fieldError());
  };

  const holidays = holidayList();

  function fill(rules) {
    lengths.value = rules.lengths.join(', ');
    lengthChoices(rules.defaultLength);
    for (const name of NUMBER_FIELDS) controls[name].value = String(rules[name]);
    holidays.set(rules.holidays);
    meta.replaceChildren(`Version ${number(rules.version)}`,
      rules.updatedAt ? ` · last changed ${when(rules.updatedAt)}${rules.updatedBy === me.id ? ' by you' : ''}` : '');
  }

  /** The change as the API takes it, or the fields the reader must fix first. */
  function read() {
    const errors = [];
    const body = { version: base.version };
    const typed = typedLengths();
    if (typed.some(t => !/^\d+$/.test(t))) errors.push({ field: 'lengths', message: 'whole minutes, separated by commas' });
    body.lengths = typed.map(Number);
    body.defaultLength = defaultLength.value === '' ? null : Number(defaultLength.value);
    for (const name of NUMBER_FIELDS) {
      const control = controls[name];
      const value = control.value === '' ? null : Number(control.value);
      if (control.validity.badInput || (value !== null && !Number.isInteger(value))) {
        errors.push({ field: name, message: 'a whole number' });
      }
      body[name] = value;
    }
    body.holidays = holidays.values();
    return { body, errors };
  }

  const form = el('form', { class: 'program-rules', novalidate: true, onsubmit: async event => {
    event.preventDefault();
    problems.replaceChildren();
    status.replaceChildren();
    const { body, errors } = read();
    if (errors.length) {
      flagFields(form, errors);
      problems.replaceChildren(alertBox(new ApiError('', 400, errors), LABELS));
      return;
    }
    flagFields(form, []);
    try {
      const saved = await busy(form, save, 'Saving…', () => api('program', { method: 'PUT', body }));
      const before = base;
      base = saved;
      fill(saved);
      const changed = RULES.filter(name => !same(before[name], saved[name])).map(name => LABELS[name]);
      status.replaceChildren(el('div', { class: 'alert success' },
        `Rules saved as version ${number(saved.version)}`
        + (changed.length ? ` (changed: ${changed.join(', ')}). ` : ' (nothing changed). ')
        + 'Crossroads follows them from now on.'));
      save.focus();
    } catch (error) {
      if (error.status === 401) return;
      if (error.status === 409) {
        await conflict(error);
      } else {
        flagFields(form, error.errors);
        problems.replaceChildren(alertBox(error, LABELS));
      }
    }
  } },
    el('fieldset', { class: 'field part' }, el('legend', {}, 'Meeting lengths'),
      el('div', { class: 'row two' },
        el('div', { class: 'field', 'data-field': 'lengths' },
          el('label', { for: lengthsId }, 'Allowed lengths, in minutes'),
          el('p', { class: 'hint', id: lengthsId + '-hint' }, 'The lengths leaders may offer and employees may ask for, '
            + 'separated by commas: short meetings respect a leader’s time.'),
          lengths, fieldError()),
        el('div', { class: 'field', 'data-field': 'defaultLength' },
          el('label', { for: defaultId }, 'Default length'),
          el('p', { class: 'hint', id: defaultId + '-hint' }, 'What a new request starts with; one of the allowed lengths.'),
          defaultLength, fieldError()))),
    GROUPS.map(group => el('fieldset', { class: 'field part' }, el('legend', {}, group.legend),
      group.hint && el('p', { class: 'hint' }, group.hint),
      el('div', { class: 'row two' }, group.fields.map(numberInput)))),
    holidays.node,
    problems,
    el('div', { class: 'actions' }, save),
    status);
  unflagOnInput(form, problems);

  /** Someone else saved first: what they changed, and their rules to start again from. */
  async function conflict(error) {
    let latest;
    try {
      latest = await api('program');
    } catch (failed) {
      if (failed.status !== 401) problems.replaceChildren(alertBox(error), alertBox(failed));
      return;
    }
    const changed = RULES.filter(name => !same(base[name], latest[name]));
    const load = el('button', { type: 'button', class: 'secondary', onclick: () => {
      base = latest;
      fill(latest);
      flagFields(form, []);
      problems.replaceChildren();
      status.replaceChildren(el('div', { class: 'alert success' }, `Loaded the rules as they are now, version ${number(latest.version)}.`));
      heading.setAttribute('tabindex', '-1');
      heading.focus();
    } }, 'Load their rules');
    problems.replaceChildren(el('div', { class: 'alert warning', role: 'alert' },
      el('strong', {}, 'Someone else changed the rules while you were editing them.'),
      ` Your changes are not saved. The rules are at version ${number(latest.version)} now`
        + (latest.updatedAt ? `, changed ${when(latest.updatedAt)}` : '') + '.',
      changed.length
        ? [el('p', {}, 'What they changed:'),
          el('ul', { class: 'conflict-changes' }, changed.map(name => el('li', {},
            `${LABELS[name]}: ${valueText(name, base[name])} → ${valueText(name, latest[name])}`)))]
        : el('p', {}, 'They left every value as it was when you opened the rules.'),
      el('p', {}, 'Load their rules, then make your changes again.'),
      el('div', { class: 'actions' }, load)));
    load.focus();
  }

  fill(initial);
  return card(heading,
    el('p', { class: 'muted' }, 'The rules every request, interview and reminder follows. A saved change applies from then on, '
      + 'on every page and in every reminder.'),
    meta, form);
}

/** Company holidays: days added with a date picker and removed one by one, announced as they change. */
function holidayList() {
  let days = [];
  const id = newId();
  const input = el('input', { type: 'date', id, 'aria-describedby': id + '-hint' });
  const list = el('ul', { class: 'plain holidays', 'aria-label': 'Company holidays' });
  const said = el('p', { class: 'hint', role: 'status' });
  const add = el('button', { type: 'button', class: 'secondary small-button', onclick: () => {
    const date = input.value;
    if (!date) {
      said.textContent = 'Choose a date first.';
    } else if (days.includes(date)) {
      said.textContent = `${dayText(date)} is already listed.`;
    } else {
      days = [...days, date].sort();
      input.value = '';
      render(`Added ${dayText(date)}. ${count()}`);
    }
    input.focus();
  } }, 'Add');
  input.addEventListener('keydown', event => {
    if (event.key === 'Enter') { event.preventDefault(); add.click(); }
  });
  const count = () => (days.length ? `${plural(days.length, 'holiday')} listed.` : 'No holidays listed.');

  function render(message) {
    list.replaceChildren(...days.map(date => el('li', { class: 'holiday' },
      el('span', {}, dayText(date)),
      el('button', { type: 'button', class: 'link', 'aria-label': `Remove ${dayText(date)}`, onclick: () => {
        const at = days.indexOf(date);
        days = days.filter(d => d !== date);
        render(`Removed ${dayText(date)}. ${count()}`);
        const next = list.querySelectorAll('button')[Math.min(at, days.length - 1)];
        (next || input).focus();
      } }, 'Remove'))));
    list.hidden = !days.length;
    said.textContent = message || count();
  }

  const node = el('fieldset', { class: 'field part', 'data-field': 'holidays' },
    el('legend', {}, 'Company holidays'),
    el('p', { class: 'hint', id: id + '-hint' }, 'Days that do not count as business days when follow-ups and expiry are counted. '
      + 'Weekends never count.'),
    list, said,
    el('label', { for: id }, 'Add a holiday'),
    el('div', { class: 'row holiday-entry' }, input, add),
    fieldError());
  return {
    node,
    set(values) { days = [...values].sort(); render(); },
    values: () => [...days],
  };
}
