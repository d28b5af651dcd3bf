// The public API (/api/v1), JSON in and out, with the session kept on the device for the
// scorekeeper console and the organiser desk.

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message ?? `HTTP ${status}`);
    this.status = status;
    this.code = body?.code ?? null;
    this.body = withRules(body);
  }
}

/**
 * The rules a refused request broke travel beside its details (`context.rules`, by index): put each
 * back on its detail, where error-details.js words it.
 */
function withRules(body) {
  const rules = body?.context?.rules;
  if (!Array.isArray(rules) || !Array.isArray(body.details)) return body;
  const details = body.details.map((d) => ({ ...d }));
  for (const r of rules) if (details[r.index]) Object.assign(details[r.index], { rule: r.rule, limit: r.limit });
  return { ...body, details };
}

/** A request that never reached the server (offline, DNS, connection reset). */
export class NetworkError extends Error {}

/** Server time minus device time, in ms, from the Date header of the latest answer. */
let serverOffset = 0;
export const serverNow = () => Date.now() + serverOffset;

/** A server time carried by a live message (`serverTime`), more precise than the Date header. */
export function noteServerTime(iso) {
  const at = Date.parse(iso ?? '');
  if (!Number.isNaN(at)) serverOffset = at - Date.now();
}

const SESSION_KEY = 'courtside.session';

export function loadSession() {
  try {
    return JSON.parse(localStorage.getItem(SESSION_KEY) ?? 'null');
  } catch {
    return null;
  }
}

export function saveSession(session) {
  if (session) localStorage.setItem(SESSION_KEY, JSON.stringify(session));
  else localStorage.removeItem(SESSION_KEY);
}

/**
 * Public answers the server sent inside the page (src/modules/web/page-preload.ts), by URL. Each
 * is used once, for the first view; every later read goes to the network.
 */
let preloaded = null;
function takePreloaded(url) {
  if (preloaded === null) {
    try {
      preloaded = JSON.parse(document.getElementById('preloaded')?.textContent ?? 'null') ?? {};
    } catch {
      preloaded = {};
    }
  }
  const given = preloaded[url];
  delete preloaded[url];
  return given;
}

let refreshing = null;

/** Exchanges the refresh token once for everybody waiting on it. */
async function refresh() {
  const session = loadSession();
  if (!session?.refreshToken) return false;
  refreshing ??= raw('POST', '/api/v1/auth/refresh', { refreshToken: session.refreshToken }, null)
    .then((tokens) => {
      saveSession({ ...session, ...tokens });
      return true;
    })
    .catch((e) => {
      if (e instanceof ApiError) saveSession(null);
      if (e instanceof NetworkError) throw e;
      return false;
    })
    .finally(() => (refreshing = null));
  return refreshing;
}

async function raw(method, url, body, token, contentType) {
  const headers = {};
  if (body !== undefined) headers['content-type'] = contentType ?? 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  let res;
  try {
    res = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      cache: 'no-store',
    });
  } catch (e) {
    throw new NetworkError(e?.message ?? 'network');
  }
  const date = Date.parse(res.headers.get('date') ?? '');
  if (!Number.isNaN(date)) serverOffset = date + 500 - Date.now();
  const text = await res.text();
  let parsed;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = { message: text };
  }
  if (!res.ok) throw new ApiError(res.status, parsed);
  return parsed;
}

/**
 * api('GET', '/api/v1/games/…'); with { auth: true } the device's session token is sent and
 * refreshed once on 401.
 */
export async function api(method, url, body, options = {}) {
  if (!options.auth && method === 'GET') {
    const given = takePreloaded(url);
    if (given) {
      if (given.status >= 200 && given.status < 300) return given.body;
      throw new ApiError(given.status, given.body);
    }
  }
  if (!options.auth) return raw(method, url, body, null, options.contentType);
  const token = loadSession()?.accessToken;
  try {
    return await raw(method, url, body, token, options.contentType);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401 && (await refresh()))
      return raw(method, url, body, loadSession()?.accessToken, options.contentType);
    throw e;
  }
}

export const get = (url) => api('GET', url);

/** GET that answers null for 404 (an API that is not there yet, or a missing object). */
export async function getOptional(url) {
  try {
    return await api('GET', url);
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 409)) return null;
    throw e;
  }
}

/** Every item of a paged list. */
export async function getAll(url) {
  const items = [];
  for (let page = 1; page < 50; page++) {
    const sep = url.includes('?') ? '&' : '?';
    const res = await api('GET', `${url}${sep}page=${page}&pageSize=100`);
    items.push(...res.items);
    if (items.length >= res.total || res.items.length === 0) break;
  }
  return items;
}

export function uuid() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const x = [...b].map((v) => v.toString(16).padStart(2, '0')).join('');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}
