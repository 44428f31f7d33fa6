// Leaders: when they can meet, and their profile as employees see it.

import { me, zone } from '../state.js';
import { api, ApiError } from '../api.js';
import { alertBox, busy, capital, card, el, newId, plural } from '../dom.js';
import { dateToWall } from '../time.js';
import { formatName } from '../labels.js';
import { numberField } from '../forms.js';
import { onLeave } from '../nav.js';

const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const MAX_AWAY_STRETCH = 92; // days one "away from … until" adds at most
const dayName = d => capital(d.toLowerCase());

export async function availability() {
  if (!me.roles.includes('LEADER')) {
    return card(el('h2', {}, 'Availability'), el('p', { class: 'alert warning' }, 'Only leaders set availability.'));
  }
  const [av, prof, program] = await Promise.all(
    [api(`leaders/${me.id}/availability`), api(`leaders/${me.id}/profile`), api('program')]);
  return [availabilityCard(av), leaderProfileCard(prof, program)];
}

/** Editable time ranges ("09:00–12:00, 13:00–17:00"); `changed` hears of every edit made here. */
function rangesEditor(ranges, label, changed = () => {}) {
  const list = el('div', { class: 'ranges' });
  const none = el('span', { class: 'small muted' }, 'Not available');
  const add = el('button', { type: 'button', class: 'link', onclick: () => {
    addRange({ start: '09:00', end: '17:00' }); sync(); changed(); list.querySelector('.range:last-child input').focus();
  } }, '+ Add hours');
  function addRange({ start, end }) {
    const from = el('input', { type: 'time', value: start, step: 900, 'aria-label': `${label} from` });
    const to = el('input', { type: 'time', value: end, step: 900, 'aria-label': `${label} until` });
    const row = el('div', { class: 'range' }, from, el('span', { 'aria-hidden': 'true' }, '–'), to,
      el('button', { type: 'button', class: 'link', 'aria-label': `Remove these ${label} hours`, onclick: () => { row.remove(); sync(); changed(); } }, 'Remove'));
    list.append(row);
  }
  function sync() { none.hidden = list.children.length > 0; }
  list.addEventListener('input', () => changed());
  ranges.forEach(addRange);
  sync();
  return {
    node: el('div', { class: 'ranges-editor' }, list, none, add),
    value: () => [...list.children].map(row => { const [a, b] = row.querySelectorAll('input'); return { start: a.value, end: b.value }; }),
    /** Replaces the ranges, as the weekly grid painted them. */
    set: next => { list.replaceChildren(); next.forEach(addRange); sync(); },
  };
}

// ---------------------------------------------------------------- the weekly grid

const CELL = 30; // minutes one cell of the grid stands for
const DAY_END = 24 * 60;
const minutes = time => { const m = /^(\d{2}):(\d{2})/.exec(time || ''); return m ? +m[1] * 60 + +m[2] : null; };
const wall = m => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
/** The last minute a range can end on: the API's times are of one day, so midnight is 23:59. */
const endOf = m => wall(Math.min(m, DAY_END - 1));

/** Stretches of a day in minutes, sorted and joined where they touch. */
function joined(stretches) {
  const out = [];
  [...stretches].sort((a, b) => a[0] - b[0]).forEach(([s, e]) => {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e); else out.push([s, e]);
  });
  return out;
}
const withStretch = (day, s, e) => joined([...day, [s, e]]);
const withoutStretch = (day, s, e) => day.flatMap(([a, b]) => (b <= s || a >= e) ? [[a, b]]
  : [a < s && [a, s], b > e && [e, b]].filter(Boolean));
/** How much of [s, e) the day covers: 'all', 'some' or 'none'. */
function covers(day, s, e) {
  const inside = day.reduce((sum, [a, b]) => sum + Math.max(0, Math.min(b, e) - Math.max(a, s)), 0);
  // A range ending at 23:59 covers the day's last half-hour.
  return inside >= e - s - (e === DAY_END ? 1 : 0) ? 'all' : inside > 0 ? 'some' : 'none';
}
/** A day's valid ranges from its editor, in minutes. */
const stretchesOf = editor => joined(editor.value().map(r => [minutes(r.start), minutes(r.end)])
  .filter(([s, e]) => s != null && e != null && s < e).map(([s, e]) => [s, e === DAY_END - 1 ? DAY_END : e]));
const inWords = day => day.length ? day.map(([s, e]) => `${wall(s)}–${endOf(e)}`).join(', ') : 'not available';

/**
 * The week as a grid of half-hours to paint: drag across half-hours to make them available, or from an
 * available one to clear them; with the keyboard, arrows move, Space or Enter switches a half-hour and
 * Shift with an arrow carries the state along (the ARIA grid pattern, one cell in the tab order). The
 * grid writes into the days' range editors, which stay the exact form sent, and redraws when they change.
 */
function weekGrid(weekly) {
  const days = weekly.map(({ editor }) => stretchesOf(editor));
  const starts = days.flat().map(([s]) => s);
  const ends = days.flat().map(([, e]) => e);
  const first = Math.min(6 * 60, ...starts.map(s => Math.floor(s / CELL) * CELL));
  const last = Math.max(22 * 60, ...ends.map(e => Math.ceil(e / CELL) * CELL));
  const rows = [];
  for (let m = first; m < last; m += CELL) rows.push(m);
  const said = el('p', { class: 'visually-hidden', role: 'status' });
  const helpId = newId();
  const cells = weekly.map(() => []);
  let focused = { d: 0, r: Math.max(0, rows.indexOf(9 * 60)) };

  const table = el('table', { class: 'week-grid', role: 'grid', 'aria-multiselectable': 'true',
    'aria-label': 'Weekly hours, by half-hour', 'aria-describedby': helpId },
  el('thead', {}, el('tr', {}, el('th', { class: 'time', scope: 'col' }, el('span', { class: 'visually-hidden' }, 'Time')),
    weekly.map(({ day }) => el('th', { scope: 'col' }, el('span', { 'aria-hidden': 'true' }, dayName(day).slice(0, 3)),
      el('span', { class: 'visually-hidden' }, dayName(day)))))),
  el('tbody', {}, rows.map((m, r) => el('tr', { class: m % 60 === 0 ? 'hour' : null },
    el('th', { scope: 'row' }, m % 60 === 0 ? wall(m) : el('span', { class: 'visually-hidden' }, wall(m))),
    weekly.map((w, d) => {
      const cell = el('td', { role: 'gridcell', tabindex: '-1', 'data-day': d, 'data-row': r });
      cells[d][r] = cell;
      return cell;
    })))));

  function draw() {
    cells.forEach((column, d) => column.forEach((cell, r) => {
      const state = covers(days[d], rows[r], rows[r] + CELL);
      cell.setAttribute('aria-selected', String(state === 'all'));
      cell.classList.toggle('on', state === 'all');
      cell.classList.toggle('part', state === 'some');
      cell.replaceChildren();
      if (state === 'some') cell.append(el('span', { class: 'visually-hidden' }, 'partly'));
      cell.setAttribute('tabindex', d === focused.d && r === focused.r ? '0' : '-1');
    }));
  }
  const set = (d, r, on) => {
    days[d] = on ? withStretch(days[d], rows[r], rows[r] + CELL) : withoutStretch(days[d], rows[r], rows[r] + CELL);
  };
  const isOn = (d, r) => covers(days[d], rows[r], rows[r] + CELL) === 'all';
  /** Writes the painted days into their editors and says what they now hold. */
  function commit(changed) {
    changed.forEach(d => weekly[d].editor.set(days[d].map(([s, e]) => ({ start: wall(s), end: endOf(e) }))));
    said.textContent = changed.map(d => `${dayName(weekly[d].day)}: ${inWords(days[d])}.`).join(' ');
  }
  function focusCell(d, r) {
    focused = { d: Math.max(0, Math.min(weekly.length - 1, d)), r: Math.max(0, Math.min(rows.length - 1, r)) };
    cells.forEach(column => column.forEach(cell => cell.setAttribute('tabindex', '-1')));
    const cell = cells[focused.d][focused.r];
    cell.setAttribute('tabindex', '0');
    cell.focus();
  }

  table.addEventListener('keydown', event => {
    const cell = event.target.closest('td[data-day]');
    if (!cell) return;
    const { d, r } = focused;
    const moves = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0],
      PageUp: [0, -4], PageDown: [0, 4] };
    if (moves[event.key]) {
      event.preventDefault();
      const on = isOn(d, r);
      focusCell(d + moves[event.key][0], r + moves[event.key][1]);
      if (event.shiftKey && (focused.d !== d || focused.r !== r)) {
        set(focused.d, focused.r, on); // Shift carries the state of the half-hour left behind
        draw();
        commit([focused.d]);
      }
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      const end = event.key === 'End';
      if (event.ctrlKey) focusCell(end ? weekly.length - 1 : 0, end ? rows.length - 1 : 0);
      else focusCell(end ? weekly.length - 1 : 0, r);
    } else if (event.key === ' ' || event.key === 'Enter') {
      event.preventDefault();
      set(d, r, !isOn(d, r));
      draw();
      commit([d]);
    }
  });

  // Painting with a mouse, pen or finger: the rectangle from where it went down to where it is now.
  let drag = null;
  const cellAt = event => {
    const target = document.elementFromPoint(event.clientX, event.clientY);
    const cell = target && target.closest('td[data-day]');
    return cell && table.contains(cell) ? { d: +cell.dataset.day, r: +cell.dataset.row } : null;
  };
  function paint(to) {
    days.splice(0, days.length, ...drag.before.map(day => day.map(s => [...s])));
    for (let d = Math.min(drag.from.d, to.d); d <= Math.max(drag.from.d, to.d); d++) {
      for (let r = Math.min(drag.from.r, to.r); r <= Math.max(drag.from.r, to.r); r++) set(d, r, drag.on);
    }
    drag.to = to;
    draw();
  }
  table.addEventListener('pointerdown', event => {
    const at = event.button === 0 && cellAt(event);
    if (!at) return;
    event.preventDefault();
    focusCell(at.d, at.r);
    drag = { from: at, to: at, on: !isOn(at.d, at.r), before: days.map(day => day.map(s => [...s])) };
    paint(at);
  });
  const move = event => {
    if (!drag) return;
    const at = cellAt(event);
    if (at && (at.d !== drag.to.d || at.r !== drag.to.r)) paint(at);
  };
  const up = () => {
    if (!drag) return;
    const changed = [];
    for (let d = Math.min(drag.from.d, drag.to.d); d <= Math.max(drag.from.d, drag.to.d); d++) changed.push(d);
    const end = drag.to;
    drag = null;
    commit(changed);
    focusCell(end.d, end.r); // the keyboard carries on from where the drag ended
  };
  document.addEventListener('pointermove', move);
  document.addEventListener('pointerup', up);
  document.addEventListener('pointercancel', up);
  onLeave(() => {
    document.removeEventListener('pointermove', move);
    document.removeEventListener('pointerup', up);
    document.removeEventListener('pointercancel', up);
  });

  draw();
  return {
    node: el('div', { class: 'week-grid-wrap' },
      el('p', { id: helpId, class: 'hint' }, 'Drag across the half-hours when people may propose times; drag from an available one to clear. ',
        'With the keyboard: the arrow keys move, Space or Enter switches a half-hour, Shift with an arrow carries it along.'),
      table, said,
      el('p', { class: 'small muted legend' }, el('span', { class: 'swatch on', 'aria-hidden': 'true' }), ' available ',
        el('span', { class: 'swatch part', 'aria-hidden': 'true' }), ' partly (exact hours below)')),
    /** A day's editor changed: redraw that day. */
    reread: d => { days[d] = stretchesOf(weekly[d].editor); draw(); },
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

  let grid = null;
  const weekly = DAYS.map((d, i) => ({ day: d, editor: rangesEditor(av.weekly.filter(w => w.day === d).map(w => ({ start: w.start, end: w.end })),
    dayName(d), () => grid && grid.reread(i)) }));
  grid = weekGrid(weekly);
  // Hours the grid cannot show exactly (quarter-hours) keep the exact form open.
  const exact = el('details', { class: 'exact-hours', open: av.weekly.some(w => minutes(w.start) % CELL || minutes(w.end) % CELL) },
    el('summary', {}, 'Exact hours, day by day'),
    el('p', { class: 'hint' }, 'The same hours as the grid, to the quarter-hour. Add several ranges for a day to leave a gap, such as lunch.'),
    el('div', { class: 'week' }, weekly.map(({ day, editor }) => el('div', { class: 'weekday' },
      el('span', { class: 'strong' }, dayName(day)), editor.node))));

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

  // Away for a stretch of days: one away day each, those listed already left as they are.
  const awayFromId = newId();
  const awayUntilId = newId();
  const awayFrom = el('input', { type: 'date', id: awayFromId, min: today });
  const awayUntil = el('input', { type: 'date', id: awayUntilId, min: today });
  const awaySaid = el('p', { class: 'small', role: 'status' });
  const addStretch = el('button', { type: 'button', class: 'secondary small-button', onclick: () => {
    const from = awayFrom.value;
    const until = awayUntil.value || from;
    if (!from || until < from) { awaySaid.textContent = 'Pick the first and the last day away, the last not before the first.'; return; }
    const dates = [];
    for (let t = Date.parse(from + 'T00:00:00Z'); t <= Date.parse(until + 'T00:00:00Z') && dates.length <= MAX_AWAY_STRETCH; t += 86400000) {
      dates.push(new Date(t).toISOString().slice(0, 10));
    }
    if (dates.length > MAX_AWAY_STRETCH) { awaySaid.textContent = `At most ${MAX_AWAY_STRETCH} days at once.`; return; }
    const listed = new Set(overrides.map(o => o.dateInput.value));
    const fresh = dates.filter(d => !listed.has(d));
    fresh.forEach(date => addOverride({ date, ranges: [] }));
    awaySaid.textContent = fresh.length ? `Added ${plural(fresh.length, 'away day')}. Save to keep them.`
      : 'Those days are listed already.';
  } }, 'Add these days');
  const awayStretch = el('div', { class: 'row away-stretch' },
    el('div', { class: 'field' }, el('label', { for: awayFromId }, 'Away from'), awayFrom),
    el('div', { class: 'field' }, el('label', { for: awayUntilId }, 'until'), awayUntil),
    addStretch);

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
      el('p', { class: 'hint' }, 'When people may propose times, on the clock of your time zone.'),
      grid.node, exact),
    el('fieldset', { class: 'field' }, el('legend', {}, 'Away days and special hours'),
      el('p', { class: 'hint' }, 'Dates that differ from your week: away all day, or other hours.'),
      overrideList, addAway, awayStretch, awaySaid),
    el('fieldset', { class: 'field' }, el('legend', {}, 'Rules'),
      el('div', { class: 'row rules' }, before.node, after.node, notice.node, horizon.node)),
    problems,
    el('div', { class: 'actions' }, save));

  return card(el('h2', {}, 'Availability'),
    el('p', { class: 'muted' }, 'Employees only see open times inside these hours, after your buffers, notice, monthly limit and interviews.'),
    av.thisMonth && monthLoad(av.thisMonth, { here: true }),
    form);
}

/**
 * This month's interviews against the leader's monthly limit, as the limit counts them; `here` on the
 * Availability view itself, where the limit is changed below.
 */
export function monthLoad({ month, booked, cap }, { here = false } = {}) {
  const [year, number] = month.split('-').map(Number);
  const name = new Intl.DateTimeFormat([], { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(year, number - 1, 1)));
  const full = booked >= cap;
  const id = newId();
  return el('div', { class: 'month-load' + (full ? ' full' : '') },
    el('p', { id, class: 'small' }, el('strong', {}, `${booked} of ${cap}`),
      ` interviews in ${name}`, full ? ': your monthly limit is reached, so nobody can book you this month.'
        : `; ${plural(cap - booked, 'place')} left under your monthly limit.`),
    el('progress', { max: Math.max(cap, 1), value: Math.min(booked, Math.max(cap, 1)), 'aria-labelledby': id }),
    el('p', { class: 'small' }, here ? 'Change the limit under Leader profile, below.'
      : el('a', { href: '#availability' }, 'Change your hours or monthly limit')));
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
