// The reader's interviews: coming up, held and cancelled.

import { me, zone } from '../state.js';
import { api, ApiError } from '../api.js';
import { alertBox, busy, card, el, link, nodes } from '../dom.js';
import { ago, clock, day, when } from '../time.js';
import { badge, formatName } from '../labels.js';
import { inlineForm, textField } from '../forms.js';
import { go } from '../nav.js';
import { slotPicker } from '../slots.js';

export async function interviews() {
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
