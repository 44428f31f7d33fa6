// Requests the reader sent, and for leaders the requests they received.

import { me, zone } from '../state.js';
import { api, ApiError } from '../api.js';
import { alertBox, busy, card, el, link, newId, nodes, plural, titleOf } from '../dom.js';
import { ago, when } from '../time.js';
import { badge, formatName } from '../labels.js';
import { inlineForm, textField } from '../forms.js';
import { go } from '../nav.js';
import { slotPicker } from '../slots.js';
import { monthLoad } from './availability.js';

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

/** Kind reasons a leader may start a decline from, then make their own. */
export const DECLINE_REASONS = [
  { label: 'My calendar is full', text: 'My calendar is full this month. Please try me again next month.' },
  { label: 'Someone else answers this better', text: 'Someone else can answer this better than I can — try asking …' },
  { label: 'Outside what I can speak to', text: 'This is outside what I can speak to, and I would not want to waste your time.' },
  { label: 'Taking a break', text: 'I am taking a break from interviews for a while. Thank you for thinking of me.' },
];

export async function sent() {
  const [page, ivs] = await Promise.all([api('requests?as=requester').then(async p => { await withHistory(p.items); return p; }),
    api('interviews?as=employee').catch(() => ({ items: [] }))]);
  const context = { byRequest: new Map(ivs.items.map(i => [i.requestId, i])), all: page.items };
  return card(el('h2', {}, 'My requests'),
    requestList(page, 'leader', context, null,
      el('div', { class: 'empty' }, el('p', {}, 'You have not asked anyone yet.'), link('#find', 'Find a leader', 'button'))));
}

export async function received() {
  const [page, ivs, av] = await Promise.all([api('requests?as=leader').then(async p => { await withHistory(p.items); return p; }),
    api('interviews?as=leader').catch(() => ({ items: [] })),
    api(`leaders/${me.id}/availability`).catch(() => null)]);
  const context = { byRequest: new Map(ivs.items.map(i => [i.requestId, i])), all: page.items };
  const waiting = page.items.filter(r => r.status === 'PENDING');
  const rest = page.items.filter(r => r.status !== 'PENDING');
  return [
    card(el('h2', {}, 'Requests to me'),
      av && av.thisMonth && monthLoad(av.thisMonth),
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
    const id = newId();
    const q = el('input', { type: 'search', id, placeholder: 'Name or title', autocomplete: 'off' });
    const found = el('div', { class: 'colleagues', role: 'radiogroup', 'aria-label': 'Colleagues you may suggest' });
    const said = el('p', { class: 'small muted', role: 'status' });
    let asked = null;
    const search = async () => {
      if (asked) asked.abort();
      const mine = asked = new AbortController();
      said.textContent = 'Searching…';
      try {
        // Only colleagues the redirect would accept: the program's rule, asked by the server.
        const people = await api(`requests/${r.id}/colleagues?` + new URLSearchParams({ q: q.value.trim(), limit: '8' }),
          { signal: mine.signal });
        colleague = null;
        found.replaceChildren(...people.map(p => el('label', { class: 'choice' },
          el('input', { type: 'radio', name: id + '-who', value: p.id, onchange: () => { colleague = p; } }),
          el('span', {}, el('strong', {}, p.displayName), el('span', { class: 'small muted' }, ' · ',
            [p.title, p.divisionName].filter(Boolean).join(' · ')),
          p.topics.length > 0 && el('span', { class: 'small muted colleague-topics' }, p.topics.slice(0, 4).join(', '))))));
        said.textContent = people.length
          ? `${plural(people.length, 'colleague')} ${firstOf(other)} may ask${q.value.trim() ? ` matching “${q.value.trim()}”` : ''}.`
          : (q.value.trim() ? `No colleague ${firstOf(other)} may ask matches “${q.value.trim()}”.` : `No colleague ${firstOf(other)} may ask was found.`);
      } catch (error) {
        if (error.name === 'AbortError' || error.status === 401) return;
        said.textContent = '';
        found.replaceChildren(alertBox(error));
      }
    };
    let timer = null;
    q.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(search, 300); });
    q.addEventListener('keydown', event => { if (event.key === 'Enter') { event.preventDefault(); clearTimeout(timer); search(); } });
    search();
    const note = textField(`Note to ${firstOf(other)} (optional)`, { placeholder: 'Why this colleague is a better fit' });
    return inlineForm({ scope: item, actions, errorSlot, label: 'Suggest this colleague',
      labels: { leaderId: 'Colleague', note: 'Note' },
      fields: [el('div', { class: 'field' }, el('label', { for: id }, 'Find a colleague who takes interviews'),
        el('p', { class: 'hint' }, `Only colleagues ${firstOf(other)} may ask are listed: another division, within the program's level band, `,
          `outside ${firstOf(other)}'s own management chain, taking requests. The request goes to them with ${firstOf(other)}'s message `,
          'and the times still open for them.'), q, said, found), note.node],
      submit: async () => {
        if (!colleague) throw new ApiError('Pick a colleague first.', 400);
        await api(`requests/${r.id}/redirect`, { method: 'POST', body: { leaderId: colleague.id, note: note.control.value.trim() || null } });
        go(home, `You suggested ${colleague.displayName} to ${other.displayName}; the request was forwarded.`);
      } });
  };

  const declineForm = () => {
    const reason = textField(`Reason, shown to ${firstOf(other)} (optional, be kind)`,
      { hint: 'Start from a ready reason and make it yours, or write your own.' });
    const said = el('p', { class: 'visually-hidden', role: 'status' });
    const ready = el('div', { class: 'row small reasons', role: 'group', 'aria-label': 'Ready reasons' },
      DECLINE_REASONS.map(({ label, text }) => el('button', { type: 'button', class: 'secondary small-button', onclick: () => {
        reason.control.value = text;
        reason.control.focus();
        // The part still to fill in ("…") is selected, ready to type over.
        const gap = text.indexOf('…');
        if (gap >= 0) reason.control.setSelectionRange(gap, gap + 1);
        else reason.control.setSelectionRange(text.length, text.length);
        said.textContent = 'Reason filled in; edit it as you like.';
      } }, label)));
    return inlineForm({ scope: item, actions, errorSlot, label: 'Decline request', danger: true,
      labels: { reason: 'Reason' }, fields: [el('p', { class: 'small strong' }, 'Ready reasons'), ready, said, reason.node],
      submit: async () => {
        await api(`requests/${r.id}/decline`, { method: 'POST', body: { reason: reason.control.value.trim() || null } });
        go(home, `You declined ${other.displayName}'s request.`);
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
      el('button', { type: 'button', class: 'danger small-button', onclick: open(declineForm) }, 'Decline…')));
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
