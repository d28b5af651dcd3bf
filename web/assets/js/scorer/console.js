// The scorer's console for one game: one screen at the table (score, clock, fouls, time-outs,
// the five on court of each team and the action pad), player then action in two taps, the
// rebound offered after a miss and the assist after a basket. Every action goes through the
// outbox (queue.js): stored on the device first, sent in order with its clientEventId, kept
// through network loss, reloads and a closed browser; a conflict with another scorekeeper and a
// refusal are shown and resolved by the scorer. Views are in console-views.js.
import { api, ApiError, get, getAll, NetworkError, uuid } from '../api.js';
import { byId } from '../dom.js';
import { createFeed } from '../feed.js';
import { clockNow, clockText } from '../format.js';
import { applyCorrection, applyDelta } from '../gameview.js';
import { t } from '../i18n.js';
import { Outbox } from '../queue.js';
import { onCourt } from './court.js';
import { errorText, refusedPlayer } from './errors.js';
import { listenKeys } from './keys.js';
import { keepForOffline } from './offline.js';
import { renderConsole } from './console-views.js';

/** How long a made basket waits for its assist before it is sent without one. */
const ASSIST_WAIT_MS = 5000;

/**
 * @typedef {{ kind: 'rebound', teamId: string }
 *   | { kind: 'assist', itemId: string, teamId: string, shooterId: string }
 *   | { kind: 'subFor', playerId: string, teamId: string, action: string }
 *   | { kind: 'subOut' }
 *   | { kind: 'subIn', outId: string, teamId: string }} Prompt
 */

/** The console's state, once a game is open (one per page). */
let c = null;

export const consoleState = () => c;

/** Loads the game and opens its console; `hooks.leave()` goes back to the game choice, `hooks.login()` to the login. */
export async function openConsole(gameId, hooks) {
  const feed = createFeed(gameId, onFeed);
  await feed.load();
  const g = feed.state.game;
  const [tournament, home, away, log] = await Promise.all([
    get(`/api/v1/tournaments/${g.tournamentId}`),
    getAll(`/api/v1/teams/${g.homeTeam.id}/players?sort=jerseyNumber`),
    getAll(`/api/v1/teams/${g.awayTeam.id}/players?sort=jerseyNumber`),
    playsAfter(gameId, 0),
  ]);
  const outbox = new Outbox(gameId);
  if (outbox.baseSeq === null) outbox.rebase(feed.state.lastSeq);
  const kept = keptState(gameId);
  if (kept && kept.lastSeq > feed.state.lastSeq) {
    const { log: _log, ...state } = kept;
    Object.assign(feed.state, state);
  }
  c = {
    gameId,
    hooks,
    feed,
    s: feed.state,
    tournament,
    rosters: { [g.homeTeam.id]: home, [g.awayTeam.id]: away },
    log: kept && lastOf(kept.log) > lastOf(log) ? kept.log : log,
    outbox,
    /** @type {string|null} */ selected: null,
    /** @type {Prompt|null} */ prompt: null,
    bench: { [g.homeTeam.id]: false, [g.awayTeam.id]: false },
    foulKind: 'personal',
    starters: {
      [g.homeTeam.id]: new Set(g.homeStartingFive ?? []),
      [g.awayTeam.id]: new Set(g.awayStartingFive ?? []),
    },
    conflict: null,
    refused: null,
    message: null,
    help: false,
    offline: !navigator.onLine,
    /** The server answered that it cannot serve now (502/503/504, 429): kept and retried like offline. */
    serverDown: false,
    flushing: false,
    inFlight: null,
    discardArmed: false,
    holdTimer: null,
    clock: { running: false, remaining: null, since: 0 },
  };
  syncClockFromServer();
  feed.start();
  listenOnce();
  // The first visit loads before the service worker runs: read the data again through it, so a
  // reload without network finds it.
  keepForOffline(() => refreshData().catch(() => undefined));
  flush();
  return c;
}

let listening = false;
/** The page's timers and listeners, for whichever game is open. */
function listenOnce() {
  if (listening) return;
  listening = true;
  window.addEventListener('online', () => c && ((c.offline = false), flush()));
  window.addEventListener('offline', () => c && ((c.offline = true), draw()));
  setInterval(() => c?.outbox.size && flush(), 3000);
  setInterval(tickClock, 100);
  listenKeys({ act: key, pick: pickByKey });
}

// What the console last knew, kept on the device: reopened without network, the service worker's
// copies of the API answers may be older than the plays this device has seen since.
const keptKey = (gameId) => `courtside.console.${gameId}`;
const lastOf = (log) => (log?.length ? log[log.length - 1].seq : 0);

function keptState(gameId) {
  try {
    return JSON.parse(localStorage.getItem(keptKey(gameId)) ?? 'null');
  } catch {
    return null;
  }
}

/** Saved after every play the console learns of (a few a minute): a reload may come at any moment. */
function keep() {
  if (!c) return;
  const { game, clock, plays, box, lastSeq } = c.s;
  try {
    localStorage.setItem(keptKey(c.gameId), JSON.stringify({ game, clock, plays, box, lastSeq, log: c.log }));
  } catch {
    // storage full: the service worker's copies still open the console
  }
}

/** Every play after `afterSeq`, in pages of 500. */
async function playsAfter(gameId, afterSeq) {
  const plays = [];
  for (let after = afterSeq; ;) {
    const page = await get(`/api/v1/games/${gameId}/plays?afterSeq=${after}&limit=500`);
    plays.push(...page.items);
    if (page.items.length < 500) return plays;
    after = page.items[page.items.length - 1].seq;
  }
}

async function refreshData() {
  const g = c.s.game;
  await Promise.all([
    c.feed.reload(),
    get(`/api/v1/tournaments/${g.tournamentId}`),
    getAll(`/api/v1/teams/${g.homeTeam.id}/players?sort=jerseyNumber`),
    getAll(`/api/v1/teams/${g.awayTeam.id}/players?sort=jerseyNumber`),
    playsAfter(c.gameId, 0),
  ]);
}

/** The game log catches up with what the feed has seen (after a reconnection or a gap). */
async function catchUpLog() {
  const last = c.log.length ? c.log[c.log.length - 1].seq : 0;
  if (c.s.lastSeq <= last) return;
  const fresh = await playsAfter(c.gameId, last);
  for (const play of fresh) {
    if (play.seq <= (c.log.length ? c.log[c.log.length - 1].seq : 0)) continue;
    // A correction of a play this device already had: the fetched ones come corrected.
    if (play.event.targetSeq !== undefined && play.event.targetSeq <= last) applyCorrection(c.log, play.event);
    c.log.push(play);
  }
}

function onFeed(what, delta) {
  if (!c) return;
  if (what === 'event' && delta) {
    applyDelta(c.log, delta);
    const mine = c.outbox.items.some((i) => i.id === delta.clientEventId);
    if (mine) c.outbox.acknowledged(delta.clientEventId, delta.seq);
    else if (!(delta.clientEventId in c.outbox.recorded)) {
      c.outbox.observed(delta.seq);
      if (['clock_start', 'clock_stop', 'period_start'].includes(delta.event.type)) syncClockFromServer();
    }
  } else if (what === 'all') {
    c.outbox.observed(c.s.lastSeq);
    catchUpLog().then(
      () => (keep(), draw()),
      () => undefined,
    );
    flush();
  }
  if (what !== 'box') keep();
  draw();
}

export function draw() {
  if (c && byId('sk')) renderConsole(c, actions);
}

// ---------- the clock ----------

// The device's own game clock: what the scorer's table shows, sent with every play.
function syncClockFromServer() {
  const clock = c.s.clock;
  if (!clock) return;
  c.clock = { running: !!clock.running, remaining: clockNow(clock, 0), since: performance.now() };
}

export function localClock() {
  const k = c.clock;
  if (k.remaining === null) return null;
  return k.running ? Math.max(0, k.remaining - Math.floor((performance.now() - k.since) / 100)) : k.remaining;
}

function tickClock() {
  if (!c) return;
  const el = byId('sk-clock');
  if (el) el.textContent = clockText(localClock());
}

/** Period and status after the actions still waiting in the outbox. */
export function projectedPeriod() {
  const live = c.s.game.live;
  let current = live?.period.current ?? 0;
  let status = live?.period.status ?? 'not_started';
  for (const item of c.outbox.items) {
    if (item.event?.type === 'period_start') {
      current += 1;
      status = 'in_progress';
    }
    if (item.event?.type === 'period_end') status = 'ended';
  }
  return { current, status };
}

function periodLength(period) {
  const rules = c.tournament.rules;
  return (period > rules.periods ? rules.overtimeMinutes : rules.periodMinutes) * 600;
}

// ---------- who is who ----------

export const teamOf = (playerId) =>
  Object.keys(c.rosters).find((teamId) => c.rosters[teamId].some((p) => p.id === playerId));
export const court = () => onCourt(c.s.game, c.log, c.outbox.items);
export const isOnCourt = (playerId) => court()[teamOf(playerId)]?.has(playerId) ?? false;
export function playerName(id) {
  for (const list of Object.values(c.rosters)) {
    const p = list.find((x) => x.id === id);
    if (p) return `#${p.jerseyNumber} ${p.name}`;
  }
  return '?';
}
/** The players a team's column shows: the five on court in jersey order, or the bench. */
export function shownPlayers(teamId) {
  const five = court()[teamId];
  return c.rosters[teamId].filter((p) => (c.bench[teamId] ? !five.has(p.id) : five.has(p.id)));
}

// ---------- recording ----------

/** Queues a play with the device's period and clock. */
function queue(event, options = {}) {
  const period = projectedPeriod();
  const remaining = localClock();
  const body = { ...event };
  const timed = options.timed ?? true;
  if (timed && period.current > 0) body.period = period.current;
  if (timed && remaining !== null && body.gameClock === undefined) body.gameClock = remaining;
  const item = { id: uuid(), kind: 'event', event: body, createdAt: new Date().toISOString() };
  if (options.hold) item.hold = true;
  c.outbox.add(item);
  return item;
}

const shot = (type, points) => (playerId, teamId) => ({ type, teamId, playerId, ...(points ? { points } : {}) });
/** The pad's player actions: name -> the event for (player, team). */
export const PLAYER_ACTIONS = {
  made1: shot('free_throw_made'),
  made2: shot('field_goal_made', 2),
  made3: shot('field_goal_made', 3),
  miss1: shot('free_throw_missed'),
  miss2: shot('field_goal_missed', 2),
  miss3: shot('field_goal_missed', 3),
  oreb: (playerId, teamId) => ({ type: 'rebound', kind: 'offensive', teamId, playerId }),
  dreb: (playerId, teamId) => ({ type: 'rebound', kind: 'defensive', teamId, playerId }),
  steal: shot('steal'),
  block: shot('block'),
  turnover: shot('turnover'),
  foul: (playerId, teamId) => ({ type: 'foul', kind: c.foulKind, committedBy: 'player', teamId, playerId }),
};

/** Ends whatever the console was asking; a basket held for its assist goes out without one. */
function endPrompt() {
  if (c.prompt?.kind === 'assist') c.outbox.release(c.prompt.itemId);
  clearTimeout(c.holdTimer);
  c.prompt = null;
}

function after() {
  draw();
  flush();
}

/** A pad action for the selected player (a bench player is substituted in first). */
function playerAction(name) {
  const playerId = c.selected;
  if (!playerId) return;
  if (name === 'assist') return assist(playerId);
  const teamId = teamOf(playerId);
  endPrompt();
  if (!isOnCourt(playerId)) {
    c.prompt = { kind: 'subFor', playerId, teamId, action: name };
    c.bench[teamId] = false;
    return draw();
  }
  record(name, playerId, teamId);
}

function record(name, playerId, teamId) {
  const event = PLAYER_ACTIONS[name](playerId, teamId);
  if (name === 'foul') c.foulKind = 'personal';
  c.selected = null;
  c.message = null;
  if (event.type === 'field_goal_made') {
    const item = queue(event, { hold: true });
    c.prompt = { kind: 'assist', itemId: item.id, teamId, shooterId: playerId };
    c.holdTimer = setTimeout(() => (endPrompt(), after()), ASSIST_WAIT_MS);
  } else {
    queue(event);
    if (event.type === 'field_goal_missed') c.prompt = { kind: 'rebound', teamId };
  }
  after();
}

function substitute(teamId, playerInId, playerOutId) {
  queue({ type: 'substitution', teamId, playerInId, playerOutId });
  c.bench[teamId] = false;
}

/** Tapping a player: answers what the console asks, otherwise selects him (always, even twice). */
function tapPlayer(playerId, teamId) {
  if (c.s.game.status === 'scheduled') {
    const set = c.starters[teamId];
    if (set.has(playerId)) set.delete(playerId);
    else if (set.size < 5) set.add(playerId);
    return draw();
  }
  const here = isOnCourt(playerId);
  const p = c.prompt;
  if (p?.kind === 'assist' && here && teamId === p.teamId && playerId !== p.shooterId) {
    c.outbox.amend(p.itemId, { assistPlayerId: playerId });
    endPrompt();
    return after();
  }
  if (p?.kind === 'rebound' && here) {
    endPrompt();
    queue({ type: 'rebound', kind: teamId === p.teamId ? 'offensive' : 'defensive', teamId, playerId });
    return after();
  }
  if (p?.kind === 'subOut') {
    if (!here) return;
    c.prompt = { kind: 'subIn', outId: playerId, teamId };
    c.bench[teamId] = true;
    return draw();
  }
  if (p?.kind === 'subIn') {
    if (teamId !== p.teamId) return;
    if (here) c.prompt = { ...p, outId: playerId };
    else {
      endPrompt();
      substitute(teamId, playerId, p.outId);
      return after();
    }
    return draw();
  }
  if (p?.kind === 'subFor') {
    if (teamId !== p.teamId || !here) return;
    endPrompt();
    substitute(teamId, p.playerId, playerId);
    record(p.action, p.playerId, teamId);
    return;
  }
  endPrompt();
  // A bench player, then one of his team on court: the substitution.
  if (c.selected && here && !isOnCourt(c.selected) && teamOf(c.selected) === teamId) {
    const incoming = c.selected;
    c.selected = null;
    substitute(teamId, incoming, playerId);
    return after();
  }
  c.selected = playerId;
  if (!here) c.bench[teamId] = false;
  draw();
}

/** Assist: on this team's last made basket — amended while it waits, corrected once recorded. */
function assist(playerId) {
  const teamId = teamOf(playerId);
  endPrompt();
  const isBasket = (e) => e?.type === 'field_goal_made' && e.teamId === teamId && e.playerId !== playerId;
  const waiting = [...c.outbox.items].reverse().find((i) => i.kind === 'event' && isBasket(i.event));
  if (waiting && waiting !== c.inFlight) {
    c.outbox.amend(waiting.id, { assistPlayerId: playerId });
  } else {
    const recorded = [...c.s.plays].reverse().find((p) => p.inForce !== false && isBasket(p.event));
    const target = waiting ?? recorded;
    if (!target) {
      c.message = t('noBasketForAssist');
      return draw();
    }
    const { period: _p, gameClock: _g, assistPlayerId: _a, ...base } = target.event;
    c.outbox.add({
      id: uuid(),
      kind: 'assist',
      target: waiting ? { clientEventId: waiting.id } : { seq: recorded.seq },
      base,
      playerId,
      createdAt: new Date().toISOString(),
    });
  }
  c.selected = null;
  c.message = null;
  after();
}

/** One tap: the last action still on the device is dropped there; otherwise the server undoes it. */
function undo() {
  endPrompt();
  c.selected = null;
  const last = c.outbox.items[c.outbox.size - 1];
  if (last && last.kind !== 'undo' && last !== c.inFlight) c.outbox.remove(last.id);
  else c.outbox.add({ id: uuid(), kind: 'undo', createdAt: new Date().toISOString() });
  after();
}

function timeout(teamId) {
  endPrompt();
  queue({ type: 'timeout', teamId });
  after();
}

function teamRebound(teamId) {
  const p = c.prompt;
  if (p?.kind !== 'rebound') return;
  endPrompt();
  queue({ type: 'rebound', kind: teamId === p.teamId ? 'offensive' : 'defensive', teamId });
  after();
}

function startPeriod() {
  endPrompt();
  const next = projectedPeriod().current + 1;
  c.clock = { running: false, remaining: periodLength(next), since: performance.now() };
  queue({ type: 'period_start', period: next, gameClock: periodLength(next) }, { timed: false });
  after();
}

function endPeriod() {
  endPrompt();
  if (c.clock.running) clockToggle();
  queue({ type: 'period_end' });
  after();
}

function clockToggle() {
  const period = projectedPeriod();
  if (period.status !== 'in_progress') return;
  const remaining = localClock() ?? periodLength(Math.max(1, period.current));
  const running = !c.clock.running;
  c.clock = { running, remaining, since: performance.now() };
  queue(
    { type: running ? 'clock_start' : 'clock_stop', gameClock: remaining, period: period.current },
    { timed: false },
  );
  after();
}

async function transition(body) {
  try {
    await api('POST', `/api/v1/games/${c.gameId}/transitions`, body, { auth: true });
    c.message = null;
    await c.feed.reload();
  } catch (e) {
    c.message = errorText(e);
    draw();
  }
}

// ---------- sending ----------

/** The body to send for an outbox item, or null when an assist's basket has no seq yet. */
function commandOf(item) {
  const expectedSeq = c.outbox.baseSeq ?? c.s.lastSeq;
  const events = `/api/v1/games/${c.gameId}/events`;
  if (item.kind === 'undo')
    return { url: `/api/v1/games/${c.gameId}/undo`, body: { clientEventId: item.id, expectedSeq } };
  if (item.kind === 'assist') {
    const seq = item.target.seq ?? c.outbox.recorded[item.target.clientEventId];
    if (!seq) return null;
    const event = { type: 'replace', targetSeq: seq, replacement: { ...item.base, assistPlayerId: item.playerId } };
    return { url: events, body: { clientEventId: item.id, expectedSeq, event } };
  }
  return { url: events, body: { clientEventId: item.id, expectedSeq, event: item.event } };
}

/** Sends the waiting actions, oldest first, one at a time. */
export async function flush() {
  if (!c || c.flushing || c.conflict || c.refused) return;
  c.flushing = true;
  try {
    while (c.outbox.sendable && !c.conflict && !c.refused) {
      const item = c.outbox.sendable;
      const command = commandOf(item);
      if (!command) {
        c.refused = { item, text: t('noBasketForAssist') };
        break;
      }
      c.inFlight = item;
      try {
        const ack = await api('POST', command.url, command.body, { auth: true });
        c.offline = false;
        c.serverDown = false;
        c.outbox.acknowledged(item.id, ack.seq);
        c.feed.committed(ack);
      } catch (e) {
        if (e instanceof NetworkError) {
          c.offline = true;
          break;
        }
        if (serverBusy(e)) {
          // Nothing was recorded (a restarting database, a proxy without its upstream): the same
          // action, with the same id, goes again on the next retry.
          c.serverDown = true;
          break;
        }
        refusal(item, e);
        break;
      } finally {
        c.inFlight = null;
      }
    }
  } finally {
    c.flushing = false;
    draw();
  }
}

/** Answers that say "not now" rather than "no": the action stays in the outbox and is retried. */
const serverBusy = (e) => e instanceof ApiError && [429, 502, 503, 504].includes(e.status);

function refusal(item, e) {
  if (e instanceof ApiError && e.code === 'GAME_SEQ_STALE') {
    const ctx = e.body?.context ?? {};
    c.conflict = { lastSeq: ctx.lastSeq, missed: ctx.missed ?? [] };
    c.feed.reload().catch(() => undefined);
    return;
  }
  if (e instanceof ApiError && e.status === 401) {
    c.refused = { item, text: t('sessionEnded'), login: true };
    return;
  }
  if (e instanceof ApiError && e.code === 'PLAYER_NOT_ON_COURT') {
    const named = refusedPlayer(e.body);
    const playerId = named.playerId ?? item.event?.playerId ?? null;
    const teamId = named.teamId ?? (playerId ? teamOf(playerId) : null) ?? item.event?.teamId ?? null;
    if (playerId && teamId) {
      c.refused = { item, text: errorText(e), notOnCourt: { playerId, teamId } };
      c.bench[teamId] = false;
      return;
    }
  }
  c.refused = { item, text: errorText(e) };
}

/** The refused play's player comes in for `playerOutId`; the substitution goes out first. */
function substituteForRefused(playerOutId) {
  const { playerId, teamId } = c.refused.notOnCourt;
  c.outbox.addFirst({
    id: uuid(),
    kind: 'event',
    event: {
      type: 'substitution',
      teamId,
      playerInId: playerId,
      playerOutId,
      ...(c.refused.item.event?.period ? { period: c.refused.item.event.period } : {}),
      ...(c.refused.item.event?.gameClock !== undefined ? { gameClock: c.refused.item.event.gameClock } : {}),
    },
    createdAt: new Date().toISOString(),
  });
  c.refused = null;
  after();
}

// ---------- keyboard ----------

function key(name) {
  if (!c || c.s.game.status === 'scheduled') return;
  const g = c.s.game;
  const run = {
    clock: () => (projectedPeriod().status === 'in_progress' ? clockToggle() : startPeriod()),
    undo,
    substitution: toggleSubstitution,
    timeoutHome: () => timeout(g.homeTeam.id),
    timeoutAway: () => timeout(g.awayTeam.id),
    benchHome: () => toggleBench(g.homeTeam.id),
    benchAway: () => toggleBench(g.awayTeam.id),
    skip: () => ((c.help = false), endPrompt(), (c.selected = null), after()),
    help: () => ((c.help = !c.help), draw()),
  }[name];
  if (run) return run();
  if (name in PLAYER_ACTIONS || name === 'assist') playerAction(name);
}

function pickByKey(side, index) {
  if (!c || c.s.game.status === 'scheduled') return;
  const teamId = c.s.game[side === 'home' ? 'homeTeam' : 'awayTeam'].id;
  const p = shownPlayers(teamId)[index];
  if (p) tapPlayer(p.id, teamId);
}

function toggleSubstitution() {
  const subbing = c.prompt && ['subOut', 'subIn', 'subFor'].includes(c.prompt.kind);
  endPrompt();
  c.selected = null;
  if (!subbing) {
    c.prompt = { kind: 'subOut' };
    for (const teamId of Object.keys(c.bench)) c.bench[teamId] = false;
  }
  draw();
}

function toggleBench(teamId) {
  c.bench[teamId] = !c.bench[teamId];
  draw();
}

/** What the views may do. */
export const actions = {
  tapPlayer,
  playerAction,
  undo,
  timeout,
  teamRebound,
  skip: () => (endPrompt(), after()),
  startPeriod,
  endPeriod,
  clockToggle,
  toggleSubstitution,
  toggleBench,
  toggleHelp: () => ((c.help = !c.help), draw()),
  setFoulKind: (kind) => (c.foulKind = kind),
  endGame: () => transition({ to: 'final' }),
  markReady: () => {
    const g = c.s.game;
    return transition({
      to: 'ready',
      homeStartingFive: [...c.starters[g.homeTeam.id]],
      awayStartingFive: [...c.starters[g.awayTeam.id]],
    });
  },
  substituteForRefused,
  retryRefused: () => ((c.refused = null), flush()),
  dropRefused: () => (c.outbox.remove(c.refused.item.id), (c.refused = null), flush()),
  login: () => c.hooks.login(),
  leave: () => c.hooks.leave(),
  rebaseConflict: () => {
    c.outbox.rebase(c.conflict.lastSeq);
    c.conflict = null;
    c.discardArmed = false;
    flush();
  },
  discardConflict: () => {
    if (!c.discardArmed) {
      c.discardArmed = true;
      return draw();
    }
    c.outbox.clear();
    c.outbox.rebase(c.conflict.lastSeq);
    c.conflict = null;
    c.discardArmed = false;
    draw();
  },
};

/** Leaves the console (back to the game choice or the login). */
export function closeConsole() {
  c = null;
}
