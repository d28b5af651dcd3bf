import { randomUUID } from 'node:crypto';
import pg from 'pg';
import {
  boxScore,
  replay,
  SNAPSHOT_EVERY,
  type GameContext,
  type GameState,
  type PlayEvent,
} from '../src/domain/game/index.js';
import { createTestDatabase } from './support/database.js';
import {
  buildOnce,
  FIRST_ADMIN,
  freePort,
  loginTo,
  runServer,
  waitForHealth,
  type ServerProcess,
} from './support/server-process.js';

const GAMES = 6;
const EVENTS_PER_GAME = 60;
const KILL_AFTER_ACKS = 120;

interface Command {
  clientEventId: string;
  expectedSeq: number;
  event: Record<string, unknown>;
}

/**
 * The compiled server is killed (SIGKILL) in the middle of a burst of events from several
 * scorekeepers, then restarted on the same database. Each device retries what was not
 * acknowledged, with the same ids, and goes on.
 */
describe('live scoring survives a crash of the server', () => {
  beforeAll(() => buildOnce(), 120_000);

  it('keeps every acknowledged event once, writes nothing by halves, and applies retries exactly once', async () => {
    const db = await createTestDatabase();
    const port = freePort();
    const env = {
      DATABASE_URL: db.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      ID_HASH_KEY: 'k'.repeat(40),
      JWT_SECRET: 'j'.repeat(40),
      LOG_LEVEL: 'warn',
      WRITE_RATE_LIMIT_PER_MINUTE: '1000000',
      ...FIRST_ADMIN,
    };
    let server: ServerProcess = runServer(env);
    try {
      await waitForHealth(port, server);
      const token = await loginTo(port, FIRST_ADMIN.ADMIN_USERNAME, FIRST_ADMIN.ADMIN_PASSWORD);
      const call = async (method: string, path: string, body?: unknown) => {
        const res = await fetch(`http://127.0.0.1:${port}/api/v1${path}`, {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        return { status: res.status, body: (await res.json()) as any };
      };
      const ok = async (method: string, path: string, body?: unknown) => {
        const res = await call(method, path, body);
        if (res.status >= 300) throw new Error(`${method} ${path} -> ${res.status} ${JSON.stringify(res.body)}`);
        return res.body;
      };

      // A tournament, two teams of five, and GAMES games between them, each ready to score.
      const tournament = await ok('POST', '/tournaments', {
        name: '崩溃测试赛',
        season: '2024',
        startsOn: '2024-05-11',
        endsOn: '2024-05-19',
      });
      const team = async (name: string) => {
        const unit = await ok('POST', '/units', { name: `${name}单位`, kind: 'enterprise' });
        const t = await ok('POST', `/tournaments/${tournament.id}/teams`, { name, unitId: unit.id });
        const players: string[] = [];
        for (let j = 0; j < 5; j++)
          players.push((await ok('POST', `/teams/${t.id}/players`, { name: `${name}${j}号`, jerseyNumber: j + 4 })).id);
        return { id: t.id as string, players };
      };
      const home = await team('长兴天顺物流队');
      const away = await team('德清乾元篮球队');
      const games: string[] = [];
      for (let i = 0; i < GAMES; i++) {
        const game = await ok('POST', `/tournaments/${tournament.id}/games`, {
          homeTeamId: home.id,
          awayTeamId: away.id,
        });
        await ok('POST', `/tournaments/${tournament.id}/game-codes`, { gameId: game.id });
        await ok('POST', `/games/${game.id}/transitions`, {
          to: 'ready',
          homeStartingFive: home.players,
          awayStartingFive: away.players,
        });
        games.push(game.id);
      }

      // Each game's scorekeeper has a script of events: a period start, then baskets.
      const scripts = games.map((_, g) =>
        Array.from({ length: EVENTS_PER_GAME }, (__, i): Record<string, unknown> => {
          if (i === 0) return { type: 'period_start' };
          const side = (i + g) % 2 === 0 ? home : away;
          return i % 3 === 0
            ? { type: 'field_goal_made', teamId: side.id, playerId: side.players[i % 5], points: 2 + (i % 2) }
            : { type: 'score_adjust', teamId: side.id, points: 1 + (i % 3) };
        }),
      );
      const acked = games.map(() => new Map<string, number>());
      const unacked: Array<Command | null> = games.map(() => null);
      const next = games.map(() => 0);
      let ackCount = 0;
      let killed = false;

      // Every device keeps sending until its connection dies with the server, so the crash
      // always leaves each device with one unanswered event (sent just before, during or after
      // the kill), whatever the timing on a loaded machine.
      const stream = async (g: number) => {
        while (next[g]! < EVENTS_PER_GAME) {
          const command: Command = {
            clientEventId: randomUUID(),
            expectedSeq: next[g]!,
            event: scripts[g]![next[g]!]!,
          };
          let res: { status: number; body: any };
          try {
            res = await call('POST', `/games/${games[g]}/events`, command);
          } catch {
            unacked[g] = command; // the connection died with the server: no answer
            return;
          }
          expect(res).toMatchObject({ status: 201, body: { seq: next[g]! + 1, duplicate: false } });
          acked[g]!.set(command.clientEventId, res.body.seq);
          next[g]!++;
          if (++ackCount === KILL_AFTER_ACKS) {
            killed = true;
            server.child.kill('SIGKILL');
          }
        }
      };
      await Promise.all(games.map((_, g) => stream(g)));
      expect(killed).toBe(true);
      await server.exited;
      const inFlight = unacked.filter((c) => c !== null).length;
      expect(inFlight).toBeGreaterThan(0);

      // Restart on the same database; every device retries its unanswered event with the same id.
      server = runServer(env);
      await waitForHealth(port, server);
      let recordedBeforeCrash = 0;
      for (let g = 0; g < GAMES; g++) {
        const command = unacked[g];
        if (!command) continue;
        const res = await call('POST', `/games/${games[g]}/events`, command);
        expect(res).toMatchObject({
          status: 201,
          body: { seq: command.expectedSeq + 1, clientEventId: command.clientEventId },
        });
        if (res.body.duplicate) recordedBeforeCrash++;
        // A second retry changes nothing either.
        expect((await call('POST', `/games/${games[g]}/events`, command)).body).toEqual({
          ...res.body,
          duplicate: true,
        });
        acked[g]!.set(command.clientEventId, res.body.seq);
        next[g] = res.body.seq;
      }
      killed = false;
      await Promise.all(games.map((_, g) => stream(g)));
      process.stdout.write(
        `[crash test] ${ackCount} events acknowledged in all; killed after ${KILL_AFTER_ACKS}, ${inFlight} in flight, ${recordedBeforeCrash} of them committed before the kill\n`,
      );

      // The database: every acknowledged event exactly once at its seq, gap-free; the stored state
      // is replay(log) as of its event (a snapshot, at most SNAPSHOT_EVERY - 1 events back), and
      // the score columns and what the API serves are replay(log) of the whole log.
      const client = new pg.Client(db.url);
      await client.connect();
      try {
        for (let g = 0; g < GAMES; g++) {
          const { rows } = await client.query(
            'SELECT seq, client_event_id, body FROM play_event WHERE game_id = $1 ORDER BY seq',
            [games[g]],
          );
          expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: EVENTS_PER_GAME }, (_, i) => i + 1));
          expect(new Set(rows.map((r) => r.client_event_id)).size).toBe(EVENTS_PER_GAME);
          for (const [id, seq] of acked[g]!)
            expect(rows[seq - 1]).toMatchObject({ client_event_id: id, body: scripts[g]![seq - 1] });
          const [game] = (
            await client.query('SELECT context, state, last_seq, home_score, away_score FROM game WHERE id = $1', [
              games[g],
            ])
          ).rows as Array<{
            context: GameContext;
            state: GameState;
            last_seq: number;
            home_score: number;
            away_score: number;
          }>;
          const log = rows.map((r) => ({ ...r.body, seq: r.seq, clientEventId: r.client_event_id }) as PlayEvent);
          const current = replay(log, game!.context);
          expect(game!.state).toEqual(replay(log.slice(0, game!.state.lastSeq), game!.context));
          expect(EVENTS_PER_GAME - game!.state.lastSeq).toBeLessThan(SNAPSHOT_EVERY);
          expect(game!.last_seq).toBe(EVENTS_PER_GAME);
          expect([game!.home_score, game!.away_score]).toEqual([current.score[home.id], current.score[away.id]]);
          expect(await ok('GET', `/games/${games[g]}/box-score`)).toEqual({
            ...JSON.parse(JSON.stringify(boxScore(current))),
            status: 'live',
            lastSeq: EVENTS_PER_GAME,
          });
        }
      } finally {
        await client.end();
      }
      // The bundled server checked every play with its compiled schema (src/common/validation/
      // compiled-accept.ts): a marked class that could not compile there would say so here.
      expect(`${server.stdout()}${server.stderr()}`).not.toContain('no compiled check');
    } finally {
      server.child.kill('SIGKILL');
      await server.exited;
      await db.drop();
    }
  }, 300_000);
});
