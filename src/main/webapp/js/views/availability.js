// Leaders: when they can meet, and their profile as employees see it.

import { me, zone } from '../state.js';
import { api, ApiError } from '../api.js';
import { alertBox, busy, capital, card, el, newId } from '../dom.js';
import { dateToWall } from '../time.js';
import { formatName } from '../labels.js';
import { numberField } from '../forms.js';

const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const dayName = d => capital(d.toLowerCase());

export async function availability() {
  if (!me.roles.includes('LEADER')) {
    return card(el('h2', {}, 'Availability'), el('p', { class: 'alert warning' }, 'Only leaders set availability.'));
  }
  const [av, prof, program] = await Promise.all(
    [api(`leaders/${me.id}/availability`), api(`leaders/${me.id}/profile`), api('program')]);
  return [availabilityCard(av), leaderProfileCard(prof, program)];
}

/** Editable time ranges ("09:00–12:00, 13:00–17:00"). */
function rangesEditor(ranges, label) {
  const list = el('div', { class: 'ranges' });
  const none = el('span', { class: 'small muted' }, 'Not available');
  const add = el('button', { type: 'button', class: 'link', onclick: () => { addRange({ start: '09:00', end: '17:00' }); sync(); list.querySelector('.range:last-child input').focus(); } }, '+ Add hours');
  function addRange({ start, end }) {
    const from = el('input', { type: 'time', value: start, step: 900, 'aria-label': `${label} from` });
    const to = el('input', { type: 'time', value: end, step: 900, 'aria-label': `${label} until` });
    const row = el('div', { class: 'range' }, from, el('span', { 'aria-hidden': 'true' }, '–'), to,
      el('button', { type: 'button', class: 'link', 'aria-label': `Remove these ${label} hours`, onclick: () => { row.remove(); sync(); } }, 'Remove'));
    list.append(row);
  }
  function sync() { none.hidden = list.children.length > 0; }
  ranges.forEach(addRange);
  sync();
  return {
    node: el('div', { class: 'ranges-editor' }, list, none, add),
    value: () => [...list.children].map(row => { const [a, b] = row.querySelectorAll('input'); return { start: a.value, end: b.value }; }),
  };
}

function availabilityCard(av) {
  const problems = el('div');
  const save = el('button', { type: 'submit' }, 'Save availability');

  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const currentZone = av.timeZone || zone;
  const zoneId = newId();
  const zoneControl = zones.length
    ? el('select', { id: zoneId }, [...new Set([currentZone, ...zones])].sort().map(z => el('option', { value: z, selected: z === currentZone }, z.replaceAll('_', ' '))))
    : el('input', { id: zoneId, value: currentZone });

  const weekly = DAYS.map(d => ({ day: d, editor: rangesEditor(av.weekly.filter(w => w.day === d).map(w => ({ start: w.start, end: w.end })), dayName(d)) }));

  const overrideList = el('div', { class: 'overrides' });
  const overrides = [];
  const today = dateToWall(new Date(), currentZone).slice(0, 10);
  function addOverride({ date, ranges }) {
    const dateInput = el('input', { type: 'date', value: date, min: today, 'aria-label': 'Date' });
    const editor = rangesEditor(ranges, 'special');
    const away = el('input', { type: 'checkbox', checked: ranges.length === 0 });
    const syncAway = () => { editor.node.hidden = away.checked; };
    away.addEventListener('change', () => { syncAway(); if (!away.checked && !editor.value().length) editor.node.querySelector('button.link:last-child').click(); });
    syncAway();
    const entry = { dateInput, away, editor };
    const row = el('div', { class: 'override' },
      el('div', { class: 'row' }, dateInput, el('label', { class: 'check' }, away, ' Away all day'),
        el('button', { type: 'button', class: 'link', onclick: () => { row.remove(); overrides.splice(overrides.indexOf(entry), 1); } }, 'Remove')),
      editor.node);
    overrides.push(entry);
    overrideList.append(row);
    return row;
  }
  (av.overrides || []).filter(o => o.date >= today).sort((a, b) => a.date.localeCompare(b.date)).forEach(addOverride);
  const addAway = el('button', { type: 'button', class: 'secondary small-button', onclick: () => {
    addOverride({ date: '', ranges: [] }).querySelector('input').focus();
  } }, '+ Add an away day or special hours');

  const before = numberField('Buffer before', av.bufferBefore, { max: 240, unit: 'minutes' });
  const after = numberField('Buffer after', av.bufferAfter, { max: 240, unit: 'minutes' });
  const notice = numberField('Notice needed', av.minNoticeHours, { max: 720, unit: 'hours' });
  const horizon = numberField('Bookable ahead', av.horizonDays, { min: 1, max: 365, unit: 'days' });

  const body = () => ({
    timeZone: zoneControl.value.trim(),
    weekly: weekly.flatMap(({ day, editor }) => editor.value().map(r => ({ day, ...r }))),
    overrides: overrides.map(o => ({ date: o.dateInput.value, ranges: o.away.checked ? [] : o.editor.value() })),
    bufferBefore: before.control.value === '' ? null : Number(before.control.value),
    bufferAfter: after.control.value === '' ? null : Number(after.control.value),
    minNoticeHours: notice.control.value === '' ? null : Number(notice.control.value),
    horizonDays: horizon.control.value === '' ? null : Number(horizon.control.value),
  });

  const labelsFor = sent => field => {
    const top = { timeZone: 'Time zone', weekly: 'Weekly hours', overrides: 'Away days', bufferBefore: 'Buffer before',
      bufferAfter: 'Buffer after', minNoticeHours: 'Notice needed', horizonDays: 'Bookable ahead' };
    if (top[field]) return top[field];
    let m = /^weekly\[(\d+)\]/.exec(field);
    if (m && sent.weekly[+m[1]]) { const w = sent.weekly[+m[1]]; return `${dayName(w.day)} ${w.start}–${w.end}`; }
    m = /^overrides\[(\d+)\]/.exec(field);
    if (m && sent.overrides[+m[1]]) return `Date ${sent.overrides[+m[1]].date || '(empty)'}`;
    return null;
  };

  const clientErrors = sent => {
    const errors = [];
    sent.weekly.forEach((w, i) => {
      if (!w.start || !w.end) errors.push({ field: `weekly[${i}]`, message: 'fill in both times' });
      else if (w.start >= w.end) errors.push({ field: `weekly[${i}]`, message: 'must end after it starts' });
    });
    sent.overrides.forEach((o, i) => {
      if (!o.date) errors.push({ field: `overrides[${i}]`, message: 'pick a date' });
      else if (sent.overrides.findIndex(x => x.date === o.date) !== i) errors.push({ field: `overrides[${i}]`, message: 'this date is listed twice' });
      o.ranges.forEach(r => { if (!r.start || !r.end || r.start >= r.end) errors.push({ field: `overrides[${i}]`, message: 'hours must end after they start' }); });
    });
    return errors;
  };

  const form = el('form', { novalidate: true, onsubmit: async event => {
    event.preventDefault();
    problems.replaceChildren();
    const sent = body();
    const errors = clientErrors(sent);
    if (errors.length) { problems.replaceChildren(alertBox(new ApiError('', 400, errors), labelsFor(sent))); return; }
    try {
      await busy(form, save, 'Saving…', () => api(`leaders/${me.id}/availability`, { method: 'PUT', body: sent }));
      problems.replaceChildren(el('div', { class: 'alert success', role: 'status' }, 'Saved. Your open times now follow these hours.'));
    } catch (error) {
      if (error.status !== 401) problems.replaceChildren(alertBox(error, labelsFor(sent)));
    }
  } },
    el('div', { class: 'field' }, el('label', { for: zoneId }, 'Time zone'), el('p', { class: 'hint' }, 'Your hours below are on this clock.'), zoneControl),
    el('fieldset', { class: 'field' }, el('legend', {}, 'Weekly hours'),
      el('p', { class: 'hint' }, 'When people may propose times. Add several ranges for a day to leave a gap, such as lunch.'),
      el('div', { class: 'week' }, weekly.map(({ day, editor }) => el('div', { class: 'weekday' },
        el('span', { class: 'strong' }, dayName(day)), editor.node)))),
    el('fieldset', { class: 'field' }, el('legend', {}, 'Away days and special hours'),
      el('p', { class: 'hint' }, 'Dates that differ from your week: away all day, or other hours.'),
      overrideList, addAway),
    el('fieldset', { class: 'field' }, el('legend', {}, 'Rules'),
      el('div', { class: 'row rules' }, before.node, after.node, notice.node, horizon.node)),
    problems,
    el('div', { class: 'actions' }, save));

  return card(el('h2', {}, 'Availability'),
    el('p', { class: 'muted' }, 'Employees only see open times inside these hours, after your buffers, notice, monthly limit and interviews.'),
    form);
}

function leaderProfileCard(prof, program) {
  const problems = el('div');
  const save = el('button', { type: 'submit' }, 'Save profile');
  const id = () => newId();
  const acceptingId = id();
  const accepting = el('input', { type: 'checkbox', id: acceptingId, checked: prof.acceptingRequests });
  const topicsId = id();
  const topics = el('input', { id: topicsId, value: (prof.topics || []).join(', '), placeholder: 'career growth, architecture' });
  const bioId = id();
  const bio = el('textarea', { id: bioId, maxlength: 2000 }, prof.bio || '');
  const cap = numberField('Interviews a month, at most', prof.monthlyCap, { max: 40 });
  // The lengths the program allows now, and any this leader still offers from before.
  const allowed = [...new Set([...program.lengths, ...(prof.lengths || [])])].sort((a, b) => a - b);
  const choices = (values, selected, name) => values.map(v => el('label', { class: 'check' },
    el('input', { type: 'checkbox', value: v, checked: selected.includes(v) }), ' ', name(v)));
  const lengths = el('div', { class: 'row' }, choices(allowed, prof.lengths || [], l => `${l} min`));
  const formats = el('div', { class: 'row' }, choices(['VIDEO', 'PHONE', 'IN_PERSON'], prof.formats || [], formatName));
  const labels = { acceptingRequests: 'Accepting requests', topics: 'Topics', bio: 'About you', monthlyCap: 'Interviews a month',
    lengths: 'Lengths', formats: 'Formats' };
  const checked = box => [...box.querySelectorAll('input:checked')].map(i => i.value);

  const form = el('form', { novalidate: true, onsubmit: async event => {
    event.preventDefault();
    problems.replaceChildren();
    const sent = { acceptingRequests: accepting.checked,
      topics: topics.value.split(',').map(t => t.trim()).filter(Boolean),
      bio: bio.value.trim(), monthlyCap: cap.control.value === '' ? null : Number(cap.control.value),
      lengths: checked(lengths).map(Number), formats: checked(formats) };
    const errors = [];
    if (!sent.lengths.length) errors.push({ field: 'lengths', message: 'offer at least one length' });
    if (!sent.formats.length) errors.push({ field: 'formats', message: 'offer at least one format' });
    if (errors.length) { problems.replaceChildren(alertBox(new ApiError('', 400, errors), labels)); return; }
    try {
      await busy(form, save, 'Saving…', () => api(`leaders/${me.id}/profile`, { method: 'PUT', body: sent }));
      problems.replaceChildren(el('div', { class: 'alert success', role: 'status' },
        sent.acceptingRequests ? 'Saved. Employees see your profile as shown here.' : 'Saved. You are not taking new requests; open ones stay.'));
    } catch (error) {
      if (error.status !== 401) problems.replaceChildren(alertBox(error, labels));
    }
  } },
    el('div', { class: 'field' }, el('label', { class: 'check', for: acceptingId }, accepting, ' I accept new requests'),
      el('p', { class: 'hint' }, 'Turn this off while you are busy; people cannot send you new requests.')),
    el('div', { class: 'field' }, el('label', { for: topicsId }, 'Topics'), el('p', { class: 'hint' }, 'Separated by commas.'), topics),
    el('div', { class: 'field' }, el('label', { for: bioId }, 'About you'), bio),
    el('div', { class: 'row two' }, cap.node,
      el('fieldset', { class: 'field' }, el('legend', {}, 'Lengths'), lengths),
      el('fieldset', { class: 'field' }, el('legend', {}, 'Formats'), formats)),
    problems,
    el('div', { class: 'actions' }, save));
  return card(el('h2', {}, 'Leader profile'), el('p', { class: 'muted' }, 'What employees see when they look you up.'), form);
}
