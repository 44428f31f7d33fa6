// A leader's profile and the request form: open times, coaching while writing, the request sent.

import { deviceZone, me, zone } from '../state.js';
import { api, ApiError, newKey } from '../api.js';
import { alertBox, busy, capital, card, el, link, nodes, plural } from '../dom.js';
import { ago, clock, validZone, when } from '../time.js';
import { badge, formatName, listing } from '../labels.js';
import { onLeave, ORIGINS } from '../nav.js';
import { slotPicker } from '../slots.js';

export async function profile(id, origin = 'find', referralId = null) {
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
