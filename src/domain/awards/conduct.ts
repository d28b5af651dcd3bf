import type { GameResult, GameState } from '../game/index.js';
import type { Forfeit, MisconductFoul, SportsmanshipTeam } from './sportsmanship.js';

/** A decided game as the sportsmanship indicators read it. */
export interface ConductGame {
  gameId: string;
  homeTeamId: string;
  awayTeamId: string;
  result: GameResult | null;
  /** Null for a game forfeited before it was marked ready. */
  state: GameState | null;
}

/**
 * The facts behind the sportsmanship indicators, from decided games: technical, unsportsmanlike
 * and disqualifying fouls as the box score recorded them (players, head coach and bench), the
 * forfeits, and each team's games played.
 */
export function conductOf(teamIds: readonly string[], games: readonly ConductGame[]) {
  const played = new Map<string, number>(teamIds.map((id) => [id, 0]));
  const fouls: MisconductFoul[] = [];
  const forfeits: Forfeit[] = [];
  const foul = (teamId: string, kind: MisconductFoul['kind'], count: number, gameId: string, personId?: string) => {
    for (let i = 0; i < count; i++) fouls.push({ teamId, kind, gameId, ...(personId ? { personId } : {}) });
  };
  for (const game of games) {
    for (const teamId of [game.homeTeamId, game.awayTeamId]) {
      if (played.has(teamId)) played.set(teamId, played.get(teamId)! + 1);
    }
    if (game.result?.kind === 'forfeit' && game.result.penalisedTeamId !== null) {
      forfeits.push({ teamId: game.result.penalisedTeamId, gameId: game.gameId });
    }
    if (game.state === null) continue;
    for (const p of Object.values(game.state.players)) {
      foul(p.teamId, 'technical', p.fouls.technical, game.gameId, p.playerId);
      foul(p.teamId, 'unsportsmanlike', p.fouls.unsportsmanlike, game.gameId, p.playerId);
      foul(p.teamId, 'disqualifying', p.fouls.disqualifying, game.gameId, p.playerId);
    }
    for (const [teamId, x] of Object.entries(game.state.teamExtras)) {
      foul(teamId, 'technical', x.coachTechnicals + x.benchTechnicals, game.gameId);
      foul(teamId, 'disqualifying', x.coachDisqualifyingFouls + x.benchDisqualifyingFouls, game.gameId);
    }
  }
  const teams: SportsmanshipTeam[] = teamIds.map((teamId) => ({ teamId, gamesPlayed: played.get(teamId)! }));
  return {
    teams,
    fouls: fouls.filter((f) => played.has(f.teamId)),
    forfeits: forfeits.filter((f) => played.has(f.teamId)),
  };
}
