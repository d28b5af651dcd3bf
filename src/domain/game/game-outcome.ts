/**
 * The result of a game as standings need it: winner, loser, recorded score, how it was decided
 * and the classification points (FIBA Appendix D: win 2, loss 1, loss by default 1, loss by forfeit 0).
 */
import { conflict } from '../shared/domain-error.js';
import type { GameRecord, ResultKind } from './game-lifecycle.js';

export interface GameOutcome {
  gameId: string;
  kind: ResultKind;
  winnerTeamId: string;
  loserTeamId: string;
  homeScore: number;
  awayScore: number;
  winnerScore: number;
  loserScore: number;
  /** Classification points per team id. */
  classificationPoints: Record<string, number>;
  /** Confirmed by the organiser (status official). */
  official: boolean;
}

const DECIDED = new Set(['final', 'official', 'forfeit', 'lost_by_default']);

/** The outcome, or null while the game has no result (scheduled, live, postponed, cancelled...). */
export function gameOutcome(game: GameRecord): GameOutcome | null {
  const r = game.result;
  if (!DECIDED.has(game.status) || r === null) return null;
  let homeWins: boolean;
  if (r.kind === 'played') {
    if (r.homeScore === r.awayScore) {
      throw conflict('GAME_RESULT_TIED', `Game ${game.id} has a tied result ${r.homeScore}:${r.awayScore}`);
    }
    homeWins = r.homeScore > r.awayScore;
  } else {
    homeWins = r.penalisedTeamId === game.awayTeamId;
  }
  const winnerTeamId = homeWins ? game.homeTeamId : game.awayTeamId;
  const loserTeamId = homeWins ? game.awayTeamId : game.homeTeamId;
  return {
    gameId: game.id,
    kind: r.kind,
    winnerTeamId,
    loserTeamId,
    homeScore: r.homeScore,
    awayScore: r.awayScore,
    winnerScore: homeWins ? r.homeScore : r.awayScore,
    loserScore: homeWins ? r.awayScore : r.homeScore,
    classificationPoints: { [winnerTeamId]: 2, [loserTeamId]: r.kind === 'forfeit' ? 0 : 1 },
    official: game.status === 'official',
  };
}
