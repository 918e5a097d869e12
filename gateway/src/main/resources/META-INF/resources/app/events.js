// The clickstream: what this page showed and what was clicked, sent in small batches to
// POST /api/v1/events so recommendations follow the session. Losing a batch only costs
// personalization, never a page, so failures are retried a few times and then dropped.

import {api} from './api.js';

const SESSION = 'marquee.sessionId';
const FLUSH_AFTER_MS = 1000;
const MAX_BATCH = 100;
const queue = [];
let timer = null;
let disabled = false;
let failures = 0;

function sessionId() {
  let id = sessionStorage.getItem(SESSION);
  if (!id) {
    id = crypto.randomUUID();
    sessionStorage.setItem(SESSION, id);
  }
  return id;
}

function device() {
  return window.matchMedia('(max-width: 640px)').matches ? 'phone' : 'desktop';
}

/**
 * Records one event: `view` when a title page opens, `click` on a recommended or charted title
 * (with the list's recommendationId and the ids it showed, as Personalize's impressions).
 */
export function track(eventType, itemId, {recommendationId, impression} = {}) {
  if (disabled) return;
  const event = {
    eventId: crypto.randomUUID(),
    sessionId: sessionId(),
    eventType,
    itemId: String(itemId),
    sentAt: new Date().toISOString(),
    page: location.pathname,
    device: device(),
  };
  if (recommendationId) event.recommendationId = recommendationId;
  if (impression?.length) event.impression = impression.slice(0, 25).map(String);
  queue.push(event);
  timer ??= setTimeout(flush, FLUSH_AFTER_MS);
}

/** Sends what is queued now (also on leaving the page, with keepalive so it survives navigation). */
export async function flush({leaving = false} = {}) {
  clearTimeout(timer);
  timer = null;
  if (!queue.length || disabled) return;
  const batch = queue.splice(0, MAX_BATCH);
  try {
    await api('/events', {method: 'POST', body: {events: batch}, keepalive: leaving});
    failures = 0;
  } catch (error) {
    if (error.status === 404 || error.status === 405) {
      disabled = true; // A gateway without the clickstream: stop trying.
    } else if (error.status === 400) {
      console.warn('events refused', error.problem);
    } else if (++failures <= 3) {
      queue.unshift(...batch);
    }
  }
  if (queue.length) timer = setTimeout(flush, FLUSH_AFTER_MS * 2 ** failures);
}

/**
 * Ends this tab's clickstream session, before its user logs out: what is queued goes out with
 * their token, and the next events get a new session id. Session ids are claims (the server
 * groups events by them), so the next person at this tab must not continue the last one's.
 */
export async function endSession() {
  await flush();
  sessionStorage.removeItem(SESSION);
}

window.addEventListener('pagehide', () => flush({leaving: true}));
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') flush({leaving: true});
});
