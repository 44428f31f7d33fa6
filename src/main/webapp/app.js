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

// ---------------------------------------------------------------- API

class ApiError extends Error {
  constructor(message, status, errors = [], type = '') {
    super(message);
    this.status = status;
    this.errors = errors;
    this.type = type; // the problem type, e.g. "/problems/slot-taken"
  }
  is(name) { return (this.type || '').split('/').pop() === name; }
}

/**
 * Calls the API; answers its JSON, or with `raw` the response itself (a CSV or PDF to save), once it succeeded.
 * A call given an AbortSignal that is aborted throws the browser's AbortError, for the caller to ignore.
 */
async function api(path, { method = 'GET', body, headers = {}, raw = false, signal } = {}) {
  let response;
  try {
    response = await fetch('api/' + path, {
      method,
      credentials: 'same-origin',
      headers: { 'X-Requested-With': 'fetch', 'Accept': 'application/json',
                 ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
      body: body instanceof Blob ? body : body !== undefined ? JSON.stringify(body) : undefined, // a file as it is
      signal,
    });
  } catch (offline) {
    if (offline.name === 'AbortError') throw offline;
    throw new ApiError('Crossroads could not be reached. Check your connection and try again.', 0);
  }
  if (response.status === 401) {
    location.href = 'login.html' + (me ? '?expired' : '');
    throw new ApiError('Your session has ended. Sign in again.', 401);
  }
  if (raw && response.ok) return response;
  let data = null;
  if (response.status !== 204 && (response.headers.get('Content-Type') || '').includes('json')) {
    try { data = await response.json(); } catch (unreadable) { data = null; }
  }
  if (!response.ok) {
    let message = data && (data.detail || data.title);
    // Instants in a server message are shown on the reader's clock.
    if (message) message = message.replace(/\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z\b/g, iso => when(iso));
    if (!message && response.status === 429) message = 'Too many requests. Wait a moment and try again.';
    if (!message) message = `Something went wrong on the server (${response.status}). Try again in a moment.`;
    throw new ApiError(message, response.status, (data && Array.isArray(data.errors)) ? data.errors : [],
      (data && data.type) || '');
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
/** A person's title, beside their name where people are listed; nothing when it is not known. */
const titleOf = person => person && person.title ? el('span', { class: 'small muted person-title' }, person.title) : null;

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
  if (typeof labels === 'function') return labels(field || '') || field || 'Request';
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
  SCHEDULED: 'Scheduled', HELD: 'Held', NO_SHOW: 'No-show', CANCELLED: 'Cancelled',
  QUEUED: 'Queued', RUNNING: 'Running', DONE: 'Done', FAILED: 'Failed' };
const FORMAT = { VIDEO: 'video call', PHONE: 'phone call', IN_PERSON: 'in person' };
const badge = status => el('span', { class: 'badge ' + status }, STATUS[status] || status);
const formatName = f => FORMAT[f] || String(f).toLowerCase().replaceAll('_', ' ');

function listing(words) {
  try { return new Intl.ListFormat('en', { type: 'disjunction' }).format(words.map(String)); } catch (e) { return words.join(', '); }
}

// ---------------------------------------------------------------- routing

const views = { home, recommended, find, sent, received, interviews, availability, cohorts, reports, next: talkToNext, contacts, talent };
const leaving = []; // what the shown view stops when another one replaces it (timers)

/** Runs when the reader leaves the view being built, or when it is built again. */
function onLeave(stop) { leaving.push(stop); }

/** Where a leader's profile was opened from: its back link, and the navigation entry it belongs to. */
const ORIGINS = {
  find: { href: '#find', text: '← Back to search' },
  recommended: { href: '#recommended', text: '← Back to recommendations' },
  next: { href: '#next', text: '← Back to people to talk to next' },
};

async function route() {
  // "#leader/<id>" from search, "#leader/<id>/recommended" from the recommendations, "#leader/<id>/next/<referral id>"
  // from a suggestion; "#meeting/<interview id>", with "/thanks", "/after" or "/notes" to open at that part;
  // "#sent/<request id>" and "#contacts/<person id>" open the list at that item.
  const [name, argument, from, extra] = location.hash.replace(/^#\/?/, '').split('/');
  leaving.splice(0).forEach(stop => stop());
  const origin = ORIGINS[from] ? from : 'find';
  const view = name === 'leader' ? origin : name === 'meeting' ? 'interviews' : (views[name] ? name : 'home');
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
    if (name === 'leader' && argument) {
      content = await profile(decodeURIComponent(argument), origin, origin === 'next' && extra ? decodeURIComponent(extra) : null);
    } else if (name === 'meeting' && argument) {
      content = await meeting(decodeURIComponent(argument));
    } else {
      content = await views[view]();
    }
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
  if (name === 'leader') window.scrollTo(0, 0); // a profile opened from far down a list starts at its top
  const item = ITEMS[name] && argument && document.getElementById(ITEMS[name] + decodeURIComponent(argument));
  if (name === 'meeting' && from) openSection(from);
  else if (item) openItem(item);
  else if (!main.contains(document.activeElement)) focusHeading();
}

/** Lists whose items a link can open at: the prefix of each item's id. */
const ITEMS = { sent: 'request-', contacts: 'contact-' };

/** Brings one item of a list into view and moves the focus to it, so it is read first. */
function openItem(item) {
  item.setAttribute('tabindex', '-1');
  item.scrollIntoView({ block: 'center' });
  item.focus({ preventScroll: true });
}

/** After navigation, the focus moves to the new view's first heading, so a screen reader starts reading there. */
function focusHeading() {
  const heading = main.querySelector('h1, h2');
  if (!heading) return;
  heading.setAttribute('tabindex', '-1');
  heading.focus({ preventScroll: true });
}

/** Brings a part of the page (`<section id="part-…">` with a heading) into view and moves the focus to its heading. */
function openSection(part) {
  const section = document.getElementById('part-' + part);
  if (!section) return;
  const heading = section.querySelector('h2, h3');
  section.scrollIntoView({ block: 'start' });
  if (heading) { heading.setAttribute('tabindex', '-1'); heading.focus({ preventScroll: true }); }
}

function go(hash, message) {
  flash = message || null;
  if (location.hash === hash) route(); else location.hash = hash;
  window.scrollTo(0, 0);
}

// ---------------------------------------------------------------- home

const COUNTDOWN_MS = 30000; // how often the next interview's countdown is brought up to date

/**
 * The employee's front door: what needs them now, the most pressing first, and only what has something in it;
 * then the recommendations. Each item leads to where it is done.
 */
async function home() {
  const [agenda, suggestions] = await Promise.all([api('me/agenda'), recommended()]);
  return [needsYou(agenda), ...suggestions];
}

function needsYou(a) {
  const waiting = a.counterProposals.total + a.followUpsDue.total + a.thankYous.total + a.contactsDue.total;
  const parts = [
    homePart('answer', 'New times to answer', a.counterProposals, r => {
      const first = firstName(r.leader);
      return [homeHead(r.leader),
        el('p', { class: 'small' }, `${first} could not make your times and proposed ${plural(r.proposedSlots.length, 'new time')}. `,
          `Answer by ${day(r.answerBy)}, or the request closes.`),
        link(`#sent/${encodeURIComponent(r.requestId)}`, `Pick one of ${first}’s times`, 'button small-button')];
    }),
    homePart('follow-up', 'Follow-ups you may send', a.followUpsDue, r => {
      const first = firstName(r.leader);
      return [homeHead(r.leader),
        el('p', { class: 'small' }, `No answer since ${day(r.lastAttemptAt)}. A short, friendly reminder is welcome `,
          `(${plural(r.followUpsLeft, 'follow-up')} left); without one the request closes ${day(r.expiresAt)}.`),
        link(`#sent/${encodeURIComponent(r.requestId)}`, `Follow up with ${first}`, 'button secondary small-button')];
    }),
    homePart('thanks', 'Thank-yous to send', a.thankYous, t => {
      const first = firstName(t.leader);
      const onTime = Date.parse(t.onTimeUntil) > Date.now();
      return [homeHead(t.leader),
        el('p', { class: 'small' }, `You met ${day(t.endedAt)}. `, onTime
          ? `A thank-you by ${when(t.onTimeUntil)} is on time.`
          : 'A word of thanks is still welcome.'),
        link(`#meeting/${encodeURIComponent(t.interviewId)}/thanks`, `Thank ${first}`, 'button small-button')];
    }),
    homePart('contacts', 'Contacts to touch base with', a.contactsDue, c => [
      homeHead(c.person),
      el('p', { class: 'small' }, `Due ${ago(c.nextTouchDue)}`, c.lastTouch ? ` · last touch ${ago(c.lastTouch)}` : ' · no touch yet',
        '. A short note, an article, congratulations: keep it light.'),
      link(`#contacts/${encodeURIComponent(c.person.id)}`, `Touch base with ${firstName(c.person)}`, 'button secondary small-button')]),
    a.nextInterview && nextInterviewPart(a.nextInterview),
  ].filter(Boolean);
  return card(el('h2', {}, 'What needs you'),
    el('p', { class: 'muted' }, waiting
      ? `${plural(waiting, 'thing')} ${waiting === 1 ? 'is' : 'are'} waiting for you, the most pressing first.`
      : a.nextInterview ? 'Nothing is waiting for you. Your next conversation:' : 'Nothing is waiting for you. Below: leaders you could ask next.'),
    parts);
}

/** Whom an item of the home is about: their name and title. */
const homeHead = person => el('div', { class: 'request-head' }, el('strong', {}, person.displayName), titleOf(person));

/** One kind of thing that needs the reader, left out when there is none: `<section id="part-…">` with a heading. */
function homePart(part, title, page, render) {
  if (!page.total) return null;
  const id = 'home-' + part;
  return el('section', { class: 'home-part', id: 'part-' + part, 'aria-labelledby': id },
    el('h3', { id }, title, el('span', { class: 'count' }, page.total)),
    el('ul', { class: 'list home-items' }, page.items.map(item => el('li', {}, render(item)))),
    page.total > page.items.length && el('p', { class: 'small muted' }, `The first ${page.items.length} of ${page.total}.`));
}

/** The next interview, with a countdown that keeps itself current while the page is open (it is not read aloud). */
function nextInterviewPart(i) {
  const first = firstName(i.leader);
  const start = Date.parse(i.start);
  const ticket = renderCount;
  const counter = el('p', { class: 'countdown', role: 'timer' });
  function tick() {
    if (ticket !== renderCount) { clearInterval(timer); return; }
    const now = Date.now();
    counter.textContent = now < start ? `Starts in ${duration(start - now)}` : 'Under way now';
  }
  const timer = setInterval(tick, COUNTDOWN_MS);
  onLeave(() => clearInterval(timer));
  tick();
  return el('section', { class: 'home-part', id: 'part-next', 'aria-labelledby': 'home-next' },
    el('h3', { id: 'home-next' }, 'Your next interview'),
    el('div', { class: 'next-interview' },
      counter,
      el('p', {}, `${i.length} min ${formatName(i.format)} with `, el('strong', {}, i.leader.displayName),
        i.leader.title ? `, ${i.leader.title}` : ''),
      el('p', { class: 'small muted' }, `${day(i.start)}, ${clock(i.start, zone, false)}–${clock(i.end)}`),
      el('div', { class: 'actions' },
        link(`#meeting/${encodeURIComponent(i.interviewId)}`, `Prepare for ${first}`, 'button small-button'),
        el('a', { class: 'button secondary small-button', href: `api/interviews/${encodeURIComponent(i.interviewId)}/calendar.ics`,
          download: 'crossroads-interview.ics' }, 'Add to calendar'))));
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

// ---------------------------------------------------------------- recommendations

const RECOMMENDATIONS_STEP = 10;
const RECOMMENDATIONS_MAX = 50; // the most the API returns

const hasInterests = i => Boolean(i) && (i.targetDivisionIds.length > 0 || i.topics.length > 0);
const number = n => new Intl.NumberFormat().format(n);
const signed = n => (n > 0 ? '+' : n < 0 ? '−' : '') + number(Math.abs(n));

/** Shows each error under its field (a `.field[data-field]` with a `.field-error`) and flags its control. */
function flagFields(form, errors, fieldOf = field => field) {
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
function unflagOnInput(form, problems) {
  form.addEventListener('input', event => {
    const holder = event.target.closest('.field');
    if (!holder || holder.querySelector(':scope > .field-error[hidden]')) return;
    holder.querySelectorAll(':scope > .field-error').forEach(p => { p.hidden = true; p.textContent = ''; });
    holder.querySelectorAll('[aria-invalid]').forEach(c => c.removeAttribute('aria-invalid'));
    if (!form.querySelector('[aria-invalid="true"], .field-error:not([hidden])')) problems.replaceChildren();
  });
}

const fieldError = () => el('p', { class: 'field-error', hidden: true });

/** Checkboxes in columns, one per division. */
function divisionChoices(list, selected, describe = () => null) {
  return el('div', { class: 'check-grid' }, list.map(d => el('label', { class: 'check' },
    el('input', { type: 'checkbox', value: d.id, checked: selected.includes(d.id) }),
    el('span', {}, d.name, describe(d) ? el('span', { class: 'small muted' }, ' ', describe(d)) : null))));
}
const checkedValues = box => [...box.querySelectorAll('input:checked')].map(i => i.value);

/** "Europe/London (15:05 there, 5 h ahead)": a leader's zone as seen from the reader's. */
function zoneText(tz) {
  if (!validZone(tz)) return tz || '';
  const now = new Date();
  const place = tz.replaceAll('_', ' ');
  const minutes = Math.round((offsetMs(tz, now) - offsetMs(zone, now)) / 60000);
  if (!minutes) return `${place} (same time as you)`;
  const hours = Math.abs(minutes) / 60;
  return `${place} (${clock(now.toISOString(), tz, false)} there, ${Number.isInteger(hours) ? hours : hours.toFixed(1)} h ${minutes > 0 ? 'ahead' : 'behind'})`;
}

/** Topics as removable chips: type one and press Enter (or a comma), or pick one the browser suggests. */
function topicInput(initial, vocabulary, { max = 20, maxLength = 60 } = {}) {
  return chipInput({ initial, max, maxLength, field: 'topics', label: 'Topics', one: 'topic', listLabel: 'Your topics',
    hint: 'What you would like to learn about. Press Enter after each; suggestions come from leaders’ profiles.',
    placeholder: 'For example: machine learning',
    suggestions: vocabulary.map(t => ({ value: t.name, text: t.leaders ? plural(t.leaders, 'leader') : 'shared topic' })) });
}

/**
 * Short texts as removable chips (topics, strengths): type one and press Enter (or a separator), or pick a
 * suggestion. `node` is a `.field[data-field]` that flagFields() can mark.
 */
function chipInput({ initial = [], max, maxLength, field, label, hint, one, listLabel, placeholder, suggestions = [], separators = /,/ }) {
  const chipsOf = [...initial];
  const id = 'x' + (++formCount);
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

async function recommended() {
  const [interests, vocabulary] = await Promise.all([api('me/interests'), api('topics').catch(() => [])]);
  const list = recommendationList(interests);
  const editor = interestsCard(interests, vocabulary, saved => list.load(saved));
  await list.load(interests);
  return [editor, list.node];
}

/** What the reader wants to learn about: a summary, and a form to change it (open while there is nothing yet). */
function interestsCard(initial, vocabulary, onSaved) {
  let current = initial;
  const others = divisions.filter(d => d.id !== me.divisionId);
  const nameOf = id => (divisions.find(d => d.id === id) || {}).name;
  const saved = el('div');
  const intro = el('p', { class: 'muted' });
  const summary = el('div', { class: 'interests-summary' });
  const slot = el('div');
  const edit = el('button', { type: 'button', class: 'secondary small-button', 'aria-expanded': 'false',
    onclick: () => { saved.replaceChildren(); open(true); } }, 'Change interests');

  function showSummary() {
    const targets = current.targetDivisionIds.filter(id => id !== me.divisionId).map(nameOf).filter(Boolean);
    intro.textContent = 'Suggestions below favour leaders in these divisions and with these topics.';
    summary.replaceChildren(...nodes(
      el('dl', { class: 'message' },
        el('dt', {}, 'Divisions'), el('dd', {}, targets.length ? targets.join(', ') : el('span', { class: 'muted' }, 'None chosen')),
        el('dt', {}, 'Topics'), el('dd', {}, current.topics.length
          ? el('span', { class: 'chips inline' }, current.topics.map(t => el('span', { class: 'chip' }, t)))
          : el('span', { class: 'muted' }, 'None chosen')),
        current.goals && [el('dt', {}, 'Goals'), el('dd', { class: 'goals' }, current.goals)]),
      el('div', { class: 'actions' }, edit)));
    summary.hidden = false;
    slot.replaceChildren();
    edit.setAttribute('aria-expanded', 'false');
  }

  function open(focus) {
    intro.textContent = hasInterests(current)
      ? 'Suggestions below favour leaders in these divisions and with these topics.'
      : 'Tell Crossroads which divisions and topics you are curious about. Your suggestions below get better with each one you add.';
    summary.hidden = true;
    edit.setAttribute('aria-expanded', 'true');
    const form = interestsForm(current, others, vocabulary, {
      cancel: hasInterests(current) ? () => { showSummary(); edit.focus(); } : null,
      done: result => {
        current = result;
        if (hasInterests(current)) { showSummary(); edit.focus(); } else open(false);
        saved.replaceChildren(el('div', { class: 'alert success', role: 'status' },
          hasInterests(current) ? 'Saved. The suggestions below now follow your interests.' : 'Saved.'));
        onSaved(result);
      } });
    slot.replaceChildren(form);
    if (focus) form.querySelector('input').focus();
  }

  if (hasInterests(current)) showSummary(); else open(false);
  return card(el('h2', {}, 'Your interests'), intro, saved, summary, slot);
}

function interestsForm(current, others, vocabulary, { cancel, done }) {
  const problems = el('div');
  const save = el('button', { type: 'submit' }, 'Save interests');
  const boxes = divisionChoices(others, current.targetDivisionIds);
  const topics = topicInput(current.topics, vocabulary);
  const goalsId = 'x' + (++formCount);
  const goals = el('textarea', { id: goalsId, maxlength: 2000, rows: 3,
    placeholder: 'Where you would like to be in a year or two, in a sentence or two' }, current.goals || '');
  const labels = { targetDivisionIds: 'Divisions', 'targetDivisionIds[]': 'Division', topics: 'Topics', 'topics[]': 'Topic', goals: 'Goals' };

  const form = el('form', { novalidate: true, onsubmit: async event => {
    event.preventDefault();
    problems.replaceChildren();
    const problem = topics.commit(true);
    if (problem) {
      const errors = [{ field: 'topics', message: problem }];
      flagFields(form, errors);
      problems.replaceChildren(alertBox(new ApiError('', 400, errors), labels));
      return;
    }
    flagFields(form, []);
    const body = { targetDivisionIds: checkedValues(boxes), topics: topics.values(), goals: goals.value.trim() };
    try {
      done(await busy(form, save, 'Saving…', () => api('me/interests', { method: 'PUT', body })));
    } catch (error) {
      if (error.status === 401) return;
      flagFields(form, error.errors);
      problems.replaceChildren(alertBox(error, labels));
    }
  } },
    el('fieldset', { class: 'field', 'data-field': 'targetDivisionIds' },
      el('legend', {}, 'Divisions you are curious about'),
      el('p', { class: 'hint' }, 'Leaders there rank higher. Your own division is not listed: Crossroads connects people across divisions.'),
      boxes, fieldError()),
    topics.node,
    el('div', { class: 'field', 'data-field': 'goals' },
      el('label', { for: goalsId }, 'Goals (optional)'),
      el('p', { class: 'hint' }, 'A note for yourself: what you hope these conversations lead to.'), goals, fieldError()),
    problems,
    el('div', { class: 'actions' }, save, cancel && el('button', { type: 'button', class: 'secondary', onclick: cancel }, 'Cancel')));
  unflagOnInput(form, problems);
  return form;
}

/** The suggested leaders, best first, each with every reason behind its score. */
function recommendationList(initial) {
  let interests = initial;
  let limit = RECOMMENDATIONS_STEP;
  let ticket = 0;
  const body = el('div', { class: 'recommendations' });
  const node = card(el('h2', {}, 'Recommended for you'),
    el('p', { class: 'muted' }, 'Leaders in other divisions with room for a conversation, best match first, and why.'), body);

  async function load(newInterests = interests, focusFrom = 0) {
    interests = newInterests;
    const mine = ++ticket;
    body.setAttribute('aria-busy', 'true');
    try {
      const list = await api('me/recommendations?' + new URLSearchParams({ limit: String(limit) }));
      if (mine !== ticket) return;
      render(list || [], focusFrom);
    } catch (error) {
      if (mine !== ticket || error.status === 401) return;
      body.replaceChildren(alertBox(error),
        el('button', { type: 'button', class: 'secondary', onclick: () => load() }, 'Try again'));
    } finally {
      if (mine === ticket) body.removeAttribute('aria-busy');
    }
  }

  function render(list, focusFrom) {
    const tip = !hasInterests(interests) && el('p', { class: 'alert' }, el('strong', {}, 'Make these yours. '),
      'For now, suggestions only weigh time zones and free places. Add the divisions and topics you are curious about, above, and leaders who fit you move up.');
    if (!list.length) {
      body.replaceChildren(...nodes(tip, el('div', { class: 'empty' },
        el('p', {}, 'No leader has room for a new conversation right now.'),
        el('p', { class: 'small muted' }, 'Leaders free up places every month. Meanwhile you can look through all leaders.'),
        link('#find', 'Find leaders', 'button'))));
      return;
    }
    const more = list.length >= limit && limit < RECOMMENDATIONS_MAX && el('div', { class: 'actions' },
      el('button', { type: 'button', class: 'secondary', onclick: event => {
        event.currentTarget.disabled = true;
        event.currentTarget.textContent = 'Loading…';
        limit = Math.min(limit + RECOMMENDATIONS_STEP, RECOMMENDATIONS_MAX);
        load(interests, list.length);
      } }, 'Show more suggestions'));
    body.replaceChildren(...nodes(tip,
      el('ul', { class: 'list' }, list.map(r => recommendationItem(r, interests))), more));
    const next = focusFrom && body.querySelectorAll('li.recommendation .name')[focusFrom];
    if (next) next.focus();
  }

  return { node, load };
}

function recommendationItem({ leader, score, reasons }, interests) {
  const first = leader.displayName.split(' ')[0];
  const href = `#leader/${encodeURIComponent(leader.id)}/recommended`;
  const wanted = new Set(interests ? interests.topics : []);
  return el('li', { class: 'recommendation' },
    el('div', { class: 'request-head' },
      el('a', { class: 'name', href }, leader.displayName),
      el('span', { class: 'score' }, `Score ${score}`)),
    el('div', { class: 'small muted' }, [leader.divisionName, `level ${leader.level}`, zoneText(leader.timeZone)].filter(Boolean).join(' · ')),
    leader.topics.length > 0 && el('div', { class: 'chips' }, el('span', { class: 'small muted' }, 'Talks about '),
      leader.topics.map(t => el('span', { class: 'chip' + (wanted.has(t) ? ' shared' : '') }, t))),
    reasons.length > 0 && el('ul', { class: 'reasons', 'aria-label': `Why ${first}` }, reasons.map(reason =>
      el('li', {}, el('span', {}, capital(reason.text)),
        el('span', { class: 'points' }, `${signed(reason.points)} pts`)))),
    el('div', { class: 'actions' }, link(href, `Ask ${first} for an interview`, 'button small-button')));
}

// ---------------------------------------------------------------- open slots

const PICK_DAYS = 28;

/** "Tue 24 Nov": a day tab, in the viewer's zone. */
function shortDay(iso, tz = zone) {
  return new Intl.DateTimeFormat([], { timeZone: tz, weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(iso));
}

/**
 * Lets the viewer pick open start times of a leader, from GET leaders/{id}/slots, for the next four weeks:
 * days as tabs, the day's times as toggles, in the viewer's zone with the leader's local time beside them.
 */
function slotPicker({ leaderId, leaderZone, leaderName, length, min = 1, max = 5, self = false, onchange = () => {} }) {
  const chosen = new Map(); // epoch ms → the start as the server wrote it
  let slots = [];
  let current = null;      // the day shown, 'YYYY-MM-DD' in the viewer's zone
  let ticket = 0;
  const other = validZone(leaderZone) && leaderZone !== zone && !self;
  const first = (leaderName || '').split(' ')[0];
  const status = el('div', { class: 'picker-status small muted', role: 'status' });
  const days = el('div', { class: 'day-tabs', role: 'group', 'aria-label': 'Days with open times' });
  const times = el('div', { class: 'slot-grid', role: 'group' });
  const summary = el('div', { class: 'picked small' });
  const node = el('div', { class: 'picker' }, status, days, times, summary);
  const keyOf = iso => dateToWall(new Date(iso)).slice(0, 10);

  function render() {
    const byDay = new Map();
    for (const slot of slots) {
      const key = keyOf(slot.start);
      if (!byDay.has(key)) byDay.set(key, []);
      byDay.get(key).push(slot);
    }
    if (!byDay.has(current)) current = byDay.keys().next().value || null;
    const picked = new Set([...chosen.values()].map(keyOf));
    days.replaceChildren(...[...byDay].map(([key, list]) => el('button', {
      type: 'button', class: 'day-tab' + (picked.has(key) ? ' has-pick' : ''), 'aria-pressed': String(key === current),
      onclick: () => { current = key; render(); },
    }, shortDay(list[0].start), el('span', { class: 'count-small' }, list.length))));
    const list = byDay.get(current) || [];
    times.setAttribute('aria-label', list.length ? `Open times on ${day(list[0].start)}` : 'Open times');
    times.replaceChildren(...list.map(slot => {
      const on = chosen.has(new Date(slot.start).getTime());
      return el('button', { type: 'button', class: 'slot-toggle', 'aria-pressed': String(on),
        title: other ? `${first}: ${when(slot.start, leaderZone)}` : null, onclick: () => toggle(slot) },
        clock(slot.start, zone, false), other ? el('span', { class: 'their' }, `${first} ${clock(slot.start, leaderZone, false)}`) : null);
    }));
    const picks = [...chosen.values()].sort((a, b) => new Date(a) - new Date(b));
    const need = min === max ? `Pick ${min === 1 ? 'one time' : plural(min, 'time')}`
      : `Pick ${min} to ${max} times`;
    summary.replaceChildren(...nodes(picks.length
      ? [el('span', { class: 'strong' }, max === 1 ? 'Chosen: ' : `Chosen (${picks.length} of ${max}): `),
        el('span', { class: 'chips' }, picks.map(iso => el('span', { class: 'chip picked-chip' },
          when(iso), other ? el('span', { class: 'muted' }, ` · ${first} ${clock(iso, leaderZone)}`) : null,
          el('button', { type: 'button', class: 'chip-remove', 'aria-label': `Remove ${when(iso)}`,
            onclick: () => { chosen.delete(new Date(iso).getTime()); render(); onchange(); } }, '×'))))]
      : el('span', { class: 'muted' }, `${need}. Nothing chosen yet.`)));
  }

  function toggle(slot) {
    const t = new Date(slot.start).getTime();
    if (chosen.has(t)) chosen.delete(t);
    else if (max === 1) { chosen.clear(); chosen.set(t, slot.start); }
    else if (chosen.size >= max) {
      status.textContent = `You can pick at most ${max} times. Remove one first.`;
      status.hidden = false;
      return;
    } else chosen.set(t, slot.start);
    status.hidden = true;
    render();
    onchange();
  }

  async function load(newLength = length) {
    length = newLength;
    const mine = ++ticket;
    node.setAttribute('aria-busy', 'true');
    status.hidden = false;
    status.replaceChildren('Loading open times…');
    const from = new Date();
    const to = new Date(from.getTime() + PICK_DAYS * 86400000);
    try {
      const list = await api(`leaders/${encodeURIComponent(leaderId)}/slots?` + new URLSearchParams({
        from: from.toISOString(), to: to.toISOString(), length: String(length) }));
      if (mine !== ticket) return;
      slots = (list || []).filter(s => new Date(s.start).getTime() > Date.now());
      const open = new Set(slots.map(s => new Date(s.start).getTime()));
      const gone = [...chosen.keys()].filter(t => !open.has(t));
      gone.forEach(t => chosen.delete(t));
      if (!slots.length) {
        status.replaceChildren(el('div', { class: 'empty' },
          el('p', {}, self ? 'You have no open times in the next 4 weeks.' : `${leaderName} has no open times in the next 4 weeks.`),
          el('p', { class: 'small muted' }, self
            ? ['Open more hours under ', el('a', { href: '#availability' }, 'Availability'), ', or raise your monthly limit.']
            : `Their calendar or monthly limit is full${length > 15 ? '; a shorter conversation may still fit' : ''}. Try again later, or find another leader.`)));
      } else {
        status.hidden = !gone.length;
        status.replaceChildren(gone.length ? `${plural(gone.length, 'chosen time is', 'chosen times are')} no longer open and ${gone.length === 1 ? 'was' : 'were'} removed.` : '');
      }
      render();
      onchange();
    } catch (error) {
      if (mine !== ticket || error.status === 401) return;
      slots = [];
      render();
      status.replaceChildren(alertBox(error), el('button', { type: 'button', class: 'secondary small-button', onclick: () => load() }, 'Try again'));
    } finally {
      if (mine === ticket) node.removeAttribute('aria-busy');
    }
  }

  return { node, load, picks: () => [...chosen.values()].sort((a, b) => new Date(a) - new Date(b)), empty: () => !slots.length };
}

// ---------------------------------------------------------------- profile and request form

async function profile(id, origin = 'find', referralId = null) {
  const [person, mine, referrals] = await Promise.all([
    api('people/' + encodeURIComponent(id)),
    api('requests?as=requester').catch(() => ({ items: [] })),
    referralId ? api('me/referrals').catch(() => []) : [],
  ]);
  const leader = person.leaderProfile;
  const theirZone = validZone(person.timeZone) ? person.timeZone : zone;
  const first = person.displayName.split(' ')[0];
  const back = ORIGINS[origin] || ORIGINS.find;
  // The suggestion this request cites: only one the reader was given, naming this leader.
  const referral = referrals.find(r => r.id === referralId && r.person.id === person.id) || null;

  const about = card(
    el('a', { href: back.href, class: 'back small' }, back.text),
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
  const lost = referralId && !referral && el('p', { class: 'alert warning' },
    'The suggestion you came from could not be found, so this request will not cite it.');
  return [about, lost, requestForm(person, leader, theirZone, open, back.href, referral)];
}

/** Above the request form: whose suggestion the request cites, and how the leader will see it. */
function citedSuggestion(referral, person) {
  const by = referral.referredBy.displayName;
  const first = person.displayName.split(' ')[0];
  return el('div', { class: 'alert' },
    el('strong', {}, `You are asking on ${by}’s suggestion. `),
    referral.mayUseName
      ? `${first} will see “Suggested by ${by}”. Mention it in your message too.`
      : `${by} asked not to be named: ${first} will see “suggested by a colleague”. Leave ${by}’s name out of your message.`,
    referral.note && el('span', { class: 'note-line small' }, el('q', {}, referral.note)));
}

function requestForm(person, leader, theirZone, open, backHref = '#find', referral = null) {
  const first = person.displayName.split(' ')[0];
  const length = el('select', { name: 'length', id: 'f-length' }, leader.lengths.map(l =>
    el('option', { value: l, selected: l === 20 }, l + ' minutes')));
  const format = el('select', { name: 'format', id: 'f-format' }, leader.formats.map(f => el('option', { value: f }, formatName(f))));
  const text = (name, placeholder) => el('textarea', { name, id: 'f-' + name, maxlength: 2000, placeholder });
  const intro = text('intro', 'Who you are and what you do, in two sentences');
  const learn = text('learn', 'Two or three specific questions you would like to ask');
  const whyYou = text('whyYou', `What about ${first}'s work made you think of them`);
  if (referral && referral.mayUseName) whyYou.value = `${referral.referredBy.displayName} suggested I talk to you. `;
  const field = (label, control, hint) => el('div', { class: 'field', 'data-field': control.name },
    el('label', { for: control.id }, label), hint && el('p', { class: 'hint' }, hint), control, el('p', { class: 'field-error', hidden: true }));

  const coaching = coachingPanel(() => ({ leaderId: person.id, intro: intro.value, learn: learn.value, whyYou: whyYou.value,
    referralId: referral ? referral.id : undefined }));
  [intro, learn, whyYou].forEach(control => control.addEventListener('input', coaching.soon));

  const picker = slotPicker({ leaderId: person.id, leaderZone: theirZone, leaderName: person.displayName,
    length: Number(length.value), min: 2, max: 5, onchange: () => {
      const holder = form.querySelector('.field[data-field="proposedSlots"] > .field-error');
      if (holder && picker.picks().length >= 2 && !holder.hidden) { holder.hidden = true; problems.replaceChildren(); }
    } });
  length.addEventListener('change', () => picker.load(Number(length.value)));
  picker.load();

  const problems = el('div');
  const submit = el('button', { type: 'submit' }, 'Send request');
  let lastBody = null;
  let key = null;

  const labels = { intro: 'About you', learn: 'What you want to learn', whyYou: `Why ${first}`, length: 'Length',
    format: 'Format', leaderId: 'Leader', proposedSlots: 'Proposed times', 'proposedSlots[]': 'Time', referralId: 'Suggestion' };

  function showFieldErrors(errors) {
    form.querySelectorAll('.field-error').forEach(p => { p.hidden = true; p.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach(c => c.removeAttribute('aria-invalid'));
    for (const { field, message } of errors) {
      const slotField = /^proposedSlots(\[\d+\])?$/.test(field || '');
      const holder = form.querySelector(`.field[data-field="${slotField ? 'proposedSlots' : field}"]`);
      if (!holder) continue;
      const target = holder.querySelector(':scope > .field-error');
      target.textContent = capital(message);
      target.hidden = false;
      const control = holder.querySelector('input, textarea, select');
      if (control) control.setAttribute('aria-invalid', 'true');
    }
    const firstBad = form.querySelector('[aria-invalid="true"]') || form.querySelector('.field-error:not([hidden])');
    if (firstBad) (firstBad.matches('.field-error') ? firstBad.closest('.field') : firstBad).scrollIntoView({ block: 'center' });
    if (firstBad && !firstBad.matches('.field-error')) firstBad.focus();
  }

  function clientErrors() {
    const errors = [];
    const picks = picker.picks();
    if (picks.length < 2) errors.push({ field: 'proposedSlots', message: picker.empty()
      ? `${first} has no open times to pick right now` : `pick 2 to 5 times (${picks.length} chosen)` });
    for (const [control, message] of [[intro, 'say who you are'], [learn, 'say what you want to learn'], [whyYou, `say why ${first}`]]) {
      if (!control.value.trim()) errors.push({ field: control.name, message });
    }
    return { errors, picks };
  }

  const send = async event => {
    event.preventDefault();
    problems.replaceChildren();
    const { errors, picks } = clientErrors();
    if (errors.length) {
      showFieldErrors(errors);
      problems.replaceChildren(alertBox(new ApiError('', 400, errors), labels));
      return;
    }
    showFieldErrors([]);
    const body = { leaderId: person.id, length: Number(length.value), format: format.value,
      intro: intro.value.trim(), learn: learn.value.trim(), whyYou: whyYou.value.trim(),
      referralId: referral ? referral.id : undefined, proposedSlots: picks };
    const serialized = JSON.stringify(body);
    if (serialized !== lastBody) { lastBody = serialized; key = newKey(); } // a retry of the same request is not sent twice
    try {
      const created = await busy(form, submit, 'Sending…', () =>
        api('requests', { method: 'POST', body, headers: { 'Idempotency-Key': key } }));
      const done = sentCard(person, created, backHref);
      section.replaceWith(done);
      done.scrollIntoView({ block: 'start' });
      done.querySelector('.alert').focus();
    } catch (error) {
      if (error.status === 401) return;
      showFieldErrors(error.errors);
      problems.replaceChildren(alertBox(error, labels));
      // A time taken meanwhile: show what is open now.
      if (error.is('slot-unavailable') || error.is('slot-taken')) picker.load();
    }
  };

  const form = el('form', { novalidate: true, onsubmit: send },
    el('div', { class: 'row two' }, field('Length', length), field('Format', format)),
    field('About you', intro),
    field('What you want to learn', learn),
    field(`Why ${first}`, whyYou),
    coaching.node,
    el('fieldset', { class: 'field', 'data-field': 'proposedSlots' },
      el('legend', {}, 'Times you propose'),
      el('p', { class: 'hint' }, `Pick 2 to 5 of ${first}'s open times in the next 4 weeks. Times in your time zone (${zone}`,
        deviceZone !== zone ? `; your device is set to ${deviceZone}` : '', ')',
        theirZone !== zone ? `, with ${first}'s local time (${theirZone}) beside them.` : `; ${first} is in the same time zone.`),
      picker.node, el('p', { class: 'field-error', hidden: true })),
    problems,
    el('div', { class: 'actions' }, submit, el('a', { href: backHref, class: 'button secondary' }, 'Cancel')));
  // A field the writer is fixing stops showing its error; the summary goes once nothing is flagged.
  form.addEventListener('input', event => {
    const holder = event.target.closest('.field');
    if (!holder) return;
    holder.querySelectorAll(':scope > .field-error').forEach(p => { p.hidden = true; p.textContent = ''; });
    event.target.removeAttribute('aria-invalid');
    if (!form.querySelector('[aria-invalid="true"], .field-error:not([hidden])')) problems.replaceChildren();
  });

  const section = card(el('h2', {}, 'Ask for an informational interview'),
    el('p', { class: 'muted' }, 'Ask for advice, not for a job. Keep it short and propose a few times.'),
    referral && citedSuggestion(referral, person),
    open.length > 0 && el('p', { class: 'alert warning' },
      `You already have ${plural(open.length, 'open request')} to ${first} (sent ${ago(open[0].createdAt)}). `,
      el('a', { href: '#sent' }, 'See my requests')),
    form);
  return section;
}

const COACHING_DELAY_MS = 400; // coaching is asked for once the writer pauses this long

/** A coaching note: a warning or a tip, the level said in words. */
const coachingNote = n => el('li', { class: 'note ' + n.level },
  el('span', { class: 'note-level' }, n.level === 'warning' ? 'Warning' : 'Tip'), ' ', n.message);

/**
 * Advice on the request while it is written, from POST requests/coaching: asked once the writer pauses, an answer
 * to an older draft dropped. The advice is read out politely, and only when it changes. It never blocks sending.
 */
function coachingPanel(draft) {
  const list = el('div', { class: 'coaching-notes' },
    el('p', { class: 'small muted' }, 'Advice on your message appears here as you write.'));
  const node = el('section', { class: 'coaching', 'aria-labelledby': 'coaching-title' },
    el('h3', { id: 'coaching-title' }, 'Coaching'), el('div', { 'aria-live': 'polite' }, list));
  let timer = null;
  let running = null;  // the AbortController of the call in flight
  let shown = null;    // the codes on screen, so the same advice is not read out again

  async function ask() {
    if (running) running.abort();
    const mine = running = new AbortController();
    try {
      const answer = await api('requests/coaching', { method: 'POST', body: draft(), signal: mine.signal });
      if (mine !== running || !answer) return;
      const codes = answer.coaching.map(n => n.code).join(' ');
      if (codes === shown) return;
      shown = codes;
      list.replaceChildren(...nodes(answer.coaching.length
        ? el('ul', { class: 'notes' }, answer.coaching.map(coachingNote))
        : el('p', { class: 'note ok' }, 'Your message reads well: specific, brief, and about learning.')));
    } catch (dropped) {
      // Advice is optional: an answer no longer wanted, or a failed call, leaves the last advice in place.
    } finally {
      if (mine === running) running = null;
    }
  }

  function soon() {
    clearTimeout(timer);
    if (running) { running.abort(); running = null; }
    timer = setTimeout(ask, COACHING_DELAY_MS);
  }
  onLeave(() => { clearTimeout(timer); if (running) running.abort(); });
  return { node, soon };
}

function sentCard(person, created, backHref = '#find') {
  const notes = created.coaching || [];
  return card(
    el('div', { class: 'alert success', role: 'status', tabindex: '-1' },
      el('strong', {}, `Request sent to ${person.displayName}. `), badge(created.status)),
    el('p', {}, `${person.displayName.split(' ')[0]} will accept one of your times or answer otherwise. You will find the answer under My requests.`),
    el('p', { class: 'small muted' }, 'Your proposed times: ', created.proposedSlots.map(s => when(s)).join(' · ')),
    notes.length ? [el('h3', {}, 'Coaching notes'),
      el('p', { class: 'small muted' }, 'Advice for this and your next requests. It never blocks a request.'),
      el('ul', { class: 'notes' }, notes.map(coachingNote))]
      : el('p', { class: 'small muted' }, 'No coaching notes: your request reads well.'),
    el('div', { class: 'actions' }, link('#sent', 'See my requests', 'button'),
      backHref === '#recommended' ? link('#recommended', 'More recommendations')
        : backHref === '#next' ? link('#next', 'People to talk to next') : link('#find', 'Find another leader')));
}

// ---------------------------------------------------------------- requests

/** The list comes without history; fetch it for the requests whose notes we show (counter, redirect, decline, follow-up). */
async function withHistory(items) {
  const wanted = items.filter(r => !r.history && (['COUNTER_PROPOSED', 'REDIRECTED', 'DECLINED'].includes(r.status)
    || (r.status === 'PENDING' && r.followUps > 0))).slice(0, 12);
  await Promise.all(wanted.map(r => api('requests/' + encodeURIComponent(r.id))
    .then(full => { r.history = full.history || []; }).catch(() => {})));
  // Who forwarded a request, when the original is not in this list.
  const referrers = [...new Set(items.filter(r => r.redirectedFrom && r.referredBy && !items.some(o => o.id === r.redirectedFrom))
    .map(r => r.referredBy))].slice(0, 12);
  const names = new Map();
  await Promise.all(referrers.map(id => api('people/' + encodeURIComponent(id)).then(p => names.set(id, p.displayName)).catch(() => {})));
  items.forEach(r => { if (names.has(r.referredBy)) r.referredByName = names.get(r.referredBy); });
  return items;
}

async function sent() {
  const [page, ivs] = await Promise.all([api('requests?as=requester').then(async p => { await withHistory(p.items); return p; }),
    api('interviews?as=employee').catch(() => ({ items: [] }))]);
  const context = { byRequest: new Map(ivs.items.map(i => [i.requestId, i])), all: page.items };
  return card(el('h2', {}, 'My requests'),
    requestList(page, 'leader', context, null,
      el('div', { class: 'empty' }, el('p', {}, 'You have not asked anyone yet.'), link('#find', 'Find a leader', 'button'))));
}

async function received() {
  const [page, ivs] = await Promise.all([api('requests?as=leader').then(async p => { await withHistory(p.items); return p; }),
    api('interviews?as=leader').catch(() => ({ items: [] }))]);
  const context = { byRequest: new Map(ivs.items.map(i => [i.requestId, i])), all: page.items };
  const waiting = page.items.filter(r => r.status === 'PENDING');
  const rest = page.items.filter(r => r.status !== 'PENDING');
  return [
    card(el('h2', {}, 'Requests to me'),
      el('h3', {}, 'Waiting for your answer', waiting.length ? el('span', { class: 'count' }, waiting.length) : ''),
      requestList({ items: waiting }, 'requester', context, true,
        el('p', { class: 'empty muted' }, 'Nothing is waiting for you. New requests appear here.'))),
    rest.length > 0 && card(el('h3', {}, 'Answered and closed'),
      requestList({ items: rest, total: page.total - waiting.length }, 'requester', context, false, null)),
  ];
}

function requestList(page, counterpart, context, detailed, empty) {
  if (!page.items.length) return empty;
  const list = el('ul', { class: 'list requests' }, page.items.map(r => requestItem(r, counterpart, context, detailed)));
  const more = page.total > page.items.length && el('p', { class: 'small muted' }, `Showing the latest ${page.items.length} of ${page.total}.`);
  return [list, more];
}

/** Who suggested the leader of a request that cites a referral; unnamed unless the referrer allowed it. */
function suggestionLine(suggestion, asLeader, other) {
  const by = suggestion.mayUseName && suggestion.by;
  return el('p', { class: 'small suggested' }, asLeader
    ? (by ? ['Suggested by ', el('strong', {}, by), '.'] : 'Suggested by a colleague.')
    : (by ? `You cited ${by}’s suggestion.` : `You cited a suggestion; ${other.displayName.split(' ')[0]} sees “suggested by a colleague”.`));
}

/** The latest note of a kind in a request's history (the list may come without history). */
function lastNote(r, type) {
  const events = (r.history || []).filter(e => e.type === type && e.note);
  // A redirect's note ends with " → <id of the new request>": not for people.
  return events.length ? events[events.length - 1].note.replace(/\s*→\s*[0-9a-f-]{36}\s*$/i, '') || null : null;
}

/** A reason or note form that opens in place of the actions. */
function inlineForm({ scope, actions, errorSlot, fields, label, busyLabel = 'Sending…', danger = false, submit, labels = {} }) {
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

let formCount = 0;
function textField(label, { hint, required = false, placeholder } = {}) {
  const id = 'x' + (++formCount);
  const control = el('textarea', { id, maxlength: 2000, placeholder, required });
  return { control, node: el('div', { class: 'field' }, el('label', { for: id }, label), hint && el('p', { class: 'hint' }, hint), control) };
}

function requestItem(r, counterpart, { byRequest, all }, detailed) {
  const other = r[counterpart];
  const firstOf = person => person.displayName.split(' ')[0];
  const interview = byRequest.get(r.id);
  const asLeader = counterpart === 'requester';
  const item = el('li', { class: 'request', id: asLeader ? null : 'request-' + r.id });
  const errorSlot = el('div');
  const canAccept = asLeader ? r.status === 'PENDING' : r.status === 'COUNTER_PROPOSED';
  const home = asLeader ? '#received' : '#sent';
  const successor = all.find(o => o.redirectedFrom === r.id);
  const predecessor = r.redirectedFrom && all.find(o => o.id === r.redirectedFrom);

  const accept = (start, button) => async () => {
    errorSlot.replaceChildren();
    try {
      await busy(item, button, 'Scheduling…', () => api(`requests/${r.id}/accept`, { method: 'POST', body: { start } }));
      go(home, [el('strong', {}, 'Interview scheduled. '),
        `${when(start)} with ${other.displayName}. `, el('a', { href: '#interviews' }, 'See interviews')]);
    } catch (error) {
      if (error.status === 401) return;
      errorSlot.replaceChildren(alertBox(error));
      if (error.is('slot-taken') || error.is('slot-unavailable')) {
        button.disabled = true;
        button.classList.add('taken');
        button.title = 'No longer free';
      }
    }
  };

  const open = form => () => {
    errorSlot.replaceChildren();
    const node = form();
    actions.replaceWith(node);
    const focus = node.querySelector('textarea, input, button');
    if (focus) focus.focus();
  };

  const reasonForm = (action, label, doneText, reasonLabel) => () => {
    const reason = textField(reasonLabel);
    return inlineForm({ scope: item, actions, errorSlot, label, danger: true, fields: reason.node,
      submit: async () => {
        await api(`requests/${r.id}/${action}`, { method: 'POST', body: { reason: reason.control.value.trim() || null } });
        go(home, doneText);
      } });
  };

  const counterForm = () => {
    const picker = slotPicker({ leaderId: me.id, leaderZone: zone, leaderName: me.displayName, length: r.length, min: 1, max: 5, self: true });
    picker.load();
    const note = textField(`Note to ${firstOf(other)} (optional)`, { placeholder: 'For example: that week is full for me, would one of these work?' });
    return inlineForm({ scope: item, actions, errorSlot, label: 'Send these times',
      labels: { proposedSlots: 'Times', note: 'Note' },
      fields: [el('div', { class: 'field' }, el('span', { class: 'strong' }, 'Pick 1 to 5 of your open times'),
        el('p', { class: 'hint' }, `${r.length} minutes, in your time zone (${zone}).`), picker.node), note.node],
      submit: async () => {
        const picks = picker.picks();
        if (!picks.length) throw new ApiError('Pick at least one of your open times.', 400);
        try {
          await api(`requests/${r.id}/counter`, { method: 'POST', body: { proposedSlots: picks, note: note.control.value.trim() || null } });
        } catch (error) {
          if (error.is('slot-unavailable') || error.is('slot-taken')) error.onError = () => picker.load();
          throw error;
        }
        go(home, `You proposed ${plural(picks.length, 'time')} to ${other.displayName}. They can accept one under My requests.`);
      } });
  };

  const redirectForm = () => {
    let colleague = null;
    const id = 'x' + (++formCount);
    const q = el('input', { type: 'search', id, placeholder: 'Name, title or topic', autocomplete: 'off' });
    const found = el('div', { class: 'colleagues', role: 'radiogroup', 'aria-label': 'Colleagues' });
    const search = async () => {
      found.replaceChildren(el('p', { class: 'small muted' }, 'Searching…'));
      try {
        const page = await api('people?' + new URLSearchParams({ q: q.value.trim(), leadersOnly: 'true', limit: '8' }));
        const people = page.items.filter(p => p.id !== me.id && p.id !== other.id);
        colleague = null;
        found.replaceChildren(...nodes(people.length ? people.map(p => el('label', { class: 'choice' },
          el('input', { type: 'radio', name: id + '-who', value: p.id, onchange: () => { colleague = p; } }),
          el('span', {}, el('strong', {}, p.displayName), el('span', { class: 'small muted' }, ' · ',
            [p.title, p.divisionName].filter(Boolean).join(' · ')))))
          : el('p', { class: 'small muted' }, q.value.trim() ? `No leaders match “${q.value.trim()}”.` : 'No leaders found.')));
      } catch (error) {
        if (error.status !== 401) found.replaceChildren(alertBox(error));
      }
    };
    let timer = null;
    q.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(search, 300); });
    q.addEventListener('keydown', event => { if (event.key === 'Enter') { event.preventDefault(); clearTimeout(timer); search(); } });
    const note = textField(`Note to ${firstOf(other)} (optional)`, { placeholder: 'Why this colleague is a better fit' });
    return inlineForm({ scope: item, actions, errorSlot, label: 'Suggest this colleague',
      labels: { leaderId: 'Colleague', note: 'Note' },
      fields: [el('div', { class: 'field' }, el('label', { for: id }, 'Find a colleague who takes interviews'),
        el('p', { class: 'hint' }, `The request goes to them with ${firstOf(other)}'s message and the times still open for them.`), q, found), note.node],
      submit: async () => {
        if (!colleague) throw new ApiError('Pick a colleague first.', 400);
        await api(`requests/${r.id}/redirect`, { method: 'POST', body: { leaderId: colleague.id, note: note.control.value.trim() || null } });
        go(home, `You suggested ${colleague.displayName} to ${other.displayName}; the request was forwarded.`);
      } });
  };

  const followUpForm = () => {
    const message = textField(`Message to ${firstOf(other)}`, { required: true,
      hint: 'A short, friendly reminder. At most 2 follow-ups, at least 5 business days apart.',
      placeholder: `Hi ${firstOf(other)}, just checking whether one of my times could work for you.` });
    return inlineForm({ scope: item, actions, errorSlot, label: 'Send follow-up', labels: { message: 'Message' }, fields: message.node,
      submit: async () => {
        const text = message.control.value.trim();
        if (!text) throw new ApiError('Write a short message first.', 400);
        await api(`requests/${r.id}/follow-up`, { method: 'POST', body: { message: text } });
        go(home, `Your follow-up went to ${other.displayName}.`);
      } });
  };

  let actions = el('div', { class: 'actions stacked' });
  if (canAccept) {
    if (r.proposedSlots.length) {
      actions.append(el('span', { class: 'small strong' }, asLeader ? 'Accept one of the proposed times:' : `Accept one of ${firstOf(other)}'s times:`),
        el('div', { class: 'row' }, r.proposedSlots.map(start => {
          const button = el('button', { type: 'button' }, when(start));
          button.addEventListener('click', accept(start, button));
          return button;
        })));
    } else if (asLeader) {
      actions.append(el('p', { class: 'small muted' }, 'None of the proposed times is open in your calendar. Propose other times, or suggest a colleague.'));
    }
  }
  if (asLeader && r.status === 'PENDING') {
    actions.append(el('div', { class: 'row small' }, r.proposedSlots.length > 0 && el('span', { class: 'muted' }, 'None of these work?'),
      el('button', { type: 'button', class: 'secondary small-button', onclick: open(counterForm) }, 'Propose other times…'),
      el('button', { type: 'button', class: 'secondary small-button', onclick: open(redirectForm) }, 'Suggest a colleague…'),
      el('button', { type: 'button', class: 'danger small-button', onclick: open(reasonForm('decline', 'Decline request',
        `You declined ${other.displayName}'s request.`, `Reason, shown to ${firstOf(other)} (optional, be kind)`)) }, 'Decline…')));
  }
  if (!asLeader && ['PENDING', 'COUNTER_PROPOSED'].includes(r.status)) {
    actions.append(el('div', { class: 'row small' },
      r.status === 'PENDING' && el('button', { type: 'button', class: 'secondary small-button', onclick: open(followUpForm) }, 'Follow up…'),
      el('button', { type: 'button', class: 'danger small-button', onclick: open(reasonForm('withdraw', 'Withdraw request',
        `You withdrew your request to ${other.displayName}.`, 'Reason (optional)')) }, 'Withdraw…')));
  }

  // What became of it, in words.
  const story = [];
  if (r.suggestion) story.push(suggestionLine(r.suggestion, asLeader, other));
  if (predecessor || r.redirectedFrom) {
    const by = predecessor ? predecessor.leader.displayName : r.referredByName;
    story.push(el('p', { class: 'small note-line' }, asLeader
      ? `Forwarded to you by ${by || 'a colleague'}.` : `Suggested by ${by || 'another leader'}, who forwarded your request.`,
      predecessor && lastNote(predecessor, 'REDIRECTED') ? el('q', {}, lastNote(predecessor, 'REDIRECTED')) : null));
  }
  if (r.status === 'REDIRECTED') {
    const note = lastNote(r, 'REDIRECTED');
    story.push(el('p', { class: 'small note-line' }, successor
      ? [asLeader ? `You suggested ${successor.leader.displayName}. ` : `${firstOf(other)} suggested you talk to `,
        !asLeader && el('strong', {}, successor.leader.displayName), !asLeader && ' instead and forwarded your request. ',
        !asLeader && ['Now: ', badge(successor.status)]]
      : (asLeader ? 'You suggested a colleague.' : `${firstOf(other)} suggested a colleague and forwarded your request.`),
      note ? el('q', {}, note) : null));
  }
  if (r.status === 'COUNTER_PROPOSED') {
    const note = lastNote(r, 'COUNTERED');
    story.push(el('p', { class: 'small note-line' }, asLeader ? `You proposed other times; waiting for ${firstOf(other)}.`
      : `${firstOf(other)} could not make your times and proposed new ones.`, note ? el('q', {}, note) : null));
  }
  if (r.status === 'PENDING' && !asLeader && r.followUps > 0) {
    story.push(el('p', { class: 'small muted' }, `You followed up ${r.followUps === 1 ? 'once' : plural(r.followUps, 'time')}.`));
  }
  if (r.status === 'PENDING' && asLeader && r.followUps > 0) {
    story.push(el('p', { class: 'small note-line' }, `${firstOf(other)} followed up ${r.followUps === 1 ? 'once' : plural(r.followUps, 'time')}.`,
      lastNote(r, 'FOLLOWED_UP') ? el('q', {}, lastNote(r, 'FOLLOWED_UP')) : null));
  }
  if (r.status === 'DECLINED') {
    const note = lastNote(r, 'DECLINED');
    if (note) story.push(el('p', { class: 'small note-line' }, asLeader ? 'Your reason:' : `${firstOf(other)} wrote:`, el('q', {}, note)));
  }
  if (r.status === 'EXPIRED') {
    story.push(el('p', { class: 'small muted' }, asLeader ? 'This request expired without an answer.'
      : [`${firstOf(other)} did not answer in time, so the request expired. It is not personal: leaders get busy. `,
        el('a', { href: '#find' }, 'Ask someone else'), '.']));
  }

  const meta = [`${r.length} min`, formatName(r.format), `sent ${ago(r.createdAt)}`].join(' · ');
  item.append(...nodes(
    el('div', { class: 'request-head' }, el('strong', {}, other.displayName), titleOf(other), badge(r.status)),
    el('div', { class: 'small muted' }, meta),
    interview && el('p', { class: 'scheduled' }, interview.status === 'SCHEDULED' ? 'Scheduled for ' : 'Interview: ',
      el('strong', {}, when(interview.start)), ' ', interview.status !== 'SCHEDULED' ? badge(interview.status) : ''),
    story,
    !canAccept && ['PENDING', 'COUNTER_PROPOSED'].includes(r.status) && el('p', { class: 'small' },
      r.status === 'COUNTER_PROPOSED' ? 'You proposed: ' : 'Proposed: ',
      r.proposedSlots.length ? r.proposedSlots.map(s => when(s)).join(' · ') : 'no times yet'),
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
  const emptyText = me.roles.includes('LEADER')
    ? 'No interviews yet. When you or a leader accepts a time, the interview appears here.'
    : 'No interviews yet. When a leader accepts one of your times, the interview appears here.';
  return [
    card(el('h2', {}, 'Interviews'), el('p', { class: 'small muted' }, `Times in ${zone}.`),
      el('h3', {}, 'Upcoming'),
      upcoming.length ? el('ul', { class: 'list' }, upcoming.map(interviewItem))
        : el('div', { class: 'empty' }, el('p', { class: 'muted' }, emptyText), !me.roles.includes('LEADER') && link('#find', 'Find a leader', 'button'))),
    past.length > 0 && card(el('h3', {}, 'Past and cancelled'), el('ul', { class: 'list' }, past.map(interviewItem))),
  ];
}

function interviewItem(i) {
  const now = Date.now();
  const asLeader = i.leader.id === me.id;
  const other = asLeader ? i.employee : i.leader;
  const first = other.displayName.split(' ')[0];
  const started = new Date(i.start).getTime() <= now;
  const item = el('li', { class: 'interview' });
  const errorSlot = el('div', { class: 'full' });
  let actions = el('div', { class: 'actions full' });

  const open = form => async () => {
    errorSlot.replaceChildren();
    const node = await form();
    actions.replaceWith(node);
    const focus = node.querySelector('textarea, input, button');
    if (focus) focus.focus();
  };

  const moveForm = async () => {
    // The leader's open times decide; for the employee, show the leader's local time beside them.
    let leaderZone = zone;
    if (!asLeader) {
      try { leaderZone = (await api('people/' + encodeURIComponent(i.leader.id))).timeZone; } catch (error) { leaderZone = null; }
    }
    const picker = slotPicker({ leaderId: i.leader.id, leaderZone, leaderName: i.leader.displayName,
      length: i.length, min: 1, max: 1, self: asLeader });
    picker.load();
    const reason = textField(`Reason, shown to ${first} (optional)`);
    const form = inlineForm({ scope: item, actions, errorSlot, label: 'Move interview', busyLabel: 'Moving…',
      labels: { start: 'New time', reason: 'Reason' },
      fields: [el('div', { class: 'field' }, el('span', { class: 'strong' }, 'Pick a new time'),
        el('p', { class: 'hint' }, asLeader ? `Your open times for ${i.length} minutes, in ${zone}.`
          : `${i.leader.displayName}'s open times for ${i.length} minutes, in your time zone (${zone}).`), picker.node), reason.node],
      submit: async () => {
        const [start] = picker.picks();
        if (!start) throw new ApiError('Pick a new time first.', 400);
        try {
          await api(`interviews/${i.id}/reschedule`, { method: 'POST', body: { start, reason: reason.control.value.trim() || null } });
        } catch (error) {
          if (error.is('slot-taken') || error.is('slot-unavailable')) error.onError = () => picker.load();
          throw error;
        }
        go('#interviews', `Moved to ${when(start)}. ${first} was told; update your calendar with the new invitation.`);
      } });
    form.classList.add('full');
    return form;
  };

  const cancelForm = () => {
    const reason = textField(`Reason, shown to ${first} (optional, be kind)`);
    const form = inlineForm({ scope: item, actions, errorSlot, label: 'Cancel interview', busyLabel: 'Cancelling…', danger: true,
      labels: { reason: 'Reason' }, fields: reason.node,
      submit: async () => {
        await api(`interviews/${i.id}/cancel`, { method: 'POST', body: { reason: reason.control.value.trim() || null } });
        go('#interviews', `You cancelled the interview with ${other.displayName}. ${first} was told.`);
      } });
    form.classList.add('full');
    return form;
  };

  const outcome = held => async event => {
    errorSlot.replaceChildren();
    try {
      await busy(item, event.currentTarget, 'Saving…', () => api(`interviews/${i.id}/outcome`, { method: 'POST', body: { held } }));
      go('#interviews', held ? heldMessage(i, asLeader) : `Noted: the interview with ${other.displayName} did not happen.`);
    } catch (error) {
      if (error.status !== 401) errorSlot.replaceChildren(alertBox(error));
    }
  };

  const meetingLink = (part, text, cls = 'button secondary small-button') =>
    el('a', { class: cls, href: `#meeting/${encodeURIComponent(i.id)}${part ? '/' + part : ''}` }, text);
  if (i.status === 'SCHEDULED' && !started) {
    actions.append(
      meetingLink(null, asLeader ? 'Meeting view' : 'Prepare', 'button small-button'),
      el('a', { class: 'button secondary small-button', href: `api/interviews/${encodeURIComponent(i.id)}/calendar.ics`,
        download: 'crossroads-interview.ics' }, 'Add to calendar'),
      el('button', { type: 'button', class: 'secondary small-button', onclick: open(moveForm) }, 'Move…'),
      el('button', { type: 'button', class: 'danger small-button', onclick: open(cancelForm) }, 'Cancel…'));
  } else if (i.status === 'SCHEDULED') {
    actions.append(el('span', { class: 'small muted' }, 'Did it take place?'),
      el('button', { type: 'button', class: 'small-button', onclick: outcome(true) }, 'Held'),
      el('button', { type: 'button', class: 'secondary small-button', onclick: outcome(false) }, 'Did not happen'),
      meetingLink(null, 'Meeting view'));
  } else if (i.status === 'HELD') {
    // What follows a held interview is asked for while it is fresh; older ones keep the way in, quieter.
    const fresh = now - new Date(i.end).getTime() < FOLLOW_UP_FRESH_MS;
    const next = fresh ? 'button small-button' : 'button secondary small-button';
    actions.append(...(asLeader
      ? [meetingLink('after', 'Names and feedback…', next), meetingLink(null, 'Meeting view')]
      : [meetingLink('thanks', `Thank ${first}…`, next), meetingLink('notes', 'My notes')]));
  }

  item.append(...nodes(
    el('div', { class: 'when' },
      el('strong', {}, day(i.start)),
      el('div', {}, `${clock(i.start, zone, false)}–${clock(i.end, zone, true)}`),
      i.status === 'SCHEDULED' && !started && el('div', { class: 'small muted' }, ago(i.start))),
    el('div', { class: 'grow' }, `${i.length} min ${formatName(i.format)} with `, el('strong', {}, other.displayName),
      el('span', { class: 'small muted' }, asLeader ? ' (you are the leader)' : ''),
      other.title && el('div', { class: 'small muted person-title' }, other.title),
      i.sequence > 0 && i.status === 'SCHEDULED' && el('div', { class: 'small muted' }, 'Moved since it was first set.',
        lastMove(i) && el('span', { class: 'note-line' }, el('q', {}, lastMove(i)))),
      i.status === 'CANCELLED' && i.cancelReason && el('div', { class: 'small note-line' }, 'Reason: ', el('q', {}, i.cancelReason))),
    badge(i.status),
    actions.children.length ? actions : null,
    errorSlot));
  return item;
}

const FOLLOW_UP_FRESH_MS = 14 * 86400000;

/** The reason given for the latest move, if any. */
function lastMove(i) {
  const moves = (i.history || []).filter(e => e.type === 'RESCHEDULED' && e.note);
  return moves.length ? moves[moves.length - 1].note : null;
}

/** Once an interview is held, what comes next for each party (DESIGN rules 7, 8 and 10). */
function heldMessage(i, asLeader) {
  const other = asLeader ? i.employee : i.leader;
  const first = other.displayName.split(' ')[0];
  const href = `#meeting/${encodeURIComponent(i.id)}/${asLeader ? 'after' : 'thanks'}`;
  return [el('strong', {}, `The interview with ${other.displayName} is marked as held. `), asLeader
    ? ['Who else should ', first, ' talk to? ', el('a', { href }, 'Name people and give feedback'), '.']
    : ['A thank-you within a day or two counts: ', el('a', { href }, `thank ${first}`), '.']];
}

// ---------------------------------------------------------------- meeting

const NOTES_MAX = 20000;
const THANKS_ON_TIME_MS = 48 * 3600 * 1000; // a thank-you within 48 h of the end is on time (DESIGN rule 8)
const CLOCK_AFTER_END_MS = 60 * 60 * 1000;  // how long after the planned end the clock stays up
const firstName = person => person.displayName.split(' ')[0];

/** One interview for its two parties: the clock, why the employee asked, questions, notes, and what follows a held one. */
async function meeting(id) {
  const path = `interviews/${encodeURIComponent(id)}`;
  const [m, interview] = await Promise.all([api(path + '/meeting'), api(path)]);
  const asLeader = m.leader.id === me.id;
  const notes = asLeader ? null : notesEditor(m);
  let after = null;
  if (m.status === 'HELD') after = asLeader ? await afterInterviewCard(m) : [thankYouCard(m), fromLeaderCard(m)];
  const showClock = m.status === 'SCHEDULED' && Date.now() < Date.parse(m.plannedEnd) + CLOCK_AFTER_END_MS;
  return [
    meetingHead(m, interview, asLeader),
    showClock && meetingClock(m),
    after,
    meetingBrief(m, asLeader),
    questionsCard(m, notes),
    notes && notes.node,
    historyCard(interview, asLeader),
  ];
}

function meetingHead(m, interview, asLeader) {
  const other = asLeader ? m.employee : m.leader;
  const started = Date.parse(m.start) <= Date.now();
  const errorSlot = el('div');
  const actions = el('div', { class: 'actions' });
  const outcome = held => async event => {
    errorSlot.replaceChildren();
    try {
      await busy(actions, event.currentTarget, 'Saving…', () =>
        api(`interviews/${encodeURIComponent(m.interviewId)}/outcome`, { method: 'POST', body: { held } }));
      go(`#meeting/${encodeURIComponent(m.interviewId)}${held ? (asLeader ? '/after' : '/thanks') : ''}`,
        held ? `The interview with ${other.displayName} is marked as held.` : `Noted: the interview with ${other.displayName} did not happen.`);
    } catch (error) {
      if (error.status !== 401) errorSlot.replaceChildren(alertBox(error));
    }
  };
  if (m.status === 'SCHEDULED' && started) {
    actions.append(el('span', { class: 'small muted' }, 'Did it take place?'),
      el('button', { type: 'button', class: 'small-button', onclick: outcome(true) }, 'Held'),
      el('button', { type: 'button', class: 'secondary small-button', onclick: outcome(false) }, 'Did not happen'));
  } else if (m.status === 'SCHEDULED') {
    actions.append(el('a', { class: 'button secondary small-button', download: 'crossroads-interview.ics',
      href: `api/interviews/${encodeURIComponent(m.interviewId)}/calendar.ics` }, 'Add to calendar'));
  }
  return card(
    el('a', { href: '#interviews', class: 'back small' }, '← Back to interviews'),
    el('div', { class: 'request-head' }, el('h2', {}, `Meeting with ${other.displayName}`), badge(m.status)),
    other.title && el('p', { class: 'muted person-title' }, other.title),
    el('p', { class: 'meeting-when' }, el('strong', {}, day(m.start)), ', ',
      `${clock(m.start, zone, false)}–${clock(m.plannedEnd)} · ${m.length} min ${formatName(interview.format)}`),
    el('p', { class: 'small muted' }, asLeader
      ? `${firstName(m.employee)} asked you for advice, not for a job. Close on time; at the end, think of two people ${firstName(m.employee)} could talk to next.`
      : `Keep to the ${m.length} minutes you asked for, and ask at the end who else you could talk to.`),
    actions.children.length ? actions : null,
    errorSlot);
}

/** "1 h 5 min", "12 min", "3 days": a coarse length of time. */
function duration(ms) {
  const minutes = Math.round(ms / 60000);
  if (minutes < 1) return 'less than a minute';
  if (minutes < 60) return plural(minutes, 'min', 'min');
  if (minutes < 48 * 60) return `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
  return plural(Math.round(minutes / 1440), 'day');
}

/** "4:05" or "1:02:05": a countdown's face. */
function countdown(ms) {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor(total / 60) % 60;
  const s = String(total % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/**
 * The meeting's clock (DESIGN rule 3): the time to the start, then what is left until the planned end, then how far
 * over it is. It ticks every second without being read aloud; a few moments (5 and 1 minute left, the end) are.
 */
function meetingClock(m) {
  const start = Date.parse(m.start);
  const end = Date.parse(m.plannedEnd);
  const ticket = renderCount;
  const big = el('span', { class: 'clock-big' });
  const line = el('span', { class: 'clock-line' });
  const bar = el('progress', { max: String(end - start), value: '0', 'aria-hidden': 'true' });
  const said = el('p', { class: 'visually-hidden', role: 'status' });
  const node = el('div', { class: 'meeting-clock' },
    el('div', { class: 'clock-face', role: 'timer', 'aria-label': 'Meeting clock' }, big, line), bar, said);
  let phase = null;
  const spoken = new Set();
  const say = (key, text) => { if (!spoken.has(key)) { spoken.add(key); said.textContent = text; } };

  function tick() {
    if (ticket !== renderCount) { clearInterval(timer); return; }
    const now = Date.now();
    const nowText = `Now ${clock(new Date(now).toISOString(), zone, false)}`;
    let next;
    if (now < start) {
      next = 'before';
      big.textContent = `Starts in ${duration(start - now)}`;
      line.textContent = `${nowText} · starts ${clock(m.start)}, planned end ${clock(m.plannedEnd, zone, false)}`;
    } else if (now < end) {
      next = 'running';
      big.textContent = `${countdown(end - now)} left`;
      line.textContent = `${nowText} · planned end ${clock(m.plannedEnd)}. Closing on time is the default.`;
      bar.value = now - start;
      if (end - now <= 60000) say('1', 'One minute left.');
      else if (end - now <= 5 * 60000) say('5', 'Five minutes left.');
    } else {
      next = 'over';
      big.textContent = `${countdown(now - end)} over time`;
      line.textContent = `${nowText} · the planned end was ${clock(m.plannedEnd)}. Thank them and close.`;
      bar.value = end - start;
      if (phase) say('end', 'The planned end has come. Time to close.');
    }
    if (phase === 'before' && next === 'running') say('start', 'The meeting has started.');
    if (next !== phase) { node.classList.remove('before', 'running', 'over'); node.classList.add(next); }
    phase = next;
  }
  const timer = setInterval(tick, 1000);
  onLeave(() => clearInterval(timer));
  tick();
  return node;
}

/** Why the employee asked, who suggested the leader, and for the employee what the leader offers. */
function meetingBrief(m, asLeader) {
  return card(
    el('h3', {}, asLeader ? `Why ${firstName(m.employee)} asked` : 'Why you asked'),
    m.suggestedBy && el('p', { class: 'small suggested' }, `Suggested by ${m.suggestedBy}.`),
    el('dl', { class: 'message' },
      el('dt', {}, asLeader ? 'About them' : 'About you'), el('dd', {}, m.intro),
      el('dt', {}, 'To learn'), el('dd', {}, m.learn),
      el('dt', {}, asLeader ? 'Why you' : `Why ${firstName(m.leader)}`), el('dd', {}, m.whyYou)),
    !asLeader && [
      el('h3', {}, `About ${m.leader.displayName}`),
      m.leaderTopics.length > 0 && el('div', { class: 'chips' }, el('span', { class: 'small muted' }, 'Talks about '),
        m.leaderTopics.map(t => el('span', { class: 'chip' }, t))),
      m.leaderBio ? el('p', { class: 'bio' }, m.leaderBio) : el('p', { class: 'small muted' }, `${firstName(m.leader)} has not written a bio yet.`)]);
}

/** The question bank; the employee can copy a question into their notes to write the answer under it. */
function questionsCard(m, notes) {
  if (!m.questions || !m.questions.length) return null;
  return card(
    el('h3', {}, notes ? 'Questions worth asking' : `Questions ${firstName(m.employee)} may ask`),
    notes && el('p', { class: 'hint' }, 'Pick two or three. “Add to notes” copies a question into your notes, to write the answer under it.'),
    el('ol', { class: 'questions' }, m.questions.map(q => el('li', {}, el('span', {}, q),
      notes && el('button', { type: 'button', class: 'link', 'aria-label': `Add to notes: ${q}`, onclick: () => notes.insert(q) }, 'Add to notes')))));
}

/** Moves, cancellations and the outcome, with the notes given. */
function historyCard(interview, asLeader) {
  const events = interview.history || [];
  if (!events.length) return null;
  const what = { RESCHEDULED: 'Moved', CANCELLED: 'Cancelled', HELD: 'Marked as held', NO_SHOW: 'Marked as not having happened' };
  const who = e => e.actorId === me.id ? 'by you' : `by ${(asLeader ? interview.employee : interview.leader).displayName}`;
  return card(el('h3', {}, 'What happened'),
    el('ul', { class: 'list history' }, events.map(e => el('li', { class: 'small' },
      el('span', { class: 'note-line grow' }, `${what[e.type] || capital(e.type.toLowerCase())} ${e.actorId ? who(e) : ''}`.trim(),
        e.note && el('q', {}, e.note)),
      el('span', { class: 'muted', title: when(e.at) }, ago(e.at))))));
}

/**
 * The employee's private notes: saved a few seconds after typing stops, with Save (or Ctrl+S) at once, and on
 * leaving the page. Nobody else reads them (encrypted at rest).
 */
function notesEditor(m) {
  const id = 'x' + (++formCount);
  const headingId = id + '-h';
  let saved = (m.notes && m.notes.text) || '';
  let saving = false;
  let timer = null;
  const area = el('textarea', { id, class: 'notes-text', maxlength: NOTES_MAX, rows: 12, 'aria-labelledby': headingId,
    'aria-describedby': id + '-hint', placeholder: 'What you heard, names they mentioned, what you will do next…' }, saved);
  const counter = el('span', { class: 'small muted' });
  const status = el('span', { class: 'small muted', role: 'status' });
  const problems = el('div');
  const save = el('button', { type: 'submit' }, 'Save notes');
  const dirty = () => area.value !== saved;
  const setStatus = text => { if (status.textContent !== text) status.textContent = text; };
  const put = text => api(`interviews/${encodeURIComponent(m.interviewId)}/notes`, { method: 'PUT', body: { text } });

  function count() {
    counter.textContent = `${number(area.value.length)} of ${number(NOTES_MAX)} characters`;
  }

  async function store() {
    clearTimeout(timer);
    if (saving || !dirty()) return;
    const text = area.value;
    saving = true;
    setStatus('Saving…');
    try {
      const result = await put(text);
      saved = text;
      problems.replaceChildren();
      setStatus(dirty() ? 'Unsaved changes' : text ? `Saved at ${clock(result.updatedAt, zone, false)}` : 'Notes cleared.');
    } catch (error) {
      if (error.status === 401) return;
      setStatus('Not saved');
      problems.replaceChildren(alertBox(error, { text: 'Notes' }));
    } finally {
      saving = false;
    }
    if (dirty() && !problems.children.length) timer = setTimeout(store, 3000);
  }

  area.addEventListener('input', () => {
    count();
    setStatus(dirty() ? 'Unsaved changes' : status.textContent);
    clearTimeout(timer);
    if (dirty()) timer = setTimeout(store, 3000);
  });
  area.addEventListener('keydown', event => {
    if ((event.ctrlKey || event.metaKey) && event.key === 's') { event.preventDefault(); store(); }
  });
  const warn = event => { if (dirty()) { event.preventDefault(); event.returnValue = ''; } };
  window.addEventListener('beforeunload', warn);
  onLeave(() => {
    window.removeEventListener('beforeunload', warn);
    clearTimeout(timer);
    if (dirty() && !saving) put(area.value).catch(() => {}); // leaving for another view: keep what was typed
  });

  const form = el('form', { novalidate: true, onsubmit: event => { event.preventDefault(); store(); } },
    area, el('div', { class: 'actions' }, save, status, el('span', { class: 'grow' }), counter), problems);
  count();
  if (m.notes && m.notes.updatedAt) setStatus(`Last saved ${ago(m.notes.updatedAt)}`);

  /** Adds a question at the end of the notes, ready for the answer under it. */
  function insert(question) {
    const gap = !area.value ? '' : area.value.endsWith('\n\n') ? '' : area.value.endsWith('\n') ? '\n' : '\n\n';
    const addition = `${gap}${question}\n`;
    if (area.value.length + addition.length > NOTES_MAX) { setStatus('Your notes are full.'); return; }
    area.value += addition;
    area.dispatchEvent(new Event('input'));
    area.focus();
    area.setSelectionRange(area.value.length, area.value.length);
    area.scrollIntoView({ block: 'center' });
  }

  const node = el('section', { class: 'card', id: 'part-notes' },
    el('h3', { id: headingId }, 'My private notes'),
    el('p', { class: 'hint', id: id + '-hint' }, `Only you read these: Crossroads stores them encrypted, and neither ${firstName(m.leader)} nor HR ever sees them. `
      + 'They are saved as you type, and with Save.'),
    form);
  return { node, insert };
}

// ---------------------------------------------------------------- thank-you

/**
 * After a held interview, the employee thanks the leader, once (DESIGN rule 8); once sent, the card says when and
 * whether it was on time.
 */
function thankYouCard(m) {
  const first = firstName(m.leader);
  const section = el('section', { class: 'card', id: 'part-thanks' });
  if (m.thankYou) {
    section.append(...thanksSent(m.thankYou, first));
    return section;
  }
  const due = new Date(Date.parse(m.plannedEnd) + THANKS_ON_TIME_MS).toISOString();
  const late = Date.now() > Date.parse(due);
  const id = 'x' + (++formCount);
  const message = el('textarea', { id, maxlength: 4000, rows: 6,
    placeholder: `Hi ${first}, thank you for your time. What stuck with me was … Next, I will …` });
  const problems = el('div');
  const send = el('button', { type: 'submit' }, `Send to ${first}`);
  const tip = text => el('li', { class: 'note tip' }, text);

  /** Just sent, or sent before (from another tab): the card turns into what was sent, read out and focused. */
  function showSent(sent, before = false) {
    section.replaceChildren(...thanksSent(sent, first, before ? 'before' : 'now'));
    section.querySelector('.alert').focus();
  }

  const form = el('form', { novalidate: true, onsubmit: async event => {
    event.preventDefault();
    problems.replaceChildren();
    const text = message.value.trim();
    if (!text) {
      const errors = [{ field: 'message', message: 'write a few words of thanks' }];
      flagFields(form, errors);
      problems.replaceChildren(alertBox(new ApiError('', 400, errors), { message: 'Message' }));
      return;
    }
    try {
      showSent(await busy(form, send, 'Sending…', () =>
        api(`interviews/${encodeURIComponent(m.interviewId)}/thank-you`, { method: 'POST', body: { message: text } })));
    } catch (error) {
      if (error.status === 401) return;
      if (error.is('already-thanked')) {
        // Sent from elsewhere meanwhile: show what was sent. In place, so the notes being typed below stay as they are.
        const fresh = await api(`interviews/${encodeURIComponent(m.interviewId)}/meeting`).catch(() => null);
        if (fresh && fresh.thankYou) { showSent(fresh.thankYou, true); return; }
      }
      flagFields(form, error.errors);
      problems.replaceChildren(alertBox(error, { message: 'Message' }));
    }
  } },
    el('div', { class: 'field', 'data-field': 'message' }, el('label', { for: id }, `Your message to ${first}`), message, fieldError()),
    problems,
    el('div', { class: 'actions' }, send));
  unflagOnInput(form, problems);

  section.append(el('h3', {}, `Thank ${first}`),
    el('p', { class: 'muted' }, `A short note to ${first}: it is what people remember, and it keeps the door open.`),
    el('ul', { class: 'notes' },
      tip(late ? 'Within a day or two is best; that has passed, but a late thank-you is still worth sending.'
        : `Within a day or two: until ${when(due)} it counts as on time.`),
      tip('Say what you learnt: one thing that stuck with you.'),
      tip('Say what you will do with it: a next step, a person you will contact, something you will read.')),
    form);
  return section;
}

/** The thank-you as sent: when, and whether within 48 h. `live` ("now" or "before") makes it a status to read out. */
function thanksSent(sent, first, live = null) {
  const onTime = el('span', { class: 'badge ' + (sent.onTime ? 'good' : 'late') }, sent.onTime ? 'On time' : 'Later than 48 h');
  const what = [el('strong', {}, `${live === 'before' ? 'You had thanked' : 'You thanked'} ${first} on ${when(sent.sentAt)}. `), onTime];
  return [
    el('h3', {}, `Your thank-you to ${first}`),
    live ? el('div', { class: 'alert success', role: 'status', tabindex: '-1' }, what) : el('p', { class: 'alert success' }, what),
    el('p', {}, `Crossroads reminds you to keep in touch with ${first} (under Contacts), and the people ${first} suggests appear under People to talk to next.`),
    el('div', { class: 'actions' }, link('#contacts', 'Contacts'), link('#next', 'People to talk to next')),
  ];
}

/** For the employee: what the leader gave in this interview, people to talk to next and feedback, when there is any. */
function fromLeaderCard(m) {
  const first = firstName(m.leader);
  const referrals = m.referrals || [];
  if (!referrals.length && !m.feedback) return null;
  return el('section', { class: 'card', id: 'part-given' },
    referrals.length > 0 && [el('h3', {}, `People ${first} suggests you talk to next`),
      el('ul', { class: 'list' }, referrals.map(referralItem))],
    m.feedback && [el('h3', {}, `${first}’s feedback`),
      el('ul', { class: 'list' }, feedbackItem(m.feedback)),
      el('p', { class: 'small muted' }, 'What every leader said is under ', el('a', { href: '#talent' }, 'Talent'),
        m.feedback.talentPool ? ', where you decide whether HR sees talent-pool flags.' : '.')]);
}

// ---------------------------------------------------------------- after the interview (leaders)

const MAX_REFERRALS = 3;
const STRENGTHS = ['well prepared', 'clear questions', 'curiosity', 'good listener', 'business sense', 'initiative',
  'clear communicator', 'learns fast'];

/**
 * After a held interview, the leader names 1–3 people the employee could talk to next (DESIGN rule 7) and gives
 * feedback: strengths, a note, the talent-pool flag (rule 10) and an offer of mentoring (rule 11). Each part is sent
 * once; a part given before is shown as given, with what became of each person named.
 */
async function afterInterviewCard(m) {
  const first = firstName(m.employee);
  const base = `interviews/${encodeURIComponent(m.interviewId)}`;
  const named = m.referrals && m.referrals.length ? m.referrals : null;
  const done = { referrals: Boolean(named), feedback: Boolean(m.feedback) };
  const section = el('section', { class: 'card', id: 'part-after' }, el('h3', {}, `After your conversation with ${first}`));
  if (done.referrals && done.feedback) {
    section.append(el('p', { class: 'muted' }, `You named people for ${first} and gave your feedback; each is sent once.`),
      namedSummary(named, first), feedbackSummary(m.feedback, first));
    return section;
  }
  const employee = done.referrals ? m.employee : await api('people/' + encodeURIComponent(m.employee.id)).catch(() => m.employee);
  const id = () => 'x' + (++formCount);
  const problems = el('div');
  const status = el('div');
  const submit = el('button', { type: 'submit' }, done.referrals ? 'Send feedback' : done.feedback ? 'Send names' : 'Send');

  const picker = done.referrals ? null : referralPicker(employee);
  const names = done.referrals ? namedSummary(named, first) : el('fieldset', { class: 'field part', 'data-field': 'referrals' },
    el('legend', {}, 'People to talk to next'),
    el('p', { class: 'hint' }, `Up to ${MAX_REFERRALS} leaders in other divisions worth ${first}’s time. `
      + `${first} sees who you named and your note, and may ask them, citing you only if you allow it.`),
    picker.node, fieldError());

  const strengths = chipInput({ field: 'strengths', label: 'Strengths', one: 'strength', listLabel: `${first}’s strengths`,
    max: 8, maxLength: 60, separators: /[,;]/, placeholder: 'For example: well prepared',
    hint: 'What they did well, a few words each. Press Enter after each.', suggestions: STRENGTHS.map(value => ({ value })) });
  const noteId = id();
  const note = el('textarea', { id: noteId, maxlength: 2000, rows: 3, placeholder: `What ${first} could build on` });
  const poolId = id();
  const pool = el('input', { type: 'checkbox', id: poolId });
  const mentorId = id();
  const mentoring = el('input', { type: 'checkbox', id: mentorId });
  const feedback = done.feedback ? feedbackSummary(m.feedback, first) : el('fieldset', { class: 'field part' },
    el('legend', {}, 'Feedback'),
    el('p', { class: 'hint' }, `${first} sees it under Talent.`),
    strengths.node,
    el('div', { class: 'field', 'data-field': 'note' }, el('label', { for: noteId }, `A note for ${first} (optional)`), note, fieldError()),
    el('div', { class: 'field', 'data-field': 'talentPool' },
      el('label', { class: 'check', for: poolId }, pool, ` Flag ${first} for the talent pool`),
      el('p', { class: 'hint' }, `For someone who impressed you; name the strengths behind it. HR sees the flag only if ${first} allows it.`),
      fieldError()),
    el('div', { class: 'field', 'data-field': 'offerMentoring' },
      el('label', { class: 'check', for: mentorId }, mentoring, ` Offer to keep mentoring ${first}`),
      el('p', { class: 'hint' }, `Nothing is assumed: ${first} accepts or declines.`)));
  const shown = { referrals: names, feedback };

  const labels = field => {
    const n = /^referrals\[(\d+)\]/.exec(field);
    if (n) return (picker && picker.nameAt(Number(n[1]))) || `Person ${Number(n[1]) + 1}`;
    return { referrals: 'People to talk to next', strengths: 'Strengths', 'strengths[]': 'Strength', note: 'Note',
      talentPool: 'Talent pool', offerMentoring: 'Mentoring' }[field.replace(/\[\d+\]$/, '[]')] || null;
  };

  function feedbackBody() {
    return { talentPool: pool.checked, strengths: strengths.values(), note: note.value.trim() || null, offerMentoring: mentoring.checked };
  }
  const wants = b => b.strengths.length > 0 || Boolean(b.note) || b.talentPool || b.offerMentoring;

  function clientErrors(people, body) {
    const errors = [];
    const problem = done.feedback ? null : strengths.commit(true);
    if (problem) errors.push({ field: 'strengths', message: problem });
    if (!done.feedback && body.talentPool && !body.strengths.length) {
      errors.push({ field: 'strengths', message: 'name the strengths that make you flag this person' });
    }
    if (!people.length && !(done.feedback ? false : wants(body))) {
      errors.push({ field: done.referrals ? 'strengths' : 'referrals',
        message: done.referrals ? 'give some feedback first' : done.feedback ? 'name someone first' : 'name someone, or give feedback, or both' });
    }
    return errors;
  }

  function showGiven(part, node) {
    shown[part].replaceWith(node);
    shown[part] = node;
  }

  /** Sends one part: true once sent, false if the server says it was given before (then it counts as done too). */
  const before = []; // the parts given before, from another tab or device
  async function sendPart(part, path, body, summary) {
    try {
      const result = await api(`${base}/${path}`, { method: 'POST', body });
      done[part] = true;
      showGiven(part, summary(result));
      return true;
    } catch (error) {
      if (part === 'referrals') {
        // An error about an element's field that came without the element's index belongs to the names all the same.
        error.errors = error.errors.map(e => /^referrals(\[|$)/.test(e.field || '') ? e
          : { field: 'referrals', message: `${capital(e.field || 'a person')}: ${e.message}` });
      }
      if (!error.is(part === 'referrals' ? 'referrals-given' : 'feedback-given')) throw error;
      done[part] = true;
      before.push(part);
      showGiven(part, summary(null));
      return false;
    }
  }

  /** What was given before, in place of the placeholders: the meeting view says it. */
  async function fillInGiven() {
    const fresh = await api(`${base}/meeting`).catch(() => null);
    if (!fresh) return;
    if (before.includes('referrals') && fresh.referrals && fresh.referrals.length) showGiven('referrals', namedSummary(fresh.referrals, first));
    if (before.includes('feedback') && fresh.feedback) showGiven('feedback', feedbackSummary(fresh.feedback, first));
  }

  const form = el('form', { novalidate: true, onsubmit: async event => {
    event.preventDefault();
    problems.replaceChildren();
    status.replaceChildren();
    flagFields(form, []);
    if (picker) picker.flag(null);
    const people = done.referrals ? [] : picker.values();
    const body = feedbackBody();
    const errors = clientErrors(people, body);
    if (errors.length) {
      flagFields(form, errors);
      problems.replaceChildren(alertBox(new ApiError('', 400, errors), labels));
      return;
    }
    const sent = [];
    try {
      await busy(form, submit, 'Sending…', async () => {
        if (people.length && await sendPart('referrals', 'referrals', people, given => namedSummary(given, first))) {
          sent.push(people.length === 1 ? 'the person you named' : 'the people you named');
        }
        if (!done.feedback && wants(body)
          && await sendPart('feedback', 'feedback', body, given => feedbackSummary(given, first, body.offerMentoring))) {
          sent.push('your feedback');
        }
      });
    } catch (error) {
      if (error.status === 401) return;
      if (before.length) fillInGiven(); // the part still open keeps what the leader wrote
      flagFields(form, error.errors.filter(e => !/^referrals\[/.test(e.field || '')));
      if (picker) picker.flag(error); // after flagFields, which clears every field's error
      // A refusal by the program's policy is about one person, said under them; the summary says it once.
      problems.replaceChildren(alertBox(error.status === 409 ? new ApiError(error.message, 409) : error, labels));
      return;
    }
    const got = sent.length ? `${first} has ${sent.join(' and ')}. ` : 'Nothing new was sent. ';
    if (before.length) {
      // Given before, from elsewhere: the meeting view, loaded again, shows what was given.
      const what = before.length === 2 ? 'named people and given your feedback'
        : before[0] === 'referrals' ? 'named people' : 'given your feedback';
      go(`#meeting/${encodeURIComponent(m.interviewId)}/after`, `${got}You had ${what} for this interview before; it is shown below.`);
      return;
    }
    const left = !done.referrals ? 'You can still name people.' : !done.feedback ? 'You can still give feedback.' : '';
    status.replaceChildren(el('div', { class: 'alert success', role: 'status', tabindex: '-1' }, `${got}${left}`));
    submit.textContent = !done.referrals ? 'Send names' : 'Send feedback';
    if (done.referrals && done.feedback) submit.closest('.actions').remove();
    status.firstChild.focus();
  } },
    names, feedback, problems, el('div', { class: 'actions' }, submit));
  unflagOnInput(form, problems);

  section.append(el('p', { class: 'muted' }, done.referrals
    ? `You named people for ${first}; your feedback is optional and sent once.`
    : done.feedback ? `You gave your feedback; naming people for ${first} is optional and sent once.`
      : 'Both parts are optional and each is sent once. Send what you want to now.'),
  status, form);
  return section;
}

/** The people named, with what became of each; null for a placeholder while the server is asked whom. */
function namedSummary(given, first) {
  return el('div', { class: 'part done' }, el('h4', {}, 'People to talk to next'), given
    ? [el('ul', { class: 'plain' }, given.map(r => {
      const outcome = OUTCOME[r.outcome] || { text: r.outcome, cls: '' };
      return el('li', {},
        el('div', { class: 'request-head' }, el('strong', {}, r.person.displayName),
          r.outcome && el('span', { class: 'badge ' + outcome.cls }, outcome.text)),
        el('div', { class: 'small muted' }, [r.person.title, r.mayUseName ? `${first} may use your name` : 'without your name']
          .filter(Boolean).join(' · ')),
        r.note && el('div', { class: 'note-line small' }, el('q', {}, r.note)));
    })),
    el('p', { class: 'small muted' }, `Sent ${ago(given[0].createdAt)}.`)]
    : el('p', { class: 'small muted' }, `You named people for ${first} already.`));
}

/** The feedback as given; whether mentoring was offered is known only right after sending. */
function feedbackSummary(given, first, mentoringOffered = false) {
  return el('div', { class: 'part done' }, el('h4', {}, 'Feedback'), given
    ? [given.strengths.length > 0 && el('div', { class: 'chips' }, given.strengths.map(s => el('span', { class: 'chip' }, s))),
      given.note && el('p', { class: 'note-line small' }, el('q', {}, given.note)),
      el('p', { class: 'small muted' }, given.talentPool
        ? `Flagged for the talent pool (HR sees it only if ${first} allows it).` : 'Not flagged for the talent pool.',
        mentoringOffered ? ` You offered mentoring; ${first} will answer.` : '',
        given.givenAt ? ` Given ${ago(given.givenAt)}.` : '')]
    : el('p', { class: 'small muted' }, 'You gave your feedback on this interview already.'));
}

/** Picks 1–3 leaders with the people search: each with "may use my name" and a note. */
function referralPicker(employee) {
  const first = firstName(employee);
  const picked = []; // { person, may, note, error, row }
  const id = 'x' + (++formCount);
  const q = el('input', { type: 'search', id, placeholder: 'Name, title or topic', autocomplete: 'off' });
  const found = el('ul', { class: 'list found', 'aria-label': 'Leaders found' });
  const status = el('p', { class: 'hint', role: 'status' });
  const list = el('ol', { class: 'picks', 'aria-label': 'People you name', hidden: true });
  let results = [];
  let ticket = 0;

  /** Why a leader cannot be named, when the portal can tell already; the server decides the rest. */
  const unavailable = p => p.id === me.id ? 'that is you'
    : p.id === employee.id ? `that is ${first}`
      : employee.divisionId && p.divisionId === employee.divisionId ? `in ${first}’s own division` : null;

  function renderFound() {
    found.replaceChildren(...results.map(p => {
      const why = unavailable(p);
      const chosen = picked.some(e => e.person.id === p.id);
      return el('li', {},
        el('span', { class: 'grow' }, el('strong', {}, p.displayName),
          el('span', { class: 'small muted' }, ' · ', [p.title, p.divisionName].filter(Boolean).join(' · ')),
          why && el('span', { class: 'small warning' }, ` (${why})`)),
        el('button', { type: 'button', class: 'secondary small-button', disabled: Boolean(why) || chosen || picked.length >= MAX_REFERRALS,
          'aria-label': chosen ? `${p.displayName} added` : `Add ${p.displayName}`, onclick: () => add(p) }, chosen ? 'Added' : 'Add'));
    }));
  }

  async function search() {
    const mine = ++ticket;
    const text = q.value.trim();
    if (!text) { results = []; renderFound(); status.textContent = 'Type a name, a title or a topic.'; return; }
    status.textContent = 'Searching…';
    try {
      const page = await api('people?' + new URLSearchParams({ q: text, leadersOnly: 'true', limit: '8' }));
      if (mine !== ticket) return;
      results = page.items;
      status.textContent = results.length ? `${plural(results.length, 'leader')} found.` : `No leaders match “${text}”.`;
      renderFound();
    } catch (error) {
      if (mine === ticket && error.status !== 401) { status.textContent = ''; found.replaceChildren(el('li', {}, alertBox(error))); }
    }
  }

  function add(p) {
    if (picked.length >= MAX_REFERRALS || picked.some(e => e.person.id === p.id)) return;
    const mayId = 'x' + (++formCount);
    const noteId = 'x' + (++formCount);
    const entry = { person: p };
    entry.may = el('input', { type: 'checkbox', id: mayId });
    entry.note = el('textarea', { id: noteId, maxlength: 2000, rows: 2, placeholder: `Why ${firstName(p)}, for ${first}` });
    entry.error = fieldError();
    entry.error.id = noteId + '-error';
    entry.note.setAttribute('aria-describedby', entry.error.id);
    entry.remove = el('button', { type: 'button', class: 'link', 'aria-label': `Remove ${p.displayName}`,
      'aria-describedby': entry.error.id, onclick: () => remove(entry) }, 'Remove');
    entry.row = el('li', { class: 'pick' },
      el('div', { class: 'request-head' }, el('strong', {}, p.displayName),
        el('span', { class: 'small muted grow' }, [p.title, p.divisionName].filter(Boolean).join(' · ')),
        entry.remove),
      el('label', { class: 'check', for: mayId }, entry.may, ` ${first} may use my name when asking ${firstName(p)}`),
      el('label', { for: noteId, class: 'small' }, `Note for ${first} (optional)`), entry.note, entry.error);
    picked.push(entry);
    renderPicks();
    status.textContent = `Added ${p.displayName} (${picked.length} of ${MAX_REFERRALS}).`;
    entry.may.focus();
  }

  function remove(entry) {
    picked.splice(picked.indexOf(entry), 1);
    renderPicks();
    status.textContent = `Removed ${entry.person.displayName}.`;
    q.focus();
  }

  function renderPicks() {
    list.replaceChildren(...picked.map(e => e.row));
    list.hidden = !picked.length;
    renderFound();
  }

  let timer = null;
  q.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(search, 300); });
  q.addEventListener('keydown', event => { if (event.key === 'Enter') { event.preventDefault(); clearTimeout(timer); search(); } });

  /**
   * Shows each error under the person it is about: `referrals[<i>].personId` (refused by the program's policy, or no
   * such leader) or `referrals[<i>].note` names the i-th person sent, who is the i-th picked. The first such person
   * gets the focus: on the note when the note is at fault, else on Remove, which the error describes.
   */
  function flag(error) {
    picked.forEach(e => {
      e.error.hidden = true;
      e.error.textContent = '';
      e.row.classList.remove('invalid');
      e.note.removeAttribute('aria-invalid');
      e.focusOn = null;
    });
    if (!error) return;
    for (const { field, message } of error.errors || []) {
      const n = /^referrals\[(\d+)\](?:\.(\w+))?/.exec(field || '');
      const entry = n && picked[Number(n[1])];
      if (!entry) continue;
      entry.error.textContent = (entry.error.hidden ? '' : entry.error.textContent + '; ') + capital(message);
      entry.error.hidden = false;
      entry.row.classList.add('invalid');
      if (n[2] === 'note') entry.note.setAttribute('aria-invalid', 'true');
      entry.focusOn = n[2] === 'note' ? entry.note : (entry.focusOn || entry.remove);
    }
    const firstBad = picked.find(e => e.focusOn);
    if (firstBad) {
      firstBad.row.scrollIntoView({ block: 'center' });
      firstBad.focusOn.focus({ preventScroll: true });
    }
  }

  return {
    node: el('div', { class: 'referral-picker' }, list,
      el('label', { for: id }, 'Find a leader'), q, status, found),
    values: () => picked.map(e => ({ personId: e.person.id, mayUseName: e.may.checked, note: e.note.value.trim() || null })),
    nameAt: i => picked[i] && picked[i].person.displayName,
    flag,
  };
}

// ---------------------------------------------------------------- people to talk to next

const OUTCOME = {
  NOT_ASKED: { text: 'Not asked yet', cls: '' },
  REQUESTED: { text: 'Asked', cls: 'PENDING' },
  HELD: { text: 'Met', cls: 'HELD' },
  DECLINED: { text: 'Declined', cls: 'DECLINED' },
  CLOSED: { text: 'Closed', cls: 'EXPIRED' },
};

/** The people leaders suggested to the reader (DESIGN rule 7), by the conversation they came from, newest first. */
async function talkToNext() {
  const referrals = await api('me/referrals');
  const groups = new Map();
  for (const r of referrals) {
    if (!groups.has(r.interviewId)) groups.set(r.interviewId, []);
    groups.get(r.interviewId).push(r);
  }
  return card(el('h2', {}, 'People to talk to next'),
    el('p', { class: 'muted' }, 'At the end of a conversation, leaders may name people worth your time. Ask them as you asked before: '
      + 'your request cites the suggestion, and the leader sees who sent you when the one who suggested them allowed it.'),
    referrals.length
      ? [...groups.values()].map(list => el('section', { class: 'referral-group' },
        el('h3', {}, `From your conversation with ${list[0].referredBy.displayName}`,
          el('span', { class: 'small muted' }, ` · ${day(list[0].createdAt)}`)),
        el('ul', { class: 'list' }, list.map(referralItem))))
      : el('div', { class: 'empty' },
        el('p', {}, 'No suggestions yet.'),
        el('p', { class: 'small muted' }, 'Near the end of each interview, ask: “Who else do you think I should talk to?” '
          + 'The people a leader names then appear here.'),
        link('#interviews', 'Your interviews', 'button')));
}

function referralItem(r) {
  const first = firstName(r.person);
  const by = firstName(r.referredBy);
  const outcome = OUTCOME[r.outcome] || { text: r.outcome, cls: '' };
  const ask = link(`#leader/${encodeURIComponent(r.person.id)}/next/${encodeURIComponent(r.id)}`, `Ask ${first}`, 'button small-button');
  const next = {
    NOT_ASKED: ask,
    REQUESTED: link('#sent', 'See my request', 'button secondary small-button'),
    HELD: link('#contacts', 'In your contacts', 'button secondary small-button'),
    DECLINED: link('#find', 'Find another leader', 'button secondary small-button'),
    CLOSED: ask,
  }[r.outcome];
  return el('li', { class: 'request referral' },
    el('div', { class: 'request-head' }, el('strong', {}, r.person.displayName), titleOf(r.person),
      el('span', { class: 'badge ' + outcome.cls }, outcome.text)),
    el('div', { class: 'small muted' }, `Suggested by ${r.referredBy.displayName} ${ago(r.createdAt)} · `,
      el('span', { title: 'How many suggestions led here: 1 is from a conversation you set up yourself' },
        r.depth > 1 ? `${r.depth} links down a chain of suggestions` : 'first link of a chain')),
    r.note && el('p', { class: 'small note-line' }, `${by} wrote:`, el('q', {}, r.note)),
    el('p', { class: 'small' }, r.mayUseName
      ? `You may mention ${by}’s name: ${first} will see who suggested them.`
      : `${by} asked not to be named: ${first} will see “suggested by a colleague”.`),
    r.outcome === 'CLOSED' && el('p', { class: 'small muted' }, 'Your earlier request closed without a meeting; you may ask again.'),
    next && el('div', { class: 'actions' }, next));
}

// ---------------------------------------------------------------- contacts

/** The people the reader met and keeps in touch with (DESIGN rule 9): due first, then coming up, then stopped. */
async function contacts() {
  const [list, digest, program] = await Promise.all([api('me/contacts'), api('me/contacts/digest'),
    api('program').catch(() => ({ keepInTouchDays: 30 }))]);
  const due = list.filter(c => c.due);
  const coming = list.filter(c => !c.due && !c.stopped);
  const stopped = list.filter(c => c.stopped);
  const section = (title, items, note) => items.length > 0 && [el('h3', {}, title, note || ''),
    el('ul', { class: 'list' }, items.map(c => contactItem(c)))];
  return [
    card(el('h2', {}, 'Contacts'),
      el('p', { class: 'muted' }, `Everyone you met in an interview. Crossroads reminds you to touch base every ${plural(program.keepInTouchDays, 'day')} `
        + 'unless you choose otherwise for someone: a short note, an article, congratulations. Keep it light.'),
      digestToggle(digest),
      list.length
        ? [section('Due now', due, el('span', { class: 'count' }, due.length)), section('Coming up', coming), section('Stopped', stopped)]
        : el('div', { class: 'empty' }, el('p', {}, 'No contacts yet.'),
          el('p', { class: 'small muted' }, 'Each leader you meet becomes a contact once the interview is marked as held.'))),
  ];
}

/** The weekly mail of contacts due: saved as soon as it is switched. */
function digestToggle(digest) {
  const id = 'x' + (++formCount);
  const box = el('input', { type: 'checkbox', id, checked: digest.weekly });
  const said = el('div', { class: 'small muted', role: 'status' });
  box.addEventListener('change', async () => {
    const weekly = box.checked;
    box.disabled = true;
    said.textContent = 'Saving…';
    try {
      const saved = await api('me/contacts/digest', { method: 'PUT', body: { weekly } });
      box.checked = saved.weekly;
      said.textContent = saved.weekly ? 'Saved: a mail each week lists the contacts due.' : 'Saved: no weekly mail.';
    } catch (error) {
      box.checked = !weekly;
      if (error.status !== 401) said.replaceChildren(alertBox(error));
    } finally {
      box.disabled = false;
    }
  });
  return el('div', { class: 'field digest' }, el('label', { class: 'check', for: id }, box, ' Mail me the contacts due, once a week'), said);
}

function contactItem(c) {
  const first = firstName(c.person);
  const item = el('li', { class: 'request contact' + (c.due ? ' due' : ''), id: 'contact-' + c.person.id });
  const errorSlot = el('div');
  const touchPath = `me/contacts/${encodeURIComponent(c.person.id)}`;

  const open = form => () => {
    errorSlot.replaceChildren();
    const node = form();
    actions.replaceWith(node);
    node.querySelector('textarea, input, select').focus();
  };

  const touchForm = () => {
    const note = textField('Note (optional, only for you)', { placeholder: `For example: sent ${first} the article we talked about` });
    return inlineForm({ scope: item, actions, errorSlot, label: 'Log touch', busyLabel: 'Saving…', fields: note.node,
      labels: { note: 'Note' },
      submit: async () => {
        const touch = await api(`${touchPath}/touches`, { method: 'POST', body: { note: note.control.value.trim() || null } });
        go('#contacts', `Noted: you were in touch with ${c.person.displayName}${touch.onTime ? ', on time' : ''}. `
          + `The next touch is due in ${plural(c.cadenceDays, 'day')}.`);
      } });
  };

  const changeForm = () => {
    const cadence = numberField('Touch base every', c.cadenceDays, { min: 7, max: 365, unit: 'days (7 to 365)' });
    cadence.node.dataset.field = 'cadenceDays';
    cadence.node.append(fieldError());
    const snoozeId = 'x' + (++formCount);
    const tomorrow = dateToWall(new Date(Date.now() + 86400000)).slice(0, 10);
    const snooze = el('input', { type: 'date', id: snoozeId, min: tomorrow, value: c.snoozedUntil || '' });
    const stopId = 'x' + (++formCount);
    const stop = el('input', { type: 'checkbox', id: stopId, checked: c.stopped });
    const form = inlineForm({ scope: item, actions, errorSlot, label: 'Save', busyLabel: 'Saving…',
      labels: { cadenceDays: 'Every how many days', snoozedUntil: 'Snooze until', stopped: 'Stop' },
      fields: [el('div', { class: 'row two' }, cadence.node,
        el('div', { class: 'field', 'data-field': 'snoozedUntil' }, el('label', { for: snoozeId }, 'Snooze until (optional)'),
          el('p', { class: 'hint' }, 'No reminder before this day.'), snooze, fieldError())),
      el('div', { class: 'field', 'data-field': 'stopped' }, el('label', { class: 'check', for: stopId }, stop, ` Stop reminders about ${first}`),
        el('p', { class: 'hint' }, `${first} stays in your contacts; you can start again any time.`))],
      submit: async () => {
        const days = cadence.control.value === '' ? NaN : Number(cadence.control.value);
        const errors = [];
        if (!Number.isInteger(days) || days < 7 || days > 365) errors.push({ field: 'cadenceDays', message: 'a whole number of days from 7 to 365' });
        if (snooze.value && snooze.value < tomorrow) errors.push({ field: 'snoozedUntil', message: 'a day after today' });
        flagFields(form, errors);
        if (errors.length) throw new ApiError('', 400, errors);
        try {
          await api(touchPath, { method: 'PUT', body: { cadenceDays: days, snoozedUntil: snooze.value || null, stopped: stop.checked } });
        } catch (error) {
          flagFields(form, error.errors);
          throw error;
        }
        go('#contacts', stop.checked ? `No more reminders about ${c.person.displayName}.`
          : `Saved: every ${plural(days, 'day')}${snooze.value ? `, nothing before ${day(snooze.value + 'T12:00:00Z')}` : ''}.`);
      } });
    return form;
  };

  const resume = async event => {
    errorSlot.replaceChildren();
    try {
      await busy(item, event.currentTarget, 'Saving…', () => api(touchPath, { method: 'PUT',
        body: { cadenceDays: c.cadenceDays, snoozedUntil: null, stopped: false } }));
      go('#contacts', `Reminders about ${c.person.displayName} are back on.`);
    } catch (error) {
      if (error.status !== 401) errorSlot.replaceChildren(alertBox(error));
    }
  };

  let actions = el('div', { class: 'actions' },
    el('button', { type: 'button', class: (c.due ? '' : 'secondary ') + 'small-button', onclick: open(touchForm) }, 'Log a touch…'),
    c.stopped
      ? el('button', { type: 'button', class: 'secondary small-button', onclick: resume }, 'Start reminders again')
      : el('button', { type: 'button', class: 'secondary small-button', onclick: open(changeForm) }, 'Reminders…'));

  const next = c.stopped ? 'No reminders' : c.nextTouchDue
    ? (c.due ? `Due ${ago(c.nextTouchDue)}` : `Next touch ${ago(c.nextTouchDue)}`) : null;
  item.append(...nodes(
    el('div', { class: 'request-head' }, el('strong', {}, c.person.displayName), titleOf(c.person),
      c.due && el('span', { class: 'badge PENDING' }, 'Due'),
      c.snoozedUntil && !c.stopped && el('span', { class: 'badge' }, `Snoozed until ${day(c.snoozedUntil + 'T12:00:00Z')}`)),
    el('div', { class: 'small muted' }, [
      `Met ${day(c.metAt)}`,
      c.lastTouch ? `last touch ${ago(c.lastTouch)}` : 'no touch yet',
      next && el('span', { class: c.due ? 'warning' : '', title: c.nextTouchDue ? when(c.nextTouchDue) : null }, next),
      !c.stopped && `every ${plural(c.cadenceDays, 'day')}`,
      c.touchesDue > 0 && `${c.touchesOnTime} of ${plural(c.touchesDue, 'touch', 'touches')} on time`,
    ].filter(Boolean).flatMap((part, n) => n ? [' · ', part] : [part])),
    actions,
    errorSlot));
  return item;
}

// ---------------------------------------------------------------- talent

/** What leaders said about the reader (DESIGN rule 10), whether HR may see the flags, and offers of mentoring (rule 11). */
async function talent() {
  const view = await api('me/talent');
  const flagged = view.feedback.filter(f => f.talentPool).length;
  return [
    consentCard(view.consent, flagged),
    card(el('h2', {}, 'What leaders said'),
      view.feedback.length
        ? el('ul', { class: 'list' }, view.feedback.map(feedbackItem))
        : el('div', { class: 'empty' }, el('p', { class: 'muted' }, 'Nothing yet. After a held interview, a leader may note your strengths and flag you for the talent pool.'))),
    view.mentoring.length > 0 && card(el('h2', {}, 'Offers of mentoring'),
      el('p', { class: 'muted' }, 'An informational interview is not a mentorship; some leaders offer one. Nothing is assumed until you answer.'),
      el('ul', { class: 'list' }, view.mentoring.map(mentoringItem))),
  ];
}

/** The employee decides whether HR sees their talent flags; saved as soon as it is switched, both ways. */
function consentCard(consent, flagged) {
  const id = 'x' + (++formCount);
  const box = el('input', { type: 'checkbox', id, checked: consent.visibleToHr, 'aria-describedby': id + '-about' });
  const said = el('div', { role: 'status' });
  const changed = el('p', { class: 'small muted' });
  const showChanged = at => { changed.textContent = at ? `Last changed ${when(at)}.` : 'You have not changed this yet: it is off.'; };
  showChanged(consent.changedAt);
  box.addEventListener('change', async () => {
    const visibleToHr = box.checked;
    box.disabled = true;
    said.replaceChildren();
    try {
      const saved = await api('me/talent-pool-consent', { method: 'PUT', body: { visibleToHr } });
      box.checked = saved.visibleToHr;
      showChanged(saved.changedAt);
      said.replaceChildren(el('p', { class: 'alert success' }, saved.visibleToHr
        ? 'Saved: HR can now see your talent flags.' : 'Saved: HR no longer sees your talent flags.'));
    } catch (error) {
      box.checked = !visibleToHr;
      if (error.status !== 401) said.replaceChildren(alertBox(error));
    } finally {
      box.disabled = false;
    }
  });
  return card(el('h2', {}, 'Talent pool'),
    el('p', {}, flagged
      ? `${plural(flagged, 'leader has', 'leaders have')} flagged you for the talent pool.`
      : 'No leader has flagged you for the talent pool yet.'),
    el('div', { class: 'field consent' },
      el('label', { class: 'check', for: id }, box, ' Let HR see the talent flags leaders give me'),
      el('p', { class: 'hint', id: id + '-about' }, 'While this is on, HR can see the talent-pool flags leaders gave you, with the strengths they named. '
        + 'While it is off, HR sees none of them. You can turn it off at any time, and it takes effect at once. '
        + 'Your private notes never reach HR.'),
      changed),
    said);
}

function feedbackItem(f) {
  return el('li', { class: 'request' },
    el('div', { class: 'request-head' }, el('strong', {}, f.leader ? f.leader.displayName : 'A leader'), titleOf(f.leader),
      f.talentPool && el('span', { class: 'badge good' }, 'Talent-pool flag'),
      el('span', { class: 'small muted', title: when(f.givenAt) }, ago(f.givenAt))),
    f.strengths.length > 0 && el('div', { class: 'chips' }, el('span', { class: 'small muted' }, 'Strengths '),
      f.strengths.map(s => el('span', { class: 'chip' }, s))),
    f.note && el('p', { class: 'small note-line' }, el('q', {}, f.note)));
}

function mentoringItem(o) {
  const first = firstName(o.leader);
  const item = el('li', { class: 'request' });
  const errorSlot = el('div');
  const answer = accepted => async event => {
    errorSlot.replaceChildren();
    try {
      await busy(item, event.currentTarget, 'Saving…', () => api(`me/mentoring-offers/${encodeURIComponent(o.interviewId)}`,
        { method: 'PUT', body: { accepted } }));
      go('#talent', accepted ? `You accepted ${o.leader.displayName}’s offer. Agree with ${first} how often to meet.`
        : `You declined ${o.leader.displayName}’s offer.`);
    } catch (error) {
      if (error.status !== 401) errorSlot.replaceChildren(alertBox(error));
    }
  };
  item.append(...nodes(
    el('div', { class: 'request-head' }, el('strong', {}, o.leader.displayName), titleOf(o.leader),
      o.answer && el('span', { class: 'badge ' + (o.answer === 'ACCEPTED' ? 'good' : '') }, o.answer === 'ACCEPTED' ? 'Accepted' : 'Declined')),
    el('div', { class: 'small muted' }, `Offered ${ago(o.offeredAt)}`, o.answeredAt ? ` · answered ${ago(o.answeredAt)}` : ''),
    !o.answer && el('div', { class: 'actions' },
      el('button', { type: 'button', class: 'small-button', onclick: answer(true) }, 'Accept'),
      el('button', { type: 'button', class: 'secondary small-button', onclick: answer(false) }, 'Decline')),
    errorSlot));
  return item;
}

// ---------------------------------------------------------------- availability (leaders)

const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const dayName = d => capital(d.toLowerCase());

async function availability() {
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

function numberField(label, value, { min = 0, max, hint, unit } = {}) {
  const id = 'x' + (++formCount);
  const control = el('input', { type: 'number', id, value, min, max, step: 1, inputmode: 'numeric' });
  return { control, node: el('div', { class: 'field' }, el('label', { for: id }, label),
    hint && el('p', { class: 'hint' }, hint), el('div', { class: 'with-unit' }, control, unit && el('span', { class: 'small muted' }, unit))) };
}

function availabilityCard(av) {
  const problems = el('div');
  const save = el('button', { type: 'submit' }, 'Save availability');

  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const currentZone = av.timeZone || zone;
  const zoneId = 'x' + (++formCount);
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
  const id = () => 'x' + (++formCount);
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

// ---------------------------------------------------------------- cohort rounds (HR)

const ROUNDS_PAGE = 10;
const MATCHES_PAGE = 20;
const POLL_MS = 1500;
const activeRound = round => round.status === 'QUEUED' || round.status === 'RUNNING';

async function cohorts() {
  if (!me.roles.includes('HR')) {
    return card(el('h2', {}, 'Cohorts'), el('p', { class: 'alert warning' }, 'Only HR runs cohort rounds.'));
  }
  const rounds = roundList(renderCount);
  const form = cohortForm(round => rounds.refresh(0, round.id));
  await rounds.load(0);
  return [form, rounds.node];
}

function cohortForm(onStarted) {
  const problems = el('div');
  const submit = el('button', { type: 'submit' }, 'Start round');
  const nameId = 'x' + (++formCount);
  const name = el('input', { id: nameId, maxlength: 200, autocomplete: 'off', placeholder: 'For example: Finance, spring intake' });
  const boxes = divisionChoices(divisions, [], d => d.headcount != null ? `(${number(d.headcount)})` : null);
  const intros = numberField('Introductions per employee', 2, { min: 1, max: 10, unit: 'leaders each (1 to 10)' });
  intros.node.dataset.field = 'introsPerEmployee';
  intros.node.append(fieldError());
  const labels = { name: 'Name', divisionIds: 'Divisions', employeeIds: 'Divisions', introsPerEmployee: 'Introductions per employee' };
  const fieldOf = field => field === 'employeeIds' ? 'divisionIds' : field;
  let lastBody = null;
  let key = null;

  const form = el('form', { novalidate: true, onsubmit: async event => {
    event.preventDefault();
    problems.replaceChildren();
    const k = intros.control.value === '' ? NaN : Number(intros.control.value);
    const body = { name: name.value.trim(), divisionIds: checkedValues(boxes), introsPerEmployee: k };
    const errors = [];
    if (!body.name) errors.push({ field: 'name', message: 'give the round a name' });
    if (!body.divisionIds.length) errors.push({ field: 'divisionIds', message: 'pick at least one division' });
    if (!Number.isInteger(k) || k < 1 || k > 10) errors.push({ field: 'introsPerEmployee', message: 'a whole number from 1 to 10' });
    if (errors.length) {
      flagFields(form, errors);
      problems.replaceChildren(alertBox(new ApiError('', 400, errors), labels));
      return;
    }
    flagFields(form, []);
    const serialized = JSON.stringify(body);
    if (serialized !== lastBody) { lastBody = serialized; key = newKey(); } // a retry does not start a second round
    try {
      const round = await busy(form, submit, 'Starting…', () =>
        api('cohorts', { method: 'POST', body, headers: { 'Idempotency-Key': key } }));
      form.reset();
      lastBody = null;
      await onStarted(round);
      problems.replaceChildren(el('div', { class: 'alert success', role: 'status' },
        `Round “${round.name}” started for ${number(round.employees)} ${round.employees === 1 ? 'employee' : 'employees'}. Follow its progress below.`));
    } catch (error) {
      if (error.status === 401) return;
      flagFields(form, error.errors, fieldOf);
      problems.replaceChildren(alertBox(error, labels));
    }
  } },
    el('div', { class: 'field', 'data-field': 'name' }, el('label', { for: nameId }, 'Name'), name, fieldError()),
    el('fieldset', { class: 'field', 'data-field': 'divisionIds' }, el('legend', {}, 'Divisions'),
      el('p', { class: 'hint' }, 'Everyone in these divisions takes part (headcount in brackets).'), boxes, fieldError()),
    intros.node,
    problems,
    el('div', { class: 'actions' }, submit));
  unflagOnInput(form, problems);
  return card(el('h2', {}, 'Start a cohort round'),
    el('p', { class: 'muted' }, 'Crossroads introduces each employee of the chosen divisions to leaders in other divisions: '
      + 'the best fit for the cohort as a whole, within every leader’s free places this month.'), form);
}

/** Rounds, newest first; while one is queued or running, its progress refreshes until the reader leaves the page. */
function roundList(ticket) {
  let offset = 0;
  let timer = null;
  let stopped = false;
  let openWhenDone = null; // the round just started: its introductions open once it is done
  let items = [];
  const body = el('div');
  const trouble = el('p', { class: 'small warning', role: 'status', hidden: true });
  const node = card(el('h2', {}, 'Rounds'),
    el('p', { class: 'hint' }, 'Total score adds up the scores of all introductions. Greedy score is what letting each employee '
      + 'in turn take their best free leader would reach; a round picks the best assignment for the whole cohort instead.'),
    trouble, body);
  const gone = () => stopped || ticket !== renderCount;
  onLeave(() => { stopped = true; clearTimeout(timer); });

  async function load(newOffset, started = null) {
    const page = await api('cohorts?' + new URLSearchParams({ limit: String(ROUNDS_PAGE), offset: String(newOffset) }));
    offset = newOffset;
    if (started) openWhenDone = started;
    items = page.items.map(round => roundItem(round, round.id === openWhenDone));
    body.replaceChildren(...nodes(items.length
      ? [el('ul', { class: 'list' }, items.map(i => i.node)),
        pager({ offset, count: items.length, total: page.total, size: ROUNDS_PAGE, what: 'rounds', goTo: o => refresh(o) })]
      : el('div', { class: 'empty' }, el('p', { class: 'muted' }, 'No rounds yet. Start one above.'))));
    schedule(POLL_MS);
  }

  async function refresh(newOffset, started) {
    body.setAttribute('aria-busy', 'true');
    try {
      await load(newOffset, started);
    } catch (error) {
      if (error.status !== 401) body.replaceChildren(alertBox(error),
        el('button', { type: 'button', class: 'secondary', onclick: () => refresh(offset) }, 'Try again'));
    } finally {
      body.removeAttribute('aria-busy');
    }
  }

  function schedule(delay) {
    clearTimeout(timer);
    if (gone() || !items.some(i => activeRound(i.round()))) return;
    timer = setTimeout(poll, delay);
  }

  async function poll() {
    if (gone()) return;
    if (document.hidden) { schedule(POLL_MS); return; }
    const running = items.filter(i => activeRound(i.round()));
    try {
      const fresh = await Promise.all(running.map(i => api('cohorts/' + encodeURIComponent(i.round().id))));
      if (gone()) return;
      fresh.forEach((round, n) => running[n].update(round));
      trouble.hidden = true;
      schedule(POLL_MS);
    } catch (error) {
      if (error.status === 401 || gone()) return;
      trouble.textContent = `Progress could not be refreshed (${error.message}) Trying again.`;
      trouble.hidden = false;
      schedule(5000);
    }
  }

  return { node, load, refresh };
}

function roundItem(initial, openWhenDone) {
  let round = initial;
  const node = el('li', { class: 'round' });
  const matchesId = 'x' + (++formCount);
  let matches = null; // the table of introductions, once opened
  let outcome = null; // coverage, scores and leaders' load, once done
  const toggle = el('button', { type: 'button', class: 'secondary small-button', 'aria-expanded': 'false',
    'aria-controls': matchesId, onclick: () => show(!matches || matches.hidden) }, 'Show introductions');

  function show(open) {
    if (open && !matches) matches = matchTable(round, matchesId);
    if (matches) matches.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    toggle.textContent = open ? 'Hide introductions' : 'Show introductions';
    render();
  }

  function meta() {
    const took = round.startedAt && round.finishedAt
      ? Math.max(1, Math.round((new Date(round.finishedAt) - new Date(round.startedAt)) / 1000)) : null;
    return el('div', { class: 'small muted' }, [`${number(round.employees)} ${round.employees === 1 ? 'employee' : 'employees'}`,
      `${plural(round.introsPerEmployee, 'introduction')} each`,
      el('span', { title: when(round.createdAt) }, `started ${ago(round.createdAt)}`),
      took && (took < 120 ? `took ${took} s` : `took ${Math.round(took / 60)} min`)]
      .filter(Boolean).flatMap((part, n) => n ? [' · ', part] : [part]));
  }

  const progress = el('progress', { 'aria-label': `Progress of ${round.name}` });
  const progressText = el('span', { class: 'small muted' });
  // Updated every second or two: kept out of the page's polite announcements.
  const progressLine = el('div', { class: 'progress-line', 'aria-live': 'off' }, progress, progressText);
  function updateProgress() {
    const { done, total } = round.progress;
    progress.max = Math.max(total, 1);
    if (round.status === 'RUNNING') progress.value = done; else progress.removeAttribute('value');
    progressText.textContent = round.status === 'QUEUED' ? 'Waiting to start…'
      : `Working: ${number(done)} of ${number(total)} steps (${total ? Math.floor(100 * done / total) : 0} %)`;
  }

  function render() {
    let detail = null;
    if (activeRound(round)) {
      updateProgress();
      detail = progressLine;
    } else if (round.status === 'FAILED') {
      detail = el('p', { class: 'alert error' }, 'This round failed: ', (round.error || 'no reason given').replace(/\.$/, ''), '. Start it again.');
    } else if (round.status === 'DONE') {
      detail = [roundStats(round), outcome || (outcome = roundOutcome(round)), el('div', { class: 'actions' }, toggle), matches];
    }
    node.replaceChildren(...nodes(
      el('div', { class: 'request-head' }, el('strong', {}, round.name), badge(round.status)), meta(), detail));
  }

  function update(fresh) {
    const changed = fresh.status !== round.status;
    round = fresh;
    if (!changed) { updateProgress(); return; }
    render();
    if (round.status === 'DONE' && openWhenDone) show(true);
  }

  render();
  if (round.status === 'DONE' && openWhenDone) show(true);
  return { node, update, round: () => round };
}

function roundStats(round) {
  const gain = round.greedyScore > 0 ? 100 * (round.totalScore - round.greedyScore) / round.greedyScore : null;
  const stat = (label, value, note) => el('div', {}, el('dt', {}, label), el('dd', {}, value, note && el('span', { class: 'small' }, note)));
  return el('dl', { class: 'stats' },
    stat('Introductions', number(round.matched)),
    stat('Employees without one', number(round.unmatched)),
    stat('Total score', number(round.totalScore),
      gain != null ? `${gain >= 0 ? '+' : '−'}${Math.abs(gain).toFixed(1)} % vs greedy` : null),
    stat('Greedy score', number(round.greedyScore)));
}

/** A finished round's outcome: whom it reached, how its scores spread, which leaders it asked most of. */
function roundOutcome(round) {
  const node = el('div', { class: 'small' }, el('p', { class: 'muted' }, 'Loading the outcome…'));
  const BUSIEST = 5;
  api(`cohorts/${encodeURIComponent(round.id)}/outcome`).then(o => {
    const s = o.scores;
    const busiest = o.leaders.slice(0, BUSIEST).map(l => `${l.leader ? l.leader.displayName : l.leaderId} (${number(l.introductions)})`);
    node.replaceChildren(...nodes(
      el('p', {}, `Reached ${number(o.introduced)} of ${number(o.employees)} employees (${Math.round(100 * o.coverage)} %).`),
      o.introductions > 0 && el('p', {}, `Scores from ${number(s.min)} to ${number(s.max)}, median ${number(s.median)} `
        + `(middle half ${number(s.lowerQuartile)}–${number(s.upperQuartile)}).`),
      busiest.length > 0 && el('p', {}, `${plural(o.leaders.length, 'leader')} took introductions; most: ${busiest.join(', ')}`
        + (o.leaders.length > BUSIEST ? ', …' : '') + '.'),
      el('p', { class: 'muted' }, 'Why each leader was chosen is for the employee alone: they see it in Crossroads.')));
  }).catch(error => {
    if (error.status !== 401) node.replaceChildren(alertBox(error));
  });
  return node;
}

/** Previous and next through a list of `{items, total}`. */
function pager({ offset, count, total, size, what, goTo }) {
  if (total <= size && offset === 0) return null;
  return el('div', { class: 'pager' },
    el('span', { class: 'small muted' }, `${number(offset + 1)}–${number(offset + count)} of ${number(total)} ${what}`),
    el('button', { type: 'button', class: 'secondary small-button', disabled: offset === 0,
      onclick: () => goTo(Math.max(0, offset - size)) }, '← Previous'),
    el('button', { type: 'button', class: 'secondary small-button', disabled: offset + count >= total,
      onclick: () => goTo(offset + size) }, 'Next →'));
}

/** A finished round's introductions, a page at a time. */
function matchTable(round, id) {
  const node = el('div', { class: 'matches', id, tabindex: '-1' });
  async function load(offset, focus) {
    node.setAttribute('aria-busy', 'true');
    node.querySelectorAll('button').forEach(b => { b.disabled = true; });
    if (!node.children.length) node.append(el('p', { class: 'small muted' }, 'Loading introductions…'));
    try {
      const page = await api(`cohorts/${encodeURIComponent(round.id)}/matches?` + new URLSearchParams({
        limit: String(MATCHES_PAGE), offset: String(offset) }));
      if (!page.items.length) {
        node.replaceChildren(el('p', { class: 'empty muted' }, 'This round made no introductions.'));
        return;
      }
      const from = offset + 1;
      const to = offset + page.items.length;
      const cell = (label, ...content) => el('td', { role: 'cell', 'data-label': label }, ...content);
      node.replaceChildren(...nodes(
        el('div', { class: 'table-wrap' }, el('table', { class: 'matches', role: 'table' },
          el('caption', {}, `Introductions ${number(from)}–${number(to)} of ${number(page.total)}`),
          el('thead', {}, el('tr', { role: 'row' }, ['Employee', 'Leader'].map(h =>
            el('th', { scope: 'col', role: 'columnheader' }, h)))),
          el('tbody', {}, page.items.map(m => el('tr', { role: 'row' },
            cell('Employee', m.employee ? m.employee.displayName : m.employeeId),
            cell('Leader', m.leader ? m.leader.displayName : m.leaderId)))))),
        pager({ offset, count: page.items.length, total: page.total, size: MATCHES_PAGE, what: 'introductions',
          goTo: o => load(o, true) })));
      if (focus) { node.focus(); node.scrollIntoView({ block: 'start' }); }
    } catch (error) {
      if (error.status === 401) return;
      node.replaceChildren(alertBox(error), el('button', { type: 'button', class: 'secondary small-button', onclick: () => load(offset) }, 'Try again'));
    } finally {
      node.removeAttribute('aria-busy');
    }
  }
  load(0);
  return node;
}

// ---------------------------------------------------------------- directory (HR)

const JOBS_PAGE = 10;
const PROBLEMS_PAGE = 50;
const activeJob = job => job.status === 'QUEUED' || job.status === 'RUNNING';
views.directory = directoryView;

/** HR loads the directory: a CSV export of the HR system, or a sync from Keycloak; both run as jobs listed below. */
async function directoryView() {
  if (!me.roles.includes('HR')) {
    return card(el('h2', {}, 'Directory'), el('p', { class: 'alert warning' }, 'Only HR loads the directory.'));
  }
  const ticket = renderCount;
  const panelOf = job => job.kind === 'SYNC' ? sync : importer;
  const history = jobHistory(ticket, job => panelOf(job).follow(job.id, { focus: true, fresh: false }));
  const importer = importCard(ticket, () => history.refresh(0));
  const sync = syncCard(ticket, () => history.refresh(0));
  const page = await history.load(0);
  // A job still under way when the page opens is followed where it is started.
  for (const kind of ['IMPORT', 'SYNC']) {
    const running = page.items.find(job => job.kind === kind && activeJob(job));
    if (running) panelOf(running).follow(running.id);
  }
  return [importer.node, sync.node, history.node];
}

function importCard(ticket, onChange) {
  const problems = el('div');
  const fileId = 'x' + (++formCount);
  const hintId = fileId + '-hint';
  const fullId = 'x' + (++formCount);
  const file = el('input', { id: fileId, type: 'file', accept: '.csv,text/csv', 'aria-describedby': hintId });
  const full = el('input', { id: fullId, type: 'checkbox', 'aria-describedby': fullId + '-hint' });
  const submit = el('button', { type: 'submit' }, 'Import');
  const panel = jobPanel(ticket, 'Import', onChange);
  const labels = { body: 'File', 'Content-Type': 'File', file: 'File' };

  const form = el('form', { novalidate: true, onsubmit: async event => {
    event.preventDefault();
    problems.replaceChildren();
    const chosen = file.files[0];
    if (!chosen) {
      const errors = [{ field: 'file', message: 'choose the CSV file to import' }];
      flagFields(form, errors);
      problems.replaceChildren(alertBox(new ApiError('', 400, errors), labels));
      return;
    }
    flagFields(form, []);
    try {
      const accepted = await busy(form, submit, 'Uploading…', () =>
        api('directory/import' + (full.checked ? '?full=true' : ''),
          { method: 'POST', body: chosen, headers: { 'Content-Type': 'text/csv' } }));
      panel.follow(accepted.jobId);
      onChange();
    } catch (error) {
      if (error.status === 401) return;
      flagFields(form, error.errors, () => 'file');
      problems.replaceChildren(alertBox(error, labels));
    } finally {
      // A file edited after it was chosen can no longer be read: after a fix it is chosen again.
      file.value = '';
    }
  } },
    el('div', { class: 'field', 'data-field': 'file' },
      el('label', { for: fileId }, 'CSV file'),
      el('p', { class: 'hint', id: hintId }, 'One person a line, UTF-8, with a header line naming the columns. Required: ',
        el('code', {}, 'username'), ', ', el('code', {}, 'displayName'), ', ', el('code', {}, 'email'), ', ',
        el('code', {}, 'division'), ', ', el('code', {}, 'level'), ' (1 to 15), ', el('code', {}, 'timeZone'),
        ' (such as Europe/Berlin). Optional: title, manager (a user name), leader, hr, active (true or false), '
        + 'movedOn, hiredOn, leftOn (YYYY-MM-DD).'),
      file, fieldError()),
    el('div', { class: 'field' },
      el('label', { class: 'check', for: fullId }, full, 'This file is the whole company'),
      el('p', { class: 'hint', id: fullId + '-hint' }, 'Then everyone it leaves out leaves Crossroads: they are kept for '
        + 'history, and their open requests are closed. Leave it unticked to add and change only the people the file lists.')),
    problems,
    el('div', { class: 'actions' }, submit));
  unflagOnInput(form, problems);
  file.addEventListener('change', () => { flagFields(form, []); problems.replaceChildren(); });

  const node = card(el('h2', {}, 'Directory'),
    el('p', { class: 'muted' }, 'People come from the company’s HR system. Every line of a file is checked before anything '
      + 'changes: a file with a problem changes nothing, and each problem is listed with its line, so it can be fixed in '
      + 'the file and the file imported again. The same file imported twice changes nothing.'),
    el('h3', {}, 'Import a CSV export'), form, panel.node);
  return { node, follow: panel.follow };
}

function syncCard(ticket, onChange) {
  const problems = el('div');
  const panel = jobPanel(ticket, 'Sync', onChange);
  const button = el('button', { type: 'button', class: 'secondary', onclick: async () => {
    problems.replaceChildren();
    try {
      const accepted = await busy(node, button, 'Starting…', () => api('directory/sync', { method: 'POST' }));
      panel.follow(accepted.jobId);
      onChange();
    } catch (error) {
      if (error.status === 401) return;
      problems.replaceChildren(error.is('sync-not-configured')
        ? el('div', { class: 'alert warning', role: 'alert' },
          el('strong', {}, 'This Crossroads is not connected to Keycloak, so there is nothing to sync from. '),
          'Whoever runs Crossroads can connect it: ', error.message)
        : alertBox(error));
    }
  } }, 'Sync from Keycloak');
  const node = card(el('h2', {}, 'Sync from Keycloak'),
    el('p', { class: 'muted' }, 'Where people sign in with Keycloak, Crossroads reads them from it: each user with their '
      + 'group as division and their roles. Whoever Keycloak no longer has leaves Crossroads, as with a whole-company file.'),
    el('div', { class: 'actions' }, button), problems, panel.node);
  return { node, follow: panel.follow };
}

/**
 * One job followed as it runs: a status line announced when the job's state changes, a progress bar kept out of the
 * announcements, and once it ends what it changed or the problems it found, by line.
 */
function jobPanel(ticket, noun, onEnd) {
  let timer = null;
  let stopped = false;
  let followed = null;
  let said = null; // the state last announced
  let tellEnd = false; // whether the job's end is news for the list of jobs
  const status = el('p', { role: 'status', class: 'job-status' });
  const bar = el('progress', { 'aria-label': `${noun} progress`, max: '1' });
  const barText = el('span', { class: 'small muted' });
  const barLine = el('div', { class: 'progress-line', 'aria-live': 'off', hidden: true }, bar, barText);
  const detail = el('div');
  const node = el('div', { class: 'job', tabindex: '-1' }, status, barLine, detail);
  const gone = () => stopped || ticket !== renderCount;
  onLeave(() => { stopped = true; clearTimeout(timer); });

  /** Follows a job; `fresh` when the list of jobs should hear of its end, as it should of a job started here. */
  function follow(id, { focus = false, fresh = true } = {}) {
    followed = id;
    said = null;
    tellEnd = fresh;
    detail.replaceChildren();
    if (focus) { node.scrollIntoView({ block: 'start' }); node.focus({ preventScroll: true }); }
    poll();
  }

  async function poll() {
    clearTimeout(timer);
    const id = followed;
    if (gone() || !id) return;
    try {
      const job = await api('jobs/' + encodeURIComponent(id));
      if (gone() || id !== followed) return;
      show(job);
      if (activeJob(job)) timer = setTimeout(poll, POLL_MS);
      else if (tellEnd) { tellEnd = false; onEnd(job); }
    } catch (error) {
      if (error.status === 401 || gone() || id !== followed) return;
      status.className = 'job-status small warning';
      status.textContent = `Progress could not be refreshed (${error.message}) Trying again.`;
      said = 'trouble';
      timer = setTimeout(poll, 5000);
    }
  }

  function show(job) {
    const { done, total } = job.progress;
    barLine.hidden = job.status === 'FAILED';
    bar.max = Math.max(total, 1);
    if (job.status === 'QUEUED') bar.removeAttribute('value');
    else bar.value = job.status === 'DONE' ? bar.max : done;
    barText.textContent = job.status === 'QUEUED' ? 'Waiting to start…'
      : job.status === 'DONE' ? `All ${number(total)} steps done`
      : `Checking and applying: ${number(done)} of ${number(total)} steps (${total ? Math.floor(100 * done / total) : 0} %)`;
    if (said === job.status) return;
    said = job.status;
    const started = job.kind === 'SYNC' ? 'sync' : 'import';
    if (job.status === 'QUEUED' || job.status === 'RUNNING') {
      status.className = 'job-status';
      status.textContent = `${capital(started)} ${job.status === 'QUEUED' ? 'waiting to start' : 'running'}…`;
    } else if (job.status === 'DONE') {
      status.className = 'job-status alert success';
      status.textContent = `${capital(started)} finished ${when(job.finishedAt)}: ${changesText(job)}.`;
      detail.replaceChildren(...nodes(job.changes && changesStats(job.changes)));
    } else {
      const lines = job.errors.length;
      status.className = 'job-status alert error';
      const them = lines === 1 ? 'it' : 'them';
      status.textContent = `${capital(started)} failed: ${(job.error || 'no reason given').replace(/\.$/, '')}.`
        + (lines ? ` The ${lines === 1 ? 'problem is' : 'problems are'} listed below: `
          + (job.kind === 'SYNC' ? `fix ${them} in Keycloak, then sync again.`
            : `fix ${them} in the file, then choose the file again and import it.`) : '');
      detail.replaceChildren(...nodes(lines > 0 && problemTable(job.errors)));
    }
  }

  return { node, follow };
}

/** What a finished job changed, in words: "2 created, 1 updated, 40 unchanged". */
function changesText(job) {
  const c = job.changes;
  if (!c) return job.summary || 'done';
  const parts = [[c.created, 'created'], [c.updated, 'updated'], [c.moved, 'moved division'],
    [c.deactivated, 'deactivated'], [c.unchanged, 'unchanged']].filter(([n]) => n > 0)
    .map(([n, what]) => `${number(n)} ${what}`);
  return parts.length ? parts.join(', ') : 'nobody listed';
}

function changesStats(c) {
  const stat = (label, value) => el('div', {}, el('dt', {}, label), el('dd', {}, number(value)));
  return el('dl', { class: 'stats' }, stat('Created', c.created), stat('Updated', c.updated),
    stat('Moved division', c.moved), stat('Deactivated', c.deactivated), stat('Unchanged', c.unchanged));
}

/** The problems a file had, by line and column, a page at a time. */
function problemTable(errors) {
  const node = el('div', { class: 'job-problems' });
  const cell = (label, ...content) => el('td', { 'data-label': label }, ...content);
  function draw(offset) {
    const shown = errors.slice(offset, offset + PROBLEMS_PAGE);
    const range = errors.length > PROBLEMS_PAGE ? ` (${number(offset + 1)}–${number(offset + shown.length)} of ${number(errors.length)})` : '';
    node.replaceChildren(...nodes(
      el('div', { class: 'table-wrap' }, el('table', { class: 'figures stack problems' },
        el('caption', {}, `Problems in the file${range}, by line: line 1 is the header, as text editors and spreadsheets count`),
        el('thead', {}, el('tr', {}, ['Line', 'Column', 'Problem'].map(h => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, shown.map(e => el('tr', {},
          cell('Line', number(e.line)),
          cell('Column', e.field ? el('code', {}, e.field) : 'the whole line'),
          cell('Problem', capital(e.message) + (/[.!?]$/.test(e.message) ? '' : '.'))))))),
      pager({ offset, count: shown.length, total: errors.length, size: PROBLEMS_PAGE, what: 'problems', goTo: o => draw(o) })));
  }
  draw(0);
  return node;
}

/** Imports and syncs, newest first, a page at a time. */
function jobHistory(ticket, openProblems) {
  let offset = 0;
  const body = el('div');
  const node = card(el('h2', {}, 'Recent imports and syncs'), body);
  const cell = (label, ...content) => el('td', { 'data-label': label }, ...content);

  function result(job) {
    if (job.status === 'DONE') return changesText(job);
    if (job.status === 'FAILED') {
      return job.problems
        ? [plural(job.problems, 'problem'), job.kind === 'SYNC' ? ' among Keycloak’s users. ' : ' in the file. ',
          el('button', { type: 'button', class: 'link', onclick: () => openProblems(job) }, 'Show them')]
        : job.error || 'Failed.';
    }
    const { done, total } = job.progress;
    return job.status === 'QUEUED' ? 'Waiting to start' : `${total ? Math.floor(100 * done / total) : 0} % done`;
  }

  async function load(newOffset) {
    const page = await api('jobs?' + new URLSearchParams({ limit: String(JOBS_PAGE), offset: String(newOffset) }));
    if (ticket !== renderCount) return page;
    offset = newOffset;
    body.replaceChildren(...nodes(page.items.length
      ? [el('div', { class: 'table-wrap' }, el('table', { class: 'figures stack jobs' },
        el('caption', {}, 'Newest first'),
        el('thead', {}, el('tr', {}, ['Started', 'What', 'Status', 'Result', 'Finished'].map(h => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, page.items.map(job => el('tr', {},
          cell('Started', job.startedAt ? when(job.startedAt) : `Queued ${when(job.createdAt)}`),
          cell('What', job.kind === 'SYNC' ? 'Sync from Keycloak' : job.fullSnapshot ? 'Import (whole company)' : 'Import'),
          cell('Status', badge(job.status)),
          cell('Result', result(job)),
          cell('Finished', job.finishedAt ? when(job.finishedAt) : '—')))))),
      pager({ offset, count: page.items.length, total: page.total, size: JOBS_PAGE, what: 'jobs', goTo: o => refresh(o) })]
      : el('p', { class: 'empty muted' }, 'No imports or syncs yet.')));
    return page;
  }

  async function refresh(newOffset = offset) {
    body.setAttribute('aria-busy', 'true');
    try {
      await load(newOffset);
    } catch (error) {
      if (error.status !== 401) body.replaceChildren(alertBox(error),
        el('button', { type: 'button', class: 'secondary', onclick: () => refresh(offset) }, 'Try again'));
    } finally {
      body.removeAttribute('aria-busy');
    }
  }

  return { node, load, refresh };
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
