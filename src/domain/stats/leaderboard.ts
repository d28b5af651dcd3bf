import { invalid } from '../shared/domain-error.js';
import { CATEGORY_GAMES } from './kept.js';
import { keptGamesOf, type PlayerTotals } from './player-totals.js';
import { compareNamesForDisplay, competitionRanks } from './ranking.js';
import { kthLargest } from './top-k.js';

export const COUNTING_CATEGORIES = [
  'points',
  'rebounds',
  'offensive_rebounds',
  'defensive_rebounds',
  'assists',
  'steals',
  'blocks',
  'three_pointers_made',
  'efficiency',
] as const;
export const PERCENTAGE_CATEGORIES = ['free_throw_pct', 'field_goal_pct', 'three_point_pct'] as const;
export const LEADER_CATEGORIES = [...COUNTING_CATEGORIES, ...PERCENTAGE_CATEGORIES] as const;

export type CountingCategory = (typeof COUNTING_CATEGORIES)[number];
export type PercentageCategory = (typeof PERCENTAGE_CATEGORIES)[number];
export type LeaderCategory = CountingCategory | PercentageCategory;

/** FIBA events rank scorers per game; many workers' tournaments rank on totals. */
export type RankingBasis = 'total' | 'per_game';

export interface LeaderboardOptions {
  /** Default 'total'. Percentages are always made/attempted over all games, whatever the basis. */
  basis?: RankingBasis;
  /**
   * Minimum games played to be ranked, counting only games that kept the category (a paper
   * scoresheet without rebounds is not a rebounding game). Default 0; a player with no game
   * played is never ranked, nor ranked per game in a category no game of theirs kept.
   */
  minGames?: number;
  /** Percentage categories only: minimum attempts (FTA, FGA or 3PA). Default 1. */
  minAttempts?: number;
  /** How many ranks to list (players tied at the cut-off are all kept). Default 10; null = all. */
  limit?: number | null;
  /** Counting categories: also list players with a total of 0. Default false (EFF always lists). */
  includeZero?: boolean;
  /** Player names, used only to order players who share a rank for display. */
  playerNames?: Readonly<Record<string, string>>;
}

export interface LeaderEntry {
  rank: number;
  /** Shares the rank with another player ("1="). */
  tied: boolean;
  playerId: string;
  teamId: string;
  /** Games counted for this category (those that kept it). */
  games: number;
  /** The ranked value: total, per-game average, or for percentages a percent (0–100), unrounded. */
  value: number;
  /** The summed statistic (for percentages: shots made). */
  total: number;
  /** Percentage categories: shots attempted. */
  attempts?: number;
}

export interface Leaderboard {
  category: LeaderCategory;
  /** The basis actually used ('total' for percentage categories). */
  basis: RankingBasis;
  minGames: number;
  minAttempts?: number;
  /** How many players met the requirements (before the limit). */
  eligible: number;
  entries: LeaderEntry[];
}

export const DEFAULT_LEADER_LIMIT = 10;
export const DEFAULT_MIN_ATTEMPTS = 1;

const countingStat: Record<CountingCategory, (t: PlayerTotals) => number> = {
  points: (t) => t.pts,
  rebounds: (t) => t.oreb + t.dreb,
  offensive_rebounds: (t) => t.oreb,
  defensive_rebounds: (t) => t.dreb,
  assists: (t) => t.ast,
  steals: (t) => t.stl,
  blocks: (t) => t.blk,
  three_pointers_made: (t) => t.fgm3,
  efficiency: (t) => t.eff,
};

const shooting: Record<PercentageCategory, (t: PlayerTotals) => [made: number, attempted: number]> = {
  free_throw_pct: (t) => [t.ftm, t.fta],
  field_goal_pct: (t) => [t.fgm2 + t.fgm3, t.fga2 + t.fga3],
  three_point_pct: (t) => [t.fgm3, t.fga3],
};

export const isPercentageCategory = (c: LeaderCategory): c is PercentageCategory =>
  (PERCENTAGE_CATEGORIES as readonly string[]).includes(c);

function requireCount(value: number | undefined, field: string, fallback: number, least: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < least) {
    throw invalid('STATS_INVALID_LEADER_OPTION', `${field} must be an integer of at least ${least}`, [
      { field, reason: `got ${String(value)}` },
    ]);
  }
  return value;
}

/**
 * Ranks players in one category. Equal values share a rank and the next rank skips ("1, 1, 3").
 * Ties compare exact ratios of integers, which correctly rounded division keeps distinct and equal,
 * so 30/3 and 20/2 tie while 10/3 and 7/2 do not. Only the top `limit` ranks are sorted.
 */
export function leaderboard(
  totals: readonly PlayerTotals[],
  category: LeaderCategory,
  options: LeaderboardOptions = {},
): Leaderboard {
  const percentage = isPercentageCategory(category);
  if (!percentage && !Object.hasOwn(countingStat, category)) {
    throw invalid('STATS_UNKNOWN_CATEGORY', `unknown leader category ${String(category)}`);
  }
  const basis: RankingBasis = percentage ? 'total' : (options.basis ?? 'total');
  if (basis !== 'total' && basis !== 'per_game') {
    throw invalid('STATS_INVALID_LEADER_OPTION', `unknown ranking basis ${String(basis)}`);
  }
  const minGames = requireCount(options.minGames, 'minGames', 0, 0);
  const minAttempts = percentage
    ? requireCount(options.minAttempts, 'minAttempts', DEFAULT_MIN_ATTEMPTS, 1)
    : undefined;
  const limit = options.limit === null ? Infinity : requireCount(options.limit, 'limit', DEFAULT_LEADER_LIMIT, 1);
  const includeZero = category === 'efficiency' || (options.includeZero ?? false);
  const gamesKey = CATEGORY_GAMES[category];

  // Pass 1: who is eligible, and the key each is ranked on.
  const rows = new Int32Array(totals.length);
  const keys = new Float64Array(totals.length);
  let n = 0;
  for (let i = 0; i < totals.length; i++) {
    const t = totals[i];
    if (t.games < 1) continue;
    const games = keptGamesOf(t, gamesKey);
    if (games < minGames) continue;
    let key: number;
    if (percentage) {
      const [made, attempted] = shooting[category](t);
      if (attempted < (minAttempts as number)) continue;
      key = made / attempted;
    } else {
      const total = countingStat[category](t);
      if (!includeZero && total === 0) continue;
      if (basis === 'per_game' && games < 1) continue;
      key = basis === 'per_game' ? total / games : total;
    }
    rows[n] = i;
    keys[n] = key;
    n++;
  }

  // Pass 2: keep everyone at or above the limit-th best value (ties at the cut-off stay), sort those.
  const threshold = kthLargest(keys, n, limit);
  const picked: number[] = [];
  for (let j = 0; j < n; j++) if (keys[j] >= threshold) picked.push(j);
  const ids = picked.map((j) => totals[rows[j]].playerId);
  const playerNames = options.playerNames;
  const names = ids.map((id) =>
    playerNames !== undefined && Object.hasOwn(playerNames, id) ? playerNames[id] : undefined,
  );
  const order = picked.map((_, i) => i);
  order.sort((a, b) => keys[picked[b]] - keys[picked[a]] || compareNamesForDisplay(names[a], ids[a], names[b], ids[b]));
  const ranks = competitionRanks(order, (a, b) => keys[picked[a]] === keys[picked[b]]);

  // Explicit literals, not spreads: building a full ranking of many thousand entries stays cheap.
  const entries: LeaderEntry[] = new Array(order.length);
  for (let i = 0; i < order.length; i++) {
    const j = picked[order[i]];
    const t = totals[rows[j]];
    if (percentage) {
      const [made, attempted] = shooting[category](t);
      entries[i] = {
        rank: ranks[i].rank,
        tied: ranks[i].tied,
        playerId: t.playerId,
        teamId: t.teamId,
        games: keptGamesOf(t, gamesKey),
        value: (100 * made) / attempted,
        total: made,
        attempts: attempted,
      };
    } else {
      entries[i] = {
        rank: ranks[i].rank,
        tied: ranks[i].tied,
        playerId: t.playerId,
        teamId: t.teamId,
        games: keptGamesOf(t, gamesKey),
        value: keys[j],
        total: countingStat[category](t),
      };
    }
  }
  return {
    category,
    basis,
    minGames,
    ...(minAttempts === undefined ? {} : { minAttempts }),
    eligible: n,
    entries,
  };
}

/** A tournament's leader settings: shared options plus per-category overrides. */
export interface LeaderSettings extends Omit<LeaderboardOptions, 'minAttempts'> {
  /** Minimum attempts per shooting category, e.g. `{ free_throw_pct: 10 }`. */
  minAttempts?: Partial<Record<PercentageCategory, number>>;
  perCategory?: Partial<Record<LeaderCategory, LeaderboardOptions>>;
}

export function leaderboardOptionsFor(category: LeaderCategory, settings: LeaderSettings = {}): LeaderboardOptions {
  const { minAttempts, perCategory, ...shared } = settings;
  return {
    ...shared,
    ...(isPercentageCategory(category) && minAttempts?.[category] !== undefined
      ? { minAttempts: minAttempts[category] }
      : {}),
    ...perCategory?.[category],
  };
}

/** Every category's leaderboard from one aggregation. */
export function allLeaderboards(
  totals: readonly PlayerTotals[],
  settings: LeaderSettings = {},
): Record<LeaderCategory, Leaderboard> {
  const boards = {} as Record<LeaderCategory, Leaderboard>;
  for (const category of LEADER_CATEGORIES) {
    boards[category] = leaderboard(totals, category, leaderboardOptionsFor(category, settings));
  }
  return boards;
}
