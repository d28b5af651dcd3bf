import { allLeaderboards, leaderboard } from './leaderboard.js';
import { aggregatePlayerTotals } from './player-totals.js';
import { gameLine, repeatedLines } from './testing/lines.js';

const ranked = (entries: Array<{ rank: number; playerId: string }>) => entries.map((e) => [e.rank, e.playerId]);

describe('leaderboard', () => {
  it('top scorer on totals vs per game with minimum games gives different winners', () => {
    const totals = aggregatePlayerTotals([
      ...repeatedLines('王强', '南浔彩蝶队', 5, { pts: 18 }), // 90 points in 5 games
      ...repeatedLines('陈磊', '吴兴新凤鸣队', 3, { pts: 25 }), // 75 points in 3 games
      ...repeatedLines('刘洋', '安吉队', 1, { pts: 40 }), // one big game only
    ]);
    expect(leaderboard(totals, 'points', { basis: 'total' }).entries[0].playerId).toBe('王强');
    // FIBA style: per game, at least 3 games played; 刘洋's 40 in one game does not qualify
    const perGame = leaderboard(totals, 'points', { basis: 'per_game', minGames: 3 });
    expect(ranked(perGame.entries)).toEqual([
      [1, '陈磊'],
      [2, '王强'],
    ]);
    expect(perGame.entries[0]).toMatchObject({ value: 25, total: 75, games: 3 });
    expect(perGame.eligible).toBe(2);
  });

  it('two players level on assists are co-leaders and the next rank skips', () => {
    const totals = aggregatePlayerTotals([
      ...repeatedLines('b-player', 'T1', 4, { ast: 5 }),
      ...repeatedLines('a-player', 'T2', 4, { ast: 5 }),
      ...repeatedLines('c-player', 'T3', 4, { ast: 4 }),
    ]);
    const board = leaderboard(totals, 'assists');
    expect(board.entries.map((e) => [e.rank, e.tied, e.playerId, e.value])).toEqual([
      [1, true, 'a-player', 20],
      [1, true, 'b-player', 20],
      [3, false, 'c-player', 16],
    ]);
  });

  it('per-game averages that are the same fraction tie exactly (30 in 3 games, 20 in 2)', () => {
    const totals = aggregatePlayerTotals([
      ...repeatedLines('x', 'T1', 3, { pts: 10 }),
      ...repeatedLines('y', 'T2', 2, { pts: 10 }),
      // 10 steals in 3 games (3.33) against 7 in 2 (3.5): close, but not level
      gameLine('z', 'T3', 'g1', { stl: 10 }),
      gameLine('z', 'T3', 'g2'),
      gameLine('z', 'T3', 'g3'),
      gameLine('w', 'T4', 'g1', { stl: 7 }),
      gameLine('w', 'T4', 'g2'),
    ]);
    expect(leaderboard(totals, 'points', { basis: 'per_game' }).entries.map((e) => [e.rank, e.tied])).toEqual([
      [1, true],
      [1, true],
    ]);
    expect(ranked(leaderboard(totals, 'steals', { basis: 'per_game' }).entries)).toEqual([
      [1, 'w'],
      [2, 'z'],
    ]);
  });

  it('FT% leader needs minimum attempts', () => {
    const totals = aggregatePlayerTotals([
      ...repeatedLines('perfect-2-of-2', 'T1', 1, { ftm: 2, fta: 2 }),
      ...repeatedLines('steady', 'T2', 4, { ftm: 4, fta: 5 }), // 16/20 = 80%
      ...repeatedLines('shaky', 'T3', 4, { ftm: 3, fta: 5 }), // 12/20 = 60%
    ]);
    const anyone = leaderboard(totals, 'free_throw_pct');
    expect(anyone.entries[0].playerId).toBe('perfect-2-of-2');
    const qualified = leaderboard(totals, 'free_throw_pct', { minAttempts: 10 });
    expect(qualified.entries.map((e) => [e.rank, e.playerId, e.value, e.total, e.attempts])).toEqual([
      [1, 'steady', 80, 16, 20],
      [2, 'shaky', 60, 12, 20],
    ]);
    expect(qualified).toMatchObject({ basis: 'total', minAttempts: 10 });
  });

  it('shooting percentages are made over attempted across games, not the average of game percentages', () => {
    const lines = [
      ...repeatedLines('shooter', 'T1', 1, { fgm3: 1, fga3: 1 }), // 100% in game 1
      ...repeatedLines('shooter', 'T1', 1, { fgm3: 1, fga3: 9 }).map((l) => ({ ...l, gameId: 'other' })), // 11%
    ];
    const board = leaderboard(aggregatePlayerTotals(lines), 'three_point_pct', { basis: 'per_game' });
    expect(board.entries[0].value).toBeCloseTo(20, 10); // 2/10, not (100 + 11.1) / 2
  });

  it('field goals combine 2- and 3-point attempts', () => {
    const totals = aggregatePlayerTotals(repeatedLines('p', 'T', 2, { fgm2: 3, fga2: 6, fgm3: 1, fga3: 4 }));
    expect(leaderboard(totals, 'field_goal_pct').entries[0]).toMatchObject({ total: 8, attempts: 20, value: 40 });
  });

  it('every player level at the cut-off is listed, so a top 2 can show three players', () => {
    const totals = aggregatePlayerTotals([
      ...repeatedLines('a', 'T1', 1, { blk: 3 }),
      ...repeatedLines('b', 'T2', 1, { blk: 2 }),
      ...repeatedLines('c', 'T3', 1, { blk: 2 }),
      ...repeatedLines('d', 'T4', 1, { blk: 1 }),
    ]);
    expect(ranked(leaderboard(totals, 'blocks', { limit: 2 }).entries)).toEqual([
      [1, 'a'],
      [2, 'b'],
      [2, 'c'],
    ]);
  });

  it('players without a block are not listed as block leaders unless asked', () => {
    const totals = aggregatePlayerTotals([
      ...repeatedLines('a', 'T1', 1, { blk: 1 }),
      ...repeatedLines('b', 'T2', 1, { pts: 9 }),
    ]);
    expect(leaderboard(totals, 'blocks').entries.map((e) => e.playerId)).toEqual(['a']);
    expect(leaderboard(totals, 'blocks', { includeZero: true }).entries.map((e) => e.playerId)).toEqual(['a', 'b']);
  });

  it('efficiency ranks players with a negative EFF too', () => {
    const totals = aggregatePlayerTotals([
      ...repeatedLines('good', 'T1', 2, { pts: 10, fgm2: 5, fga2: 8 }), // EFF 7 per game
      ...repeatedLines('cold', 'T2', 2, { fga2: 5, tov: 2 }), // EFF -7 per game
    ]);
    const board = leaderboard(totals, 'efficiency', { basis: 'per_game' });
    expect(board.entries.map((e) => [e.playerId, e.value])).toEqual([
      ['good', 7],
      ['cold', -7],
    ]);
  });

  it('rebounds are offensive plus defensive, each also ranked on its own', () => {
    const totals = aggregatePlayerTotals([
      ...repeatedLines('big', 'T1', 2, { oreb: 1, dreb: 8 }),
      ...repeatedLines('crasher', 'T2', 2, { oreb: 5, dreb: 2 }),
    ]);
    const boards = allLeaderboards(totals);
    expect(boards.rebounds.entries.map((e) => [e.playerId, e.value])).toEqual([
      ['big', 18],
      ['crasher', 14],
    ]);
    expect(boards.offensive_rebounds.entries[0].playerId).toBe('crasher');
    expect(boards.defensive_rebounds.entries[0].playerId).toBe('big');
  });

  it('players level on points are displayed in Chinese name order but share the rank', () => {
    const totals = aggregatePlayerTotals([
      ...repeatedLines('p-zhao', 'T1', 1, { pts: 20 }),
      ...repeatedLines('p-an', 'T2', 1, { pts: 20 }),
      ...repeatedLines('p-li', 'T3', 1, { pts: 20 }),
    ]);
    const board = leaderboard(totals, 'points', {
      playerNames: { 'p-zhao': '赵云', 'p-an': '安然', 'p-li': '李雷' },
    });
    expect(board.entries.map((e) => [e.rank, e.playerId])).toEqual([
      [1, 'p-an'],
      [1, 'p-li'],
      [1, 'p-zhao'],
    ]);
  });

  it('a player on the roster who never played is never ranked, even with no minimum games', () => {
    const totals = aggregatePlayerTotals([
      ...repeatedLines('bench', 'T1', 3, { played: false }),
      ...repeatedLines('starter', 'T1', 3, { pts: 2 }),
    ]);
    const board = leaderboard(totals, 'points', { includeZero: true, basis: 'per_game' });
    expect(board.entries.map((e) => e.playerId)).toEqual(['starter']);
  });

  it('tournament settings apply per category: FT% minimum attempts and a per-game scoring race', () => {
    const totals = aggregatePlayerTotals([
      ...repeatedLines('volume', 'T1', 4, { pts: 10, ftm: 3, fta: 4 }),
      ...repeatedLines('rare', 'T2', 1, { pts: 30, ftm: 1, fta: 1 }),
    ]);
    const boards = allLeaderboards(totals, {
      minAttempts: { free_throw_pct: 5 },
      perCategory: { points: { basis: 'per_game' } },
    });
    expect(boards.free_throw_pct.entries.map((e) => e.playerId)).toEqual(['volume']);
    expect(boards.points.entries.map((e) => e.playerId)).toEqual(['rare', 'volume']);
    expect(boards.points.basis).toBe('per_game');
    expect(boards.assists.entries).toEqual([]);
  });

  it('refuses nonsensical settings with STATS_INVALID_LEADER_OPTION', () => {
    expect(() => leaderboard([], 'points', { minGames: -1 })).toThrow(
      expect.objectContaining({ code: 'STATS_INVALID_LEADER_OPTION' }),
    );
    expect(() => leaderboard([], 'free_throw_pct', { minAttempts: 0 })).toThrow(
      expect.objectContaining({ code: 'STATS_INVALID_LEADER_OPTION' }),
    );
    expect(() => leaderboard([], 'points', { limit: 0 })).toThrow(
      expect.objectContaining({ code: 'STATS_INVALID_LEADER_OPTION' }),
    );
    expect(() => leaderboard([], 'dunks' as never)).toThrow(
      expect.objectContaining({ code: 'STATS_UNKNOWN_CATEGORY' }),
    );
  });
});
