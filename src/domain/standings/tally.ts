import type { GroupGame, MiniTable, TeamRecord } from './types.js';

/** Classification points (FIBA OBR Appendix D.1.1): win 2, loss 1 (also lost by default), loss by forfeit 0. */
export const CLASSIFICATION_POINTS = { win: 2, loss: 1, forfeitLoss: 0 } as const;

/** One team's side of one counted game. */
export interface GameSide {
  gameId: string;
  teamId: string;
  opponentId: string;
  pointsFor: number;
  pointsAgainst: number;
  won: boolean;
  forfeited: boolean;
  live: boolean;
}

export const winnerOf = (game: GroupGame): string =>
  game.homeScore > game.awayScore ? game.homeTeamId : game.awayTeamId;

export function sidesOf(game: GroupGame): [GameSide, GameSide] {
  const winner = winnerOf(game);
  const side = (teamId: string, opponentId: string, pointsFor: number, pointsAgainst: number): GameSide => ({
    gameId: game.id,
    teamId,
    opponentId,
    pointsFor,
    pointsAgainst,
    won: teamId === winner,
    forfeited: game.outcome === 'forfeit' && game.forfeitingTeamId === teamId,
    live: game.state === 'live',
  });
  return [
    side(game.homeTeamId, game.awayTeamId, game.homeScore, game.awayScore),
    side(game.awayTeamId, game.homeTeamId, game.awayScore, game.homeScore),
  ];
}

export const classificationPointsOf = (side: GameSide): number =>
  side.won
    ? CLASSIFICATION_POINTS.win
    : side.forfeited
      ? CLASSIFICATION_POINTS.forfeitLoss
      : CLASSIFICATION_POINTS.loss;

export const emptyRecord = (teamId: string): TeamRecord => ({
  teamId,
  played: 0,
  wins: 0,
  losses: 0,
  classificationPoints: 0,
  pointsFor: 0,
  pointsAgainst: 0,
  pointDifference: 0,
});

export function addSide(record: TeamRecord, side: GameSide): TeamRecord {
  const pointsFor = record.pointsFor + side.pointsFor;
  const pointsAgainst = record.pointsAgainst + side.pointsAgainst;
  return {
    ...record,
    played: record.played + 1,
    wins: record.wins + (side.won ? 1 : 0),
    losses: record.losses + (side.won ? 0 : 1),
    classificationPoints: record.classificationPoints + classificationPointsOf(side),
    pointsFor,
    pointsAgainst,
    pointDifference: pointsFor - pointsAgainst,
  };
}

/**
 * FIBA's "second classification" (D.1.3): only the games between the given teams, summed per team.
 * Games that exist between them are all that count; with carried-over games not every pair need have met.
 */
export function miniTableOf(teamIds: readonly string[], games: readonly GroupGame[]): MiniTable {
  const members = new Set(teamIds);
  const among = games.filter((g) => members.has(g.homeTeamId) && members.has(g.awayTeamId));
  const records = new Map(teamIds.map((id) => [id, emptyRecord(id)]));
  for (const game of among) {
    for (const side of sidesOf(game)) records.set(side.teamId, addSide(records.get(side.teamId)!, side));
  }
  return {
    teamIds: [...teamIds],
    // Sorted so the table does not depend on the order the games were supplied in.
    gameIds: among.map((g) => g.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    rows: teamIds.map((id) => records.get(id)!),
  };
}
