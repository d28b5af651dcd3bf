// One game's live feed, shared by the fan page and the scorekeeper console.
//
// First paint comes from REST (the game, the last plays, the box score). Then the socket:
// `game:subscribe` with the last seq applied answers with the missed deltas (or a fresh snapshot
// when too far behind); every `game:event` with seq = last + 1 is applied, an older one ignored,
// a gap answered by subscribing again; after a reconnection, the same. A server that cannot
// resume gets a REST catch-up (GET /games/:id and /plays?afterSeq=).
//
// The socket.io client (live.js) is loaded only when the feed starts, after the first paint: on
// a slow link the score shows without waiting for it.
import { get, getOptional, noteServerTime } from './api.js';
import { showConnection } from './connection-banner.js';
import { applyDelta } from './gameview.js';

export const PLAYS_KEPT = 40;

export function createFeed(gameId, onChange) {
  const s = { game: null, plays: [], box: null, clock: null, lastSeq: 0 };
  let socket = null;
  let live = null;
  let syncing = null;
  let boxTimer = null;

  /**
   * Reads the game over REST. An answer older than what the page has applied meanwhile (a read that
   * crossed a broadcast or this device's own acknowledgement) is dropped: it would take the score
   * back, and the next event would then look like a gap.
   */
  async function restCatchUp(known) {
    const game = known ?? (await get(`/api/v1/games/${gameId}`));
    const target = game.live?.lastSeq ?? 0;
    if (target < s.lastSeq) return;
    let plays = s.plays;
    if (target > s.lastSeq) {
      const from = Math.max(s.lastSeq, target - PLAYS_KEPT);
      const kept = from > s.lastSeq ? [] : s.plays.slice();
      const page = await get(`/api/v1/games/${gameId}/plays?afterSeq=${from}&limit=500`);
      plays = [...kept, ...page.items];
    }
    const clock = game.live
      ? { ...game.live.clock, asOf: game.live.clock.asOf ?? (await clockAsOf(game.live.clock.asOfSeq, plays)) }
      : null;
    const box = game.live ? await getOptional(`/api/v1/games/${gameId}/box-score`) : null;
    // Events may also have been applied during the reads just above.
    if (target < s.lastSeq) return;
    s.game = game;
    s.lastSeq = target;
    s.plays = plays;
    s.clock = clock;
    s.box = box;
  }

  /** When the clock was read, for a server that does not say: the time of the event that set it. */
  async function clockAsOf(seq, plays) {
    if (!seq) return null;
    const play =
      plays.find((p) => p.seq === seq) ??
      (await get(`/api/v1/games/${gameId}/plays?afterSeq=${seq - 1}&limit=1`)).items[0];
    return play?.recordedAt ?? null;
  }

  function applySnapshot(snap) {
    noteServerTime(snap.serverTime);
    // The snapshot names the teams; their colours and short names come from the game's REST answer.
    const keep = (known, team) => (team && known?.id === team.id ? { ...known, ...team } : team);
    Object.assign(s.game, {
      status: snap.status,
      homeTeam: keep(s.game.homeTeam, snap.homeTeam),
      awayTeam: keep(s.game.awayTeam, snap.awayTeam),
      result: snap.result,
      live: snap.live,
      scoreByPeriod: snap.scoreByPeriod,
      homeScore: snap.live?.score.home ?? snap.result?.homeScore ?? s.game.homeScore,
      awayScore: snap.live?.score.away ?? snap.result?.awayScore ?? s.game.awayScore,
    });
    s.clock = snap.clock;
    s.lastSeq = snap.seq;
    s.plays = snap.recentPlays.map((p) => ({
      seq: p.seq,
      event: { ...p.play, period: p.period, gameClock: p.gameClock ?? undefined },
      inForce: true,
      score: p.score,
    }));
    if (snap.boxScore) s.box = snap.boxScore;
  }

  /** Applies one committed event (a broadcast delta or this device's own acknowledgement); false on a gap. */
  function applyOne(delta) {
    if (delta.seq <= s.lastSeq) return true;
    if (delta.seq !== s.lastSeq + 1) return false;
    if (delta.serverTime) noteServerTime(delta.serverTime);
    applyDelta(s.plays, delta);
    s.lastSeq = delta.seq;
    s.game.live = delta.game;
    s.game.homeScore = delta.game.score.home;
    s.game.awayScore = delta.game.score.away;
    if (delta.game.status) s.game.status = delta.game.status;
    s.clock = delta.clock ?? {
      ...delta.game.clock,
      asOf: delta.game.clock.asOfSeq === delta.seq ? delta.recordedAt : (s.clock?.asOf ?? null),
    };
    if (s.plays.length > PLAYS_KEPT * 3) s.plays.splice(0, s.plays.length - PLAYS_KEPT);
    return true;
  }

  /** The score by period, from the box score (a delta carries only the totals). */
  function periodsFromBox() {
    const home = s.game?.homeTeam?.id;
    const away = s.game?.awayTeam?.id;
    if (!s.box?.scoreByPeriod || !home || !away) return;
    s.game.scoreByPeriod = s.box.scoreByPeriod.map((p) => ({
      label: p.label,
      home: p.points[home] ?? 0,
      away: p.points[away] ?? 0,
    }));
  }

  function refreshBoxSoon() {
    clearTimeout(boxTimer);
    // Spread the reads of many fans over a moment.
    boxTimer = setTimeout(
      async () => {
        s.box = await getOptional(`/api/v1/games/${gameId}/box-score`).catch(() => s.box);
        periodsFromBox();
        onChange('box');
      },
      800 + Math.random() * 1500,
    );
  }

  function sync() {
    syncing ??= (async () => {
      const ack = await live.ask(socket, 'game:subscribe', s.lastSeq > 0 ? { gameId, lastSeq: s.lastSeq } : { gameId });
      const start = ack?.ok ? ack.data : null;
      if (start?.mode === 'snapshot') applySnapshot(start.snapshot);
      else if (start?.mode === 'deltas') {
        if (start.serverTime) noteServerTime(start.serverTime);
        for (const d of start.deltas) if (!applyOne(d)) return restCatchUp();
        if (start.status) s.game.status = start.status;
        if (start.deltas.length) refreshBoxSoon();
      } else await restCatchUp();
    })()
      .then(() => onChange('all'))
      .catch(() => undefined)
      .finally(() => (syncing = null));
    return syncing;
  }

  /** A committed event this device learnt of (delta or own ack). */
  function committed(delta) {
    if (delta.gameId !== gameId || syncing) return;
    if (!applyOne(delta)) return void sync();
    onChange('event', delta);
    refreshBoxSoon();
  }

  return {
    state: s,
    load: () => restCatchUp(),
    /** Re-reads everything over REST (after a lifecycle step). */
    reload: () => restCatchUp().then(() => onChange('all')),
    committed,
    async start() {
      // Without network the chunk cannot come yet: try again until it does.
      while (!live) live = await import('./live.js').catch(() => new Promise((r) => setTimeout(() => r(null), 3000)));
      socket = live.connectLive({ onConnect: () => sync(), onState: showConnection });
      socket.on('game:event', committed);
      socket.on('game:status', (change) => {
        if (change.gameId === gameId)
          restCatchUp().then(
            () => onChange('all'),
            () => undefined,
          );
      });
      return socket;
    },
  };
}
