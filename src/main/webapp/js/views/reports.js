// HR's reports (docs/METRICS.md defines every figure): filters, charts and, for every chart, the same numbers in a
// table. The charting library loads the first time the view opens.

import { divisions, me } from '../state.js';
import { api, ApiError } from '../api.js';
import { alertBox, busy, capital, card, el, nodes, number, pager, plural } from '../dom.js';
import { when } from '../time.js';
import { STRENGTHS } from '../labels.js';
import { fieldError, flagFields, unflagOnInput } from '../forms.js';
import { onLeave, openSection } from '../nav.js';

export const reports = (() => {
  const ECHARTS = 'webjars/echarts/5.3.1/dist/echarts.min.js'; // the webjar pinned in pom.xml
  const LONGEST_MONTHS = 60; // the longest period a report answers, in whole months (METRICS.md, "Period")
  const AUDIT_PAGE = 20;
  const TALENT_PAGE = 50;    // employees of the talent pool on one page; the CSV holds them all
  const AUDIT_CSV_ROWS = 500; // the most reads the API answers at once, newest first
  const MONTHS_BACK = 24;    // months offered for the monthly report
  const FEWER = 'fewer than 5';
  const INK = '#1d2430';
  const MUTED = '#5b6576';
  const ACCENT = '#2456d6';
  const WARN = '#8a4d00';
  const WARN_SOFT = '#fdf3e2';

  /** The filters, kept while the reader visits other views. */
  const state = { from: '', to: '', divisionId: '', months: 6, topic: '', month: '' };

  // ------------------------------------------------------------ figures

  const decimals = (value, digits) => new Intl.NumberFormat([], { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
  const count = value => number(value);
  const percent = value => `${decimals(value * 100, 1)} %`;
  const hours = value => `${decimals(value, 1)} h`;
  const ratio = value => decimals(value, 2);

  const isSuppressed = f => Boolean(f && f.suppressed);
  const hasValue = f => Boolean(f) && !f.suppressed && f.value != null;
  const valueOf = f => Number(f.value);

  /** A figure as plain text: its value, “fewer than 5” when suppressed, “—” when there is nothing to divide by. */
  function figureText(f, format = count) {
    if (isSuppressed(f)) return FEWER;
    return hasValue(f) ? format(valueOf(f)) : '—';
  }

  /** A figure for the page: the dash is read out as what it means. */
  function figure(f, format = count) {
    if (isSuppressed(f)) return el('span', { class: 'suppressed', title: 'Fewer than 5 people are behind this figure' }, FEWER);
    if (!hasValue(f)) return nothingToDivideBy();
    return format(valueOf(f));
  }

  const nothingToDivideBy = () => el('span', { class: 'none', title: 'Nothing to divide by' },
    el('span', { 'aria-hidden': 'true' }, '—'), el('span', { class: 'visually-hidden' }, 'nothing to divide by'));

  /** A 95 % interval from its two ends. */
  function interval(low, high) {
    if (isSuppressed(low) || isSuppressed(high)) return figure({ suppressed: true });
    if (!hasValue(low) || !hasValue(high)) return nothingToDivideBy();
    return `${percent(valueOf(low))} to ${percent(valueOf(high))}`;
  }

  // ------------------------------------------------------------ days and months (UTC, as the reports read them)

  const thisMonth = () => new Date().toISOString().slice(0, 7);
  const validMonth = text => /^\d{4}-(0[1-9]|1[0-2])$/.test(text);
  const monthIndex = text => Number(text.slice(0, 4)) * 12 + Number(text.slice(5, 7)) - 1;
  const addMonths = (text, n) => {
    const index = monthIndex(text) + n;
    return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String(index % 12 + 1).padStart(2, '0')}`;
  };
  const dayText = text => new Intl.DateTimeFormat([], { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' })
    .format(new Date(text + 'T00:00:00Z'));
  const period = report => `${dayText(report.from)} to ${dayText(report.to)}`;
  const monthText = ym => new Intl.DateTimeFormat([], { timeZone: 'UTC', month: 'long', year: 'numeric' })
    .format(new Date(ym + '-01T00:00:00Z'));

  /** The months that have ended, newest first. */
  function pastMonths() {
    const now = new Date();
    const months = [];
    for (let back = 1; back <= MONTHS_BACK; back++) {
      const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
      months.push(d.toISOString().slice(0, 7));
    }
    return months;
  }

  const divisionName = id => (divisions.find(d => d.id === id) || {}).name;

  // ------------------------------------------------------------ charts

  let library = null; // the promise of the charting library, once asked for

  function loadLibrary() {
    if (window.echarts) return Promise.resolve(window.echarts);
    if (!library) {
      library = new Promise((resolve, reject) => {
        const script = el('script', { src: ECHARTS });
        script.addEventListener('load', () => (window.echarts ? resolve(window.echarts) : reject(new Error('no charts'))));
        script.addEventListener('error', () => { library = null; script.remove(); reject(new Error('no charts')); });
        document.head.append(script);
      });
    }
    return library;
  }

  const reducedMotion = () => window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  /**
   * The view's charts: each drawn once its box has a width and the library is there, redrawn to the box's size,
   * disposed when its part of the page is replaced or the reader leaves the view. A chart is a picture
   * (role img) whose numbers are also in a table beside it.
   */
  function chartBoard() {
    const drawn = new Map();   // box → chart
    const options = new Map(); // box → what to draw
    let echarts = null;
    let failed = false;
    const observer = new ResizeObserver(entries => entries.forEach(entry => draw(entry.target)));

    function draw(box) {
      if (!echarts || !box.isConnected || box.clientWidth === 0) return;
      const existing = drawn.get(box);
      if (existing) { existing.resize(); return; }
      const option = options.get(box);
      if (!option) return;
      const chart = echarts.init(box, null, { renderer: 'canvas' });
      chart.setOption({ animation: !reducedMotion(), textStyle: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', color: INK }, ...option });
      drawn.set(box, chart);
    }

    function unavailable(box) {
      box.removeAttribute('role');
      box.removeAttribute('aria-label');
      box.classList.add('chart-missing');
      box.replaceChildren(el('p', { class: 'small muted' }, 'The chart could not be drawn here; its numbers are in the table.'));
    }

    loadLibrary().then(lib => { echarts = lib; options.forEach((_, box) => draw(box)); },
      () => { failed = true; options.forEach((_, box) => unavailable(box)); });

    return {
      /** A box for a chart described by `label` (what it shows, for screen readers). */
      add(label, height, option) {
        const box = el('div', { class: 'chart', role: 'img', 'aria-label': label });
        box.style.height = height + 'px';
        options.set(box, option);
        if (failed) unavailable(box);
        observer.observe(box);
        return box;
      },
      /** Disposes the charts inside a part of the page about to be replaced. */
      clear(scope) {
        for (const box of [...options.keys()]) {
          if (!scope.contains(box)) continue;
          observer.unobserve(box);
          const chart = drawn.get(box);
          if (chart) chart.dispose();
          drawn.delete(box);
          options.delete(box);
        }
      },
      stop() {
        observer.disconnect();
        drawn.forEach(chart => chart.dispose());
        drawn.clear();
        options.clear();
      },
    };
  }

  const axisLabel = { color: MUTED };
  const splitLine = { lineStyle: { color: '#e8ebf0' } };
  /** A bar's label: its number, or “<5” over the empty place of a suppressed one. */
  const barItem = (f, format = count) => isSuppressed(f)
    ? { value: 0, label: { formatter: '<5', color: WARN, fontStyle: 'italic' } }
    : { value: hasValue(f) ? valueOf(f) : 0, label: { formatter: hasValue(f) ? format(valueOf(f)) : '—' } };

  // ------------------------------------------------------------ tables

  /** A table with a caption, column headings and rows of cells; a row may start with its heading (`{ head }`). */
  function table(caption, headings, rows, { cls = '', foot = null, numeric = () => true } = {}) {
    const cell = (content, index, tag = 'td') => el(tag, { class: index > 0 && numeric(index) ? 'num' : null,
      scope: tag === 'th' ? 'row' : null, 'data-label': tag === 'td' ? headings[index] : null }, content);
    const line = row => el('tr', {}, row.map((content, index) =>
      cell(content && content.head !== undefined ? content.head : content, index, content && content.head !== undefined ? 'th' : 'td')));
    return el('table', { class: ('figures ' + cls).trim() },
      el('caption', {}, caption),
      el('thead', {}, el('tr', {}, headings.map((h, index) => el('th', { scope: 'col', class: index > 0 && numeric(index) ? 'num' : null }, h)))),
      el('tbody', {}, rows.map(line)),
      foot && el('tfoot', {}, foot.map(line)));
  }

  /** A wide table or chart, scrolled sideways on a narrow screen, also with the keyboard. */
  const scroller = (label, ...content) => el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': label }, ...content);

  const stat = (label, value, note) => el('div', {}, el('dt', {}, label),
    el('dd', {}, value, note && el('span', { class: 'small' }, note)));

  // ------------------------------------------------------------ downloads

  /** A report as CSV, fetched with the session and saved as a file named after the report and its filters. */
  function csvButton(what, request) {
    const status = el('span', { class: 'small', role: 'status' });
    const button = el('button', { type: 'button', class: 'secondary small-button' }, 'Download CSV');
    const scope = el('span', { class: 'csv' }, button, status);
    button.setAttribute('aria-label', `Download CSV of the ${what}`);
    button.addEventListener('click', async () => {
      status.replaceChildren();
      const [path, params, name] = request();
      try {
        const response = await busy(scope, button, 'Preparing…', () =>
          api(`${path}?${params}`, { headers: { 'Accept': 'text/csv' }, raw: true }));
        const url = URL.createObjectURL(await response.blob());
        const anchor = el('a', { href: url, download: name, hidden: true });
        document.body.append(anchor);
        anchor.click();
        anchor.remove();
        setTimeout(() => URL.revokeObjectURL(url), 60000);
        status.textContent = 'Downloaded.';
      } catch (error) {
        if (error.status !== 401) status.replaceChildren(el('span', { class: 'error' }, error.message));
      }
    });
    return scope;
  }

  const periodParams = () => new URLSearchParams({ from: state.from, to: state.to });
  const csvName = (report, extra = '') => `crossroads-${report}-${state.from}-to-${state.to}${extra}.csv`;

  // ------------------------------------------------------------ parts of the page

  /**
   * One report's card: heading, CSV download, and a body that shows "Loading…", the report, or what went wrong
   * with a way to try again. A newer load wins over an older one still on its way.
   */
  function reportPart({ id, title, intro, csv, board, read, render, controls = null }) {
    const body = el('div', { class: 'report-body' });
    let ticket = 0;
    const node = el('section', { class: 'card report', id: 'part-' + id, 'aria-labelledby': 'h-' + id },
      el('div', { class: 'report-head' }, el('h2', { id: 'h-' + id }, title), csv && csvButton(title.toLowerCase(), csv)),
      intro && el('p', { class: 'muted small' }, intro),
      controls, body);

    async function load() {
      const mine = ++ticket;
      body.setAttribute('aria-busy', 'true');
      if (!body.children.length || body.querySelector(':scope > .placeholder')) body.replaceChildren(el('p', { class: 'muted' }, 'Loading…'));
      try {
        const report = await read();
        if (mine !== ticket) return;
        if (board) board.clear(body);
        body.replaceChildren(...nodes(render(report)));
      } catch (error) {
        if (error.status === 401 || mine !== ticket) return;
        if (board) board.clear(body);
        body.replaceChildren(alertBox(error),
          el('button', { type: 'button', class: 'secondary small-button', onclick: () => load() }, 'Try again'));
      } finally {
        if (mine === ticket) body.removeAttribute('aria-busy');
      }
    }
    return { node, load, body };
  }

  const allSuppressedNote = () => el('p', { class: 'alert warning' },
    'Fewer than 5 people are in this division: every figure is withheld.');

  // ------------------------------------------------------------ pipeline

  const STAGES = {
    SENT: ['Sent', 'requests sent in the period'],
    ANSWERED: ['Answered', 'requests with a first answer'],
    ACCEPTED: ['Accepted', 'requests that became an interview'],
    HELD: ['Held', 'those interviews marked held'],
    THANKED: ['Thanked', 'held interviews with a thank-you'],
    REFERRAL_GIVEN: ['Names given', 'held interviews in which the leader named people'],
    REFERRAL_FOLLOWED: ['Names followed', 'names a later request cited'],
    REFERRAL_HELD: ['Referrals held', 'followed names whose request became a held interview'],
  };
  const DEPTHS = { 1: 'Named in a first interview', 2: 'One link down a chain', '3+': 'Two or more links down' };
  const stageName = s => (STAGES[s.stage] || [capital(String(s.stage).toLowerCase().replaceAll('_', ' '))])[0];

  function pipelinePart(board) {
    return reportPart({
      id: 'pipeline', title: 'Pipeline', board,
      intro: 'Requests sent in the period, followed to wherever they got.',
      csv: () => [`reports/pipeline`, withDivision(periodParams()), csvName('pipeline', divisionSuffix())],
      read: () => api('reports/pipeline?' + withDivision(periodParams())),
      render: p => [
        scopeLine(period(p), p.divisionId),
        p.allSuppressed && allSuppressedNote(),
        board.add('Bar chart of the pipeline, from requests sent to referrals held. The numbers are in the table below.',
          Math.max(200, 34 * p.funnel.length + 20), {
            grid: { left: 20, right: 56, top: 8, bottom: 8, containLabel: true },
            xAxis: { type: 'value', minInterval: 1, axisLabel: { ...axisLabel, formatter: v => count(v) }, splitLine },
            yAxis: { type: 'category', inverse: true, data: p.funnel.map(stageName), axisTick: { show: false }, axisLabel: { color: INK } },
            series: [{ type: 'bar', barMaxWidth: 22, itemStyle: { color: ACCENT, borderRadius: [0, 3, 3, 0] },
              label: { show: true, position: 'right', color: INK }, data: p.funnel.map(s => barItem(s.count)) }],
          }),
        table('Pipeline stages', ['Stage', 'What it counts', 'Number'],
          p.funnel.map(s => [{ head: stageName(s) }, (STAGES[s.stage] || [])[1] || '', figure(s.count)]),
          { numeric: index => index === 2 }),
        el('h3', {}, 'Rates'),
        el('dl', { class: 'stats' },
          stat('Acceptance', figure(p.rates.acceptance, percent), 'of requests sent'),
          stat('Expiry', figure(p.rates.expiry, percent), 'of requests sent'),
          stat('No-show', figure(p.rates.noShow, percent), 'of interviews held or missed'),
          stat('Thank-you within 48 h', figure(p.rates.thankYouWithin48h, percent), 'of held interviews'),
          stat('Median time to first answer', figure(p.medianHoursToFirstAnswer, hours)),
          stat('Names given', figure(p.referralsGiven)),
          stat('Names per held interview', figure(p.referralsPerHeldInterview, ratio)),
          stat('Keep-in-touch adherence', figure(p.keepInTouchAdherence, percent), 'of touches due, logged on time')),
        p.chainDepth && p.chainDepth.length > 0 && table('Names given, by their place in a chain of referrals',
          ['Depth', 'Names'], p.chainDepth.map(d => [{ head: DEPTHS[d.depth] || `Depth ${d.depth}` }, figure(d.count)]),
          { cls: 'narrow-table' }),
      ],
    });
  }

  // ------------------------------------------------------------ flows

  function flowsPart(board) {
    return reportPart({
      id: 'flows', title: 'Flows between divisions', board,
      intro: 'Held interviews that started in the period: the employee’s division (row) to the leader’s (column). '
        + 'Every division, whatever division is chosen above.',
      csv: () => ['reports/flows', periodParams(), csvName('flows')],
      read: () => api('reports/flows?' + periodParams()),
      render: f => {
        const names = f.divisions.map(d => d.name);
        const shown = [];
        const hidden = [];
        f.rows.forEach((row, y) => row.cells.forEach((cell, x) => {
          if (isSuppressed(cell)) hidden.push([x, y, 0]);
          else if (hasValue(cell)) shown.push([x, y, valueOf(cell)]);
        }));
        const most = Math.max(1, ...shown.map(c => c[2]));
        const longest = Math.max(...names.map(n => n.length), 4);
        const labelWidth = Math.min(140, 7 * longest);
        const heat = board.add('Heat map of held interviews from each division to each other. Cells marked “<5” rest on '
          + 'fewer than 5 people. The numbers are in the table below.', 150 + 30 * names.length, {
          grid: { left: 20, right: 12, top: 8, bottom: 8, containLabel: true },
          xAxis: { type: 'category', data: names, position: 'top', splitArea: { show: false }, axisTick: { show: false },
            axisLabel: { color: INK, interval: 0, rotate: 45, width: labelWidth, overflow: 'truncate' } },
          yAxis: { type: 'category', data: names, inverse: true, axisTick: { show: false },
            axisLabel: { color: INK, interval: 0, width: labelWidth, overflow: 'truncate' } },
          visualMap: [{ show: false, min: 0, max: most, seriesIndex: 0, inRange: { color: ['#eef2fc', '#7196e8'] } },
            { show: false, min: 0, max: 1, seriesIndex: 1, inRange: { color: [WARN_SOFT, WARN_SOFT] } }],
          series: [
            { type: 'heatmap', data: shown, itemStyle: { borderColor: '#fff', borderWidth: 2 },
              label: { show: true, color: INK, formatter: c => count(c.value[2]) } },
            { type: 'heatmap', data: hidden, itemStyle: { color: WARN_SOFT, borderColor: '#e0b872', borderWidth: 1, borderType: 'dashed' },
              label: { show: true, color: WARN, fontStyle: 'italic', formatter: '<5' } },
          ],
        });
        heat.style.minWidth = (labelWidth + 36 + 46 * names.length) + 'px';
        return [
          el('p', { class: 'small muted' }, period(f)),
          scroller('Heat map of flows between divisions', heat),
          el('p', { class: 'small muted' }, el('span', { class: 'key suppressed-key', 'aria-hidden': 'true' }, '<5'),
            ' rests on fewer than 5 people and is withheld; it is not zero.'),
          scroller('Flows between divisions, as a table', table(
            'Held interviews by the employee’s division (rows) and the leader’s division (columns)',
            ['Employee’s division', ...names, 'Total'],
            f.rows.map(row => [{ head: row.division.name }, ...row.cells.map(c => figure(c)), figure(row.total)]),
            { cls: 'matrix', foot: [[{ head: 'Total' }, ...f.columnTotals.map(c => figure(c)), figure(f.total)]] })),
        ];
      },
    });
  }

  // ------------------------------------------------------------ leaders

  const bucketName = b => b === '1' ? '1 interview' : `${String(b).replace('-', '–')} interviews`;

  function leadersPart(board) {
    return reportPart({
      id: 'leaders', title: 'Leaders', board,
      intro: 'Leaders who could take requests in the period: how many took part, and how evenly the interviews were spread.',
      csv: () => ['reports/leaders', withDivision(periodParams()), csvName('leaders', divisionSuffix())],
      read: () => api('reports/leaders?' + withDivision(periodParams())),
      render: l => {
        const lorenz = (l.lorenz || []).map(p => [Number(p.leaderShare), Number(p.interviewShare)]);
        const load = l.load || [];
        return [
          scopeLine(period(l), l.divisionId),
          l.allSuppressed && allSuppressedNote(),
          el('dl', { class: 'stats' },
            stat('Eligible leaders', figure(l.eligibleLeaders)),
            stat('Accepted a request', figure(l.acceptingLeaders), [' ', figure(l.participation, percent), ' of eligible']),
            stat('Held an interview', figure(l.heldLeaders), [' ', figure(l.heldShare, percent), ' of eligible']),
            stat('Gini of load', figure(l.gini, ratio), '0 is an even spread, 1 all on one leader'),
            stat('Requests to leaders at their cap', figure(l.requestsAtCap, percent), 'of requests to eligible leaders')),
          el('div', { class: 'charts-two' },
            el('div', {},
              el('h3', {}, 'Spread of interviews (Lorenz curve), Gini ', figure(l.gini, ratio)),
              lorenz.length
                ? board.add(`Lorenz curve of held interviews over leaders, Gini ${figureText(l.gini, ratio)}. `
                  + 'The points are in the table below.', 280, {
                  grid: { left: 62, right: 26, top: 40, bottom: 44 },
                  legend: { top: 0, left: 0, textStyle: { color: INK }, data: ['Leaders', 'Even spread'] },
                  xAxis: { type: 'value', min: 0, max: 1, interval: 0.2, name: 'Share of leaders, least busy first',
                    nameLocation: 'middle', nameGap: 28, nameTextStyle: { color: MUTED },
                    axisLabel: { ...axisLabel, formatter: v => `${Math.round(v * 100)} %` }, splitLine },
                  yAxis: { type: 'value', min: 0, max: 1, interval: 0.2, name: 'Share of interviews', nameLocation: 'middle',
                    nameGap: 48, nameTextStyle: { color: MUTED },
                    axisLabel: { ...axisLabel, formatter: v => `${Math.round(v * 100)} %` }, splitLine },
                  series: [
                    { name: 'Leaders', type: 'line', data: lorenz, symbolSize: 6, itemStyle: { color: ACCENT },
                      areaStyle: { color: ACCENT, opacity: 0.1 } },
                    { name: 'Even spread', type: 'line', data: [[0, 0], [1, 1]], symbol: 'none',
                      lineStyle: { type: 'dashed', color: MUTED, width: 1 }, itemStyle: { color: MUTED } },
                  ],
                })
                : el('p', { class: 'small muted' }, l.gini && l.gini.suppressed
                  ? 'The curve is withheld: it would give away figures suppressed to protect small groups.'
                  : 'The curve is drawn from 50 eligible leaders on, so that every tenth holds at least 5, once an interview '
                    + 'was held; this choice has fewer or none.'),
              lorenz.length > 0 && table('Share of held interviews taken by the least busy share of leaders',
                ['Least busy leaders', 'Their share of interviews'],
                lorenz.map(([x, y]) => [{ head: percent(x) }, percent(y)]), { cls: 'narrow-table' })),
            el('div', {},
              el('h3', {}, 'Leaders by interviews held'),
              load.length > 0 && board.add('Bar chart of eligible leaders by the number of interviews they held. '
                + 'The numbers are in the table below.', 240, {
                grid: { left: 20, right: 8, top: 20, bottom: 8, containLabel: true },
                xAxis: { type: 'category', data: load.map(b => b.bucket.replace('-', '–')), axisTick: { show: false },
                  axisLabel: { color: INK }, name: 'interviews', nameLocation: 'middle', nameGap: 24, nameTextStyle: { color: MUTED } },
                yAxis: { type: 'value', minInterval: 1, axisLabel: { ...axisLabel, formatter: v => count(v) }, splitLine },
                series: [{ type: 'bar', barMaxWidth: 36, itemStyle: { color: ACCENT, borderRadius: [3, 3, 0, 0] },
                  label: { show: true, position: 'top', color: INK }, data: load.map(b => barItem(b.leaders)) }],
              }),
              table('Eligible leaders by interviews held in the period', ['Held', 'Leaders'],
                load.map(b => [{ head: bucketName(b.bucket) }, figure(b.leaders)]), { cls: 'narrow-table' }))),
        ];
      },
    });
  }

  // ------------------------------------------------------------ mobility

  const GROUPS = [['participants', 'Participants'], ['nonParticipants', 'Non-participants']];

  /** Each group's share with its 95 % interval: a dot and whiskers. */
  function proportionChart(board, title, comparison) {
    const rows = GROUPS.map(([key, name]) => ({ name, p: comparison[key] }));
    const labels = rows.map(r => (isSuppressed(r.p.rate) ? `${r.name}\n(fewer than 5)` : r.name));
    const points = rows.map((r, i) => hasValue(r.p.rate) ? [valueOf(r.p.rate), i] : null).filter(Boolean);
    const whiskers = rows.map((r, i) => hasValue(r.p.low) && hasValue(r.p.high) ? [i, valueOf(r.p.low), valueOf(r.p.high)] : null)
      .filter(Boolean);
    const ends = [...points.map(p => p[0]), ...whiskers.flatMap(w => [w[1], w[2]])];
    if (!ends.length) return null; // nothing to draw: the table says why
    const low = Math.max(0, Math.floor((Math.min(...ends) - 0.05) * 10) / 10);
    const high = Math.min(1, Math.ceil((Math.max(...ends) + 0.05) * 10) / 10);
    return board.add(`${title}: ${rows.map(r => `${r.name} ${figureText(r.p.rate, percent)}`).join(', ')}, `
      + 'with 95 % intervals. The numbers are in the table below.', 170, {
      grid: { left: 20, right: 24, top: 24, bottom: 8, containLabel: true },
      xAxis: { type: 'value', min: low, max: high, interval: (high - low) / 4,
        axisLabel: { ...axisLabel, formatter: v => `${Number((v * 100).toFixed(1))} %` }, splitLine },
      yAxis: { type: 'category', data: labels, inverse: true, axisTick: { show: false }, axisLabel: { color: INK, lineHeight: 16 } },
      series: [
        { type: 'custom', data: whiskers, encode: { x: [1, 2], y: 0 }, z: 1,
          renderItem: (params, chartApi) => {
            const from = chartApi.coord([chartApi.value(1), chartApi.value(0)]);
            const to = chartApi.coord([chartApi.value(2), chartApi.value(0)]);
            const style = { stroke: INK, lineWidth: 1.5 };
            const tick = x => ({ type: 'line', shape: { x1: x, y1: from[1] - 7, x2: x, y2: from[1] + 7 }, style });
            return { type: 'group', children: [
              { type: 'line', shape: { x1: from[0], y1: from[1], x2: to[0], y2: to[1] }, style }, tick(from[0]), tick(to[0])] };
          } },
        { type: 'scatter', data: points, symbolSize: 11, z: 2, itemStyle: { color: ACCENT },
          label: { show: true, position: 'top', color: INK, formatter: c => percent(c.value[0]) } },
      ],
    });
  }

  function proportionTable(caption, what, comparison) {
    return table(caption, ['Group', 'People', what, 'Share', '95 % interval'],
      GROUPS.map(([key, name]) => {
        const p = comparison[key];
        return [{ head: name }, figure(p.people), figure(p.count), figure(p.rate, percent), el('span', { class: 'nowrap' }, interval(p.low, p.high))];
      }), { cls: 'stack' });
  }

  function mobilityPart(board) {
    const months = el('select', { id: 'report-months' },
      Array.from({ length: 24 }, (_, i) => i + 1).map(n => el('option', { value: n, selected: n === state.months }, plural(n, 'month'))));
    const part = reportPart({
      id: 'mobility', title: 'Mobility and retention', board,
      intro: 'Internal moves and staying, for people whose first interview was in the period (participants) and for '
        + 'people employed at its start who had none (non-participants). Every division.',
      controls: el('div', { class: 'field inline-field' },
        el('label', { for: 'report-months' }, 'Moves counted within'), months),
      csv: () => ['reports/mobility', withMonths(periodParams()), csvName('mobility', `-${state.months}-months`)],
      read: () => api('reports/mobility?' + withMonths(periodParams())),
      render: m => [
        el('p', { class: 'small muted' }, `${period(m)} · moves within ${plural(m.months, 'month')} of the first interview`),
        el('div', {},
          el('div', {}, el('h3', {}, `Moved within ${plural(m.months, 'month')}`),
            comparisonBody(board, m.moves, `Moved within ${plural(m.months, 'month')}`, 'Moved',
              `Internal moves within ${plural(m.months, 'month')}`),
            el('p', { class: 'small' }, 'Of the participants’ moves, into a division they had interviewed in: ',
              el('strong', {}, figure(m.movesIntoInterviewedDivision, percent)))),
          el('div', {}, el('h3', {}, 'Still here after 12 months'),
            comparisonBody(board, m.retention12Months, 'Still employed after 12 months', 'Stayed', 'Retention after 12 months'))),
      ],
    });
    months.addEventListener('change', () => { state.months = Number(months.value); part.load(); });
    return part;
  }

  /** Until the non-participants' window has ended, only the participants whose own windows have are shown. */
  function comparisonBody(board, comparison, title, what, caption) {
    if (!comparison) return nothingToDivideBy();
    return [
      !comparison.observable && el('p', { class: 'alert' }, 'Not comparable yet: the non-participants’ window from the start of '
        + 'the period has not ended. Participants whose own window has ended are shown; choose an earlier period to compare.'),
      proportionChart(board, title, comparison), proportionTable(caption, what, comparison)];
  }

  // ------------------------------------------------------------ talent pool

  const personLine = p => [p.title, p.division && p.division.name].filter(Boolean).join(', ');

  function talentPart() {
    const topic = el('input', { id: 'report-topic', type: 'search', value: state.topic, list: 'report-strengths',
      autocomplete: 'off', placeholder: 'For example: curiosity', maxlength: 60 });
    const show = el('button', { type: 'submit' }, 'Show the talent pool');
    let opened = false;
    let offset = 0;
    const part = reportPart({
      id: 'talent', title: 'Talent pool',
      intro: 'Employees a leader flagged for the talent pool and who let HR see it, with the division chosen above. '
        + 'Names are shown only when asked for, and every look is recorded in the audit.',
      controls: el('form', { class: 'search', role: 'search', 'aria-label': 'Talent pool',
        onsubmit: event => { event.preventDefault(); state.topic = topic.value.trim(); opened = true; offset = 0; part.load(); } },
      el('label', { for: 'report-topic', class: 'search-label' }, 'Strength'), topic,
      el('datalist', { id: 'report-strengths' }, STRENGTHS.map(s => el('option', { value: s }))), show),
      csv: () => ['reports/talent-pool', talentParams(), `crossroads-talent-pool-${new Date().toISOString().slice(0, 10)}.csv`],
      read: () => {
        const params = new URLSearchParams(talentParams());
        params.set('limit', String(TALENT_PAGE));
        params.set('offset', String(offset));
        return api('reports/talent-pool?' + params);
      },
      render: t => {
        if (t.allSuppressed) return allSuppressedNote();
        const about = [t.topic && `strength “${t.topic}”`, t.divisionId && `now in ${divisionName(t.divisionId) || 'the chosen division'}`]
          .filter(Boolean).join(', ');
        if (!t.total) {
          return el('div', { class: 'empty' }, el('p', { class: 'muted' }, about ? `Nobody in the talent pool with ${about}.` : 'Nobody in the talent pool yet.'));
        }
        const shown = t.total > t.employees.length
          ? `Employees ${number(offset + 1)} to ${number(offset + t.employees.length)} of ${number(t.total)}`
          : plural(t.total, 'employee');
        return [table(`${shown} in the talent pool${about ? ` (${about})` : ''}, by name`,
          ['Employee', 'Division', 'Flagged by'],
          t.employees.map(e => [
            { head: [el('strong', {}, e.employee.displayName), e.employee.title && el('span', { class: 'small muted person-title' }, e.employee.title)] },
            e.employee.division ? e.employee.division.name : '—',
            el('ul', { class: 'plain flags' }, e.flags.map(f => el('li', {},
              el('span', {}, f.by.displayName), personLine(f.by) && el('span', { class: 'small muted' }, ` (${personLine(f.by)})`),
              el('span', { class: 'small muted' }, `, ${dayText(f.on)}`),
              f.strengths.length > 0 && el('div', { class: 'chips' }, f.strengths.map(s => el('span', { class: 'chip' }, s)))))),
          ]), { cls: 'stack', numeric: () => false }),
        pager({ offset, count: t.employees.length, total: t.total, size: TALENT_PAGE, what: 'employees',
          goTo: o => { offset = o; part.load().then(() => part.body.querySelector('caption') && part.node.scrollIntoView({ block: 'start' })); } })];
      },
    });
    part.body.append(el('p', { class: 'muted placeholder' }, 'Choose a strength, or none, and show the talent pool.'));
    return { ...part, load: () => { offset = 0; return opened ? part.load() : null; } };
  }

  function talentParams() {
    const params = new URLSearchParams();
    if (state.topic) params.set('topic', state.topic);
    return withDivision(params);
  }

  // ------------------------------------------------------------ audit

  const REPORTS = { pipeline: 'Pipeline', flows: 'Flows', leaders: 'Leaders', mobility: 'Mobility', 'talent-pool': 'Talent pool',
    audit: 'Audit', monthly: 'Monthly report' };

  /** "from=…&to=…&divisionId=…" as the reader would say it. */
  function filtersText(filters) {
    if (!filters) return '—';
    const words = [];
    new URLSearchParams(filters).forEach((value, key) => {
      if (key === 'divisionId') words.push(`division ${divisionName(value) || value}`);
      else words.push(`${key} ${value}`);
    });
    return words.length ? words.join(', ') : '—';
  }

  function auditPart() {
    let offset = 0;
    let opened = false;
    const show = el('button', { type: 'button', class: 'secondary' }, 'Show who read the reports');
    const part = reportPart({
      id: 'audit', title: 'Report reads',
      intro: 'Every read of a report in the period chosen above: who, which report, with which filters, when. '
        + 'Reading this list is recorded too. The CSV holds the latest 500.',
      controls: el('div', { class: 'actions' }, show),
      csv: () => ['reports/audit', withLimit(periodParams()), csvName('audit')],
      read: () => api('reports/audit?' + new URLSearchParams({ from: state.from, to: state.to, limit: String(AUDIT_PAGE), offset: String(offset) })),
      render: page => {
        if (!page.items.length) return el('div', { class: 'empty' }, el('p', { class: 'muted' }, 'No report was read in this period.'));
        return [
          table(`Report reads ${number(offset + 1)} to ${number(offset + page.items.length)} of ${number(page.total)}, newest first`,
            ['When', 'Who', 'Report', 'Filters', 'Format'],
            page.items.map(a => [
              el('span', { class: 'nowrap' }, when(a.at)),
              [a.reader ? a.reader.displayName : '—', a.reader && a.reader.title && el('span', { class: 'small muted person-title' }, a.reader.title)],
              [REPORTS[a.report] || capital(String(a.report)), a.talentPool && el('span', { class: 'badge late' }, 'names shown')],
              el('span', { class: 'small' }, filtersText(a.filters)),
              String(a.format || '').toUpperCase(),
            ]), { cls: 'stack', numeric: () => false }),
          pager({ offset, count: page.items.length, total: page.total, size: AUDIT_PAGE, what: 'reads',
            goTo: o => { offset = o; part.load().then(() => part.body.querySelector('caption') && part.node.scrollIntoView({ block: 'start' })); } }),
        ];
      },
    });
    show.addEventListener('click', () => { opened = true; offset = 0; part.load(); });
    part.body.append(el('p', { class: 'muted placeholder' }, 'The list opens when asked for.'));
    return { ...part, load: () => { offset = 0; return opened ? part.load() : null; } };
  }

  // ------------------------------------------------------------ monthly report

  function monthlyPart() {
    const months = pastMonths();
    if (!months.includes(state.month)) state.month = months[0];
    const choice = el('select', { id: 'report-month' }, months.map(m => el('option', { value: m, selected: m === state.month }, monthText(m))));
    const open = el('a', { class: 'button secondary', type: 'application/pdf' });
    const point = () => {
      state.month = choice.value;
      open.href = 'api/reports/monthly?' + new URLSearchParams({ month: state.month });
      open.textContent = `Open the report for ${monthText(state.month)} (PDF)`;
    };
    choice.addEventListener('change', point);
    point();
    return el('section', { class: 'card report', id: 'part-monthly', 'aria-labelledby': 'h-monthly' },
      el('h2', { id: 'h-monthly' }, 'Monthly report'),
      el('p', { class: 'muted small' }, 'The pipeline, flows, leaders and mobility of one past month, for the whole company, '
        + 'as a PDF with charts. HR also receives it by e-mail on the first business day of the next month.'),
      el('div', { class: 'row' }, el('div', { class: 'field inline-field' }, el('label', { for: 'report-month' }, 'Month'), choice), open));
  }

  // ------------------------------------------------------------ filters

  const withDivision = params => { if (state.divisionId) params.set('divisionId', state.divisionId); return params; };
  const withLimit = params => { params.set('limit', String(AUDIT_CSV_ROWS)); return params; };
  const withMonths = params => { params.set('months', String(state.months)); return params; };
  const divisionSuffix = () => (state.divisionId ? '-' + (divisionName(state.divisionId) || 'division').toLowerCase().replace(/[^a-z0-9]+/g, '-') : '');

  const scopeLine = (span, divisionId) => el('p', { class: 'small muted' },
    `${span} · ${divisionId ? (divisionName(divisionId) || 'the chosen division') : 'all divisions'}`);

  function filterCard(apply) {
    const problems = el('div');
    const from = el('input', { type: 'month', id: 'report-from', value: state.from, required: true, placeholder: 'YYYY-MM' });
    const to = el('input', { type: 'month', id: 'report-to', value: state.to, required: true, placeholder: 'YYYY-MM' });
    const division = el('select', { id: 'report-division' }, el('option', { value: '' }, 'All divisions'),
      [...divisions].sort((a, b) => a.name.localeCompare(b.name)).map(d =>
        el('option', { value: d.id, selected: d.id === state.divisionId }, d.name)));
    const submit = el('button', { type: 'submit' }, 'Show');
    const field = (name, label, control) => el('div', { class: 'field', 'data-field': name },
      el('label', { for: control.id }, label), control, fieldError());
    const labels = { from: 'From', to: 'To', divisionId: 'Division' };

    const form = el('form', { class: 'report-filters', novalidate: true, onsubmit: event => {
      event.preventDefault();
      const errors = [];
      if (!validMonth(from.value)) errors.push({ field: 'from', message: 'a month such as 2026-03' });
      if (!validMonth(to.value)) errors.push({ field: 'to', message: 'a month such as 2026-03' });
      if (!errors.length && from.value > to.value) errors.push({ field: 'from', message: 'on or before the “to” month' });
      if (!errors.length && monthIndex(to.value) - monthIndex(from.value) + 1 > LONGEST_MONTHS) {
        errors.push({ field: 'from', message: `at most ${LONGEST_MONTHS} months (5 years) before the “to” month` });
      }
      flagFields(form, errors);
      if (errors.length) {
        problems.replaceChildren(alertBox(new ApiError('', 400, errors), labels));
        return;
      }
      problems.replaceChildren();
      Object.assign(state, { from: from.value, to: to.value, divisionId: division.value });
      apply();
    } },
    field('from', 'From', from), field('to', 'To', to), field('divisionId', 'Division', division),
    el('div', { class: 'field' }, submit));
    unflagOnInput(form, problems);

    const jumps = [['pipeline', 'Pipeline'], ['flows', 'Flows'], ['leaders', 'Leaders'], ['mobility', 'Mobility'],
      ['talent', 'Talent pool'], ['audit', 'Report reads'], ['monthly', 'Monthly report']];
    return card(el('h2', {}, 'Reports'),
      el('p', { class: 'muted' }, 'How the program is doing, over whole calendar months (read in UTC), both included. The division applies to '
        + 'the pipeline, the leaders and the talent pool; flows and mobility always cover every division.'),
      form, problems,
      el('p', { class: 'small muted legend' },
        el('span', { class: 'suppressed' }, FEWER), ': fewer than 5 people are behind the figure (or it would give one away), so it is withheld. ',
        el('span', { 'aria-hidden': 'true' }, '—'), el('span', { class: 'visually-hidden' }, 'A dash'), ': nothing to divide by.'),
      el('nav', { class: 'jumps', 'aria-label': 'Reports on this page' },
        jumps.map(([id, text]) => el('button', { type: 'button', class: 'link', onclick: () => openSection(id) }, text))));
  }

  // ------------------------------------------------------------ the view

  return async function reportsView() {
    if (!me.roles.includes('HR')) {
      return card(el('h2', {}, 'Reports'), el('p', { class: 'alert warning' }, 'Only HR reads the program’s reports.'));
    }
    if (!state.to) {
      state.to = thisMonth();
      state.from = addMonths(state.to, -11);
    }
    const board = chartBoard();
    onLeave(() => board.stop());
    const parts = [pipelinePart(board), flowsPart(board), leadersPart(board), mobilityPart(board), talentPart(), auditPart()];
    const filters = filterCard(() => parts.forEach(p => p.load()));
    parts.forEach(p => p.load());
    return [filters, ...parts.map(p => p.node), monthlyPart()];
  };
})();
