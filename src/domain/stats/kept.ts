import type { LeaderCategory } from './leaderboard.js';

/**
 * Which statistics a game's line holds for real. A game scored live keeps every category; a game
 * entered from a paper scoresheet keeps only the columns the sheet had (src/domain/game/paper-result.ts
 * `paperKept`). Stored as a bitmask (`player_game_line.kept`); a category that was not kept is 0
 * in the line and the game does not count toward that category's games (its per-game average and
 * its minimum-games filter), so a sheet with points only does not halve anyone's rebounds.
 */
export const KEPT = {
  pts: 1,
  /** 2-point field goals, made and attempted. */
  fg2: 2,
  /** 3-point field goals, made and attempted. */
  fg3: 4,
  /** Free throws, made and attempted. */
  ft: 8,
  oreb: 16,
  dreb: 32,
  ast: 64,
  stl: 128,
  blk: 256,
  tov: 512,
  /** Personal fouls. */
  pf: 1024,
} as const;

export type KeptStat = keyof typeof KEPT;

/** Every category kept: a live-scored game (and every line stored before categories were tracked). */
export const ALL_KEPT = 2047;

/** The game counts the leaders need: one per group of categories that share what must have been kept. */
export const COUNTED_GAMES = ['pts', 'reb', 'oreb', 'dreb', 'ast', 'stl', 'blk', 'fg3', 'ft', 'fg', 'eff'] as const;
export type CountedGames = (typeof COUNTED_GAMES)[number];

const EFF_INPUTS =
  KEPT.pts | KEPT.fg2 | KEPT.fg3 | KEPT.ft | KEPT.oreb | KEPT.dreb | KEPT.ast | KEPT.stl | KEPT.blk | KEPT.tov;

/** A game counts toward `key` when at least one of `any` and all of `all` were kept. */
export const COUNTED_BY: Readonly<Record<CountedGames, { any: number; all: number }>> = {
  pts: { any: KEPT.pts, all: KEPT.pts },
  // Rebounds: whatever rebound column the sheet had (total, offensive or defensive).
  reb: { any: KEPT.oreb | KEPT.dreb, all: 0 },
  oreb: { any: KEPT.oreb, all: KEPT.oreb },
  dreb: { any: KEPT.dreb, all: KEPT.dreb },
  ast: { any: KEPT.ast, all: KEPT.ast },
  stl: { any: KEPT.stl, all: KEPT.stl },
  blk: { any: KEPT.blk, all: KEPT.blk },
  fg3: { any: KEPT.fg3, all: KEPT.fg3 },
  ft: { any: KEPT.ft, all: KEPT.ft },
  fg: { any: KEPT.fg2 | KEPT.fg3, all: KEPT.fg2 | KEPT.fg3 },
  eff: { any: EFF_INPUTS, all: EFF_INPUTS },
};

/** Does a line with this `kept` mask count as a game for `key`? */
export const countsGame = (kept: number, key: CountedGames): boolean => {
  const { any, all } = COUNTED_BY[key];
  return (kept & any) !== 0 && (kept & all) === all;
};

/** The game count a leader category divides by and filters on. */
export const CATEGORY_GAMES: Readonly<Record<LeaderCategory, CountedGames>> = {
  points: 'pts',
  rebounds: 'reb',
  offensive_rebounds: 'oreb',
  defensive_rebounds: 'dreb',
  assists: 'ast',
  steals: 'stl',
  blocks: 'blk',
  three_pointers_made: 'fg3',
  efficiency: 'eff',
  free_throw_pct: 'ft',
  field_goal_pct: 'fg',
  three_point_pct: 'fg3',
};
