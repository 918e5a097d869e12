// The gateway's public API (/api/v1), with the session's tokens: an expired access token is
// refreshed once, transparently; errors come back as ApiError carrying the problem+json body.

const BASE = '/api/v1';
const STORE = 'marquee.session';

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export const session = {
  get() {
    try {
      return JSON.parse(localStorage.getItem(STORE)) || null;
    } catch {
      return null;
    }
  },
  set(tokens) {
    localStorage.setItem(STORE, JSON.stringify({
      accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, userId: tokens.userId,
    }));
    window.dispatchEvent(new Event('marquee:session'));
  },
  clear() {
    localStorage.removeItem(STORE);
    window.dispatchEvent(new Event('marquee:session'));
  },
  signedIn() {
    return Boolean(this.get()?.accessToken);
  },
};

let refreshing = null;
let lastWriteAt = 0;

/**
 * Whether this page changed something (a rating, a click) in the last `ms`: the gateway reuses a
 * caller's personal rows for a while, and a write through another gateway replica would not tell it.
 */
export function wroteWithin(ms) {
  return Date.now() - lastWriteAt < ms;
}

/** Exchanges the refresh token for a new pair; one exchange at a time however many calls hit 401. */
async function refresh() {
  const current = session.get();
  if (!current?.refreshToken) return false;
  refreshing ??= fetch(`${BASE}/auth/refresh`, {
    method: 'POST',
    headers: {'Content-Type': 'application/json', Accept: 'application/json'},
    body: JSON.stringify({refreshToken: current.refreshToken}),
  }).then(async (res) => {
    if (!res.ok) {
      session.clear();
      return false;
    }
    session.set(await res.json());
    return true;
  }).catch(() => false).finally(() => { refreshing = null; });
  return refreshing;
}

/**
 * Calls the API. `body` is sent as JSON; with a session the access token goes along.
 * Resolves to the parsed answer (null for 204), rejects with ApiError.
 */
export async function api(path, {method = 'GET', body, keepalive = false, retried = false, fresh = false} = {}) {
  const headers = {Accept: 'application/json'};
  if (fresh) headers['Cache-Control'] = 'no-cache';
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const token = session.get()?.accessToken;
  if (token) headers.Authorization = `Bearer ${token}`;
  let res;
  try {
    res = await fetch(BASE + path, {
      method, headers, keepalive, body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, {title: 'Offline', detail: 'The server could not be reached.'});
  }
  if (res.status === 401 && token && !retried && !path.startsWith('/auth/') && await refresh()) {
    return api(path, {method, body, keepalive, retried: true, fresh});
  }
  if (res.ok && method !== 'GET') lastWriteAt = Date.now();
  if (!res.ok) {
    let problem = null;
    try {
      problem = await res.json();
    } catch {
      // Not JSON: the status says enough.
    }
    throw new ApiError(res.status, problem);
  }
  if (res.status === 204 || res.headers.get('Content-Length') === '0') return null;
  const text = await res.text();
  return text ? JSON.parse(text) : null;
}

export async function logIn(email, password) {
  session.set(await api('/auth/login', {method: 'POST', body: {email, password}}));
}

export async function logOut() {
  const current = session.get();
  if (current?.refreshToken) {
    // Ends the session on the server where that route exists; the local tokens go either way.
    await api('/auth/logout', {method: 'POST', body: {refreshToken: current.refreshToken}}).catch(() => {});
  }
  session.clear();
}

/** A movie's title and year, cached for the page's lifetime (history lists hold only ids). */
const movies = new Map();
export function movie(id) {
  if (!movies.has(id)) {
    movies.set(id, api(`/movies/${encodeURIComponent(id)}`).catch((error) => {
      movies.delete(id);
      throw error;
    }));
  }
  return movies.get(id);
}
