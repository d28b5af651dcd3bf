import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, GameEventDelta, ServerToClientEvents } from '../../src/live/events.js';
import { stopAtEnd } from './cleanup.js';
import type { TestContext } from './test-app.js';
import { factories } from './factories.js';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A real socket.io client on the test server; `token` null is a fan. Resolves once connected. */
export async function connectSocket(baseUrl: string, token: string | null): Promise<LiveSocket> {
  const socket: LiveSocket = io(baseUrl, {
    path: '/socket.io',
    transports: ['websocket'],
    auth: token ? { token } : {},
    reconnection: false,
    forceNew: true,
  });
  // Closed at the end of the file if the test did not (test/support/cleanup.ts).
  const forget = stopAtEnd('a socket.io client', () => void socket.close());
  socket.once('disconnect', () => void forget());
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (e) => reject(e));
  });
  return socket;
}

/** Collects the deltas a socket receives for one game, in arrival order. */
export function recordDeltas(socket: LiveSocket): GameEventDelta[] {
  const deltas: GameEventDelta[] = [];
  socket.on('game:event', (d) => deltas.push(d));
  return deltas;
}

/** Polls until `check` holds. The default allows for a loaded machine; it costs nothing when it holds sooner. */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export interface RosterSpec {
  name: string;
  players: Array<{ jersey: string; name: string }>;
}

/**
 * A tournament with two teams and their rosters, one game between them, and the people who
 * score it: a scorekeeper account assigned to it and a device logged in with a game code.
 */
export async function scoredGame(
  ctx: TestContext,
  home: RosterSpec,
  away: RosterSpec,
  over: { rules?: Record<string, unknown>; game?: Record<string, unknown> } = {},
) {
  const f = factories(ctx);
  const tournament = await f.newTournament({ rules: { rosterMax: 15, ...over.rules } });
  const team = async (spec: RosterSpec) => {
    const t = await f.newTeam(tournament.id, { name: spec.name });
    const ids = new Map<string, string>();
    for (const p of spec.players)
      ids.set(p.jersey, (await f.newPlayer(t.id, { name: p.name, jerseyNumber: Number(p.jersey) })).id);
    return { id: t.id as string, name: spec.name, ids };
  };
  const homeTeam = await team(home);
  const awayTeam = await team(away);
  const game = await f.newGame(tournament.id, {
    homeTeamId: homeTeam.id,
    awayTeamId: awayTeam.id,
    court: '1号场',
    scheduledAt: '2024-05-19T14:00',
    ...over.game,
  });
  const scorekeeper = await ctx.newAccount('scorekeeper');
  await f.ok('POST', `/api/v1/tournaments/${tournament.id}/scorekeepers`, {
    username: scorekeeper.username,
    gameId: game.id,
  });
  const code = await f.ok('POST', `/api/v1/tournaments/${tournament.id}/game-codes`, { gameId: game.id });
  const device = await ctx.anon('POST', '/api/v1/auth/game-code', { code: code.code });
  if (device.status !== 200) throw new Error(`game code -> ${device.status} ${JSON.stringify(device.body)}`);
  return {
    f,
    tournament,
    home: homeTeam,
    away: awayTeam,
    game,
    scorekeeper,
    deviceToken: device.body.accessToken as string,
  };
}
