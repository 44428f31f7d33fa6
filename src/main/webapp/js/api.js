// Calls to the REST API, signed in by the session cookie; a failure is an ApiError with the problem's fields.

import { me } from './state.js';
import { when } from './time.js';

export class ApiError extends Error {
  constructor(message, status, errors = [], type = '') {
    super(message);
    this.status = status;
    this.errors = errors;
    this.type = type; // the problem type, e.g. "/problems/slot-taken"
  }
  is(name) { return (this.type || '').split('/').pop() === name; }
}

/**
 * Calls the API; answers its JSON, or with `raw` the response itself (a CSV or PDF to save), once it succeeded.
 * A call given an AbortSignal that is aborted throws the browser's AbortError, for the caller to ignore.
 */
export async function api(path, { method = 'GET', body, headers = {}, raw = false, signal } = {}) {
  let response;
  try {
    response = await fetch('api/' + path, {
      method,
      credentials: 'same-origin',
      headers: { 'X-Requested-With': 'fetch', 'Accept': 'application/json',
                 ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
      body: body instanceof Blob ? body : body !== undefined ? JSON.stringify(body) : undefined, // a file as it is
      signal,
    });
  } catch (offline) {
    if (offline.name === 'AbortError') throw offline;
    throw new ApiError('Crossroads could not be reached. Check your connection and try again.', 0);
  }
  if (response.status === 401) {
    location.href = 'login.html' + (me ? '?expired' : '');
    throw new ApiError('Your session has ended. Sign in again.', 401);
  }
  if (raw && response.ok) return response;
  let data = null;
  if (response.status !== 204 && (response.headers.get('Content-Type') || '').includes('json')) {
    try { data = await response.json(); } catch (unreadable) { data = null; }
  }
  if (!response.ok) {
    let message = data && (data.detail || data.title);
    // Instants in a server message are shown on the reader's clock.
    if (message) message = message.replace(/\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z\b/g, iso => when(iso));
    if (!message && response.status === 429) message = 'Too many requests. Wait a moment and try again.';
    if (!message) message = `Something went wrong on the server (${response.status}). Try again in a moment.`;
    throw new ApiError(message, response.status, (data && Array.isArray(data.errors)) ? data.errors : [],
      (data && data.type) || '');
  }
  return data;
}

export function newKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), b => b.toString(16).padStart(2, '0')).join('');
}
