// Finding leaders by name, topic or division.

import { divisions, me, searchState } from '../state.js';
import { api } from '../api.js';
import { alertBox, busy, card, el, link, plural } from '../dom.js';

export async function find() {
  const results = el('div', { class: 'results' });
  const q = el('input', { type: 'search', name: 'q', value: searchState.q, placeholder: 'Name, title or topic',
    'aria-label': 'Search leaders', autocomplete: 'off' });
  const division = el('select', { name: 'division', 'aria-label': 'Division' },
    el('option', { value: '' }, 'All other divisions'),
    divisions.filter(d => d.id !== me.divisionId).map(d =>
      el('option', { value: d.id, selected: d.id === searchState.divisionId }, d.name)));
  const button = el('button', { type: 'submit' }, 'Search');
  const form = el('form', { class: 'search', role: 'search', onsubmit: event => { event.preventDefault(); search(); } },
    q, division, button);

  const search = async () => {
    searchState.q = q.value.trim();
    searchState.divisionId = division.value;
    const params = new URLSearchParams({ leadersOnly: 'true', limit: '30', q: searchState.q });
    if (division.value) params.set('divisionId', division.value);
    try {
      const page = await busy(form, button, 'Searching…', () => api('people?' + params));
      const leaders = page.items.filter(p => p.divisionId !== me.divisionId && p.id !== me.id);
      if (!leaders.length) {
        results.replaceChildren(el('div', { class: 'empty' },
          el('p', {}, searchState.q ? `No leaders in other divisions match “${searchState.q}”.` : 'No leaders found.'),
          el('p', { class: 'small muted' }, 'Try a topic such as “career growth”, or another division.')));
        return;
      }
      results.replaceChildren(
        el('p', { class: 'small muted' }, page.total > page.items.length
          ? `Showing the first ${page.items.length} of ${page.total}. Narrow your search to see others.`
          : plural(leaders.length, 'leader')),
        el('ul', { class: 'list' }, leaders.map(p => el('li', {},
          el('div', { class: 'grow' },
            el('a', { class: 'name', href: '#leader/' + p.id }, p.displayName),
            el('div', { class: 'small muted' }, [p.title, p.divisionName].filter(Boolean).join(' · '))),
          link('#leader/' + p.id, 'View profile')))));
    } catch (error) {
      if (error.status !== 401) results.replaceChildren(alertBox(error));
    }
  };
  const section = card(el('h2', {}, 'Find a leader in another division'),
    el('p', { class: 'muted' }, 'Ask a leader for a short conversation about their work, their division and their path.'),
    form, results);
  await search();
  return section;
}
