// Recommended leaders, and the interests they follow.

import { divisions, me, zone } from '../state.js';
import { api, ApiError } from '../api.js';
import { alertBox, busy, capital, card, el, link, newId, nodes, signed } from '../dom.js';
import { clock, offsetMs, validZone } from '../time.js';
import { checkedValues, divisionChoices, fieldError, flagFields, topicInput, unflagOnInput } from '../forms.js';

const RECOMMENDATIONS_STEP = 10;
const RECOMMENDATIONS_MAX = 50; // the most the API returns

const hasInterests = i => Boolean(i) && (i.targetDivisionIds.length > 0 || i.topics.length > 0);

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

export async function recommended() {
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
  const goalsId = newId();
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
