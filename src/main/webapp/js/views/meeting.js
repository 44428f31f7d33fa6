// One interview for its two parties: clock, questions, notes, the thank-you and, for leaders, what follows.

import { me, zone } from '../state.js';
import { api, ApiError } from '../api.js';
import { alertBox, busy, capital, card, el, firstName, link, newId, number, plural } from '../dom.js';
import { ago, clock, day, duration, when } from '../time.js';
import { badge, formatName, STRENGTHS } from '../labels.js';
import { chipInput, fieldError, flagFields, unflagOnInput } from '../forms.js';
import { go, onLeave, renderCount } from '../nav.js';
import { feedbackItem, OUTCOME, referralItem } from './network.js';

// ---------------------------------------------------------------- meeting

const NOTES_MAX = 20000;
const THANKS_ON_TIME_MS = 48 * 3600 * 1000; // a thank-you within 48 h of the end is on time (DESIGN rule 8)
const CLOCK_AFTER_END_MS = 60 * 60 * 1000;  // how long after the planned end the clock stays up

/** One interview for its two parties: the clock, why the employee asked, questions, notes, and what follows a held one. */
export async function meeting(id) {
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
  const id = newId();
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
  const id = newId();
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
  const id = () => newId();
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
  const id = newId();
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
    const mayId = newId();
    const noteId = newId();
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
