import { aggregatePlayerTotals } from '../stats/index.js';
import { repeatedLines } from '../stats/testing/lines.js';
import { computedAwards } from './computed-awards.js';

describe('computedAwards', () => {
  const totals = aggregatePlayerTotals([
    ...repeatedLines('iron-man', 'T1', 6, { pts: 15, ast: 4, dreb: 6 }), // 90 pts, 24 ast, 36 reb
    ...repeatedLines('hot-hand', 'T2', 3, { pts: 24, ast: 8, dreb: 2 }), // 72 pts, 24 ast, 6 reb
    ...repeatedLines('cameo', 'T3', 1, { pts: 35, oreb: 14 }),
  ]);

  it('workers’ tournament on totals: 得分王 by total points, co-winners for 助攻王', () => {
    const [scorer, assists, rebounds] = computedAwards(totals, { basis: 'total' });
    expect(scorer).toMatchObject({ key: 'top_scorer', basis: 'total', value: 90 });
    expect(scorer.winners.map((w) => w.playerId)).toEqual(['iron-man']);
    expect(assists.winners.map((w) => w.playerId).sort()).toEqual(['hot-hand', 'iron-man']);
    expect(assists.value).toBe(24);
    expect(rebounds.winners.map((w) => w.playerId)).toEqual(['iron-man']);
  });

  it('FIBA style per game with a 3-game minimum changes the 得分王', () => {
    const [scorer, assists] = computedAwards(totals, { basis: 'per_game', minGames: 3 });
    expect(scorer.winners.map((w) => w.playerId)).toEqual(['hot-hand']);
    expect(scorer.value).toBe(24);
    expect(assists.winners.map((w) => w.playerId)).toEqual(['hot-hand']);
  });

  it('no qualified player means no winner rather than an error', () => {
    const awards = computedAwards(totals, { minGames: 10 });
    expect(awards.map((a) => [a.key, a.winners.length, a.value])).toEqual([
      ['top_scorer', 0, null],
      ['assists_leader', 0, null],
      ['rebounds_leader', 0, null],
    ]);
  });
});
