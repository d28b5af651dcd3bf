import { randomUUID } from 'node:crypto';
import { jest } from '@jest/globals';
import { io } from 'socket.io-client';
import { clockRemaining } from '../src/domain/live/index.js';
import type { GameStatusChange, TournamentBoard, TournamentChange, TournamentScore } from '../src/live/events.js';
import { GameFeed } from '../src/modules/games/game-feed.service.js';
import { gameRoom } from '../src/live/events.js';
import { LiveGateway } from '../src/live/live.gateway.js';
import { ROOM_SHARDS, shardOf, shardRoom } from '../src/live/rooms.js';
import { FanFeed } from './support/fan.js';
import { scoredGame, waitFor, type RosterSpec } from './support/live.js';
import { startTestApp, type TestContext } from './support/test-app.js';

const roster = (name: string, first: number): RosterSpec => ({
  name,
  players: Array.from({ length: 8 }, (_, i) => ({ jersey: String(first + i), name: `${name.slice(0, 2)}${i + 1}号` })),
});
let addresses = 0;
/** Fans come from many addresses (X-Forwarded-For, trusted here) so the per-address limit stays out of the way. */
const nextAddress = () => `198.18.${Math.floor(++addresses / 250)}.${addresses % 250}`;

/**
 * Live delivery on one instance: the snapshot on joining, deltas in order after commit, the
 * catch-up of a returning fan, the clock, the tournament's room, and the limits.
 */
describe('live delivery to fans', () => {
  let ctx: TestContext;
  const fans: FanFeed[] = [];
  beforeAll(async () => {
    ctx = await startTestApp({
      env: {
        TRUST_PROXY: 'true',
        LIVE_MAX_CONNECTIONS_PER_ADDRESS: '3',
        LIVE_MAX_QUEUED_MESSAGES: '20',
        LIVE_RESUME_MAX_EVENTS: '5',
      },
    });
  });
  afterAll(async () => {
    fans.forEach((f) => f.close());
    await ctx?.close();
  });

  const fan = async (url: string, gameId: string) => {
    const f = new FanFeed(url, gameId, { address: nextAddress() });
    fans.push(f);
    await f.connected();
    await waitFor(() => f.starts.length > 0, 'the subscribe answer');
    return f;
  };

  /** A live game and its scorer's table (the game-code device over HTTP), which tracks the seq. */
  async function liveGame() {
    const g = await scoredGame(ctx, roster('长兴天顺物流队', 4), roster('德清乾元篮球队', 10));
    const five = (t: { ids: Map<string, string> }) => [...t.ids.values()].slice(0, 5);
    await g.f.ok('POST', `/api/v1/games/${g.game.id}/transitions`, {
      to: 'ready',
      homeStartingFive: five(g.home),
      awayStartingFive: five(g.away),
    });
    const device = ctx.as(g.deviceToken);
    let seq = 0;
    const send = async (event: Record<string, unknown>) => {
      const res = await device('POST', `/api/v1/games/${g.game.id}/events`, {
        clientEventId: randomUUID(),
        expectedSeq: seq,
        event,
      });
      if (res.status !== 201) throw new Error(`${JSON.stringify(event)} -> ${res.status} ${JSON.stringify(res.body)}`);
      seq = res.body.seq;
      return res.body;
    };
    const player = (t: { ids: Map<string, string> }, jersey: number) => t.ids.get(String(jersey))!;
    const basket = (points: 2 | 3 = 2) => ({
      type: 'field_goal_made',
      teamId: g.home.id,
      playerId: player(g.home, 4),
      points,
    });
    return { ...g, send, basket, player, seqNow: () => seq };
  }

  it('a fan joining mid-game gets a snapshot with its seq, then every committed event in order', async () => {
    const g = await liveGame();
    await g.send({ type: 'period_start' });
    await g.send({ type: 'clock_start', gameClock: 6000 });
    await g.send({ ...g.basket(3), gameClock: 5800 });
    await g.send({
      type: 'foul',
      teamId: g.away.id,
      kind: 'personal',
      committedBy: 'player',
      playerId: g.player(g.away, 10),
    });
    const stop = await g.send({ type: 'clock_stop', gameClock: 5650 });
    await g.send({ type: 'timeout', teamId: g.away.id });

    const f = await fan(ctx.baseUrl, g.game.id);
    expect(f.starts[0]!.mode).toBe('snapshot');
    const snapshot = f.snapshots[0]!;
    expect(snapshot).toMatchObject({
      gameId: g.game.id,
      tournamentId: g.tournament.id,
      seq: 6,
      status: 'live',
      homeTeam: { name: '长兴天顺物流队' },
      awayTeam: { name: '德清乾元篮球队' },
      live: {
        score: { home: 3, away: 0 },
        period: { current: 1, label: '1', status: 'in_progress' },
        teamFouls: { home: { current: 0 }, away: { current: 1 } },
        timeoutsLeft: { home: 2, away: 1 },
      },
      // The clock reading of the clock_stop event, as of the time it was recorded.
      clock: { running: false, remaining: 5650, asOfSeq: 5, asOf: stop.recordedAt },
      scoreByPeriod: [{ label: '1', home: 3, away: 0 }],
    });
    expect(snapshot.boxScore!.teams[0].players.find((p) => p.jerseyNumber === 4)).toMatchObject({ pts: 3 });
    // The last plays (clock starts and stops are not plays a fan lists).
    expect(snapshot.recentPlays.map((p) => p.play.type)).toEqual([
      'period_start',
      'field_goal_made',
      'foul',
      'timeout',
    ]);
    expect(snapshot.recentPlays[1]).toMatchObject({ seq: 3, gameClock: 5800, score: { home: 3, away: 0 } });

    for (let i = 0; i < 5; i++) await g.send(g.basket());
    await waitFor(() => f.lastSeq === 11, 'the fan to hear five baskets');
    expect(f.applied).toEqual([6, 7, 8, 9, 10, 11]);
    expect(f.deltas.map((d) => d.game.score.home)).toEqual([5, 7, 9, 11, 13]);
    expect(f.gaps).toBe(0);
  });

  it('a crowd joining while baskets go in shares a few snapshot reads, across every shard, and no fan misses or repeats an event', async () => {
    const g = await liveGame();
    await g.send({ type: 'period_start' });
    const feed = ctx.app.get(GameFeed);
    const reads = jest.spyOn(feed, 'snapshot');
    try {
      const crowd = Array.from({ length: 60 }, () => new FanFeed(ctx.baseUrl, g.game.id, { address: nextAddress() }));
      fans.push(...crowd);
      // Baskets keep going in while the crowd connects and subscribes.
      const scoring = (async () => {
        for (let i = 0; i < 8; i++) await g.send(g.basket());
      })();
      await Promise.all(crowd.map((f) => f.connected()));
      await scoring;
      await waitFor(() => crowd.every((f) => f.lastSeq === g.seqNow()), 'every fan to reach the last seq', 15_000);

      // Spread over many shards (60 fans over 128 shards cover about 50 of them).
      expect(new Set(crowd.map((f) => shardOf(f.socket.id!))).size).toBeGreaterThanOrEqual(Math.min(ROOM_SHARDS, 12));
      for (const f of crowd) {
        // Everything after the snapshot, each once and in order.
        const afterSnapshot = f.applied.slice(f.applied.indexOf(f.snapshots[0]!.seq));
        expect(afterSnapshot).toEqual(Array.from({ length: afterSnapshot.length }, (_, i) => f.snapshots[0]!.seq + i));
        expect(f.gaps).toBe(0);
      }
      // One read serves every fan who joined before it began; 60 fans never cost 60 reads.
      expect(reads.mock.calls.length).toBeGreaterThan(0);
      expect(reads.mock.calls.length).toBeLessThan(30);
    } finally {
      reads.mockRestore();
    }
  });

  it('a fan that unsubscribes hears nothing more of that game', async () => {
    const g = await liveGame();
    await g.send({ type: 'period_start' });
    const staying = await fan(ctx.baseUrl, g.game.id);
    const leaving = await fan(ctx.baseUrl, g.game.id);
    const left = await leaving.socket.emitWithAck('game:unsubscribe', { gameId: g.game.id });
    expect(left).toEqual({ ok: true, data: { gameId: g.game.id } });
    await g.send(g.basket());
    await g.send(g.basket(3));
    await waitFor(() => staying.lastSeq === g.seqNow(), 'the staying fan to get both baskets');
    await new Promise((r) => setTimeout(r, 200));
    expect(leaving.deltas).toEqual([]);
    const server = ctx.app.get(LiveGateway).server;
    expect(
      server.sockets.adapter.rooms
        .get(shardRoom(gameRoom(g.game.id), shardOf(leaving.socket.id!)))
        ?.has(leaving.socket.id!) ?? false,
    ).toBe(false);
  });

  it('the clock travels as running/stopped, remaining and the server time of the reading', async () => {
    const g = await liveGame();
    await g.send({ type: 'period_start' });
    const f = await fan(ctx.baseUrl, g.game.id);
    const started = await g.send({ type: 'clock_start', gameClock: 6000 });
    // A play without a clock value leaves the reading as it was.
    await g.send({ type: 'rebound', teamId: g.home.id, kind: 'defensive', playerId: g.player(g.home, 5) });
    await waitFor(() => f.lastSeq === 3, 'two deltas');
    const [start, rebound] = f.deltas;
    expect(start!.clock).toEqual({ running: true, remaining: 6000, asOfSeq: 2, asOf: started.recordedAt });
    expect(rebound!.clock).toEqual(start!.clock);
    expect(Date.parse(rebound!.serverTime)).toBeGreaterThanOrEqual(Date.parse(started.recordedAt));
    // A page counts down from the reading without further messages.
    expect(clockRemaining(rebound!.clock, Date.parse(started.recordedAt) + 61_000)).toBe(5390);
    const stopped = await g.send({ type: 'clock_stop', gameClock: 5400 });
    await waitFor(() => f.lastSeq === 4, 'the clock stop');
    expect(f.deltas.at(-1)!.clock).toEqual({ running: false, remaining: 5400, asOfSeq: 4, asOf: stopped.recordedAt });
    // A late joiner sees the same reading.
    const late = await fan(ctx.baseUrl, g.game.id);
    expect(late.snapshots[0]!.clock).toEqual(f.deltas.at(-1)!.clock);
    // The stop voided: the clock runs again from the start's reading, with the start's time.
    await g.send({ type: 'void', targetSeq: 4 });
    await waitFor(() => f.lastSeq === 5, 'the void');
    expect(f.deltas.at(-1)!.clock).toEqual(start!.clock);
    const later = await fan(ctx.baseUrl, g.game.id);
    expect(later.snapshots[0]!.clock).toEqual(start!.clock);
  });

  it('a returning fan sends its last seq and gets exactly what it missed; too far behind, a snapshot', async () => {
    const g = await liveGame();
    await g.send({ type: 'period_start' });
    const f = await fan(ctx.baseUrl, g.game.id);
    await g.send(g.basket());
    await waitFor(() => f.lastSeq === 2, 'the first basket');
    f.close(); // the phone goes into a pocket

    for (let i = 0; i < 3; i++) await g.send(g.basket());
    const back = new FanFeed(ctx.baseUrl, g.game.id, { address: nextAddress() });
    fans.push(back);
    back.lastSeq = f.lastSeq;
    await back.connected();
    await waitFor(() => back.starts.length === 1, 'the catch-up');
    expect(back.starts[0]).toMatchObject({ mode: 'deltas', gameId: g.game.id, status: 'live', seq: 5 });
    expect(back.applied).toEqual([3, 4, 5]);
    expect(back.deltas.map((d) => d.game.score.home)).toEqual([4, 6, 8]);
    // The same message as live: a delta read back from the log equals the one broadcast.
    const live = await fan(ctx.baseUrl, g.game.id);
    await g.send(g.basket());
    await waitFor(() => live.lastSeq === 6 && back.lastSeq === 6, 'both to hear the next basket');
    const fromLog = await back.socket.emitWithAck('game:subscribe', { gameId: g.game.id, lastSeq: 5 });
    const { serverTime: _a, ...logged } = (fromLog as any).data.deltas[0];
    const { serverTime: _b, ...broadcast } = live.deltas[0]!;
    expect(logged).toEqual(broadcast);

    // Up to date: nothing to send.
    expect(await back.socket.emitWithAck('game:subscribe', { gameId: g.game.id, lastSeq: 6 })).toMatchObject({
      ok: true,
      data: { mode: 'deltas', seq: 6, deltas: [] },
    });
    // More than LIVE_RESUME_MAX_EVENTS (5) behind: a fresh snapshot. Ahead of the log: the same.
    expect(await back.socket.emitWithAck('game:subscribe', { gameId: g.game.id, lastSeq: 0 })).toMatchObject({
      ok: true,
      data: { mode: 'snapshot', snapshot: { seq: 6, live: { score: { home: 10 } } } },
    });
    expect(await back.socket.emitWithAck('game:subscribe', { gameId: g.game.id, lastSeq: 99 })).toMatchObject({
      ok: true,
      data: { mode: 'snapshot', snapshot: { seq: 6 } },
    });
    expect(await back.socket.emitWithAck('game:subscribe', { gameId: g.game.id, lastSeq: -1 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', details: [{ field: 'lastSeq' }] },
    });
  });

  it('the tournament room hears every game’s score, games starting and ending, and standings changes', async () => {
    const g = await liveGame();
    const socket = io(ctx.baseUrl, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      extraHeaders: { 'x-forwarded-for': nextAddress() },
    });
    const scores: TournamentScore[] = [];
    const statuses: GameStatusChange[] = [];
    const changes: TournamentChange[] = [];
    socket.on('tournament:score', (s) => scores.push(s));
    socket.on('tournament:game-status', (s) => statuses.push(s));
    socket.on('tournament:changed', (c) => changes.push(c));
    try {
      const board = (await socket.emitWithAck('tournament:subscribe', { tournamentId: g.tournament.id })) as {
        ok: true;
        data: TournamentBoard;
      };
      expect(board.ok).toBe(true);
      expect(board.data.games).toEqual([
        expect.objectContaining({
          gameId: g.game.id,
          status: 'ready',
          seq: 0,
          score: { home: 0, away: 0 },
          homeTeam: { id: g.home.id, name: '长兴天顺物流队' },
          court: '1号场',
          scheduledAt: '2024-05-19T14:00',
          clock: { running: false, remaining: null, asOfSeq: null, asOf: null },
        }),
      ]);
      await g.send({ type: 'period_start' });
      await g.send(g.basket(3));
      await waitFor(() => scores.length === 2 && statuses.length === 1, 'two score lines and the start');
      expect(statuses[0]).toMatchObject({ gameId: g.game.id, from: 'ready', status: 'live', lastSeq: 1 });
      expect(scores[1]).toMatchObject({
        tournamentId: g.tournament.id,
        gameId: g.game.id,
        seq: 2,
        status: 'live',
        score: { home: 3, away: 0 },
        period: { label: '1' },
      });
      // The away team cannot field five any more: the organiser records a forfeit.
      await g.f.ok('POST', `/api/v1/games/${g.game.id}/transitions`, { to: 'forfeit', teamId: g.away.id });
      await waitFor(
        () => statuses.length === 2 && changes.some((c) => c.topics.includes('standings')),
        'the end and the standings news',
      );
      expect(statuses[1]).toMatchObject({
        from: 'live',
        status: 'forfeit',
        result: { kind: 'forfeit', homeScore: 20 },
      });
      expect(changes.find((c) => c.topics.includes('standings'))).toMatchObject({
        tournamentId: g.tournament.id,
        gameId: g.game.id,
        topics: expect.arrayContaining(['standings', 'bracket']),
      });
      expect(await socket.emitWithAck('tournament:subscribe', { tournamentId: randomUUID() })).toMatchObject({
        ok: false,
        error: { statusCode: 404, code: 'TOURNAMENT_NOT_FOUND' },
      });
    } finally {
      socket.close();
    }
  });

  it('drops a stalled fan once its queue is full; the others get everything at once', async () => {
    const g = await liveGame();
    const healthy = await fan(ctx.baseUrl, g.game.id);
    const stalled = await fan(ctx.baseUrl, g.game.id);
    const server = ctx.app.get(LiveGateway).server;
    const stalledId = stalled.socket.id!;
    expect(server.sockets.sockets.has(stalledId)).toBe(true);
    // The phone stops reading: its TCP window closes and the server's queue for it grows.
    (stalled.socket.io.engine.transport as any).ws._socket.pause();

    let received = 0;
    healthy.socket.on('big' as any, () => received++);
    const payload = 'x'.repeat(100_000);
    const shards = Array.from({ length: ROOM_SHARDS }, (_, shard) => shardRoom(gameRoom(g.game.id), shard));
    for (let i = 0; i < 300; i++) {
      (server.to(shards) as any).emit('big', { i, payload });
      await new Promise((r) => setTimeout(r, 1));
    }
    await waitFor(() => received === 300, 'the healthy fan to receive all 300 messages', 30_000);
    await waitFor(() => !server.sockets.sockets.has(stalledId), 'the stalled fan to be dropped', 15_000);
    // 30 MB went out; the stalled fan held at most LIVE_MAX_QUEUED_MESSAGES of it before it was dropped.
    expect(healthy.socket.connected).toBe(true);
  });

  it('limits open sockets per client address (X-Forwarded-For behind a trusted proxy)', async () => {
    const connect = (address: string) =>
      new Promise<ReturnType<typeof io>>((resolve, reject) => {
        const s = io(ctx.baseUrl, {
          transports: ['websocket'],
          reconnection: false,
          forceNew: true,
          extraHeaders: { 'x-forwarded-for': `${address}, 10.0.0.1` },
        });
        s.once('connect', () => resolve(s));
        s.once('connect_error', (e) => {
          s.close();
          reject(e);
        });
      });
    const open = [await connect('203.0.113.50'), await connect('203.0.113.50'), await connect('203.0.113.50')];
    try {
      await expect(connect('203.0.113.50')).rejects.toThrow();
      const other = await connect('203.0.113.51');
      other.close();
      open.shift()!.close();
      await new Promise((r) => setTimeout(r, 100)); // the server sees the close
      open.push(await connect('203.0.113.50'));
    } finally {
      open.forEach((s) => s.close());
    }
  });
});
