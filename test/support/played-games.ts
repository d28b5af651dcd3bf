import { randomUUID } from 'node:crypto';
import { factories } from './factories.js';
import type { Http, LoggedIn, TestContext } from './test-app.js';

/**
 * Plays games through the public API for the standings, leaders and awards tests: a tournament
 * whose teams each have five named players, its competition, and games scored play by play by
 * an assigned scorekeeper (player plays, or team points in score-only mode), then ended.
 */

/** One play, by player name (or team name for team points). */
export type Play =
  | ['fg', string, 2 | 3, string?] // made field goal, optional assist
  | ['miss', string, 2 | 3]
  | ['ft', string]
  | ['ftmiss', string]
  | ['reb', string, 'offensive' | 'defensive']
  | ['stl', string]
  | ['blk', string]
  | ['to', string]
  | ['team', string, number]; // team points in score-only mode (any number, sent in threes)

export interface Kit {
  tournamentId: string;
  /** team name -> id */
  teams: Map<string, string>;
  teamName: Map<string, string>;
  /** player name -> { id, teamId } */
  players: Map<string, { id: string; teamId: string }>;
  /** structure game id -> game id */
  games: Map<string, string>;
  scorekeeper: LoggedIn;
}

export const ok = async (http: Http, method: string, url: string, body?: unknown) => {
  const res = await http(method, url, body);
  if (res.status >= 300) throw new Error(`${method} ${url} -> ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};

/** A tournament with these teams and, per team, five players named `${prefix}1..5` (or given names). */
export async function newKit(
  ctx: TestContext,
  teams: Array<{ name: string; players: string[] }>,
  scorekeeper?: LoggedIn,
): Promise<Kit> {
  const f = factories(ctx);
  const t = await f.newTournament({ name: `工BA 统计 ${randomUUID().slice(0, 6)}` });
  const kit: Kit = {
    tournamentId: t.id,
    teams: new Map(),
    teamName: new Map(),
    players: new Map(),
    games: new Map(),
    scorekeeper: scorekeeper ?? (await ctx.newAccount('scorekeeper')),
  };
  for (const spec of teams) {
    const team = await f.newTeam(t.id, { name: spec.name });
    kit.teams.set(spec.name, team.id);
    kit.teamName.set(team.id, spec.name);
    for (const [i, name] of spec.players.entries()) {
      const p = await f.newPlayer(team.id, { name, jerseyNumber: i + 4 });
      kit.players.set(name, { id: p.id, teamId: team.id });
    }
  }
  return kit;
}

/** Sets the competition (explicit stages, team slots by name) and creates its games. */
export async function setupCompetition(ctx: TestContext, kit: Kit, stages: unknown[]): Promise<void> {
  const base = `/api/v1/tournaments/${kit.tournamentId}/competition`;
  await ok(ctx.http, 'PUT', base, { stages });
  const generated = await ok(ctx.http, 'POST', `${base}/games`);
  for (const g of generated.games) kit.games.set(g.gameId, g.id);
}

export const teamSlots = (kit: Kit, names: string[]) => names.map((n) => ({ kind: 'team', teamId: kit.teams.get(n)! }));

/** The structure game between two teams (by name), from the bracket. */
export async function gameBetween(ctx: TestContext, kit: Kit, a: string, b: string): Promise<string> {
  const bracket = await ok(ctx.anon, 'GET', `/api/v1/tournaments/${kit.tournamentId}/competition/bracket`);
  const wanted = [a, b].sort().join();
  const game = bracket.games.find(
    (g: any) => [g.home.team?.name, g.away.team?.name].sort().join() === wanted && g.game.status === 'scheduled',
  );
  if (!game) throw new Error(`no game to play between ${a} and ${b}`);
  return game.id;
}

export interface Played {
  gameId: string;
  /** seq of every play, in the order given (team plays: the last event sent for it) */
  seqs: number[];
  send: (event: Record<string, unknown>) => Promise<number>;
  seq: () => number;
}

/**
 * Marks the game ready (the scorekeeper assigned, each team's first five start), plays `plays`
 * in the 1st period, runs periods 2-4, and ends the game (`end: false` leaves it live after the
 * 1st period, for games in progress).
 */
export async function playGame(
  ctx: TestContext,
  kit: Kit,
  key: string,
  plays: Play[],
  options: { end?: boolean } = {},
): Promise<Played> {
  const gameId = kit.games.get(key) ?? key;
  const game = await ok(ctx.http, 'GET', `/api/v1/games/${gameId}`);
  const fiveOf = (teamId: string) =>
    [...kit.players.values()]
      .filter((p) => p.teamId === teamId)
      .map((p) => p.id)
      .slice(0, 5);
  await ok(ctx.http, 'POST', `/api/v1/tournaments/${kit.tournamentId}/scorekeepers`, {
    username: kit.scorekeeper.username,
    gameId,
  });
  await ok(ctx.http, 'POST', `/api/v1/games/${gameId}/transitions`, {
    to: 'ready',
    homeStartingFive: fiveOf(game.homeTeam.id),
    awayStartingFive: fiveOf(game.awayTeam.id),
  });
  let seq = 0;
  const send = async (event: Record<string, unknown>) => {
    const res = await ok(kit.scorekeeper.http, 'POST', `/api/v1/games/${gameId}/events`, {
      clientEventId: randomUUID(),
      expectedSeq: seq,
      event,
    });
    seq = res.seq;
    return seq;
  };
  const player = (name: string) => {
    const p = kit.players.get(name);
    if (!p) throw new Error(`no player ${name}`);
    return { teamId: p.teamId, playerId: p.id };
  };
  const seqs: number[] = [];
  await send({ type: 'period_start', period: 1 });
  for (const play of plays) {
    switch (play[0]) {
      case 'fg':
        seqs.push(
          await send({
            type: 'field_goal_made',
            ...player(play[1]),
            points: play[2],
            ...(play[3] ? { assistPlayerId: player(play[3]).playerId } : {}),
          }),
        );
        break;
      case 'miss':
        seqs.push(await send({ type: 'field_goal_missed', ...player(play[1]), points: play[2] }));
        break;
      case 'ft':
        seqs.push(await send({ type: 'free_throw_made', ...player(play[1]) }));
        break;
      case 'ftmiss':
        seqs.push(await send({ type: 'free_throw_missed', ...player(play[1]) }));
        break;
      case 'reb':
        seqs.push(await send({ type: 'rebound', ...player(play[1]), kind: play[2] }));
        break;
      case 'stl':
        seqs.push(await send({ type: 'steal', ...player(play[1]) }));
        break;
      case 'blk':
        seqs.push(await send({ type: 'block', ...player(play[1]) }));
        break;
      case 'to':
        seqs.push(await send({ type: 'turnover', ...player(play[1]) }));
        break;
      case 'team': {
        const teamId = kit.teams.get(play[1]) ?? play[1];
        for (let left = play[2]; left > 0;) {
          const points = Math.min(3, left);
          await send({ type: 'score_adjust', teamId, points });
          left -= points;
        }
        seqs.push(seq);
        break;
      }
    }
  }
  if (options.end !== false) {
    await send({ type: 'period_end' });
    for (let period = 2; period <= 4; period++) {
      await send({ type: 'period_start', period });
      await send({ type: 'period_end' });
    }
    await ok(ctx.http, 'POST', `/api/v1/games/${gameId}/transitions`, { to: 'final' });
  }
  return { gameId, seqs, send, seq: () => seq };
}

/** Repeats a play n times. */
export const times = (n: number, play: Play): Play[] => Array.from({ length: n }, () => play);
