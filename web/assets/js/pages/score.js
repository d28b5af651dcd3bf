// Scorekeeper console (/score, /score/:gameId, /score?code=123456): log in or use a game code,
// pick the game, record plays with large touch targets. Every action goes through the outbox
// (queue.js): stored on the device first, sent in order with its clientEventId, kept through
// network loss and reloads; a conflict with another scorekeeper is shown and resolved by the user.
import { api, ApiError, get, getAll, loadSession, NetworkError, saveSession, uuid } from '../api.js';
import { byId, field, fill, h, pathParts } from '../dom.js';
import { createFeed } from '../feed.js';
import { clockNow, clockText, describePlay, isDone, periodText, whenText } from '../format.js';
import { namesOf, playByPlay, scoreboard } from '../gameview.js';
import { t } from '../i18n.js';
import { main, page, renderTop, setTitle, showError } from '../layout.js';
import { Outbox } from '../queue.js';

const params = new URLSearchParams(location.search);
let gameId = pathParts()[1] ?? null;
let message = null;

function go(path) {
  history.replaceState(null, '', path);
  gameId = pathParts()[1] ?? null;
}

// ---------- login and game choice ----------

async function useCode(code) {
  const tokens = await api('POST', '/api/v1/auth/game-code', { code });
  saveSession(tokens);
  const me = await api('GET', '/api/v1/auth/me', undefined, { auth: true });
  const id = me.scope?.gameIds?.[0];
  go(id ? `/score/${id}` : '/score');
}

function loginView() {
  renderTop([[t('scoreTitle'), '/score']]);
  setTitle(t('scoreTitle'));
  const code = h('input', {
    name: 'code',
    inputmode: 'numeric',
    autocomplete: 'one-time-code',
    pattern: '[0-9]{6}',
    maxlength: '6',
    required: true,
    value: params.get('code') ?? '',
  });
  const username = h('input', { name: 'username', autocomplete: 'username', required: true });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const fail = (key) => (e) => {
    message = e instanceof ApiError && (e.status === 401 || e.status === 400) ? t(key) : e.message;
    render();
  };
  fill(
    main(),
    h('h1', {}, t('scoreTitle')),
    message ? h('p', { class: 'error', role: 'alert' }, message) : null,
    h(
      'form',
      {
        class: 'card',
        onsubmit: (e) => {
          e.preventDefault();
          message = null;
          useCode(code.value.trim()).then(render, fail('codeInvalid'));
        },
      },
      field(t('gameCode'), code),
      h('button', { type: 'submit' }, t('useCode')),
    ),
    h('h2', {}, t('orLogin')),
    h(
      'form',
      {
        class: 'card',
        onsubmit: (e) => {
          e.preventDefault();
          message = null;
          api('POST', '/api/v1/auth/login', { username: username.value.trim(), password: password.value })
            .then((tokens) => (saveSession(tokens), render()))
            .catch(fail('loginFailed'));
        },
      },
      field(t('username'), username),
      field(t('password'), password),
      h('button', { type: 'submit' }, t('login')),
    ),
  );
}

let pick = { tournaments: null, tournamentId: null, games: null };

async function pickView() {
  const session = loadSession();
  renderTop([[t('scoreTitle'), '/score']]);
  setTitle(t('pickGame'));
  if (!pick.tournaments) {
    pick.tournaments =
      session.role === 'organiser' || session.role === 'admin'
        ? await api('GET', '/api/v1/tournaments/mine?pageSize=100', undefined, { auth: true }).then((r) => r.items ?? r)
        : await getAll('/api/v1/tournaments');
  }
  if (pick.tournamentId && !pick.games)
    pick.games = (await getAll(`/api/v1/tournaments/${pick.tournamentId}/games`)).filter(
      (g) => !isDone(g.status) && g.homeTeam && g.awayTeam,
    );
  const select = h(
    'select',
    {
      onchange: (e) => {
        pick = { ...pick, tournamentId: e.target.value || null, games: null };
        render();
      },
    },
    h('option', { value: '' }, '—'),
    pick.tournaments.map((x) => h('option', { value: x.id, selected: x.id === pick.tournamentId }, x.name)),
  );
  fill(
    main(),
    h('h1', {}, t('pickGame')),
    field(t('pickTournament'), select),
    pick.games
      ? h(
          'ul',
          { class: 'list' },
          pick.games.map((g) =>
            h(
              'li',
              {},
              h(
                'button',
                {
                  type: 'button',
                  class: 'secondary',
                  style: { width: '100%' },
                  onclick: () => (go(`/score/${g.id}`), render()),
                },
                `${g.homeTeam.name} ${t('vs')} ${g.awayTeam.name} · ${whenText(g.scheduledAt)} ${g.court ?? ''}`,
              ),
            ),
          ),
        )
      : null,
    h('p', {}, h('button', { type: 'button', class: 'secondary', onclick: logout }, t('logout'))),
  );
}

function logout() {
  api('POST', '/api/v1/auth/logout', undefined, { auth: true }).catch(() => undefined);
  saveSession(null);
  pick = { tournaments: null, tournamentId: null, games: null };
  go('/score');
  render();
}

// ---------- the console ----------

let c = null; // console state, once a game is open

async function openConsole() {
  const feed = createFeed(gameId, onFeed);
  await feed.load();
  const g = feed.state.game;
  const [tournament, home, away] = await Promise.all([
    get(`/api/v1/tournaments/${g.tournamentId}`),
    getAll(`/api/v1/teams/${g.homeTeam.id}/players?sort=jerseyNumber`),
    getAll(`/api/v1/teams/${g.awayTeam.id}/players?sort=jerseyNumber`),
  ]);
  const outbox = new Outbox(gameId);
  if (outbox.baseSeq === null) outbox.rebase(feed.state.lastSeq);
  c = {
    feed,
    s: feed.state,
    tournament,
    rosters: { [g.homeTeam.id]: home, [g.awayTeam.id]: away },
    outbox,
    selected: null,
    mode: null,
    subOut: null,
    foulKind: 'personal',
    starters: {
      [g.homeTeam.id]: new Set(g.homeStartingFive ?? []),
      [g.awayTeam.id]: new Set(g.awayStartingFive ?? []),
    },
    conflict: null,
    refused: null,
    offline: !navigator.onLine,
    flushing: false,
    discardArmed: false,
    clock: { running: false, remaining: null, since: 0 },
  };
  syncClockFromServer();
  feed.start();
  window.addEventListener('online', () => ((c.offline = false), flush()));
  window.addEventListener('offline', () => ((c.offline = true), drawConsole()));
  setInterval(() => c.outbox.size && flush(), 3000);
  setInterval(tickClock, 100);
  flush();
}

function onFeed(what, delta) {
  if (!c) return;
  if (what === 'event' && delta) {
    const mine = c.outbox.items.some((i) => i.id === delta.clientEventId);
    if (mine) c.outbox.acknowledged(delta.clientEventId, delta.seq);
    else if (!(delta.clientEventId in c.outbox.recorded)) {
      c.outbox.observed(delta.seq);
      if (
        delta.event.type === 'clock_start' ||
        delta.event.type === 'clock_stop' ||
        delta.event.type === 'period_start'
      )
        syncClockFromServer();
    }
  } else if (what === 'all') {
    c.outbox.observed(c.s.lastSeq);
    flush();
  }
  drawConsole();
}

// The device's own game clock: what the scorer's table shows, sent with every play.
function syncClockFromServer() {
  const clock = c.s.clock;
  if (!clock) return;
  c.clock = { running: !!clock.running, remaining: clockNow(clock, 0), since: performance.now() };
}

function localClock() {
  const k = c.clock;
  if (k.remaining === null) return null;
  return k.running ? Math.max(0, k.remaining - Math.floor((performance.now() - k.since) / 100)) : k.remaining;
}

function tickClock() {
  const el = byId('sk-clock');
  if (el) el.textContent = clockText(localClock());
  const fan = byId('clock');
  if (fan && c.s.clock?.running) fan.textContent = clockText(clockNow(c.s.clock, 0));
}

/** Period and status after the actions still waiting in the outbox. */
function projectedPeriod() {
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

const teamOf = (playerId) => Object.keys(c.rosters).find((teamId) => c.rosters[teamId].some((p) => p.id === playerId));
const playerName = (id) => {
  for (const list of Object.values(c.rosters)) {
    const p = list.find((x) => x.id === id);
    if (p) return `#${p.jerseyNumber} ${p.name}`;
  }
  return '?';
};
const names = () => namesOf(c.s.game, Object.values(c.rosters));

/** Queues a play with the device's period and clock. */
function queue(event, timed = true) {
  const period = projectedPeriod();
  const remaining = localClock();
  const body = { ...event };
  if (timed && period.current > 0) body.period = period.current;
  if (timed && remaining !== null && body.gameClock === undefined) body.gameClock = remaining;
  c.outbox.add({ id: uuid(), kind: 'event', event: body, createdAt: new Date().toISOString() });
  c.selected = event.type === 'field_goal_made' ? c.selected : null;
  drawConsole();
  flush();
}

function playerAction(make) {
  if (!c.selected) return;
  queue(make(c.selected, teamOf(c.selected)));
}

/** Assist: on this team's last made basket — amended while it waits, corrected once recorded. */
function assist() {
  const playerId = c.selected;
  if (!playerId) return;
  const teamId = teamOf(playerId);
  const isBasket = (e) => e?.type === 'field_goal_made' && e.teamId === teamId && e.playerId !== playerId;
  const waiting = [...c.outbox.items].reverse().find((i) => i.kind === 'event' && isBasket(i.event));
  if (waiting && waiting !== c.inFlight) {
    c.outbox.amend(waiting.id, { assistPlayerId: playerId });
  } else {
    const recorded = [...c.s.plays].reverse().find((p) => p.inForce !== false && isBasket(p.event));
    const target = waiting ?? recorded;
    if (!target) {
      message = t('noBasketForAssist');
      return drawConsole();
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
  message = null;
  drawConsole();
  flush();
}

function undo() {
  c.outbox.add({ id: uuid(), kind: 'undo', createdAt: new Date().toISOString() });
  drawConsole();
  flush();
}

function startPeriod() {
  const next = projectedPeriod().current + 1;
  c.clock = { running: false, remaining: periodLength(next), since: performance.now() };
  queue({ type: 'period_start', period: next, gameClock: periodLength(next) }, false);
}

function endPeriod() {
  if (c.clock.running) clockToggle();
  queue({ type: 'period_end' });
}

function clockToggle() {
  const remaining = localClock() ?? periodLength(Math.max(1, projectedPeriod().current));
  const period = projectedPeriod().current;
  if (c.clock.running) {
    c.clock = { running: false, remaining, since: performance.now() };
    queue({ type: 'clock_stop', gameClock: remaining, ...(period ? { period } : {}) }, false);
  } else {
    c.clock = { running: true, remaining, since: performance.now() };
    queue({ type: 'clock_start', gameClock: remaining, ...(period ? { period } : {}) }, false);
  }
}

async function transition(body) {
  try {
    await api('POST', `/api/v1/games/${gameId}/transitions`, body, { auth: true });
    message = null;
    await c.feed.reload();
  } catch (e) {
    message = e instanceof NetworkError ? t('offline') : e.message;
    drawConsole();
  }
}

/** The body to send for an outbox item, or null when an assist's basket has no seq yet. */
function commandOf(item) {
  const expectedSeq = c.outbox.baseSeq ?? c.s.lastSeq;
  if (item.kind === 'undo')
    return { url: `/api/v1/games/${gameId}/undo`, body: { clientEventId: item.id, expectedSeq } };
  if (item.kind === 'assist') {
    const seq = item.target.seq ?? c.outbox.recorded[item.target.clientEventId];
    if (!seq) return null;
    const event = { type: 'replace', targetSeq: seq, replacement: { ...item.base, assistPlayerId: item.playerId } };
    return { url: `/api/v1/games/${gameId}/events`, body: { clientEventId: item.id, expectedSeq, event } };
  }
  return { url: `/api/v1/games/${gameId}/events`, body: { clientEventId: item.id, expectedSeq, event: item.event } };
}

/** Sends the waiting actions, oldest first, one at a time. */
async function flush() {
  if (!c || c.flushing || c.conflict || c.refused) return;
  c.flushing = true;
  try {
    while (c.outbox.head && !c.conflict && !c.refused) {
      const item = c.outbox.head;
      const command = commandOf(item);
      if (!command) {
        c.refused = { item, message: t('noBasketForAssist') };
        break;
      }
      c.inFlight = item;
      try {
        const ack = await api('POST', command.url, command.body, { auth: true });
        c.offline = false;
        c.outbox.acknowledged(item.id, ack.seq);
        c.feed.committed(ack);
      } catch (e) {
        if (e instanceof NetworkError) {
          c.offline = true;
          break;
        }
        if (e instanceof ApiError && e.code === 'GAME_SEQ_STALE') {
          const ctx = e.body?.context ?? {};
          c.conflict = { lastSeq: ctx.lastSeq, missed: ctx.missed ?? [] };
          c.feed.reload().catch(() => undefined);
          break;
        }
        if (e instanceof ApiError && e.status === 401) {
          message = t('sessionEnded');
          c.refused = { item, message: t('sessionEnded'), login: true };
          break;
        }
        c.refused = { item, message: e.message };
        break;
      } finally {
        c.inFlight = null;
      }
    }
  } finally {
    c.flushing = false;
    drawConsole();
  }
}

const itemLabel = (item) =>
  item.kind === 'undo'
    ? t('undo')
    : item.kind === 'assist'
      ? `${t('assist')}: ${playerName(item.playerId)}`
      : describePlay(item.event, names());

function outboxView() {
  const n = c.outbox.size;
  return h(
    'div',
    { class: n ? 'queue pending' : 'queue', role: 'status', 'aria-live': 'polite', 'data-testid': 'outbox' },
    n === 0 ? t('allSent') : `${t('queued', { n })}${c.offline ? ` · ${t('offline')}` : ''}`,
    n
      ? h(
          'ol',
          {},
          c.outbox.items.map((i) => h('li', {}, itemLabel(i))),
        )
      : null,
  );
}

function conflictView() {
  if (!c.conflict) return null;
  const n = c.outbox.size;
  return h(
    'section',
    { class: 'conflict', role: 'alert', 'data-testid': 'conflict' },
    h('h2', {}, t('conflictTitle')),
    h('p', {}, t('conflictMissed', { n: c.conflict.missed.length })),
    h(
      'ol',
      {},
      c.conflict.missed.map((m) => h('li', {}, `#${m.seq} `, describePlay(m.event, names()))),
    ),
    h('p', {}, t('conflictMine', { n })),
    h(
      'ol',
      {},
      c.outbox.items.map((i) => h('li', {}, itemLabel(i))),
    ),
    h(
      'div',
      { class: 'row' },
      h(
        'button',
        {
          type: 'button',
          onclick: () => {
            c.outbox.rebase(c.conflict.lastSeq);
            c.conflict = null;
            c.discardArmed = false;
            flush();
          },
        },
        t('conflictRebase'),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'danger',
          onclick: () => {
            if (!c.discardArmed) {
              c.discardArmed = true;
              return drawConsole();
            }
            c.outbox.clear();
            c.outbox.rebase(c.conflict.lastSeq);
            c.conflict = null;
            c.discardArmed = false;
            drawConsole();
          },
        },
        c.discardArmed ? t('conflictDiscardConfirm', { n }) : t('conflictDiscard'),
      ),
    ),
  );
}

function refusedView() {
  if (!c.refused) return null;
  const { item } = c.refused;
  return h(
    'section',
    { class: 'conflict', role: 'alert' },
    h('p', {}, t('refused', { action: itemLabel(item), message: c.refused.message })),
    c.refused.login
      ? h('button', { type: 'button', onclick: () => (saveSession(null), (c = null), render()) }, t('login'))
      : h(
          'div',
          { class: 'row' },
          h('button', { type: 'button', onclick: () => ((c.refused = null), flush()) }, t('refusedRetry')),
          h(
            'button',
            { type: 'button', class: 'danger', onclick: () => (c.outbox.remove(item.id), (c.refused = null), flush()) },
            t('refusedDrop'),
          ),
        ),
  );
}

function playerButton(p, teamId, onCourt, out) {
  const starting = c.s.game.status === 'scheduled';
  const pressed = starting ? c.starters[teamId].has(p.id) : c.selected === p.id || c.subOut === p.id;
  return h(
    'button',
    {
      type: 'button',
      class: `pbtn${onCourt ? ' oncourt' : ''}${out ? ' out' : ''}`,
      'aria-pressed': String(pressed),
      'aria-label': `#${p.jerseyNumber} ${p.name}${onCourt ? ` (${t('onCourt')})` : ''}`,
      onclick: () => tapPlayer(p.id, teamId, onCourt),
    },
    h('span', { class: 'num' }, String(p.jerseyNumber)),
    h('span', { class: 'pname' }, p.name),
  );
}

function tapPlayer(playerId, teamId, onCourt) {
  if (c.s.game.status === 'scheduled') {
    const set = c.starters[teamId];
    if (set.has(playerId)) set.delete(playerId);
    else if (set.size < 5) set.add(playerId);
  } else if (c.mode === 'subOut') {
    if (!onCourt) return;
    c.subOut = playerId;
    c.mode = 'subIn';
  } else if (c.mode === 'subIn') {
    if (onCourt || teamOf(c.subOut) !== teamId) return;
    const out = c.subOut;
    c.mode = null;
    c.subOut = null;
    queue({ type: 'substitution', teamId, playerInId: playerId, playerOutId: out });
    return;
  } else c.selected = c.selected === playerId ? null : playerId;
  drawConsole();
}

function teamPanel(team) {
  const lines = new Map((c.s.box?.teams.find((x) => x.teamId === team.id)?.players ?? []).map((p) => [p.playerId, p]));
  const starting = c.s.game.status === 'scheduled';
  return h(
    'section',
    { class: 'card', 'aria-label': team.name },
    h(
      'div',
      { class: 'team-head' },
      h('h2', {}, team.name, starting ? ` (${c.starters[team.id].size}/5)` : ''),
      starting
        ? null
        : h(
            'button',
            { type: 'button', class: 'secondary', onclick: () => queue({ type: 'timeout', teamId: team.id }) },
            t('timeout'),
          ),
    ),
    h(
      'div',
      { class: 'roster-grid' },
      c.rosters[team.id].map((p) =>
        playerButton(p, team.id, lines.get(p.id)?.onCourt ?? false, lines.get(p.id)?.out ?? null),
      ),
    ),
  );
}

function actionsView() {
  const none = !c.selected;
  const act = (label, onclick, cls, needsPlayer = true) =>
    h('button', { type: 'button', class: cls, disabled: needsPlayer && none, onclick }, label);
  const shot = (type, points) => (playerId, teamId) => ({ type, teamId, playerId, ...(points ? { points } : {}) });
  return h(
    'div',
    { class: 'actions' },
    act(t('made1'), () => playerAction(shot('free_throw_made')), 'score'),
    act(t('made2'), () => playerAction(shot('field_goal_made', 2)), 'score'),
    act(t('made3'), () => playerAction(shot('field_goal_made', 3)), 'score'),
    act(t('miss1'), () => playerAction(shot('free_throw_missed')), 'miss'),
    act(t('miss2'), () => playerAction(shot('field_goal_missed', 2)), 'miss'),
    act(t('miss3'), () => playerAction(shot('field_goal_missed', 3)), 'miss'),
    act(t('oreb'), () =>
      playerAction((playerId, teamId) => ({ type: 'rebound', kind: 'offensive', teamId, playerId })),
    ),
    act(t('dreb'), () =>
      playerAction((playerId, teamId) => ({ type: 'rebound', kind: 'defensive', teamId, playerId })),
    ),
    act(t('assist'), assist),
    act(t('steal'), () => playerAction(shot('steal'))),
    act(t('block'), () => playerAction(shot('block'))),
    act(t('turnover'), () => playerAction(shot('turnover'))),
    act(t('foul'), () =>
      playerAction((playerId, teamId) => ({ type: 'foul', kind: c.foulKind, committedBy: 'player', teamId, playerId })),
    ),
    h(
      'label',
      { class: 'field' },
      h('span', { class: 'field-label' }, t('foulKind')),
      h(
        'select',
        { onchange: (e) => (c.foulKind = e.target.value) },
        ['personal', 'technical', 'unsportsmanlike', 'disqualifying'].map((k) =>
          h('option', { value: k, selected: c.foulKind === k }, t(`foul_${k}`)),
        ),
      ),
    ),
    act(
      c.mode ? t('cancel') : t('substitution'),
      () => {
        c.mode = c.mode ? null : 'subOut';
        c.subOut = null;
        drawConsole();
      },
      'secondary',
      false,
    ),
    act(t('undo'), undo, 'danger', false),
  );
}

function controlsView() {
  const period = projectedPeriod();
  const inPeriod = period.status === 'in_progress';
  const live = c.s.game.live;
  return h(
    'section',
    { class: 'card', 'aria-label': t('period', { n: '' }) },
    h(
      'div',
      { class: 'team-head' },
      h('strong', {}, periodText(null, period.current)),
      h('span', { class: 'board-clock', id: 'sk-clock' }, clockText(localClock())),
    ),
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        { type: 'button', disabled: !inPeriod, onclick: clockToggle },
        c.clock.running ? t('clockStop') : t('clockStart'),
      ),
      h('button', { type: 'button', class: 'secondary', disabled: inPeriod, onclick: startPeriod }, t('startPeriod')),
      h('button', { type: 'button', class: 'secondary', disabled: !inPeriod, onclick: endPeriod }, t('endPeriod')),
      h(
        'button',
        {
          type: 'button',
          class: 'danger',
          disabled: !live?.gameOver || c.outbox.size > 0,
          onclick: () => transition({ to: 'final' }),
        },
        t('endGame'),
      ),
    ),
  );
}

function drawConsole() {
  if (!c || !byId('sk')) return;
  const g = c.s.game;
  const fanView = c.s.game.live && c.s.clock ? { ...g, live: { ...g.live, clock: c.s.clock } } : g;
  const starting = g.status === 'scheduled';
  const done = isDone(g.status);
  const hint =
    c.mode === 'subOut'
      ? t('subPickOut')
      : c.mode === 'subIn'
        ? t('subPickIn', { name: playerName(c.subOut) })
        : c.selected
          ? t('selected', { name: playerName(c.selected) })
          : t('selectPlayer');
  fill(
    byId('sk'),
    h('div', { class: 'console-board' }, scoreboard(fanView, 0, { link: false })),
    outboxView(),
    conflictView(),
    refusedView(),
    message ? h('p', { class: 'error', role: 'alert' }, message) : null,
    done
      ? h('p', {}, h('a', { href: `/g/${gameId}` }, t('fanPage')))
      : starting
        ? [
            h('p', {}, t('pickStarters')),
            h('div', { class: 'two-col' }, teamPanel(g.homeTeam), teamPanel(g.awayTeam)),
            h(
              'button',
              {
                type: 'button',
                disabled: c.starters[g.homeTeam.id].size !== 5 || c.starters[g.awayTeam.id].size !== 5,
                onclick: () =>
                  transition({
                    to: 'ready',
                    homeStartingFive: [...c.starters[g.homeTeam.id]],
                    awayStartingFive: [...c.starters[g.awayTeam.id]],
                  }),
              },
              t('markReady'),
            ),
          ]
        : [
            controlsView(),
            h('p', { class: 'muted', role: 'status', 'data-testid': 'hint' }, hint),
            h('div', { class: 'two-col' }, teamPanel(g.homeTeam), teamPanel(g.awayTeam)),
            actionsView(),
          ],
    playByPlay(c.s.plays, names(), 15),
    h(
      'p',
      {},
      h('a', { href: `/g/${gameId}` }, t('fanPage')),
      ' · ',
      h(
        'a',
        { href: '/score', onclick: (e) => (e.preventDefault(), (c = null), go('/score'), render()) },
        t('pickGame'),
      ),
    ),
  );
}

// ---------- routing ----------

async function render() {
  if (params.get('code') && !gameId && !loadSession()) {
    const code = params.get('code');
    params.delete('code');
    try {
      await useCode(code);
    } catch (e) {
      message = e instanceof ApiError ? t('codeInvalid') : e.message;
    }
  }
  if (!loadSession()) return loginView();
  if (!gameId) return pickView();
  renderTop([[t('scoreTitle'), '/score']]);
  if (!c) {
    fill(main(), h('p', { class: 'muted' }, t('loading')));
    await openConsole();
  }
  const g = c.s.game;
  setTitle(`${t('scoreTitle')} · ${g.homeTeam.name} ${t('vs')} ${g.awayTeam.name}`);
  fill(main(), h('h1', {}, `${g.homeTeam.name} ${t('vs')} ${g.awayTeam.name}`), h('div', { id: 'sk' }));
  drawConsole();
}

page(() => render().catch(showError));
