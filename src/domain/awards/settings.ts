import { invalid } from '../shared/domain-error.js';
import {
  PERCENTAGE_CATEGORIES,
  type LeaderSettings,
  type PercentageCategory,
  type RankingBasis,
} from '../stats/index.js';
import { DEFAULT_MVP_TEAM_SUCCESS, mvpCandidates, type MvpBasis, type TeamSuccessWeighting } from './mvp-candidates.js';

/**
 * A tournament's settings for leaders and awards, with FIBA-like defaults:
 * - leaderboards rank per game (FIBA statistics), a player needs 1 game, and shooting
 *   percentages need 10 free throws, 20 field goals or 10 three-pointers attempted;
 * - 得分王/助攻王/篮板王 per game over every stage with at least 2 games (a workers'
 *   tournament that honours totals sets `awards.basis` to 'total');
 * - MVP candidates by EFF per game weighted by the team's final place (linear, 0.5), at least
 *   2 games; the organisers' decision is what is published.
 */
export interface StatsSettings {
  leaders: {
    basis: RankingBasis;
    minGames: number;
    minAttempts: Record<PercentageCategory, number>;
  };
  awards: {
    basis: RankingBasis;
    minGames: number;
    /** Stages whose games count for the computed awards; null: all. */
    stageIds: string[] | null;
  };
  mvp: {
    basis: MvpBasis;
    teamSuccess: TeamSuccessWeighting;
    minGames: number;
    /** With no organisers' MVP decision, publish the top candidate as a computed MVP. */
    publishTopCandidateWhenUndecided: boolean;
  };
}

export const DEFAULT_STATS_SETTINGS: StatsSettings = {
  leaders: {
    basis: 'per_game',
    minGames: 1,
    minAttempts: { free_throw_pct: 10, field_goal_pct: 20, three_point_pct: 10 },
  },
  awards: { basis: 'per_game', minGames: 2, stageIds: null },
  mvp: {
    basis: 'eff_per_game',
    teamSuccess: DEFAULT_MVP_TEAM_SUCCESS,
    minGames: 2,
    publishTopCandidateWhenUndecided: false,
  },
};

/** A change to the settings: any part may be left out and keeps its current value. */
export interface StatsSettingsPatch {
  leaders?: Partial<Omit<StatsSettings['leaders'], 'minAttempts'>> & {
    minAttempts?: Partial<Record<PercentageCategory, number>>;
  };
  awards?: Partial<StatsSettings['awards']>;
  mvp?: Partial<StatsSettings['mvp']>;
}

const whole = (value: number, field: string, least: number) => {
  if (!Number.isInteger(value) || value < least) {
    throw invalid('STATS_INVALID_SETTING', `${field} must be a whole number of at least ${least}`, [
      { field, reason: `got ${String(value)}` },
    ]);
  }
};

/** Applies a patch to the current settings (defaults when none are stored) and checks the result. */
export function applyStatsSettings(current: StatsSettings | null, patch: StatsSettingsPatch): StatsSettings {
  const base = current ?? DEFAULT_STATS_SETTINGS;
  const next: StatsSettings = {
    leaders: {
      ...base.leaders,
      ...withoutUndefined({ basis: patch.leaders?.basis, minGames: patch.leaders?.minGames }),
      minAttempts: { ...base.leaders.minAttempts, ...withoutUndefined(patch.leaders?.minAttempts ?? {}) },
    },
    awards: { ...base.awards, ...withoutUndefined(patch.awards ?? {}) },
    mvp: { ...base.mvp, ...withoutUndefined(patch.mvp ?? {}) },
  };
  whole(next.leaders.minGames, 'leaders.minGames', 0);
  for (const c of PERCENTAGE_CATEGORIES) whole(next.leaders.minAttempts[c], `leaders.minAttempts.${c}`, 1);
  whole(next.awards.minGames, 'awards.minGames', 0);
  whole(next.mvp.minGames, 'mvp.minGames', 0);
  if (next.awards.stageIds !== null && next.awards.stageIds.length === 0) {
    throw invalid('STATS_INVALID_SETTING', 'awards.stageIds needs at least one stage, or null for all', [
      { field: 'awards.stageIds', reason: 'empty' },
    ]);
  }
  // The MVP formula checks its own settings (weights, factors).
  mvpCandidates([], [], { basis: next.mvp.basis, teamSuccess: next.mvp.teamSuccess, minGames: next.mvp.minGames });
  return next;
}

/** Leaderboard options for the leaders pages. */
export const leaderSettingsOf = (s: StatsSettings): LeaderSettings => ({
  basis: s.leaders.basis,
  minGames: s.leaders.minGames,
  minAttempts: s.leaders.minAttempts,
});

/** Leaderboard options for 得分王/助攻王/篮板王. */
export const awardLeaderSettingsOf = (s: StatsSettings): LeaderSettings => ({
  basis: s.awards.basis,
  minGames: s.awards.minGames,
});

function withoutUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
