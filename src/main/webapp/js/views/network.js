// The reader's network: people to talk to next, contacts to keep in touch with, and what leaders said (talent).

import { api, ApiError } from '../api.js';
import { alertBox, busy, card, el, firstName, link, newId, nodes, plural, titleOf } from '../dom.js';
import { ago, dateToWall, day, when } from '../time.js';
import { fieldError, flagFields, inlineForm, numberField, textField } from '../forms.js';
import { go } from '../nav.js';

// ---------------------------------------------------------------- people to talk to next

export const OUTCOME = {
  NOT_ASKED: { text: 'Not asked yet', cls: '' },
  REQUESTED: { text: 'Asked', cls: 'PENDING' },
  HELD: { text: 'Met', cls: 'HELD' },
  DECLINED: { text: 'Declined', cls: 'DECLINED' },
  CLOSED: { text: 'Closed', cls: 'EXPIRED' },
};

/** The people leaders suggested to the reader (DESIGN rule 7), by the conversation they came from, newest first. */
export async function talkToNext() {
  const referrals = await api('me/referrals');
  const groups = new Map();
  for (const r of referrals) {
    if (!groups.has(r.interviewId)) groups.set(r.interviewId, []);
    groups.get(r.interviewId).push(r);
  }
  return card(el('h2', {}, 'People to talk to next'),
    el('p', { class: 'muted' }, 'At the end of a conversation, leaders may name people worth your time. Ask them as you asked before: '
      + 'your request cites the suggestion, and the leader sees who sent you when the one who suggested them allowed it.'),
    referrals.length
      ? [...groups.values()].map(list => el('section', { class: 'referral-group' },
        el('h3', {}, `From your conversation with ${list[0].referredBy.displayName}`,
          el('span', { class: 'small muted' }, ` · ${day(list[0].createdAt)}`)),
        el('ul', { class: 'list' }, list.map(referralItem))))
      : el('div', { class: 'empty' },
        el('p', {}, 'No suggestions yet.'),
        el('p', { class: 'small muted' }, 'Near the end of each interview, ask: “Who else do you think I should talk to?” '
          + 'The people a leader names then appear here.'),
        link('#interviews', 'Your interviews', 'button')));
}

export function referralItem(r) {
  const first = firstName(r.person);
  const by = firstName(r.referredBy);
  const outcome = OUTCOME[r.outcome] || { text: r.outcome, cls: '' };
  const ask = link(`#leader/${encodeURIComponent(r.person.id)}/next/${encodeURIComponent(r.id)}`, `Ask ${first}`, 'button small-button');
  const next = {
    NOT_ASKED: ask,
    REQUESTED: link('#sent', 'See my request', 'button secondary small-button'),
    HELD: link('#contacts', 'In your contacts', 'button secondary small-button'),
    DECLINED: link('#find', 'Find another leader', 'button secondary small-button'),
    CLOSED: ask,
  }[r.outcome];
  return el('li', { class: 'request referral' },
    el('div', { class: 'request-head' }, el('strong', {}, r.person.displayName), titleOf(r.person),
      el('span', { class: 'badge ' + outcome.cls }, outcome.text)),
    el('div', { class: 'small muted' }, `Suggested by ${r.referredBy.displayName} ${ago(r.createdAt)} · `,
      el('span', { title: 'How many suggestions led here: 1 is from a conversation you set up yourself' },
        r.depth > 1 ? `${r.depth} links down a chain of suggestions` : 'first link of a chain')),
    r.note && el('p', { class: 'small note-line' }, `${by} wrote:`, el('q', {}, r.note)),
    el('p', { class: 'small' }, r.mayUseName
      ? `You may mention ${by}’s name: ${first} will see who suggested them.`
      : `${by} asked not to be named: ${first} will see “suggested by a colleague”.`),
    r.outcome === 'CLOSED' && el('p', { class: 'small muted' }, 'Your earlier request closed without a meeting; you may ask again.'),
    next && el('div', { class: 'actions' }, next));
}

// ---------------------------------------------------------------- contacts

/** The people the reader met and keeps in touch with (DESIGN rule 9): due first, then coming up, then stopped. */
export async function contacts() {
  const [list, digest, program] = await Promise.all([api('me/contacts'), api('me/contacts/digest'),
    api('program').catch(() => ({ keepInTouchDays: 30 }))]);
  const due = list.filter(c => c.due);
  const coming = list.filter(c => !c.due && !c.stopped);
  const stopped = list.filter(c => c.stopped);
  const section = (title, items, note) => items.length > 0 && [el('h3', {}, title, note || ''),
    el('ul', { class: 'list' }, items.map(c => contactItem(c)))];
  return [
    card(el('h2', {}, 'Contacts'),
      el('p', { class: 'muted' }, `Everyone you met in an interview. Crossroads reminds you to touch base every ${plural(program.keepInTouchDays, 'day')} `
        + 'unless you choose otherwise for someone: a short note, an article, congratulations. Keep it light.'),
      digestToggle(digest),
      list.length
        ? [section('Due now', due, el('span', { class: 'count' }, due.length)), section('Coming up', coming), section('Stopped', stopped)]
        : el('div', { class: 'empty' }, el('p', {}, 'No contacts yet.'),
          el('p', { class: 'small muted' }, 'Each leader you meet becomes a contact once the interview is marked as held.'))),
  ];
}

/** The weekly mail of contacts due: saved as soon as it is switched. */
function digestToggle(digest) {
  const id = newId();
  const box = el('input', { type: 'checkbox', id, checked: digest.weekly });
  const said = el('div', { class: 'small muted', role: 'status' });
  box.addEventListener('change', async () => {
    const weekly = box.checked;
    box.disabled = true;
    said.textContent = 'Saving…';
    try {
      const saved = await api('me/contacts/digest', { method: 'PUT', body: { weekly } });
      box.checked = saved.weekly;
      said.textContent = saved.weekly ? 'Saved: a mail each week lists the contacts due.' : 'Saved: no weekly mail.';
    } catch (error) {
      box.checked = !weekly;
      if (error.status !== 401) said.replaceChildren(alertBox(error));
    } finally {
      box.disabled = false;
    }
  });
  return el('div', { class: 'field digest' }, el('label', { class: 'check', for: id }, box, ' Mail me the contacts due, once a week'), said);
}

function contactItem(c) {
  const first = firstName(c.person);
  const item = el('li', { class: 'request contact' + (c.due ? ' due' : ''), id: 'contact-' + c.person.id });
  const errorSlot = el('div');
  const touchPath = `me/contacts/${encodeURIComponent(c.person.id)}`;

  const open = form => () => {
    errorSlot.replaceChildren();
    const node = form();
    actions.replaceWith(node);
    node.querySelector('textarea, input, select').focus();
  };

  const touchForm = () => {
    const note = textField('Note (optional, only for you)', { placeholder: `For example: sent ${first} the article we talked about` });
    return inlineForm({ scope: item, actions, errorSlot, label: 'Log touch', busyLabel: 'Saving…', fields: note.node,
      labels: { note: 'Note' },
      submit: async () => {
        const touch = await api(`${touchPath}/touches`, { method: 'POST', body: { note: note.control.value.trim() || null } });
        go('#contacts', `Noted: you were in touch with ${c.person.displayName}${touch.onTime ? ', on time' : ''}. `
          + `The next touch is due in ${plural(c.cadenceDays, 'day')}.`);
      } });
  };

  const changeForm = () => {
    const cadence = numberField('Touch base every', c.cadenceDays, { min: 7, max: 365, unit: 'days (7 to 365)' });
    cadence.node.dataset.field = 'cadenceDays';
    cadence.node.append(fieldError());
    const snoozeId = newId();
    const tomorrow = dateToWall(new Date(Date.now() + 86400000)).slice(0, 10);
    const snooze = el('input', { type: 'date', id: snoozeId, min: tomorrow, value: c.snoozedUntil || '' });
    const stopId = newId();
    const stop = el('input', { type: 'checkbox', id: stopId, checked: c.stopped });
    const form = inlineForm({ scope: item, actions, errorSlot, label: 'Save', busyLabel: 'Saving…',
      labels: { cadenceDays: 'Every how many days', snoozedUntil: 'Snooze until', stopped: 'Stop' },
      fields: [el('div', { class: 'row two' }, cadence.node,
        el('div', { class: 'field', 'data-field': 'snoozedUntil' }, el('label', { for: snoozeId }, 'Snooze until (optional)'),
          el('p', { class: 'hint' }, 'No reminder before this day.'), snooze, fieldError())),
      el('div', { class: 'field', 'data-field': 'stopped' }, el('label', { class: 'check', for: stopId }, stop, ` Stop reminders about ${first}`),
        el('p', { class: 'hint' }, `${first} stays in your contacts; you can start again any time.`))],
      submit: async () => {
        const days = cadence.control.value === '' ? NaN : Number(cadence.control.value);
        const errors = [];
        if (!Number.isInteger(days) || days < 7 || days > 365) errors.push({ field: 'cadenceDays', message: 'a whole number of days from 7 to 365' });
        if (snooze.value && snooze.value < tomorrow) errors.push({ field: 'snoozedUntil', message: 'a day after today' });
        flagFields(form, errors);
        if (errors.length) throw new ApiError('', 400, errors);
        try {
          await api(touchPath, { method: 'PUT', body: { cadenceDays: days, snoozedUntil: snooze.value || null, stopped: stop.checked } });
        } catch (error) {
          flagFields(form, error.errors);
          throw error;
        }
        go('#contacts', stop.checked ? `No more reminders about ${c.person.displayName}.`
          : `Saved: every ${plural(days, 'day')}${snooze.value ? `, nothing before ${day(snooze.value + 'T12:00:00Z')}` : ''}.`);
      } });
    return form;
  };

  const resume = async event => {
    errorSlot.replaceChildren();
    try {
      await busy(item, event.currentTarget, 'Saving…', () => api(touchPath, { method: 'PUT',
        body: { cadenceDays: c.cadenceDays, snoozedUntil: null, stopped: false } }));
      go('#contacts', `Reminders about ${c.person.displayName} are back on.`);
    } catch (error) {
      if (error.status !== 401) errorSlot.replaceChildren(alertBox(error));
    }
  };

  let actions = el('div', { class: 'actions' },
    el('button', { type: 'button', class: (c.due ? '' : 'secondary ') + 'small-button', onclick: open(touchForm) }, 'Log a touch…'),
    c.stopped
      ? el('button', { type: 'button', class: 'secondary small-button', onclick: resume }, 'Start reminders again')
      : el('button', { type: 'button', class: 'secondary small-button', onclick: open(changeForm) }, 'Reminders…'));

  const next = c.stopped ? 'No reminders' : c.nextTouchDue
    ? (c.due ? `Due ${ago(c.nextTouchDue)}` : `Next touch ${ago(c.nextTouchDue)}`) : null;
  item.append(...nodes(
    el('div', { class: 'request-head' }, el('strong', {}, c.person.displayName), titleOf(c.person),
      c.due && el('span', { class: 'badge PENDING' }, 'Due'),
      c.snoozedUntil && !c.stopped && el('span', { class: 'badge' }, `Snoozed until ${day(c.snoozedUntil + 'T12:00:00Z')}`)),
    el('div', { class: 'small muted' }, [
      `Met ${day(c.metAt)}`,
      c.lastTouch ? `last touch ${ago(c.lastTouch)}` : 'no touch yet',
      next && el('span', { class: c.due ? 'warning' : '', title: c.nextTouchDue ? when(c.nextTouchDue) : null }, next),
      !c.stopped && `every ${plural(c.cadenceDays, 'day')}`,
      c.touchesDue > 0 && `${c.touchesOnTime} of ${plural(c.touchesDue, 'touch', 'touches')} on time`,
    ].filter(Boolean).flatMap((part, n) => n ? [' · ', part] : [part])),
    actions,
    errorSlot));
  return item;
}

// ---------------------------------------------------------------- talent

/** What leaders said about the reader (DESIGN rule 10), whether HR may see the flags, and offers of mentoring (rule 11). */
export async function talent() {
  const view = await api('me/talent');
  const flagged = view.feedback.filter(f => f.talentPool).length;
  return [
    consentCard(view.consent, flagged),
    card(el('h2', {}, 'What leaders said'),
      view.feedback.length
        ? el('ul', { class: 'list' }, view.feedback.map(feedbackItem))
        : el('div', { class: 'empty' }, el('p', { class: 'muted' }, 'Nothing yet. After a held interview, a leader may note your strengths and flag you for the talent pool.'))),
    view.mentoring.length > 0 && card(el('h2', {}, 'Offers of mentoring'),
      el('p', { class: 'muted' }, 'An informational interview is not a mentorship; some leaders offer one. Nothing is assumed until you answer.'),
      el('ul', { class: 'list' }, view.mentoring.map(mentoringItem))),
  ];
}

/** The employee decides whether HR sees their talent flags; saved as soon as it is switched, both ways. */
function consentCard(consent, flagged) {
  const id = newId();
  const box = el('input', { type: 'checkbox', id, checked: consent.visibleToHr, 'aria-describedby': id + '-about' });
  const said = el('div', { role: 'status' });
  const changed = el('p', { class: 'small muted' });
  const showChanged = at => { changed.textContent = at ? `Last changed ${when(at)}.` : 'You have not changed this yet: it is off.'; };
  showChanged(consent.changedAt);
  box.addEventListener('change', async () => {
    const visibleToHr = box.checked;
    box.disabled = true;
    said.replaceChildren();
    try {
      const saved = await api('me/talent-pool-consent', { method: 'PUT', body: { visibleToHr } });
      box.checked = saved.visibleToHr;
      showChanged(saved.changedAt);
      said.replaceChildren(el('p', { class: 'alert success' }, saved.visibleToHr
        ? 'Saved: HR can now see your talent flags.' : 'Saved: HR no longer sees your talent flags.'));
    } catch (error) {
      box.checked = !visibleToHr;
      if (error.status !== 401) said.replaceChildren(alertBox(error));
    } finally {
      box.disabled = false;
    }
  });
  return card(el('h2', {}, 'Talent pool'),
    el('p', {}, flagged
      ? `${plural(flagged, 'leader has', 'leaders have')} flagged you for the talent pool.`
      : 'No leader has flagged you for the talent pool yet.'),
    el('div', { class: 'field consent' },
      el('label', { class: 'check', for: id }, box, ' Let HR see the talent flags leaders give me'),
      el('p', { class: 'hint', id: id + '-about' }, 'While this is on, HR can see the talent-pool flags leaders gave you, with the strengths they named. '
        + 'While it is off, HR sees none of them. You can turn it off at any time, and it takes effect at once. '
        + 'Your private notes never reach HR.'),
      changed),
    said);
}

export function feedbackItem(f) {
  return el('li', { class: 'request' },
    el('div', { class: 'request-head' }, el('strong', {}, f.leader ? f.leader.displayName : 'A leader'), titleOf(f.leader),
      f.talentPool && el('span', { class: 'badge good' }, 'Talent-pool flag'),
      el('span', { class: 'small muted', title: when(f.givenAt) }, ago(f.givenAt))),
    f.strengths.length > 0 && el('div', { class: 'chips' }, el('span', { class: 'small muted' }, 'Strengths '),
      f.strengths.map(s => el('span', { class: 'chip' }, s))),
    f.note && el('p', { class: 'small note-line' }, el('q', {}, f.note)));
}

function mentoringItem(o) {
  const first = firstName(o.leader);
  const item = el('li', { class: 'request' });
  const errorSlot = el('div');
  const answer = accepted => async event => {
    errorSlot.replaceChildren();
    try {
      await busy(item, event.currentTarget, 'Saving…', () => api(`me/mentoring-offers/${encodeURIComponent(o.interviewId)}`,
        { method: 'PUT', body: { accepted } }));
      go('#talent', accepted ? `You accepted ${o.leader.displayName}’s offer. Agree with ${first} how often to meet.`
        : `You declined ${o.leader.displayName}’s offer.`);
    } catch (error) {
      if (error.status !== 401) errorSlot.replaceChildren(alertBox(error));
    }
  };
  item.append(...nodes(
    el('div', { class: 'request-head' }, el('strong', {}, o.leader.displayName), titleOf(o.leader),
      o.answer && el('span', { class: 'badge ' + (o.answer === 'ACCEPTED' ? 'good' : '') }, o.answer === 'ACCEPTED' ? 'Accepted' : 'Declined')),
    el('div', { class: 'small muted' }, `Offered ${ago(o.offeredAt)}`, o.answeredAt ? ` · answered ${ago(o.answeredAt)}` : ''),
    !o.answer && el('div', { class: 'actions' },
      el('button', { type: 'button', class: 'small-button', onclick: answer(true) }, 'Accept'),
      el('button', { type: 'button', class: 'secondary small-button', onclick: answer(false) }, 'Decline')),
    errorSlot));
  return item;
}
