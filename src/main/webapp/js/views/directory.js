// HR: loading the directory from a CSV file or Keycloak, followed as jobs.

import { me } from '../state.js';
import { api, ApiError } from '../api.js';
import { alertBox, busy, capital, card, el, newId, nodes, number, pager, plural } from '../dom.js';
import { POLL_MS, when } from '../time.js';
import { badge } from '../labels.js';
import { fieldError, flagFields, unflagOnInput } from '../forms.js';
import { onLeave, renderCount } from '../nav.js';

const JOBS_PAGE = 10;
const PROBLEMS_PAGE = 50;
const activeJob = job => job.status === 'QUEUED' || job.status === 'RUNNING';

/** HR loads the directory: a CSV export of the HR system, or a sync from Keycloak; both run as jobs listed below. */
export async function directoryView() {
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
  const fileId = newId();
  const hintId = fileId + '-hint';
  const fullId = newId();
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
