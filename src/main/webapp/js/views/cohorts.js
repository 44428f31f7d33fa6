// HR: cohort rounds that introduce employees to leaders, their progress and outcome.

import { divisions, me } from '../state.js';
import { api, ApiError, newKey } from '../api.js';
import { alertBox, busy, card, el, newId, nodes, number, pager, plural } from '../dom.js';
import { ago, POLL_MS, when } from '../time.js';
import { badge } from '../labels.js';
import { checkedValues, divisionChoices, fieldError, flagFields, numberField, unflagOnInput } from '../forms.js';
import { onLeave, renderCount } from '../nav.js';

const ROUNDS_PAGE = 10;
const MATCHES_PAGE = 20;

const activeRound = round => round.status === 'QUEUED' || round.status === 'RUNNING';

export async function cohorts() {
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
  const nameId = newId();
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
  const matchesId = newId();
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
    // Absent when the round holds people the reader manages: its figures leave them out.
    stat('Greedy score', round.greedyScore == null ? '—' : number(round.greedyScore)));
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
