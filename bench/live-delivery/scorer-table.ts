/**
 * The live-delivery benchmarks' game: a tournament with two teams of eight, one game made ready
 * and started, and the scorer's table logged in with a game code, recording field goals over
 * HTTP with the expected sequence number, as the console does.
 */
import { randomUUID } from 'node:crypto';
import { apiCall } from '../support/server.js';

export interface ScorerTable {
  gameId: string;
  tournamentId: string;
  /** Records the next field goal through `writer` (a server's base URL); resolves with the acknowledgement. */
  record(writer: string): Promise<Record<string, unknown> & { seq: number; recordedAt: string }>;
}

export async function scorerTable(base: string, adminToken: string): Promise<ScorerTable> {
  const call = (url: string, method: string, p: string, body?: unknown, auth: string | null = adminToken) =>
    apiCall(url, method, p, body, auth);
  const tournament = await call(base, 'POST', '/tournaments', {
    name: '决赛直播压测',
    season: '2024',
    startsOn: '2024-05-11',
    endsOn: '2024-05-19',
  });
  const teams: Array<{ id: string; players: string[] }> = [];
  for (const name of ['长兴天顺物流队', '德清乾元篮球队']) {
    const unit = await call(base, 'POST', '/units', { name: `${name}单位`, kind: 'enterprise' });
    const team = await call(base, 'POST', `/tournaments/${tournament.id}/teams`, { name, unitId: unit.id });
    const players: string[] = [];
    for (let j = 0; j < 8; j++)
      players.push(
        (await call(base, 'POST', `/teams/${team.id}/players`, { name: `队员${j}`, jerseyNumber: j + 4 })).id,
      );
    teams.push({ id: team.id, players });
  }
  const [home, away] = teams as [(typeof teams)[0], (typeof teams)[0]];
  const game = await call(base, 'POST', `/tournaments/${tournament.id}/games`, {
    homeTeamId: home.id,
    awayTeamId: away.id,
    court: '1号场',
  });
  const code = await call(base, 'POST', `/tournaments/${tournament.id}/game-codes`, { gameId: game.id });
  const device = (await call(base, 'POST', '/auth/game-code', { code: code.code }, null)).accessToken as string;
  await call(base, 'POST', `/games/${game.id}/transitions`, {
    to: 'ready',
    homeStartingFive: home.players.slice(0, 5),
    awayStartingFive: away.players.slice(0, 5),
  });
  let seq = 0;
  let n = 0;
  const send = async (writer: string, event: Record<string, unknown>) => {
    const ack = await call(
      writer,
      'POST',
      `/games/${game.id}/events`,
      { clientEventId: randomUUID(), expectedSeq: seq, event },
      device,
    );
    seq = ack.seq;
    return ack;
  };
  await send(base, { type: 'period_start' });
  return {
    gameId: game.id,
    tournamentId: tournament.id,
    record: (writer) => {
      const team = n % 2 === 0 ? home : away;
      const player = team.players[n++ % 5]!;
      return send(writer, {
        type: 'field_goal_made',
        teamId: team.id,
        playerId: player,
        points: 2,
        gameClock: Math.max(0, 6000 - n),
      });
    },
  };
}
