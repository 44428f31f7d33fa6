// Home: what needs the reader first, and the next interview.

import { zone } from '../state.js';
import { api } from '../api.js';
import { card, el, firstName, link, plural, titleOf } from '../dom.js';
import { ago, clock, day, duration, when } from '../time.js';
import { formatName } from '../labels.js';
import { onLeave, renderCount } from '../nav.js';
import { recommended } from './recommended.js';

const COUNTDOWN_MS = 30000; // how often the next interview's countdown is brought up to date

/**
 * The employee's front door: what needs them now, the most pressing first, and only what has something in it;
 * then the recommendations. Each item leads to where it is done.
 */
export async function home() {
  const [agenda, suggestions] = await Promise.all([api('me/agenda'), recommended()]);
  return [needsYou(agenda), ...suggestions];
}

function needsYou(a) {
  const waiting = a.counterProposals.total + a.followUpsDue.total + a.thankYous.total + a.contactsDue.total;
  const parts = [
    homePart('answer', 'New times to answer', a.counterProposals, r => {
      const first = firstName(r.leader);
      return [homeHead(r.leader),
        el('p', { class: 'small' }, `${first} could not make your times and proposed ${plural(r.proposedSlots.length, 'new time')}. `,
          `Answer by ${day(r.answerBy)}, or the request closes.`),
        link(`#sent/${encodeURIComponent(r.requestId)}`, `Pick one of ${first}’s times`, 'button small-button')];
    }),
    homePart('follow-up', 'Follow-ups you may send', a.followUpsDue, r => {
      const first = firstName(r.leader);
      return [homeHead(r.leader),
        el('p', { class: 'small' }, `No answer since ${day(r.lastAttemptAt)}. A short, friendly reminder is welcome `,
          `(${plural(r.followUpsLeft, 'follow-up')} left); without one the request closes ${day(r.expiresAt)}.`),
        link(`#sent/${encodeURIComponent(r.requestId)}`, `Follow up with ${first}`, 'button secondary small-button')];
    }),
    homePart('thanks', 'Thank-yous to send', a.thankYous, t => {
      const first = firstName(t.leader);
      const onTime = Date.parse(t.onTimeUntil) > Date.now();
      return [homeHead(t.leader),
        el('p', { class: 'small' }, `You met ${day(t.endedAt)}. `, onTime
          ? `A thank-you by ${when(t.onTimeUntil)} is on time.`
          : 'A word of thanks is still welcome.'),
        link(`#meeting/${encodeURIComponent(t.interviewId)}/thanks`, `Thank ${first}`, 'button small-button')];
    }),
    homePart('contacts', 'Contacts to touch base with', a.contactsDue, c => [
      homeHead(c.person),
      el('p', { class: 'small' }, `Due ${ago(c.nextTouchDue)}`, c.lastTouch ? ` · last touch ${ago(c.lastTouch)}` : ' · no touch yet',
        '. A short note, an article, congratulations: keep it light.'),
      link(`#contacts/${encodeURIComponent(c.person.id)}`, `Touch base with ${firstName(c.person)}`, 'button secondary small-button')]),
    a.nextInterview && nextInterviewPart(a.nextInterview),
  ].filter(Boolean);
  return card(el('h2', {}, 'What needs you'),
    el('p', { class: 'muted' }, waiting
      ? `${plural(waiting, 'thing')} ${waiting === 1 ? 'is' : 'are'} waiting for you, the most pressing first.`
      : a.nextInterview ? 'Nothing is waiting for you. Your next conversation:' : 'Nothing is waiting for you. Below: leaders you could ask next.'),
    parts);
}

/** Whom an item of the home is about: their name and title. */
const homeHead = person => el('div', { class: 'request-head' }, el('strong', {}, person.displayName), titleOf(person));

/** One kind of thing that needs the reader, left out when there is none: `<section id="part-…">` with a heading. */
function homePart(part, title, page, render) {
  if (!page.total) return null;
  const id = 'home-' + part;
  return el('section', { class: 'home-part', id: 'part-' + part, 'aria-labelledby': id },
    el('h3', { id }, title, el('span', { class: 'count' }, page.total)),
    el('ul', { class: 'list home-items' }, page.items.map(item => el('li', {}, render(item)))),
    page.total > page.items.length && el('p', { class: 'small muted' }, `The first ${page.items.length} of ${page.total}.`));
}

/** The next interview, with a countdown that keeps itself current while the page is open (it is not read aloud). */
function nextInterviewPart(i) {
  const first = firstName(i.leader);
  const start = Date.parse(i.start);
  const ticket = renderCount;
  const counter = el('p', { class: 'countdown', role: 'timer' });
  function tick() {
    if (ticket !== renderCount) { clearInterval(timer); return; }
    const now = Date.now();
    counter.textContent = now < start ? `Starts in ${duration(start - now)}` : 'Under way now';
  }
  const timer = setInterval(tick, COUNTDOWN_MS);
  onLeave(() => clearInterval(timer));
  tick();
  return el('section', { class: 'home-part', id: 'part-next', 'aria-labelledby': 'home-next' },
    el('h3', { id: 'home-next' }, 'Your next interview'),
    el('div', { class: 'next-interview' },
      counter,
      el('p', {}, `${i.length} min ${formatName(i.format)} with `, el('strong', {}, i.leader.displayName),
        i.leader.title ? `, ${i.leader.title}` : ''),
      el('p', { class: 'small muted' }, `${day(i.start)}, ${clock(i.start, zone, false)}–${clock(i.end)}`),
      el('div', { class: 'actions' },
        link(`#meeting/${encodeURIComponent(i.interviewId)}`, `Prepare for ${first}`, 'button small-button'),
        el('a', { class: 'button secondary small-button', href: `api/interviews/${encodeURIComponent(i.interviewId)}/calendar.ics`,
          download: 'crossroads-interview.ics' }, 'Add to calendar'))));
}
