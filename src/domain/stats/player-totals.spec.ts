import { aggregatePlayerTotals, mergePlayerTotals, negatePlayerTotals } from './player-totals.js';
import { gameLine, repeatedLines } from './testing/lines.js';

describe('aggregatePlayerTotals', () => {
  it('sums a player over the games and counts only games played', () => {
    const totals = aggregatePlayerTotals([
      gameLine('李明', '南浔彩蝶队', 'g1', { pts: 12, fgm2: 3, fga2: 7, fgm3: 2, fga3: 5, oreb: 1, dreb: 4, ast: 3 }),
      gameLine('李明', '南浔彩蝶队', 'g2', { pts: 9, fgm2: 3, fga2: 4, ftm: 3, fta: 4, tov: 2 }),
      // on the roster for g3 but never entered the court
      gameLine('李明', '南浔彩蝶队', 'g3', { played: false }),
    ]);
    expect(totals).toEqual([
      expect.objectContaining({ playerId: '李明', teamId: '南浔彩蝶队', games: 2, pts: 21, fgm2: 6, fga2: 11 }),
    ]);
    // EFF: (12 + 5 + 3 - (12 - 5)) + (9 - (4 - 3) - (4 - 3) - 2) = 13 + 5
    expect(totals[0].eff).toBe(18);
    expect(totals[0].secondsPlayed).toBeNull();
  });

  it('group-stage lines are left out when only the knockout and finals count', () => {
    const lines = [
      ...repeatedLines('张伟', '德清依蓄队', 3, { pts: 30 }),
      gameLine('张伟', '德清依蓄队', 'sf', { stageId: 'knockout', pts: 8 }),
      gameLine('张伟', '德清依蓄队', 'final', { stageId: 'finals', pts: 10 }),
    ];
    const [knockout] = aggregatePlayerTotals(lines, { stageIds: ['knockout', 'finals'] });
    expect(knockout).toMatchObject({ games: 2, pts: 18 });
    expect(aggregatePlayerTotals(lines)[0]).toMatchObject({ games: 5, pts: 108 });
  });

  it('seconds on court add up over the games where time was tracked', () => {
    const [t] = aggregatePlayerTotals([
      gameLine('a', 'T', 'g1', { secondsPlayed: 600 }),
      gameLine('a', 'T', 'g2', { secondsPlayed: null }),
      gameLine('a', 'T', 'g3', { secondsPlayed: 1200 }),
    ]);
    expect(t.secondsPlayed).toBe(1800);
  });

  it('a team filter keeps only that team’s players', () => {
    const totals = aggregatePlayerTotals([gameLine('a', 'A', 'g1', { pts: 4 }), gameLine('b', 'B', 'g1', { pts: 6 })], {
      teamIds: ['B'],
    });
    expect(totals.map((t) => t.playerId)).toEqual(['b']);
  });

  it('grows past its initial capacity without losing anyone', () => {
    const lines = Array.from({ length: 1000 }, (_, i) => gameLine(`p${i}`, `t${i % 10}`, 'g', { pts: i }));
    const totals = aggregatePlayerTotals(lines);
    expect(totals).toHaveLength(1000);
    expect(totals[999]).toMatchObject({ playerId: 'p999', teamId: 't9', pts: 999, games: 1 });
  });
});

describe('mergePlayerTotals', () => {
  it('adding the totals of two sets of games equals the totals of all the lines', () => {
    const finished = [
      gameLine('a', 'T', 'g1', { pts: 10, fgm2: 5, fga2: 9, secondsPlayed: 600 }),
      gameLine('b', 'T', 'g1', { pts: 4, ast: 3 }),
    ];
    const inProgress = [
      gameLine('a', 'T', 'g2', { pts: 7, fgm3: 1, fga3: 4, ftm: 4, fta: 6 }),
      gameLine('c', 'U', 'g2'),
    ];
    const merged = mergePlayerTotals(aggregatePlayerTotals(finished), aggregatePlayerTotals(inProgress));
    expect(merged).toEqual(aggregatePlayerTotals([...finished, ...inProgress]));
  });

  it('replacing a game: taking its old lines away and adding the new ones equals the totals without it', () => {
    const kept = [gameLine('a', 'T', 'g1', { pts: 10, fgm2: 5, fga2: 9 })];
    const before = [gameLine('a', 'T', 'g2', { pts: 6, fgm3: 2, fga3: 2 })];
    const after = [gameLine('a', 'T', 'g2', { pts: 3, fgm3: 1, fga3: 2, ast: 1 })];
    const stored = aggregatePlayerTotals([...kept, ...before]);
    const replaced = mergePlayerTotals(
      stored,
      negatePlayerTotals(aggregatePlayerTotals(before)),
      aggregatePlayerTotals(after),
    );
    expect(replaced).toEqual(aggregatePlayerTotals([...kept, ...after]));
  });
});
