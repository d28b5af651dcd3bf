import { aggregatePlayerTotals } from '../stats/index.js';
import { repeatedLines } from '../stats/testing/lines.js';
import { mvpCandidates } from './mvp-candidates.js';

// Four teams: champion factor 1.5, runner-up 1 + 0.5 × 2/3, third 1 + 0.5 × 1/3, fourth 1.
const places = [
  { teamId: '南浔彩蝶队', place: 1 },
  { teamId: '德清依蓄队', place: 2 },
  { teamId: '长兴天顺物流队', place: 3 },
  { teamId: '德清乾元篮球队', place: 4 },
];

describe('mvpCandidates', () => {
  it('equal efficiency per game: the champion’s player outranks the fourth-placed team’s', () => {
    const totals = aggregatePlayerTotals([
      ...repeatedLines('fourth-star', '德清乾元篮球队', 4, { pts: 20 }),
      ...repeatedLines('champion-star', '南浔彩蝶队', 4, { pts: 20 }),
    ]);
    const list = mvpCandidates(totals, places);
    expect(list.map((c) => [c.rank, c.playerId, c.base, c.teamFactor, c.score])).toEqual([
      [1, 'champion-star', 20, 1.5, 30],
      [2, 'fourth-star', 20, 1, 20],
    ]);
    expect(list[0].teamPlace).toBe(1);
  });

  it('a clearly better player on a lower team can still lead the list', () => {
    const totals = aggregatePlayerTotals([
      ...repeatedLines('third-star', '长兴天顺物流队', 4, { pts: 30 }), // 30 × 7/6 = 35
      ...repeatedLines('champion-role', '南浔彩蝶队', 4, { pts: 22 }), // 22 × 1.5 = 33
    ]);
    expect(mvpCandidates(totals, places).map((c) => [c.playerId, c.score])).toEqual([
      ['third-star', 35],
      ['champion-role', 33],
    ]);
  });

  it('with no team-success weight the list is plain efficiency per game; ties share a rank', () => {
    const totals = aggregatePlayerTotals([
      ...repeatedLines('a', '南浔彩蝶队', 2, { pts: 15 }),
      ...repeatedLines('b', '德清乾元篮球队', 3, { pts: 15 }),
    ]);
    const list = mvpCandidates(totals, places, { teamSuccess: { kind: 'linear', weight: 0 } });
    expect(list.map((c) => [c.rank, c.tied])).toEqual([
      [1, true],
      [1, true],
    ]);
  });

  it('per-place factors and other bases are configurable', () => {
    const totals = aggregatePlayerTotals([
      ...repeatedLines('scorer', '德清依蓄队', 2, { pts: 20, fga2: 10, fgm2: 10 }), // EFF 20 per game
      ...repeatedLines('allround', '南浔彩蝶队', 2, { pts: 10, fgm2: 5, fga2: 5, dreb: 10, ast: 6 }), // EFF 26
    ]);
    const byPoints = mvpCandidates(totals, places, {
      basis: 'pts_per_game',
      teamSuccess: { kind: 'per_place', factors: [1.2, 1.1] },
    });
    expect(byPoints.map((c) => [c.playerId, c.score])).toEqual([
      ['scorer', 22],
      ['allround', 12],
    ]);
    const byEffTotal = mvpCandidates(totals, places, { basis: 'eff_total' });
    expect(byEffTotal.map((c) => [c.playerId, c.base])).toEqual([
      ['allround', 52],
      ['scorer', 40],
    ]);
  });

  it('a negative efficiency is divided by the team factor, so team success never lowers a score', () => {
    const totals = aggregatePlayerTotals([
      ...repeatedLines('cold-champion', '南浔彩蝶队', 2, { fga2: 6 }), // EFF -6 → -4
      ...repeatedLines('cold-fourth', '德清乾元篮球队', 2, { fga2: 6 }), // EFF -6 → -6
    ]);
    expect(mvpCandidates(totals, places).map((c) => [c.playerId, c.score])).toEqual([
      ['cold-champion', -4],
      ['cold-fourth', -6],
    ]);
  });

  it('minimum games and unranked teams', () => {
    const totals = aggregatePlayerTotals([
      ...repeatedLines('one-game-wonder', '南浔彩蝶队', 1, { pts: 50 }),
      ...repeatedLines('guest', '客队', 3, { pts: 10 }),
    ]);
    const list = mvpCandidates(totals, places, { minGames: 2 });
    expect(list.map((c) => [c.playerId, c.teamPlace, c.teamFactor])).toEqual([['guest', null, 1]]);
  });

  it('refuses a negative team-success weight and per-place factors that reward a worse place', () => {
    expect(() => mvpCandidates([], places, { teamSuccess: { kind: 'linear', weight: -1 } })).toThrow(
      expect.objectContaining({ code: 'AWARDS_INVALID_MVP_SETTING' }),
    );
    expect(() => mvpCandidates([], places, { teamSuccess: { kind: 'per_place', factors: [1.2, 1.3] } })).toThrow(
      expect.objectContaining({ code: 'AWARDS_INVALID_MVP_SETTING' }),
    );
  });
});
