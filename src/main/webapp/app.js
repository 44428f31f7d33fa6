'use strict';
// The portal: a thin client of the REST API, signed in by the session cookie.

const main = document.getElementById('main');
let me = null;
let divisions = [];

async function api(path, options = {}) {
  const response = await fetch('api/' + path, {
    ...options,
    headers: { 'X-Requested-With': 'fetch', 'Accept': 'application/json',
               ...(options.body ? { 'Content-Type': 'application/json' } : {}) },
    body: options.body ? JSON.stringify(options.body) : undefined,
  });
  if (response.status === 401) { location.href = 'login.html'; throw new Error('signed out'); }
  const body = response.status === 204 ? null : await response.json();
  if (!response.ok) {
    const fields = (body.errors || []).map(e => `${e.field}: ${e.message}`).join('; ');
    throw new Error(body.detail + (fields ? ' ' + fields : ''));
  }
  return body;
}

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (value !== false && value != null) node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child != null) node.append(child instanceof Node ? child : document.createTextNode(child));
  }
  return node;
}

const when = iso => new Date(iso).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
const badge = status => el('span', { class: 'badge ' + status }, status.replace('_', ' '));
const divisionName = id => (divisions.find(d => d.id === id) || {}).name || '';

function show(view) {
  document.querySelectorAll('#nav button').forEach(b => b.classList.toggle('active', b.dataset.view === view));
  main.replaceChildren();
  ({ find, sent, received, interviews })[view]().catch(error => main.append(el('p', { class: 'error' }, error.message)));
}

async function find() {
  const results = el('ul', { class: 'list' });
  const q = el('input', { placeholder: 'Name, title or topic', 'aria-label': 'Search' });
  const division = el('select', { 'aria-label': 'Division' }, el('option', { value: '' }, 'Any other division'),
    divisions.filter(d => d.id !== me.divisionId).map(d => el('option', { value: d.id }, d.name)));
  const search = async () => {
    const params = new URLSearchParams({ leadersOnly: 'true', limit: '30', q: q.value });
    if (division.value) params.set('divisionId', division.value);
    const page = await api('people?' + params);
    results.replaceChildren(...page.items.filter(p => p.divisionId !== me.divisionId).map(p =>
      el('li', {}, el('span', {}, el('strong', {}, p.displayName), ' · ', p.title, ' · ',
        el('span', { class: 'muted' }, p.divisionName)),
        el('button', { class: 'secondary', onclick: () => profile(p.id) }, 'View'))));
    if (!results.children.length) results.append(el('li', { class: 'muted' }, 'No leaders found.'));
  };
  main.append(el('section', { class: 'card' }, el('h2', {}, 'Find a leader in another division'),
    el('div', { class: 'row' }, q, division, el('button', { onclick: search }, 'Search')), results));
  q.addEventListener('keydown', e => { if (e.key === 'Enter') search(); });
  await search();
}

function nextSlots(count) {
  const slots = [];
  const day = new Date();
  while (slots.length < count) {
    day.setDate(day.getDate() + 1);
    if (day.getDay() === 0 || day.getDay() === 6) continue;
    const slot = new Date(day); slot.setHours(10 + slots.length * 2, 0, 0, 0);
    slots.push(new Date(slot.getTime() - slot.getTimezoneOffset() * 60000).toISOString().slice(0, 16));
  }
  return slots;
}

async function profile(id) {
  const person = await api('people/' + id);
  const leader = person.leaderProfile;
  main.replaceChildren();
  const card = el('section', { class: 'card' }, el('h2', {}, person.displayName),
    el('p', {}, person.title, ' · ', person.divisionName, ' · ', el('span', { class: 'muted' }, person.timeZone)),
    leader && el('p', {}, 'Talks about: ', leader.topics.join(', ') || '—'),
    leader && leader.bio && el('p', { class: 'muted' }, leader.bio),
    leader && el('p', { class: 'small muted' }, `Up to ${leader.monthlyCap} interviews a month · `,
      leader.lengths.join('/') + ' minutes · ' + leader.formats.join(', ').toLowerCase()));
  main.append(card);
  if (!leader || !leader.acceptingRequests) {
    card.append(el('p', { class: 'warning' }, 'Not accepting requests right now.'));
    return;
  }
  const length = el('select', { name: 'length' }, leader.lengths.map(l =>
    el('option', { value: l, selected: l === 20 }, l + ' minutes')));
  const format = el('select', { name: 'format' }, leader.formats.map(f => el('option', { value: f }, f.replace('_', ' ').toLowerCase())));
  const intro = el('textarea', { name: 'intro', required: true, placeholder: 'Who you are, in two sentences' });
  const learn = el('textarea', { name: 'learn', required: true, placeholder: 'What you would like to learn: two or three questions' });
  const whyYou = el('textarea', { name: 'whyYou', required: true, placeholder: 'Why this leader' });
  const slots = nextSlots(3).map(value => el('input', { type: 'datetime-local', value, step: 900 }));
  const outcome = el('div');
  const send = async event => {
    event.preventDefault();
    try {
      const created = await api('requests', { method: 'POST', body: {
        leaderId: person.id, length: Number(length.value), format: format.value,
        intro: intro.value, learn: learn.value, whyYou: whyYou.value,
        proposedSlots: slots.filter(s => s.value).map(s => new Date(s.value).toISOString()) } });
      outcome.replaceChildren(el('p', {}, 'Sent. ', badge(created.status)),
        el('ul', {}, created.coaching.map(c => el('li', { class: c.level }, c.message))));
    } catch (error) {
      outcome.replaceChildren(el('p', { class: 'error' }, error.message));
    }
  };
  main.append(el('section', { class: 'card' }, el('h3', {}, 'Ask for an informational interview'),
    el('p', { class: 'small muted' }, 'Ask for advice, not for a job. Keep it short and propose a few times.'),
    el('form', { onsubmit: send },
      el('div', { class: 'row' }, el('label', {}, 'Length ', length), el('label', {}, 'Format ', format)),
      el('label', {}, 'About you', intro), el('label', {}, 'What you want to learn', learn),
      el('label', {}, 'Why them', whyYou),
      el('label', { class: 'slots' }, 'Times you propose (your time zone)', el('div', { class: 'row' }, slots)),
      el('button', { type: 'submit' }, 'Send request')), outcome));
}

async function sent() {
  const page = await api('requests?as=requester');
  main.append(el('section', { class: 'card' }, el('h2', {}, 'My requests'), requestList(page.items, request =>
    ['PENDING', 'COUNTER_PROPOSED'].includes(request.status) &&
      el('button', { class: 'danger', onclick: () => act(request, 'withdraw', { reason: 'Withdrawn from the portal' }, sent) }, 'Withdraw'))));
}

async function received() {
  const page = await api('requests?as=leader');
  main.append(el('section', { class: 'card' }, el('h2', {}, 'Requests to me'), requestList(page.items, request =>
    request.status === 'PENDING' && el('div', { class: 'row' },
      request.proposedSlots.map(start => el('button', { onclick: () => act(request, 'accept', { start }, received) }, when(start))),
      el('button', { class: 'danger', onclick: () => act(request, 'decline', { reason: 'Not possible this month' }, received) }, 'Decline')))));
}

async function act(request, action, body, then) {
  try {
    await api(`requests/${request.id}/${action}`, { method: 'POST', body });
    show(then.name);
  } catch (error) {
    alert(error.message);
  }
}

function requestList(items, actions) {
  if (!items.length) return el('p', { class: 'muted' }, 'Nothing yet.');
  return el('ul', { class: 'list' }, items.map(r => el('li', {},
    el('div', {}, el('strong', {}, r.requester.id === me.id ? r.leader.displayName : r.requester.displayName), ' ',
      badge(r.status), el('div', { class: 'small muted' }, `${r.length} min · sent ${when(r.createdAt)}`),
      el('div', { class: 'small' }, r.learn)),
    actions(r) || '')));
}

async function interviews() {
  const page = await api('interviews');
  main.append(el('section', { class: 'card' }, el('h2', {}, 'Interviews'), page.items.length
    ? el('ul', { class: 'list' }, page.items.map(i => el('li', {},
        el('span', {}, el('strong', {}, when(i.start)), ` · ${i.length} min with `,
          i.employee.id === me.id ? i.leader.displayName : i.employee.displayName), badge(i.status))))
    : el('p', { class: 'muted' }, 'No interviews yet.')));
}

(async function start() {
  me = await api('me');
  divisions = await api('divisions');
  document.getElementById('who').textContent = `${me.displayName} · ${me.divisionName}`;
  document.querySelectorAll('[data-role]').forEach(b => { b.hidden = !me.roles.includes(b.dataset.role); });
  document.querySelectorAll('#nav button').forEach(b => b.addEventListener('click', () => show(b.dataset.view)));
  show('find');
})();
