// Words for the API's codes and vocabularies: request statuses, interview formats, strengths leaders name.

import { el } from './dom.js';

const STATUS = { PENDING: 'Pending', COUNTER_PROPOSED: 'New times proposed', ACCEPTED: 'Accepted',
  DECLINED: 'Declined', REDIRECTED: 'Redirected', EXPIRED: 'Expired', WITHDRAWN: 'Withdrawn',
  SCHEDULED: 'Scheduled', HELD: 'Held', NO_SHOW: 'No-show', CANCELLED: 'Cancelled',
  QUEUED: 'Queued', RUNNING: 'Running', DONE: 'Done', FAILED: 'Failed' };
const FORMAT = { VIDEO: 'video call', PHONE: 'phone call', IN_PERSON: 'in person' };
export const badge = status => el('span', { class: 'badge ' + status }, STATUS[status] || status);
export const formatName = f => FORMAT[f] || String(f).toLowerCase().replaceAll('_', ' ');

export function listing(words) {
  try { return new Intl.ListFormat('en', { type: 'disjunction' }).format(words.map(String)); } catch (e) { return words.join(', '); }
}

export const STRENGTHS = ['well prepared', 'clear questions', 'curiosity', 'good listener', 'business sense', 'initiative',
  'clear communicator', 'learns fast'];
