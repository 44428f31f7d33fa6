// Times on the reader's clock: zones, wall-clock conversions and times in words.

import { zone } from './state.js';
import { plural } from './dom.js';

export function validZone(candidate) {
  try { new Intl.DateTimeFormat('en', { timeZone: candidate }); return Boolean(candidate); } catch (e) { return false; }
}

function parts(date, tz) {
  const result = {};
  new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit',
    day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', weekday: 'short' })
    .formatToParts(date).forEach(p => { result[p.type] = p.value; });
  return result;
}

export function offsetMs(tz, date) {
  const p = parts(date, tz);
  const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour % 24, +p.minute, +p.second);
  return asUtc - Math.floor(date.getTime() / 1000) * 1000;
}

/** 'YYYY-MM-DDTHH:mm' on the wall clock of tz → Date. */
function wallToDate(wall, tz = zone) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(wall || '');
  if (!m) return null;
  const guess = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  let t = guess - offsetMs(tz, new Date(guess));
  t = guess - offsetMs(tz, new Date(t));
  return new Date(t);
}

export function dateToWall(date, tz = zone) {
  const p = parts(date, tz);
  return `${p.year}-${p.month}-${p.day}T${String(+p.hour % 24).padStart(2, '0')}:${p.minute}`;
}

/** "Mon 23 Nov, 10:00 CET", in the viewer's zone unless told otherwise. */
export function when(iso, tz = zone, { zoneName = true } = {}) {
  const date = new Date(iso);
  const thisYear = parts(new Date(), tz).year === parts(date, tz).year;
  return new Intl.DateTimeFormat([], { timeZone: tz, weekday: 'short', day: 'numeric', month: 'short',
    year: thisYear ? undefined : 'numeric', hour: '2-digit', minute: '2-digit',
    timeZoneName: zoneName ? 'short' : undefined }).format(date);
}

export function clock(iso, tz = zone, zoneName = true) {
  return new Intl.DateTimeFormat([], { timeZone: tz, hour: '2-digit', minute: '2-digit',
    timeZoneName: zoneName ? 'short' : undefined }).format(new Date(iso));
}

export function day(iso, tz = zone) {
  const date = new Date(iso);
  const thisYear = parts(new Date(), tz).year === parts(date, tz).year;
  return new Intl.DateTimeFormat([], { timeZone: tz, weekday: 'short', day: 'numeric', month: 'long',
    year: thisYear ? undefined : 'numeric' }).format(date);
}

export function ago(iso) {
  const seconds = (new Date(iso).getTime() - Date.now()) / 1000;
  const rtf = new Intl.RelativeTimeFormat([], { numeric: 'auto' });
  for (const [unit, size] of [['day', 86400], ['hour', 3600], ['minute', 60]]) {
    if (Math.abs(seconds) >= size) return rtf.format(Math.round(seconds / size), unit);
  }
  return 'just now';
}

/** "1 h 5 min", "12 min", "3 days": a coarse length of time. */
export function duration(ms) {
  const minutes = Math.round(ms / 60000);
  if (minutes < 1) return 'less than a minute';
  if (minutes < 60) return plural(minutes, 'min', 'min');
  if (minutes < 48 * 60) return `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
  return plural(Math.round(minutes / 1440), 'day');
}

/** How often the state of a running job (a cohort round, a directory import) is asked for. */
export const POLL_MS = 1500;
