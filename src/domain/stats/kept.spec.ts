import { ALL_KEPT, countsGame, KEPT } from './kept.js';
import { leaderboard } from './leaderboard.js';
import { aggregatePlayerTotals, keptGamesOf, mergePlayerTotals, negatePlayerTotals } from './player-totals.js';
import { gameLine } from './testing/lines.js';

describe('categories a game kept (paper scoresheets keep only their columns)', () => {
  // One game scored live (10 rebounds, 8 points), one from a sheet with points and fouls only (20 points).
  const lines = [
    gameLine('p1', 'A', 'g1', { pts: 8, oreb: 4, dreb: 6, ast: 2 }),
    gameLine('p1', 'A', 'g2', { pts: 20, pf: 3, kept: KEPT.pts | KEPT.pf }),
    gameLine('p2', 'B', 'g1', { pts: 6, oreb: 1, dreb: 4 }),
    gameLine('p2', 'B', 'g3', { pts: 6, oreb: 1, dreb: 4 }),
  ];
  const totals = aggregatePlayerTotals(lines);

  it('counts a game for a category only when it kept the category', () => {
    const p1 = totals.find((t) => t.playerId === 'p1')!;
    expect(p1.games).toBe(2);
    expect(keptGamesOf(p1, 'pts')).toBe(2);
    expect(keptGamesOf(p1, 'reb')).toBe(1);
    expect(keptGamesOf(p1, 'ast')).toBe(1);
    expect(keptGamesOf(p1, 'eff')).toBe(1);
    expect(countsGame(ALL_KEPT, 'fg')).toBe(true);
    expect(countsGame(KEPT.fg3, 'fg')).toBe(false);
    expect(countsGame(KEPT.dreb, 'reb')).toBe(true);
  });

  it('per game: rebounds over the games that kept them, points over both', () => {
    const reb = leaderboard(totals, 'rebounds', { basis: 'per_game' });
    expect(reb.entries.map((e) => [e.playerId, e.value, e.games])).toEqual([
      ['p1', 10, 1],
      ['p2', 5, 2],
    ]);
    const pts = leaderboard(totals, 'points', { basis: 'per_game' });
    expect(pts.entries[0]).toMatchObject({ playerId: 'p1', value: 14, games: 2 });
  });

  it('minimum games use the category’s count; totals are ranked as before', () => {
    expect(leaderboard(totals, 'rebounds', { minGames: 2 }).entries.map((e) => e.playerId)).toEqual(['p2']);
    expect(leaderboard(totals, 'points', { minGames: 2 }).entries.map((e) => e.playerId)).toEqual(['p1', 'p2']);
    expect(leaderboard(totals, 'rebounds').entries.map((e) => [e.playerId, e.value])).toEqual([
      ['p1', 10],
      ['p2', 10],
    ]);
  });

  it('merging and negating carry the counts (a game replaced live)', () => {
    const old = aggregatePlayerTotals([lines[1]!]);
    const replaced = mergePlayerTotals(
      totals,
      negatePlayerTotals(old),
      aggregatePlayerTotals([gameLine('p1', 'A', 'g2', { pts: 20 })]),
    );
    const p1 = replaced.find((t) => t.playerId === 'p1')!;
    expect([p1.games, keptGamesOf(p1, 'pts'), keptGamesOf(p1, 'reb')]).toEqual([2, 2, 2]);
    // Totals without counts (made elsewhere) count every game for every category.
    const bare = { ...p1, keptGames: undefined };
    expect(keptGamesOf(mergePlayerTotals([bare], [p1])[0]!, 'reb')).toBe(4);
  });
});
