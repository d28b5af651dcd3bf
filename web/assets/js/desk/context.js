// What every desk view shares: the tournament in the address, authenticated calls, and the one
// message line (a result or a refusal in words) above the view.
import { api, ApiError } from '../api.js';
import { fill, h, pathParts } from '../dom.js';
import { t } from '../i18n.js';
import { placeholderNamer } from '../tournament/names.js';
import { deskErrorText } from './errors.js';

const [, , tournamentId, tabParam] = pathParts();

/** The tournament in the address (/desk/t/:id/:tab) and the tab shown. */
export const route = { tournamentId, tab: tabParam ?? 'setup' };

/**
 * An API call with the organiser's session.
 * @param {string} method
 * @param {string} url
 * @param {unknown} [body]
 * @param {{ contentType?: string }} [options]
 */
export const call = (method, url, body, options = {}) => api(method, url, body, { auth: true, ...options });

/**
 * Every item of a paged list, read with the organiser's session (accounts are not public).
 * @param {string} url
 * @returns {Promise<any[]>}
 */
export async function callAll(url) {
  const items = [];
  for (let page = 1; page < 50; page++) {
    const res = await call('GET', `${url}${url.includes('?') ? '&' : '?'}page=${page}&pageSize=100`);
    items.push(...res.items);
    if (items.length >= res.total || res.items.length === 0) break;
  }
  return items;
}

/** `/api/v1/tournaments/:id/competition…` */
export const comp = (path = '') => `/api/v1/tournaments/${route.tournamentId}/competition${path}`;

/**
 * The tournament's games named as the fan pages and the paperwork name them (半决赛1, A组 第1轮;
 * open places 半决赛1胜者), never by their key in the structure (SF1, S1-A-R1-G1).
 */
export async function gameNames() {
  // With the organiser's session: a tournament not yet published has no public bracket.
  const bracket = await call('GET', comp('/bracket')).catch((e) => {
    if (e instanceof ApiError && (e.status === 404 || e.status === 409)) return null;
    throw e;
  });
  const namer = placeholderNamer(bracket);
  return {
    /** @param {string | null | undefined} key the game's competitionKey */
    game: (key) => namer.game(key ?? null) ?? '',
    /** @param {string} key @param {'home' | 'away'} side */
    side: (key, side) => namer.side(key, side),
    /** "半决赛1 南浔彩蝶队 对 德清依蓄队" for a game of /games. */
    title: (g) =>
      [namer.game(g.competitionKey ?? null), g.homeTeam?.name ?? t('tbd'), t('vs'), g.awayTeam?.name ?? t('tbd')]
        .filter(Boolean)
        .join(' '),
  };
}

let redraw = () => undefined;
/** @param {() => unknown} fn the whole page's render */
export const setRedraw = (fn) => (redraw = fn);

/** @type {{ ok: boolean, text: string, lines: string[] } | null} */
let flash = null;
const box = h('div', { class: 'desk-flash' });

function drawFlash() {
  fill(
    box,
    flash
      ? h(
          'div',
          { class: flash.ok ? 'queue' : 'error', role: flash.ok ? 'status' : 'alert' },
          h('p', {}, flash.text),
          flash.lines.length
            ? h(
                'ul',
                {},
                flash.lines.map((line) => h('li', {}, line)),
              )
            : null,
        )
      : null,
  );
  return box;
}

/** The message line; the same element on every render, so a refusal can be shown without one. */
export const flashView = () => drawFlash();

/** A success: the view is drawn again from the server's state. */
export function say(text) {
  flash = { ok: true, text, lines: [] };
  return redraw();
}

/**
 * A refusal, in words: only the message changes, so what the organiser typed stays in the form.
 * @param {unknown} e
 * @param {Record<string, string>} [names] field → the form's own label
 */
export function failed(e, names) {
  flash = { ok: false, ...deskErrorText(e, names) };
  drawFlash();
  box.scrollIntoView?.({ block: 'nearest' });
}

export const clearFlash = () => (flash = null);

/**
 * Runs an action; then the success text (or a function of the answer) and a fresh view, or the refusal.
 * @param {() => Promise<unknown>} fn
 * @param {string | ((result: any) => string)} [okText]
 * @param {Record<string, string>} [names]
 */
export const act = (fn, okText = t('saved'), names) =>
  fn().then(
    (result) => say(typeof okText === 'function' ? okText(result) : okText),
    (e) => failed(e, names),
  );

/**
 * A form that runs `fn` on submit through {@link act}.
 * @param {Record<string, unknown>} attrs
 * @param {() => Promise<unknown>} fn
 * @param {string | ((result: any) => string)} [okText]
 * @param {Record<string, string>} [names]
 * @param {...unknown} children
 */
export const actionForm = (attrs, fn, okText, names, ...children) =>
  h(
    'form',
    { class: 'card', ...attrs, onsubmit: (/** @type {Event} */ e) => (e.preventDefault(), act(fn, okText, names)) },
    ...children,
  );

/**
 * A link to a printable document (/print/…), opened beside the desk so the work stays where it was.
 * @param {string} href
 * @param {string} text
 * @param {Record<string, string>} [attrs]
 */
export const printLink = (href, text, attrs = {}) =>
  h('a', { href, target: '_blank', rel: 'noopener', class: 'desk-print', ...attrs }, text);

/** A game's 记录表 link; `label` names the game for screen readers. @param {string} gameId @param {string} label */
export const scoresheetLink = (gameId, label) =>
  printLink(`/print/scoresheet/${gameId}`, t('printScoresheet'), {
    'aria-label': t('printScoresheetOf', { game: label }),
  });
