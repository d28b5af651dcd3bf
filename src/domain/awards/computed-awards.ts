import {
  leaderboard,
  leaderboardOptionsFor,
  type LeaderCategory,
  type LeaderEntry,
  type LeaderSettings,
  type PlayerTotals,
  type RankingBasis,
} from '../stats/index.js';

/** Awards that follow from the statistics: 得分王, 助攻王, 篮板王. */
export type ComputedAwardKey = 'top_scorer' | 'assists_leader' | 'rebounds_leader';

export const COMPUTED_AWARD_CATEGORIES: Readonly<Record<ComputedAwardKey, LeaderCategory>> = {
  top_scorer: 'points',
  assists_leader: 'assists',
  rebounds_leader: 'rebounds',
};

export interface ComputedAward {
  key: ComputedAwardKey;
  category: LeaderCategory;
  basis: RankingBasis;
  /** Everyone ranked 1st: players level on the leading value are co-winners. Empty if no one qualified. */
  winners: LeaderEntry[];
  /** The winning value (total or per game, per the tournament's settings); null without winners. */
  value: number | null;
}

/**
 * Leaders of points, assists and rebounds under the tournament's leader settings (basis,
 * minimum games, `perCategory` overrides). Pass totals aggregated over the stages that count.
 */
export function computedAwards(totals: readonly PlayerTotals[], settings: LeaderSettings = {}): ComputedAward[] {
  return (Object.keys(COMPUTED_AWARD_CATEGORIES) as ComputedAwardKey[]).map((key) => {
    const category = COMPUTED_AWARD_CATEGORIES[key];
    // limit 1 keeps every player tied at rank 1.
    const board = leaderboard(totals, category, { ...leaderboardOptionsFor(category, settings), limit: 1 });
    const winners = board.entries.filter((e) => e.rank === 1);
    return { key, category, basis: board.basis, winners, value: winners[0]?.value ?? null };
  });
}
