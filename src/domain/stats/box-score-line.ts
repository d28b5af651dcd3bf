import type { Integer } from '../shared/integer.js';

/** The counted columns of a box score line: a player's, or a team's totals (BoxScoreTeamTotals). */
export interface CountedColumns {
  pts: Integer;
  fgm2: Integer;
  fga2: Integer;
  fgm3: Integer;
  fga3: Integer;
  ftm: Integer;
  fta: Integer;
  oreb: Integer;
  dreb: Integer;
  ast: Integer;
  stl: Integer;
  blk: Integer;
  tov: Integer;
  pf: Integer;
}

/**
 * One player's statistics in one game: the unit that box scores produce and leaders/awards
 * consume. Plain data, shared by src/domain/game (producer) and src/domain/stats (consumer).
 */
export interface PlayerGameLine extends CountedColumns {
  gameId: string;
  playerId: string;
  teamId: string;
  /** Did the player take part (entered the court or recorded any event)? Counts as a game played. */
  played: boolean;
  /** Personal fouls committed, all kinds counted as FIBA counts them toward the foul-out limit. */
  pf: Integer;
  /** Seconds on court, when tracked; null when the game was scored without substitutions. */
  secondsPlayed: Integer | null;
  /**
   * Which categories the game kept (src/domain/stats/kept.ts bitmask); absent: all of them (a
   * game scored live). A paper scoresheet keeps only its columns; the others are 0 here.
   */
  kept?: Integer;
}

export const emptyLine = (gameId: string, playerId: string, teamId: string): PlayerGameLine => ({
  gameId,
  playerId,
  teamId,
  played: false,
  pts: 0,
  fgm2: 0,
  fga2: 0,
  fgm3: 0,
  fga3: 0,
  ftm: 0,
  fta: 0,
  oreb: 0,
  dreb: 0,
  ast: 0,
  stl: 0,
  blk: 0,
  tov: 0,
  pf: 0,
  secondsPlayed: null,
});

/** What efficiency reads: a game line, or sums over games (EFF is linear). */
export type EfficiencyInputs = Pick<
  PlayerGameLine,
  'pts' | 'oreb' | 'dreb' | 'ast' | 'stl' | 'blk' | 'fga2' | 'fga3' | 'fgm2' | 'fgm3' | 'fta' | 'ftm' | 'tov'
>;

/** FIBA efficiency: PTS + REB + AST + STL + BLK - missed FG - missed FT - TO. */
export const efficiency = (l: EfficiencyInputs): number =>
  l.pts + l.oreb + l.dreb + l.ast + l.stl + l.blk - (l.fga2 + l.fga3 - l.fgm2 - l.fgm3) - (l.fta - l.ftm) - l.tov;
