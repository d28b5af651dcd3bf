import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { io } from 'socket.io-client';
import { connectSocket, scoredGame, waitFor, type LiveSocket, type RosterSpec } from './support/live.js';
import { startTestApp, type TestContext } from './support/test-app.js';

const roster = (name: string, first: number): RosterSpec => ({
  name,
  players: Array.from({ length: 8 }, (_, i) => ({ jersey: String(first + i), name: `${name.slice(0, 2)}${i + 1}号` })),
});

const sidOf = (jwt: string): string =>
  (JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as { sid: string }).sid;

/**
 * A socket acts with its session's authority only while the session is open: expiry, logout,
 * revocation and password change stop its commands, and a revocation racing handshakes leaves
 * no socket open and nothing written after it.
 */
describe('socket commands and the session behind them', () => {
  let ctx: TestContext;
  let db: pg.Client;
  const sockets: LiveSocket[] = [];
  beforeAll(async () => {
    ctx = await startTestApp();
    db = new pg.Client({ connectionString: ctx.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await db?.end();
    await ctx?.close();
  });

  const plays = async (gameId: string) =>
    Number((await db.query('SELECT count(*) AS n FROM play_event WHERE game_id = $1', [gameId])).rows[0].n);

  /** A game marked ready and started (event 1), with a basket any scorer may record. */
  async function liveGame() {
    const g = await scoredGame(ctx, roster('南浔彩蝶队', 4), roster('安吉白茶队', 10));
    const five = (t: { ids: Map<string, string> }) => [...t.ids.values()].slice(0, 5);
    await g.f.ok('POST', `/api/v1/games/${g.game.id}/transitions`, {
      to: 'ready',
      homeStartingFive: five(g.home),
      awayStartingFive: five(g.away),
    });
    const started = await g.f.ok('POST', `/api/v1/games/${g.game.id}/events`, {
      clientEventId: randomUUID(),
      expectedSeq: 0,
      event: { type: 'period_start' },
    });
    expect(started.seq).toBe(1);
    const basket = {
      type: 'field_goal_made' as const,
      teamId: g.home.id,
      playerId: g.home.ids.get('4')!,
      points: 2 as const,
    };
    const event = (expectedSeq: number) => ({
      gameId: g.game.id,
      clientEventId: randomUUID(),
      expectedSeq,
      event: basket,
    });
    return { ...g, basket, event };
  }

  async function open(token: string): Promise<LiveSocket> {
    const socket = await connectSocket(ctx.baseUrl, token);
    sockets.push(socket);
    return socket;
  }

  it('an expired game-code session’s open socket is refused with SESSION_EXPIRED and writes nothing', async () => {
    const g = await liveGame();
    const socket = await open(g.deviceToken);
    const first = await socket.emitWithAck('game:event', g.event(1));
    expect(first).toMatchObject({ ok: true, data: { seq: 2 } });

    // The session ends while the socket stays open (its handshake was fine).
    await db.query(`UPDATE session SET expires_at = now() - interval '1 second' WHERE id = $1`, [sidOf(g.deviceToken)]);
    const before = await plays(g.game.id);
    for (const ack of [
      await socket.emitWithAck('game:event', g.event(2)),
      await socket.emitWithAck('game:undo', { gameId: g.game.id, clientEventId: randomUUID(), expectedSeq: 2 }),
      await socket.emitWithAck('game:transition', { gameId: g.game.id, to: 'final' } as never),
    ])
      expect(ack).toMatchObject({ ok: false, error: { statusCode: 401, code: 'SESSION_EXPIRED' } });
    expect(await plays(g.game.id)).toBe(before);
    // Even past the socket's cached reading: the write's own transaction reads the session.
    const status = (await db.query('SELECT status, last_seq FROM game WHERE id = $1', [g.game.id])).rows[0];
    expect(status).toEqual({ status: 'live', last_seq: 2 });
  });

  it('a session ended in the database alone (as on another instance) stops the socket’s next write', async () => {
    const g = await liveGame();
    const scorer = await ctx.login(g.scorekeeper.username, g.scorekeeper.password);
    const socket = await open(scorer.accessToken);
    expect((await socket.emitWithAck('game:event', g.event(1))).ok).toBe(true);
    await db.query(`UPDATE session SET revoked_at = now(), revoked_reason = 'logout' WHERE id = $1`, [
      sidOf(scorer.accessToken),
    ]);
    const before = await plays(g.game.id);
    expect(await socket.emitWithAck('game:event', g.event(2))).toMatchObject({
      ok: false,
      error: { statusCode: 401, code: 'SESSION_REVOKED' },
    });
    expect(await plays(g.game.id)).toBe(before);
  });

  it('logout and a password change close the socket; a new handshake with the token is refused', async () => {
    const g = await liveGame();
    for (const end of ['logout', 'password'] as const) {
      const scorer = await ctx.login(g.scorekeeper.username, g.scorekeeper.password);
      const socket = await open(scorer.accessToken);
      let reason = '';
      socket.once('disconnect', (r) => (reason = r));
      const before = await plays(g.game.id);
      if (end === 'logout') expect((await scorer.http('POST', '/api/v1/auth/logout')).status).toBe(204);
      else {
        const changed = await scorer.http('POST', '/api/v1/auth/password', {
          currentPassword: scorer.password,
          newPassword: `${scorer.password} again`,
        });
        expect(changed.status).toBe(204);
        g.scorekeeper.password = `${scorer.password} again`;
      }
      await waitFor(() => reason !== '', `the socket to close after ${end}`);
      expect(reason).toBe('io server disconnect');
      await expect(connectSocket(ctx.baseUrl, scorer.accessToken)).rejects.toMatchObject({
        data: { code: 'SESSION_REVOKED', statusCode: 401 },
      });
      expect(await plays(g.game.id)).toBe(before);
    }
  });

  it('a game code revoked while 50 handshakes race it leaves no socket open and nothing written after it', async () => {
    const g = await liveGame();
    const rounds = 20;
    let connectedBeforeRevocation = 0;
    let refusedAtHandshake = 0;
    let written = 0;
    const unexpected: string[] = [];
    for (let round = 0; round < rounds; round++) {
      const code = await g.f.ok('POST', `/api/v1/tournaments/${g.tournament.id}/game-codes`, { gameId: g.game.id });
      const device = await ctx.anon('POST', '/api/v1/auth/game-code', { code: code.code });
      expect(device.status).toBe(200);
      const token = device.body.accessToken as string;
      const sessionId = sidOf(token);
      let lastSeq = Number((await db.query('SELECT last_seq FROM game WHERE id = $1', [g.game.id])).rows[0].last_seq);

      const revokeAfter = 5 + ((round * 7) % 30); // after this many sockets connected
      let connected = 0;
      let revocation: Promise<unknown> | null = null;
      const revoke = () =>
        (revocation ??= ctx.http('DELETE', `/api/v1/tournaments/${g.tournament.id}/game-codes/${code.id}`).then((r) => {
          expect(r.status).toBe(204);
        }));
      const clients = Array.from({ length: 50 }, () =>
        io(ctx.baseUrl, { transports: ['websocket'], auth: { token }, reconnection: false, forceNew: true }),
      );
      const settled = clients.map(
        (socket) =>
          new Promise<'refused' | 'closed'>((resolve) => {
            socket.once('connect_error', () => resolve('refused'));
            socket.once('disconnect', () => resolve('closed'));
            socket.once('connect', () => {
              if (++connected === revokeAfter) void revoke();
              if (!revocation) connectedBeforeRevocation++;
              // Score until refused: every write must be before the revocation.
              void (async () => {
                for (let i = 0; i < 3 && socket.connected; i++) {
                  const ack = await socket
                    .timeout(5000)
                    .emitWithAck('game:event', g.event(lastSeq))
                    .catch(() => null);
                  if (!ack) break;
                  if (ack.ok) {
                    lastSeq = Math.max(lastSeq, ack.data.seq);
                    written++;
                  } else if (ack.error.code === 'GAME_SEQ_STALE')
                    lastSeq = Math.max(lastSeq, (ack.error.context as { lastSeq: number }).lastSeq);
                  else {
                    if (ack.error.statusCode !== 401) unexpected.push(ack.error.code);
                    break;
                  }
                }
              })();
            });
          }),
      );
      try {
        const outcomes = await Promise.race([
          Promise.all(settled),
          new Promise<never>((_, reject) =>
            setTimeout(() => reject(new Error(`round ${round}: a socket is still open 20 s on`)), 20_000),
          ),
        ]);
        if (!revocation) await revoke();
        await revocation;
        refusedAtHandshake += outcomes.filter((o) => o === 'refused').length;
        expect(clients.filter((c) => c.connected)).toHaveLength(0);
      } finally {
        clients.forEach((c) => c.close());
      }
      const { rows } = await db.query(
        `SELECT count(*) FILTER (WHERE p.recorded_at >= s.revoked_at) AS after, s.revoked_at IS NOT NULL AS revoked
           FROM session s LEFT JOIN play_event p ON p.session_id = s.id WHERE s.id = $1 GROUP BY s.revoked_at`,
        [sessionId],
      );
      expect(rows[0]).toEqual({ after: '0', revoked: true });
    }
    // The race was run: sockets got in before the revocation, and some were turned away.
    expect(unexpected).toEqual([]);
    expect(connectedBeforeRevocation).toBeGreaterThan(0);
    expect(written).toBeGreaterThan(0);
    console.log(
      `revocation race: ${rounds} rounds, ${connectedBeforeRevocation} sockets in before the revocation, ${refusedAtHandshake} refused at the handshake, ${written} plays written (all before it)`,
    );
  }, 300_000);
});
