import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import { tournamentRoom, type TournamentChange, type TournamentScore } from '../src/live/events.js';
import { LiveGateway } from '../src/live/live.gateway.js';
import { FanFeed } from './support/fan.js';
import { assertRedisUp, startInstance, TEST_REDIS_URL, type Instance } from './support/instances.js';
import { connectSocket, scoredGame, waitFor, type RosterSpec } from './support/live.js';
import { startTestApp, type TestContext } from './support/test-app.js';

const roster = (name: string, first: number): RosterSpec => ({
  name,
  players: Array.from({ length: 8 }, (_, i) => ({ jersey: String(first + i), name: `${name.slice(0, 2)}${i + 1}号` })),
});

/**
 * Two server instances on one PostgreSQL and one Redis, as behind a load balancer: the scorer's
 * table writes through one, fans listen on the other; a fan's instance restarts; a session
 * revoked on one closes its sockets on the other.
 */
describe('live delivery across instances (Redis streams adapter)', () => {
  // Each run has its own keys, so runs and test files sharing the Redis never hear each other.
  const env = { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: `courtside-test-${randomUUID().slice(0, 8)}` };
  let a: TestContext;
  let b: Instance;
  const fans: FanFeed[] = [];
  beforeAll(async () => {
    await assertRedisUp();
    a = await startTestApp({ env });
    b = await startInstance(a.databaseUrl, env);
  });
  afterAll(async () => {
    fans.forEach((f) => f.close());
    await b?.close();
    await a?.close();
  });

  async function liveGame() {
    const g = await scoredGame(a, roster('南浔彩蝶队', 4), roster('安吉白茶队', 10));
    const five = (t: { ids: Map<string, string> }) => [...t.ids.values()].slice(0, 5);
    await g.f.ok('POST', `/api/v1/games/${g.game.id}/transitions`, {
      to: 'ready',
      homeStartingFive: five(g.home),
      awayStartingFive: five(g.away),
    });
    let seq = 0;
    /** Records through the given instance's HTTP API. */
    const send = async (baseUrl: string, event: Record<string, unknown>) => {
      const res = await fetch(`${baseUrl}/api/v1/games/${g.game.id}/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${g.deviceToken}` },
        body: JSON.stringify({ clientEventId: randomUUID(), expectedSeq: seq, event }),
      });
      const body = (await res.json()) as { seq: number };
      if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(body)}`);
      seq = body.seq;
      return body;
    };
    const basket = { type: 'field_goal_made', teamId: g.home.id, playerId: g.home.ids.get('4')!, points: 2 };
    return { ...g, send, basket };
  }

  it('the scorer writes through one instance; fans on the other hear every event in order', async () => {
    const g = await liveGame();
    const onB = new FanFeed(b.baseUrl, g.game.id);
    const onA = new FanFeed(a.baseUrl, g.game.id);
    fans.push(onB, onA);
    await Promise.all([onB.connected(), onA.connected()]);
    await waitFor(() => onB.starts.length === 1 && onA.starts.length === 1, 'both subscribed');
    const tournamentFan = io(b.baseUrl, { transports: ['websocket'], reconnection: false, forceNew: true });
    const lines: TournamentScore[] = [];
    tournamentFan.on('tournament:score', (s) => lines.push(s));
    try {
      expect((await tournamentFan.emitWithAck('tournament:subscribe', { tournamentId: g.tournament.id })).ok).toBe(
        true,
      );

      await g.send(a.baseUrl, { type: 'period_start' });
      for (let i = 0; i < 20; i++) await g.send(a.baseUrl, g.basket);
      await waitFor(() => onB.lastSeq === 21, 'the fan on B to hear all 21 events');
      expect(onB.applied).toEqual(Array.from({ length: 22 }, (_, i) => i));
      expect(onB.deltas.at(-1)!.game.score).toEqual({ home: 40, away: 0 });
      await waitFor(() => lines.length === 21, 'the tournament room on B');
      expect(lines.map((l) => l.seq)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));

      // Whichever instance records, everyone hears it: alternate the writers.
      for (let i = 0; i < 10; i++) await g.send(i % 2 ? a.baseUrl : b.baseUrl, g.basket);
      await waitFor(() => onB.lastSeq === 31 && onA.lastSeq === 31, 'both fans to reach event 31');
      for (const f of [onA, onB]) {
        expect(f.applied).toEqual(Array.from({ length: 32 }, (_, i) => i));
        expect(f.snapshots).toHaveLength(1);
      }
    } finally {
      tournamentFan.close();
    }
  });

  it('a message from an instance of the earlier version (one publication, `live:publish`) still reaches fans here', async () => {
    // During a rolling deploy the old instances send each room's message on its own.
    const g = await liveGame();
    const fan = io(b.baseUrl, { transports: ['websocket'], reconnection: false, forceNew: true });
    const heard: TournamentChange[] = [];
    fan.on('tournament:changed', (m) => heard.push(m));
    try {
      expect((await fan.emitWithAck('tournament:subscribe', { tournamentId: g.tournament.id })).ok).toBe(true);
      const message: TournamentChange = {
        tournamentId: g.tournament.id,
        topics: ['standings'],
        gameId: null,
        serverTime: new Date().toISOString(),
      };
      a.app.get(LiveGateway).server.serverSideEmit('live:publish', {
        room: tournamentRoom(g.tournament.id),
        event: 'tournament:changed',
        message,
      });
      await waitFor(() => heard.length === 1, 'the fan on B to hear the old-style message');
      expect(heard[0]).toEqual(message);
    } finally {
      fan.close();
    }
  });

  it('a fan whose instance restarts reconnects with its last seq and gets exactly what it missed', async () => {
    const g = await liveGame();
    await g.send(a.baseUrl, { type: 'period_start' });
    const fan = new FanFeed(b.baseUrl, g.game.id, { reconnection: true });
    fans.push(fan);
    await fan.connected();
    // Its snapshot first (at the period start), so the basket comes as a delta however slow the read.
    await waitFor(() => fan.starts.length === 1, 'the subscribe answer');
    await g.send(a.baseUrl, g.basket);
    await waitFor(() => fan.lastSeq === 2, 'the first basket');

    const port = b.port;
    await b.close(); // a deploy restarts the fan's instance
    await waitFor(() => !fan.socket.connected, 'the fan to notice');
    for (let i = 0; i < 3; i++) await g.send(a.baseUrl, g.basket); // recorded while B is down
    b = await startInstance(a.databaseUrl, env, port);

    await waitFor(() => fan.starts.length === 2, 'the fan to reconnect and catch up', 15_000);
    expect(fan.starts[1]).toMatchObject({ mode: 'deltas', seq: 5 });
    expect((fan.starts[1] as any).deltas.map((d: any) => d.seq)).toEqual([3, 4, 5]);
    await g.send(a.baseUrl, g.basket);
    await waitFor(() => fan.lastSeq === 6, 'live deltas again after the catch-up');
    expect(fan.applied).toEqual([1, 2, 3, 4, 5, 6]);
    expect(fan.snapshots).toHaveLength(1);
    expect(fan.deltas.at(-1)!.game.score.home).toBe(10);
  });

  it('a session revoked through one instance closes its sockets on the other', async () => {
    const g = await liveGame();
    const scorer = await connectSocket(b.baseUrl, g.scorekeeper.accessToken);
    let reason = '';
    scorer.once('disconnect', (r) => (reason = r));
    try {
      const assignments = (await a.http('GET', `/api/v1/tournaments/${g.tournament.id}/scorekeepers`)).body;
      const revoked = await a.http(
        'DELETE',
        `/api/v1/tournaments/${g.tournament.id}/scorekeepers/${assignments[0].id}`,
      );
      expect(revoked.status).toBe(204);
      await waitFor(() => reason !== '', 'the socket on B to be closed');
      expect(reason).toBe('io server disconnect');
    } finally {
      scorer.close();
    }
  });
});
