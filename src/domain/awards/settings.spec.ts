import { applyStatsSettings, DEFAULT_STATS_SETTINGS } from './settings.js';

describe('leader and award settings', () => {
  it('FIBA-like defaults: per game, 1 game for leaders, 2 for awards, attempts for percentages', () => {
    expect(applyStatsSettings(null, {})).toEqual(DEFAULT_STATS_SETTINGS);
    expect(DEFAULT_STATS_SETTINGS.leaders).toEqual({
      basis: 'per_game',
      minGames: 1,
      minAttempts: { free_throw_pct: 10, field_goal_pct: 20, three_point_pct: 10 },
    });
  });

  it('a workers’ tournament ranks 得分王 on totals: a patch changes only what it names', () => {
    const next = applyStatsSettings(DEFAULT_STATS_SETTINGS, {
      awards: { basis: 'total' },
      leaders: { minAttempts: { free_throw_pct: 4 } },
    });
    expect(next.awards).toEqual({ basis: 'total', minGames: 2, stageIds: null });
    expect(next.leaders.minAttempts).toEqual({ free_throw_pct: 4, field_goal_pct: 20, three_point_pct: 10 });
    expect(next.mvp).toEqual(DEFAULT_STATS_SETTINGS.mvp);
  });

  it('refuses impossible values with the field', () => {
    expect(() => applyStatsSettings(null, { leaders: { minGames: -1 } })).toThrow(
      expect.objectContaining({
        code: 'STATS_INVALID_SETTING',
        details: [expect.objectContaining({ field: 'leaders.minGames' })],
      }),
    );
    expect(() => applyStatsSettings(null, { leaders: { minAttempts: { three_point_pct: 0 } } })).toThrow(
      expect.objectContaining({ code: 'STATS_INVALID_SETTING' }),
    );
    expect(() => applyStatsSettings(null, { awards: { stageIds: [] } })).toThrow(
      expect.objectContaining({ code: 'STATS_INVALID_SETTING' }),
    );
    expect(() => applyStatsSettings(null, { mvp: { teamSuccess: { kind: 'per_place', factors: [1, 1.2] } } })).toThrow(
      expect.objectContaining({ code: 'AWARDS_INVALID_MVP_SETTING' }),
    );
  });
});
