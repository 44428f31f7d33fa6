// Moving between views: what a view stops when it is left, focus after navigation, and `go()`.

import { main } from './dom.js';

let flash = null;             // a success message shown once, above the next view
export let renderCount = 0;   // a slow view must not overwrite a newer one

/** A view starts being built: the ticket it keeps while it is the one shown. */
export function nextRender() {
  return ++renderCount;
}

/** The success message for the view being built, once. */
export function takeFlash() {
  const message = flash;
  flash = null;
  return message;
}

export const leaving = []; // what the shown view stops when another one replaces it (timers)

/** Runs when the reader leaves the view being built, or when it is built again. */
export function onLeave(stop) { leaving.push(stop); }

/** Where a leader's profile was opened from: its back link, and the navigation entry it belongs to. */
export const ORIGINS = {
  find: { href: '#find', text: '← Back to search' },
  recommended: { href: '#recommended', text: '← Back to recommendations' },
  next: { href: '#next', text: '← Back to people to talk to next' },
};

/** Brings one item of a list into view and moves the focus to it, so it is read first. */
export function openItem(item) {
  item.setAttribute('tabindex', '-1');
  item.scrollIntoView({ block: 'center' });
  item.focus({ preventScroll: true });
}

/** After navigation, the focus moves to the new view's first heading, so a screen reader starts reading there. */
export function focusHeading() {
  const heading = main.querySelector('h1, h2');
  if (!heading) return;
  heading.setAttribute('tabindex', '-1');
  heading.focus({ preventScroll: true });
}

/** Brings a part of the page (`<section id="part-…">` with a heading) into view and moves the focus to its heading. */
export function openSection(part) {
  const section = document.getElementById('part-' + part);
  if (!section) return;
  const heading = section.querySelector('h2, h3');
  section.scrollIntoView({ block: 'start' });
  if (heading) { heading.setAttribute('tabindex', '-1'); heading.focus({ preventScroll: true }); }
}

export function go(hash, message) {
  flash = message || null;
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange')); else location.hash = hash;
  window.scrollTo(0, 0);
}
