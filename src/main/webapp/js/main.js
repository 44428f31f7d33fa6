// The portal: a thin client of the REST API, signed in by the session cookie. It finds out who signed in,
// then shows the view the address names; every view is a module under views/.

import { me, signIn, useDivisions, useZone, zone } from './state.js';
import { api } from './api.js';
import { alertBox, card, el, link, main, nodes } from './dom.js';
import { validZone } from './time.js';
import { focusHeading, leaving, nextRender, openItem, openSection, ORIGINS, renderCount, takeFlash } from './nav.js';
import { availability } from './views/availability.js';
import { cohorts } from './views/cohorts.js';
import { directoryView } from './views/directory.js';
import { find } from './views/find.js';
import { home } from './views/home.js';
import { interviews } from './views/interviews.js';
import { meeting } from './views/meeting.js';
import { contacts, talent, talkToNext } from './views/network.js';
import { profile } from './views/profile.js';
import { program } from './views/program.js';
import { recommended } from './views/recommended.js';
import { reports } from './views/reports.js';
import { received, sent } from './views/requests.js';

// ---------------------------------------------------------------- routing

const views = { home, recommended, find, sent, received, interviews, availability, cohorts, reports, next: talkToNext, contacts, talent,
  directory: directoryView, program };

async function route() {
  // "#leader/<id>" from search, "#leader/<id>/recommended" from the recommendations, "#leader/<id>/next/<referral id>"
  // from a suggestion; "#meeting/<interview id>", with "/thanks", "/after" or "/notes" to open at that part;
  // "#sent/<request id>" and "#contacts/<person id>" open the list at that item.
  const [name, argument, from, extra] = location.hash.replace(/^#\/?/, '').split('/');
  leaving.splice(0).forEach(stop => stop());
  const origin = ORIGINS[from] ? from : 'find';
  const view = name === 'leader' ? origin : name === 'meeting' ? 'interviews' : (views[name] ? name : 'home');
  document.querySelectorAll('#nav a').forEach(a => {
    if (a.dataset.view === view) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
  const ticket = nextRender();
  const message = takeFlash();
  main.setAttribute('aria-busy', 'true');
  if (!main.querySelector('.card')) main.replaceChildren(el('p', { class: 'muted' }, 'Loading…'));
  let content;
  try {
    if (name === 'leader' && argument) {
      content = await profile(decodeURIComponent(argument), origin, origin === 'next' && extra ? decodeURIComponent(extra) : null);
    } else if (name === 'meeting' && argument) {
      content = await meeting(decodeURIComponent(argument));
    } else {
      content = await views[view]();
    }
  } catch (error) {
    if (error.status === 401) return;
    content = error.status === 404
      ? [card(el('h2', {}, 'Not found'), alertBox(error), link('#find', 'Back to search'))]
      : [card(el('h2', {}, 'This page could not be loaded'), alertBox(error),
        el('button', { class: 'secondary', onclick: () => route() }, 'Try again'))];
  }
  if (ticket !== renderCount) return;
  main.removeAttribute('aria-busy');
  main.replaceChildren(...nodes(message ? el('div', { class: 'alert success', role: 'status' }, message) : null, content));
  if (name === 'leader') window.scrollTo(0, 0); // a profile opened from far down a list starts at its top
  const item = ITEMS[name] && argument && document.getElementById(ITEMS[name] + decodeURIComponent(argument));
  if (name === 'meeting' && from) openSection(from);
  else if (item) openItem(item);
  else if (!main.contains(document.activeElement)) focusHeading();
}

/** Lists whose items a link can open at: the prefix of each item's id. */
const ITEMS = { sent: 'request-', contacts: 'contact-' };

// ---------------------------------------------------------------- start

(async function start() {
  try {
    signIn(await api('me'));
    useDivisions(await api('divisions'));
  } catch (error) {
    if (error.status === 401) return;
    main.replaceChildren(card(el('h2', {}, 'Crossroads could not start'), alertBox(error),
      el('button', { onclick: () => location.reload() }, 'Try again')));
    return;
  }
  if (validZone(me.timeZone)) useZone(me.timeZone);
  document.getElementById('who').textContent = [me.displayName, me.divisionName].filter(Boolean).join(' · ');
  document.getElementById('zone').textContent = `Times in ${zone}`;
  document.querySelectorAll('[data-role]').forEach(b => { b.hidden = !me.roles.includes(b.dataset.role); });
  window.addEventListener('hashchange', route);
  route();
})();
