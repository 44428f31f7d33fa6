'use strict';
// The portal: a thin client of the REST API, signed in by the session cookie.

const main = document.getElementById('main');
let me = null;
let divisions = [];
const deviceZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
let zone = deviceZone; // replaced by the time zone of the signed-in person's profile
let flash = null;        // a success message shown once, above the next view
let renderCount = 0;     // a slow view must not overwrite a newer one
const searchState = { q: '', divisionId: '' };
let leaderCalendar = []; // the leader's scheduled interviews, to mark proposed times that clash

// ---------------------------------------------------------------- API

class ApiError extends Error {
  constructor(message, status, errors = []) {
    super(message);
    this.status = status;
    this.errors = errors;
  }
}

async function api(path, { method = 'GET', body, headers = {} } = {}) {
  let response;
  try {
    response = await fetch('api/' + path, {
      method,
      credentials: 'same-origin',
      headers: { 'X-Requested-With': 'fetch', 'Accept': 'application/json',
                 ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
  } catch (offline) {
    throw new ApiError('Crossroads could not be reached. Check your connection and try again.', 0);
  }
  if (response.status === 401) {
    location.href = 'login.html' + (me ? '?expired' : '');
    throw new ApiError('Your session has ended. Sign in again.', 401);
  }
  let data = null;
  if (response.status !== 204 && (response.headers.get('Content-Type') || '').includes('json')) {
    try { data = await response.json(); } catch (unreadable) { data = null; }
  }
  if (!response.ok) {
    let message = data && (data.detail || data.title);
    if (!message && response.status === 429) message = 'Too many requests. Wait a moment and try again.';
    if (!message) message = `Something went wrong on the server (${response.status}). Try again in a moment.`;
    throw new ApiError(message, response.status, (data && Array.isArray(data.errors)) ? data.errors : []);
  }
  return data;
}

function newKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), b => b.toString(16).padStart(2, '0')).join('');
}

// ---------------------------------------------------------------- DOM

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (value !== false && value != null) node.setAttribute(key, value === true ? '' : value);
  }
  node.append(...nodes(children));
  return node;
}

/** Children to append: nested arrays flattened, and null, undefined and false left out. */
function nodes(...children) {
  return children.flat(Infinity).filter(c => c != null && c !== false)
    .map(c => c instanceof Node ? c : document.createTextNode(String(c)));
}

const card = (...children) => el('section', { class: 'card' }, ...children);
const link = (href, text, cls = 'button secondary') => el('a', { href, class: cls }, text);
const plural = (n, one, many = one + 's') => `${n} ${n === 1 ? one : many}`;
const capital = text => text ? text[0].toUpperCase() + text.slice(1) : text;

function alertBox(error, labels = {}) {
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
  if (labels[field]) return labels[field];
  const indexed = /^(\w+)\[(\d+)\]$/.exec(field || '');
  if (indexed && labels[indexed[1] + '[]']) return `${labels[indexed[1] + '[]']} ${Number(indexed[2]) + 1}`;
  return field || 'Request';
}

/** Disables the buttons of a part of the page while a call is in flight. */
async function busy(scope, button, label, work) {
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

// ---------------------------------------------------------------- time

function validZone(candidate) {
  try { new Intl.DateTimeFormat('en', { timeZone: candidate }); return Boolean(candidate); } catch (e) { return false; }
}

function parts(date, tz) {
  const result = {};
  new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit',
    day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', weekday: 'short' })
    .formatToParts(date).forEach(p => { result[p.type] = p.value; });
  return result;
}

function offsetMs(tz, date) {
  const p = parts(date, tz);
  const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour % 24, +p.minute, +p.second);
  return asUtc - Math.floor(date.getTime() / 1000) * 1000;
}

/** 'YYYY-MM-DDTHH:mm' on the wall clock of tz → Date. */
function wallToDate(wall, tz = zone) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(wall || '');
  if (!m) return null;
  const guess = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  let t = guess - offsetMs(tz, new Date(guess));
  t = guess - offsetMs(tz, new Date(t));
  return new Date(t);
}

function dateToWall(date, tz = zone) {
  const p = parts(date, tz);
  return `${p.year}-${p.month}-${p.day}T${String(+p.hour % 24).padStart(2, '0')}:${p.minute}`;
}

/** "Mon 23 Nov, 10:00 CET", in the viewer's zone unless told otherwise. */
function when(iso, tz = zone, { zoneName = true } = {}) {
  const date = new Date(iso);
  const thisYear = parts(new Date(), tz).year === parts(date, tz).year;
  return new Intl.DateTimeFormat([], { timeZone: tz, weekday: 'short', day: 'numeric', month: 'short',
    year: thisYear ? undefined : 'numeric', hour: '2-digit', minute: '2-digit',
    timeZoneName: zoneName ? 'short' : undefined }).format(date);
}

function clock(iso, tz = zone, zoneName = true) {
  return new Intl.DateTimeFormat([], { timeZone: tz, hour: '2-digit', minute: '2-digit',
    timeZoneName: zoneName ? 'short' : undefined }).format(new Date(iso));
}

function day(iso, tz = zone) {
  const date = new Date(iso);
  const thisYear = parts(new Date(), tz).year === parts(date, tz).year;
  return new Intl.DateTimeFormat([], { timeZone: tz, weekday: 'short', day: 'numeric', month: 'long',
    year: thisYear ? undefined : 'numeric' }).format(date);
}

function ago(iso) {
  const seconds = (new Date(iso).getTime() - Date.now()) / 1000;
  const rtf = new Intl.RelativeTimeFormat([], { numeric: 'auto' });
  for (const [unit, size] of [['day', 86400], ['hour', 3600], ['minute', 60]]) {
    if (Math.abs(seconds) >= size) return rtf.format(Math.round(seconds / size), unit);
  }
  return 'just now';
}

// ---------------------------------------------------------------- labels

const STATUS = { PENDING: 'Pending', COUNTER_PROPOSED: 'New times proposed', ACCEPTED: 'Accepted',
  DECLINED: 'Declined', REDIRECTED: 'Redirected', EXPIRED: 'Expired', WITHDRAWN: 'Withdrawn',
  SCHEDULED: 'Scheduled', HELD: 'Held', NO_SHOW: 'No-show', CANCELLED: 'Cancelled' };
const FORMAT = { VIDEO: 'video call', PHONE: 'phone call', IN_PERSON: 'in person' };
const badge = status => el('span', { class: 'badge ' + status }, STATUS[status] || status);
const formatName = f => FORMAT[f] || String(f).toLowerCase().replaceAll('_', ' ');

function listing(words) {
  try { return new Intl.ListFormat('en', { type: 'disjunction' }).format(words.map(String)); } catch (e) { return words.join(', '); }
}

// ---------------------------------------------------------------- routing

const views = { find, sent, received, interviews };

async function route() {
  const [name, argument] = location.hash.replace(/^#\/?/, '').split('/');
  const view = name === 'leader' ? 'find' : (views[name] ? name : 'find');
  document.querySelectorAll('#nav a').forEach(a => {
    if (a.dataset.view === view) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
  const ticket = ++renderCount;
  const message = flash;
  flash = null;
  main.setAttribute('aria-busy', 'true');
  if (!main.querySelector('.card')) main.replaceChildren(el('p', { class: 'muted' }, 'Loading…'));
  let content;
  try {
    content = name === 'leader' && argument ? await profile(decodeURIComponent(argument)) : await views[view]();
  } catch (error) {
    if (error.status === 401) return;
    content = error.status === 404
      ? [card(el('h2', {}, 'Not found'), alertBox(error), link('#find', 'Back to search'))]
      : [card(el('h2', {}, 'This page could not be loaded'), alertBox(error),
        el('button', { class: 'secondary', onclick: () => route() }, 'Try again'))];
  }
  if (ticket !== renderCount) return;
  main.removeAttribute('aria-busy');
  main.replaceChildren(...nodes(message ? el('div', { class: 'alert success', role: 'status' }, message) : null, content));
}

function go(hash, message) {
  flash = message || null;
  if (location.hash === hash) route(); else location.hash = hash;
  window.scrollTo(0, 0);
}

// ---------------------------------------------------------------- find

async function find() {
  const results = el('div', { class: 'results' });
  const q = el('input', { type: 'search', name: 'q', value: searchState.q, placeholder: 'Name, title or topic',
    'aria-label': 'Search leaders', autocomplete: 'off' });
  const division = el('select', { name: 'division', 'aria-label': 'Division' },
    el('option', { value: '' }, 'All other divisions'),
    divisions.filter(d => d.id !== me.divisionId).map(d =>
      el('option', { value: d.id, selected: d.id === searchState.divisionId }, d.name)));
  const button = el('button', { type: 'submit' }, 'Search');
  const form = el('form', { class: 'search', role: 'search', onsubmit: event => { event.preventDefault(); search(); } },
    q, division, button);

  const search = async () => {
    searchState.q = q.value.trim();
    searchState.divisionId = division.value;
    const params = new URLSearchParams({ leadersOnly: 'true', limit: '30', q: searchState.q });
    if (division.value) params.set('divisionId', division.value);
    try {
      const page = await busy(form, button, 'Searching…', () => api('people?' + params));
      const leaders = page.items.filter(p => p.divisionId !== me.divisionId && p.id !== me.id);
      if (!leaders.length) {
        results.replaceChildren(el('div', { class: 'empty' },
          el('p', {}, searchState.q ? `No leaders in other divisions match “${searchState.q}”.` : 'No leaders found.'),
          el('p', { class: 'small muted' }, 'Try a topic such as “career growth”, or another division.')));
        return;
      }
      results.replaceChildren(
        el('p', { class: 'small muted' }, page.total > page.items.length
          ? `Showing the first ${page.items.length} of ${page.total}. Narrow your search to see others.`
          : plural(leaders.length, 'leader')),
        el('ul', { class: 'list' }, leaders.map(p => el('li', {},
          el('div', { class: 'grow' },
            el('a', { class: 'name', href: '#leader/' + p.id }, p.displayName),
            el('div', { class: 'small muted' }, [p.title, p.divisionName].filter(Boolean).join(' · '))),
          link('#leader/' + p.id, 'View profile')))));
    } catch (error) {
      if (error.status !== 401) results.replaceChildren(alertBox(error));
    }
  };
  const section = card(el('h2', {}, 'Find a leader in another division'),
    el('p', { class: 'muted' }, 'Ask a leader for a short conversation about their work, their division and their path.'),
    form, results);
  await search();
  return section;
}

// ---------------------------------------------------------------- profile and request form

/** Proposes times on coming weekdays that fall in working hours for both people where possible. */
function suggestSlots(leaderZone, count) {
  const slots = [];
  const hours = [10, 14, 11, 15, 16, 9, 13];
  for (let day = 2; slots.length < count && day < 30; day++) {
    const date = dateToWall(new Date(Date.now() + day * 86400000), leaderZone).slice(0, 10);
    const noon = wallToDate(date + 'T12:00', leaderZone);
    if (['Sat', 'Sun'].includes(parts(noon, leaderZone).weekday)) continue;
    const order = hours.slice(slots.length % hours.length).concat(hours.slice(0, slots.length % hours.length));
    const candidates = order.map(h => wallToDate(`${date}T${String(h).padStart(2, '0')}:00`, leaderZone));
    const fits = candidates.find(t => {
      const p = parts(t, zone);
      return !['Sat', 'Sun'].includes(p.weekday) && +p.hour >= 9 && +p.hour < 18;
    });
    slots.push(fits || candidates[0]);
  }
  return slots;
}

async function profile(id) {
  const [person, mine] = await Promise.all([
    api('people/' + encodeURIComponent(id)),
    api('requests?as=requester').catch(() => ({ items: [] })),
  ]);
  const leader = person.leaderProfile;
  const theirZone = validZone(person.timeZone) ? person.timeZone : zone;
  const first = person.displayName.split(' ')[0];

  const about = card(
    el('a', { href: '#find', class: 'back small' }, '← Back to search'),
    el('h2', {}, person.displayName),
    el('p', {}, [person.title, person.divisionName].filter(Boolean).join(' · ')),
    el('p', { class: 'small muted' }, `Local time for ${first}: ${clock(new Date().toISOString(), theirZone, false)} (${theirZone})`),
    leader && leader.topics.length > 0 && el('div', { class: 'chips', 'aria-label': 'Topics' },
      el('span', { class: 'small muted' }, 'Talks about '), leader.topics.map(t => el('span', { class: 'chip' }, t))),
    leader && leader.bio && el('p', {}, leader.bio),
    leader && el('p', { class: 'small muted' },
      `Up to ${plural(leader.monthlyCap, 'interview')} a month · ${listing(leader.lengths)} minutes · `
      + listing(leader.formats.map(formatName))));

  const refuse = text => [about, card(el('p', { class: 'alert warning' }, text))];
  if (person.id === me.id) return refuse('This is your own profile.');
  if (!leader) return refuse(`${person.displayName} does not take informational interviews.`);
  if (person.divisionId === me.divisionId) return refuse(`${person.displayName} works in your own division; Crossroads connects people across divisions.`);
  if (!leader.acceptingRequests) return refuse(`${person.displayName} is not accepting requests right now. Try again later, or find another leader.`);

  const open = mine.items.filter(r => r.leader.id === person.id && ['PENDING', 'COUNTER_PROPOSED'].includes(r.status));
  return [about, requestForm(person, leader, theirZone, open)];
}

function requestForm(person, leader, theirZone, open) {
  const first = person.displayName.split(' ')[0];
  const length = el('select', { name: 'length', id: 'f-length' }, leader.lengths.map(l =>
    el('option', { value: l, selected: l === 20 }, l + ' minutes')));
  const format = el('select', { name: 'format', id: 'f-format' }, leader.formats.map(f => el('option', { value: f }, formatName(f))));
  const text = (name, placeholder) => el('textarea', { name, id: 'f-' + name, maxlength: 2000, placeholder });
  const intro = text('intro', 'Who you are and what you do, in two sentences');
  const learn = text('learn', 'Two or three specific questions you would like to ask');
  const whyYou = text('whyYou', `What about ${first}'s work made you think of them`);
  const field = (label, control, hint) => el('div', { class: 'field', 'data-field': control.name },
    el('label', { for: control.id }, label), hint && el('p', { class: 'hint' }, hint), control, el('p', { class: 'field-error', hidden: true }));

  const slotList = el('div', { class: 'slots' });
  const addButton = el('button', { type: 'button', class: 'secondary small-button', onclick: () => { addSlot(''); syncSlots(); } }, '+ Add a time');
  const minWall = dateToWall(new Date(Date.now() + 3600000));
  function addSlot(value) {
    const input = el('input', { type: 'datetime-local', value, min: minWall, step: 900, 'aria-label': 'Proposed time' });
    const theirs = el('span', { class: 'small muted their-time' });
    const remove = el('button', { type: 'button', class: 'link', 'aria-label': 'Remove this time',
      onclick: () => { row.remove(); syncSlots(); } }, 'Remove');
    const row = el('div', { class: 'slot', 'data-field': 'slot' },
      el('div', { class: 'slot-line' }, input, theirs, remove), el('p', { class: 'field-error', hidden: true }));
    input.addEventListener('input', () => syncSlots());
    slotList.append(row);
  }
  function syncSlots() {
    const rows = [...slotList.children];
    rows.forEach((row, i) => {
      const input = row.querySelector('input');
      input.setAttribute('aria-label', `Proposed time ${i + 1}`);
      const date = wallToDate(input.value);
      row.querySelector('.their-time').textContent = date && theirZone !== zone ? `${first}: ${when(date, theirZone)}` : '';
      row.querySelector('button.link').hidden = rows.length <= 2;
    });
    addButton.hidden = rows.length >= 5;
  }
  suggestSlots(theirZone, 3).forEach(date => addSlot(dateToWall(date)));
  syncSlots();

  const problems = el('div');
  const submit = el('button', { type: 'submit' }, 'Send request');
  let lastBody = null;
  let key = null;

  const labels = { intro: 'About you', learn: 'What you want to learn', whyYou: `Why ${first}`, length: 'Length',
    format: 'Format', leaderId: 'Leader', proposedSlots: 'Proposed times', 'proposedSlots[]': 'Time' };

  function showFieldErrors(errors) {
    form.querySelectorAll('.field-error').forEach(p => { p.hidden = true; p.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach(c => c.removeAttribute('aria-invalid'));
    const rows = [...slotList.children];
    for (const { field, message } of errors) {
      const indexed = /^proposedSlots\[(\d+)\]$/.exec(field || '');
      const holder = indexed ? rows[Number(indexed[1])]
        : field === 'proposedSlots' ? slotList.closest('.field') : form.querySelector(`.field[data-field="${field}"]`);
      if (!holder) continue;
      const target = holder.querySelector(':scope > .field-error');
      target.textContent = capital(message);
      target.hidden = false;
      const control = holder.querySelector('input, textarea, select');
      if (control) control.setAttribute('aria-invalid', 'true');
    }
    const firstBad = form.querySelector('[aria-invalid="true"]');
    if (firstBad) firstBad.focus();
  }

  function clientErrors() {
    const errors = [];
    const times = [...slotList.querySelectorAll('input')].map(i => wallToDate(i.value));
    times.forEach((t, i) => {
      if (!t) errors.push({ field: `proposedSlots[${i}]`, message: 'pick a date and time' });
      else if (t.getTime() <= Date.now()) errors.push({ field: `proposedSlots[${i}]`, message: 'must be in the future' });
      else if (times.findIndex(o => o && o.getTime() === t.getTime()) !== i) errors.push({ field: `proposedSlots[${i}]`, message: 'you proposed this time already' });
    });
    for (const [control, message] of [[intro, 'say who you are'], [learn, 'say what you want to learn'], [whyYou, `say why ${first}`]]) {
      if (!control.value.trim()) errors.push({ field: control.name, message });
    }
    return { errors, times };
  }

  const send = async event => {
    event.preventDefault();
    problems.replaceChildren();
    const { errors, times } = clientErrors();
    if (errors.length) {
      showFieldErrors(errors);
      problems.replaceChildren(alertBox(new ApiError('', 400, errors), labels));
      return;
    }
    showFieldErrors([]);
    const body = { leaderId: person.id, length: Number(length.value), format: format.value,
      intro: intro.value.trim(), learn: learn.value.trim(), whyYou: whyYou.value.trim(),
      proposedSlots: times.map(t => t.toISOString()) };
    const serialized = JSON.stringify(body);
    if (serialized !== lastBody) { lastBody = serialized; key = newKey(); } // a retry of the same request is not sent twice
    try {
      const created = await busy(form, submit, 'Sending…', () =>
        api('requests', { method: 'POST', body, headers: { 'Idempotency-Key': key } }));
      const done = sentCard(person, created);
      section.replaceWith(done);
      done.scrollIntoView({ block: 'start' });
      done.querySelector('.alert').focus();
    } catch (error) {
      if (error.status === 401) return;
      showFieldErrors(error.errors);
      problems.replaceChildren(alertBox(error, labels));
    }
  };

  const form = el('form', { novalidate: true, onsubmit: send },
    el('div', { class: 'row two' }, field('Length', length), field('Format', format)),
    field('About you', intro),
    field('What you want to learn', learn),
    field(`Why ${first}`, whyYou),
    el('fieldset', { class: 'field', 'data-field': 'proposedSlots' },
      el('legend', {}, 'Times you propose'),
      el('p', { class: 'hint' }, `2 to 5 times, in your time zone (${zone}`,
        deviceZone !== zone ? `; your device is set to ${deviceZone}` : '', ').',
        theirZone !== zone ? ` ${first} is in ${theirZone}.` : ''),
      slotList, addButton, el('p', { class: 'field-error', hidden: true })),
    problems,
    el('div', { class: 'actions' }, submit, el('a', { href: '#find', class: 'button secondary' }, 'Cancel')));

  const section = card(el('h2', {}, 'Ask for an informational interview'),
    el('p', { class: 'muted' }, 'Ask for advice, not for a job. Keep it short and propose a few times.'),
    open.length > 0 && el('p', { class: 'alert warning' },
      `You already have ${plural(open.length, 'open request')} to ${first} (sent ${ago(open[0].createdAt)}). `,
      el('a', { href: '#sent' }, 'See my requests')),
    form);
  return section;
}

function sentCard(person, created) {
  const notes = created.coaching || [];
  return card(
    el('div', { class: 'alert success', role: 'status', tabindex: '-1' },
      el('strong', {}, `Request sent to ${person.displayName}. `), badge(created.status)),
    el('p', {}, `${person.displayName.split(' ')[0]} will accept one of your times or answer otherwise. You will find the answer under My requests.`),
    el('p', { class: 'small muted' }, 'Your proposed times: ', created.proposedSlots.map(s => when(s)).join(' · ')),
    notes.length ? [el('h3', {}, 'Coaching notes'),
      el('p', { class: 'small muted' }, 'Advice for this and your next requests. It never blocks a request.'),
      el('ul', { class: 'notes' }, notes.map(n => el('li', { class: 'note ' + n.level },
        el('span', { class: 'note-level' }, n.level === 'warning' ? 'Warning' : 'Tip'), ' ', n.message)))]
      : el('p', { class: 'small muted' }, 'No coaching notes: your request reads well.'),
    el('div', { class: 'actions' }, link('#sent', 'See my requests', 'button'), link('#find', 'Find another leader')));
}

// ---------------------------------------------------------------- requests

async function sent() {
  const [page, ivs] = await Promise.all([api('requests?as=requester'), api('interviews?as=employee').catch(() => ({ items: [] }))]);
  const byRequest = new Map(ivs.items.map(i => [i.requestId, i]));
  return card(el('h2', {}, 'My requests'),
    requestList(page, 'leader', byRequest, null,
      el('div', { class: 'empty' }, el('p', {}, 'You have not asked anyone yet.'), link('#find', 'Find a leader', 'button'))));
}

async function received() {
  const [page, ivs] = await Promise.all([api('requests?as=leader'), api('interviews?as=leader').catch(() => ({ items: [] }))]);
  const byRequest = new Map(ivs.items.map(i => [i.requestId, i]));
  leaderCalendar = ivs.items.filter(i => i.status === 'SCHEDULED');
  const waiting = page.items.filter(r => r.status === 'PENDING');
  const rest = page.items.filter(r => r.status !== 'PENDING');
  return [
    card(el('h2', {}, 'Requests to me'),
      el('h3', {}, 'Waiting for your answer', waiting.length ? el('span', { class: 'count' }, waiting.length) : ''),
      requestList({ items: waiting }, 'requester', byRequest, true,
        el('p', { class: 'empty muted' }, 'Nothing is waiting for you. New requests appear here.'))),
    rest.length > 0 && card(el('h3', {}, 'Answered and closed'),
      requestList({ items: rest, total: page.total - waiting.length }, 'requester', byRequest, false, null)),
  ];
}

function requestList(page, counterpart, byRequest, detailed, empty) {
  if (!page.items.length) return empty;
  const list = el('ul', { class: 'list requests' }, page.items.map(r => requestItem(r, counterpart, byRequest.get(r.id), detailed)));
  const more = page.total > page.items.length && el('p', { class: 'small muted' }, `Showing the latest ${page.items.length} of ${page.total}.`);
  return [list, more];
}

function requestItem(r, counterpart, interview, detailed) {
  const other = r[counterpart];
  const item = el('li', { class: 'request' });
  const errorSlot = el('div');
  const asLeader = counterpart === 'requester';
  const canAccept = asLeader ? r.status === 'PENDING' : r.status === 'COUNTER_PROPOSED';

  const accept = (start, button) => async () => {
    errorSlot.replaceChildren();
    try {
      await busy(item, button, 'Scheduling…', () => api(`requests/${r.id}/accept`, { method: 'POST', body: { start } }));
      go(asLeader ? '#received' : '#sent', [el('strong', {}, 'Interview scheduled. '),
        `${when(start)} with ${other.displayName}. `, el('a', { href: '#interviews' }, 'See interviews')]);
    } catch (error) {
      if (error.status !== 401) errorSlot.replaceChildren(alertBox(error));
    }
  };

  const answerTo = (action, label, doneText, reasonLabel) => {
    const reason = el('textarea', { maxlength: 2000, id: `reason-${r.id}` });
    const confirm = el('button', { type: 'submit', class: 'danger' }, label);
    const form = el('form', { class: 'inline-form', onsubmit: async event => {
      event.preventDefault();
      errorSlot.replaceChildren();
      try {
        await busy(item, confirm, 'Sending…', () => api(`requests/${r.id}/${action}`, { method: 'POST', body: { reason: reason.value.trim() || null } }));
        go(asLeader ? '#received' : '#sent', doneText);
      } catch (error) {
        if (error.status !== 401) errorSlot.replaceChildren(alertBox(error));
      }
    } },
      el('label', { for: reason.id }, reasonLabel), reason,
      el('div', { class: 'actions' }, confirm, el('button', { type: 'button', class: 'secondary', onclick: () => { form.replaceWith(actions); } }, 'Cancel')));
    return () => { actions.replaceWith(form); reason.focus(); };
  };

  let actions = el('div', { class: 'actions stacked' });
  if (canAccept) {
    actions.append(el('span', { class: 'small strong' }, asLeader ? 'Accept one of the proposed times:' : 'Accept one of the new times:'),
      el('div', { class: 'row' }, r.proposedSlots.map(start => {
        const from = new Date(start).getTime();
        const to = from + r.length * 60000;
        const clash = asLeader && leaderCalendar.find(i => new Date(i.start).getTime() < to && new Date(i.end).getTime() > from);
        if (clash) {
          return el('button', { type: 'button', disabled: true, class: 'taken',
            title: `You already meet ${clash.employee.displayName} then` }, when(start), el('span', { class: 'small' }, ' · busy'));
        }
        const button = el('button', { type: 'button' }, when(start));
        button.addEventListener('click', accept(start, button));
        return button;
      })));
  }
  if (asLeader && r.status === 'PENDING') {
    actions.append(el('div', { class: 'row small' }, el('span', { class: 'muted' }, 'None of these work?'),
      el('button', { type: 'button', class: 'danger small-button', onclick: answerTo('decline', 'Decline request',
        `You declined ${other.displayName}'s request.`, `Reason, shown to ${other.displayName.split(' ')[0]} (optional, be kind)`) }, 'Decline…')));
  }
  if (!asLeader && ['PENDING', 'COUNTER_PROPOSED'].includes(r.status)) {
    actions.append(el('button', { type: 'button', class: 'danger', onclick: answerTo('withdraw', 'Withdraw request',
      `You withdrew your request to ${other.displayName}.`, 'Reason (optional)') }, 'Withdraw…'));
  }

  const meta = [`${r.length} min`, formatName(r.format), `sent ${ago(r.createdAt)}`].join(' · ');
  item.append(...nodes(
    el('div', { class: 'request-head' }, el('strong', {}, other.displayName), badge(r.status)),
    el('div', { class: 'small muted' }, meta),
    interview && el('p', { class: 'scheduled' }, interview.status === 'SCHEDULED' ? 'Scheduled for ' : 'Interview: ',
      el('strong', {}, when(interview.start)), ' ', interview.status !== 'SCHEDULED' ? badge(interview.status) : ''),
    !canAccept && ['PENDING', 'COUNTER_PROPOSED'].includes(r.status) && el('p', { class: 'small' },
      'Proposed: ', r.proposedSlots.map(s => when(s)).join(' · ')),
    detailed ? el('dl', { class: 'message' },
      el('dt', {}, 'About them'), el('dd', {}, r.intro),
      el('dt', {}, 'Wants to learn'), el('dd', {}, r.learn),
      el('dt', {}, 'Why you'), el('dd', {}, r.whyYou))
      : el('details', { class: 'small' }, el('summary', {}, asLeader ? 'Their message' : 'Your message'),
        el('dl', { class: 'message' },
          el('dt', {}, 'About'), el('dd', {}, r.intro),
          el('dt', {}, 'To learn'), el('dd', {}, r.learn),
          el('dt', {}, 'Why'), el('dd', {}, r.whyYou))),
    actions.children.length ? actions : null,
    errorSlot));
  return item;
}

// ---------------------------------------------------------------- interviews

async function interviews() {
  const page = await api('interviews');
  const now = Date.now();
  const sorted = page.items.slice().sort((a, b) => new Date(a.start) - new Date(b.start));
  const upcoming = sorted.filter(i => i.status === 'SCHEDULED' && new Date(i.end).getTime() > now);
  const past = sorted.filter(i => !upcoming.includes(i)).reverse();
  const item = i => {
    const asLeader = i.leader.id === me.id;
    const other = asLeader ? i.employee : i.leader;
    return el('li', { class: 'interview' },
      el('div', { class: 'when' },
        el('strong', {}, day(i.start)),
        el('div', {}, `${clock(i.start, zone, false)}–${clock(i.end, zone, true)}`),
        i.status === 'SCHEDULED' && new Date(i.start).getTime() > now && el('div', { class: 'small muted' }, ago(i.start))),
      el('div', { class: 'grow' }, `${i.length} min ${formatName(i.format)} with `, el('strong', {}, other.displayName),
        el('span', { class: 'small muted' }, asLeader ? ' (you are the leader)' : '')),
      badge(i.status));
  };
  const emptyText = me.roles.includes('LEADER')
    ? 'No interviews yet. When you or a leader accepts a time, the interview appears here.'
    : 'No interviews yet. When a leader accepts one of your times, the interview appears here.';
  return [
    card(el('h2', {}, 'Interviews'), el('p', { class: 'small muted' }, `Times in ${zone}.`),
      el('h3', {}, 'Upcoming'),
      upcoming.length ? el('ul', { class: 'list' }, upcoming.map(item))
        : el('div', { class: 'empty' }, el('p', { class: 'muted' }, emptyText), !me.roles.includes('LEADER') && link('#find', 'Find a leader', 'button'))),
    past.length > 0 && card(el('h3', {}, 'Past and cancelled'), el('ul', { class: 'list' }, past.map(item))),
  ];
}

// ---------------------------------------------------------------- start

(async function start() {
  try {
    me = await api('me');
    divisions = await api('divisions');
  } catch (error) {
    if (error.status === 401) return;
    main.replaceChildren(card(el('h2', {}, 'Crossroads could not start'), alertBox(error),
      el('button', { onclick: () => location.reload() }, 'Try again')));
    return;
  }
  if (validZone(me.timeZone)) zone = me.timeZone;
  document.getElementById('who').textContent = [me.displayName, me.divisionName].filter(Boolean).join(' · ');
  document.getElementById('zone').textContent = `Times in ${zone}`;
  document.querySelectorAll('[data-role]').forEach(b => { b.hidden = !me.roles.includes(b.dataset.role); });
  window.addEventListener('hashchange', route);
  route();
})();
