// Picking open times of a leader, a day at a time, on the reader's clock.

import { zone } from './state.js';
import { api } from './api.js';
import { alertBox, el, nodes, plural } from './dom.js';
import { clock, dateToWall, day, validZone, when } from './time.js';

const PICK_DAYS = 28;

/** "Tue 24 Nov": a day tab, in the viewer's zone. */
function shortDay(iso, tz = zone) {
  return new Intl.DateTimeFormat([], { timeZone: tz, weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(iso));
}

/**
 * Lets the viewer pick open start times of a leader, from GET leaders/{id}/slots, for the next four weeks:
 * days as tabs, the day's times as toggles, in the viewer's zone with the leader's local time beside them.
 */
export function slotPicker({ leaderId, leaderZone, leaderName, length, min = 1, max = 5, self = false, onchange = () => {} }) {
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

  /**
   * Redraws the days, the day's times and the picks. The control that had the keyboard focus is
   * drawn anew, so the focus goes to the first of the keys `then` still drawn, else to the new
   * control with the old one's key: a keyboard reader stays where they were.
   */
  function render(then) {
    const had = node.contains(document.activeElement) ? document.activeElement.dataset.key : null;
    const byDay = new Map();
    for (const slot of slots) {
      const key = keyOf(slot.start);
      if (!byDay.has(key)) byDay.set(key, []);
      byDay.get(key).push(slot);
    }
    if (!byDay.has(current)) current = byDay.keys().next().value || null;
    const picked = new Set([...chosen.values()].map(keyOf));
    days.replaceChildren(...[...byDay].map(([key, list]) => el('button', {
      type: 'button', class: 'day-tab' + (picked.has(key) ? ' has-pick' : ''), 'aria-pressed': String(key === current), 'data-key': `day ${key}`,
      onclick: () => { current = key; render(); },
    }, shortDay(list[0].start), el('span', { class: 'count-small' }, list.length))));
    const list = byDay.get(current) || [];
    times.setAttribute('aria-label', list.length ? `Open times on ${day(list[0].start)}` : 'Open times');
    times.replaceChildren(...list.map(slot => {
      const on = chosen.has(new Date(slot.start).getTime());
      return el('button', { type: 'button', class: 'slot-toggle', 'aria-pressed': String(on), 'data-key': `time ${new Date(slot.start).getTime()}`,
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
          el('button', { type: 'button', class: 'chip-remove', 'aria-label': `Remove ${when(iso)}`, 'data-key': `remove ${new Date(iso).getTime()}`,
            onclick: () => {
              // The focus moves on to the next pick shown, else the one before, else the time.
              const order = picks.map(p => new Date(p).getTime());
              const t = new Date(iso).getTime();
              const at = order.indexOf(t);
              chosen.delete(t);
              render([...order.slice(at + 1), ...order.slice(0, at).reverse()].map(k => `remove ${k}`)
                .concat(`time ${t}`, `day ${keyOf(iso)}`));
              onchange();
            } }, '×'))))]
      : el('span', { class: 'muted' }, `${need}. Nothing chosen yet.`)));
    if (had) {
      // A time or day no longer open: the day shown, else its first time.
      const next = [...(then || []), had, `day ${current}`].map(key => node.querySelector(`[data-key="${key}"]`))
        .find(Boolean) || times.querySelector('.slot-toggle');
      if (next) next.focus();
    }
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
