import { rankAcrossGroups, rankPlaceAcrossGroups, type CrossGroupEntry } from './cross-group.js';
import { game } from './fixtures/game.js';
import { computeGroupStandings } from './group-standings.js';

const entry = (teamId: string, groupId: string, over: Partial<CrossGroupEntry>): CrossGroupEntry => ({
  teamId,
  groupId,
  played: 2,
  wins: 1,
  classificationPoints: 3,
  pointsFor: 150,
  pointsAgainst: 150,
  ...over,
});

describe('rankAcrossGroups', () => {
  it('best runner-up among equal groups: classification points, then point difference, no head-to-head', () => {
    const places = rankAcrossGroups([
      entry('A2', 'A', { pointsFor: 160, pointsAgainst: 150 }),
      entry('B2', 'B', { pointsFor: 170, pointsAgainst: 150 }),
      entry('C2', 'C', { wins: 0, classificationPoints: 2, pointsFor: 200, pointsAgainst: 100 }),
    ]);
    expect(places.map((p) => [p.teamId, p.rank, p.decidedBy])).toEqual([
      ['B2', 1, 'point_difference'],
      ['A2', 2, 'classification_points'],
      ['C2', 3, 'draw'],
    ]);
  });

  it('best runner-up across a group of 4 and groups of 3 uses win ratio and per-game margins', () => {
    const places = rankAcrossGroups([
      // 2-1 in a group of four: win ratio 0.667 beats 1-1 despite more classification points elsewhere
      entry('A2', 'A', { played: 3, wins: 2, classificationPoints: 5, pointsFor: 210, pointsAgainst: 200 }),
      entry('B2', 'B', { played: 2, wins: 1, classificationPoints: 3, pointsFor: 150, pointsAgainst: 120 }),
      entry('C2', 'C', { played: 2, wins: 1, classificationPoints: 3, pointsFor: 150, pointsAgainst: 130 }),
    ]);
    expect(places.map((p) => p.teamId)).toEqual(['A2', 'B2', 'C2']);
    expect(places[0].decidedBy).toBe('win_ratio');
    expect(places[1].decidedBy).toBe('point_difference');
  });

  it('teams level on every criterion share a rank and need a draw until one is recorded', () => {
    const level = [entry('X', 'A', {}), entry('Y', 'B', {})];
    const before = rankAcrossGroups(level);
    expect(before.map((p) => [p.rank, p.needsDraw])).toEqual([
      [1, true],
      [1, true],
    ]);
    const after = rankAcrossGroups(level, ['Y', 'X']);
    expect(after.map((p) => [p.teamId, p.rank, p.needsDraw])).toEqual([
      ['Y', 1, false],
      ['X', 2, false],
    ]);
  });

  it('a draw that placed only one of two level teams separates nobody: both still share and need the draw', () => {
    const level = [entry('X', 'A', {}), entry('Y', 'B', {})];
    const places = rankAcrossGroups(level, ['Y']);
    expect(places.map((p) => [p.rank, p.needsDraw])).toEqual([
      [1, true],
      [1, true],
    ]);
  });
});

describe('rankPlaceAcrossGroups', () => {
  const group = (ids: string[], scores: Array<[string, number, number, string]>, complete = true) =>
    computeGroupStandings({ teamIds: ids, games: scores.map(([h, hs, as, a]) => game(h, hs, as, a)) }, { complete });
  const a = group(
    ['A1', 'A2', 'A3'],
    [
      ['A1', 70, 60, 'A2'],
      ['A2', 65, 60, 'A3'],
      ['A1', 80, 50, 'A3'],
    ],
  );
  const b = group(
    ['B1', 'B2', 'B3'],
    [
      ['B1', 70, 50, 'B2'],
      ['B2', 90, 60, 'B3'],
      ['B1', 60, 55, 'B3'],
    ],
  );

  it('ranks the runners-up of complete groups: the best runner-up table', () => {
    const table = rankPlaceAcrossGroups(
      [
        { groupId: 'A', standings: a },
        { groupId: 'B', standings: b },
      ],
      2,
    );
    expect(table).toMatchObject({ place: 2, final: true, unplacedGroupIds: [] });
    // Both 1-1 with 3 points: B2 +10, A2 -5.
    expect(table.ranking.map((p) => [p.rank, p.teamId, p.groupId, p.decidedBy])).toEqual([
      [1, 'B2', 'B', 'point_difference'],
      [2, 'A2', 'A', 'draw'],
    ]);
  });

  it('is provisional while a group is still playing and leaves out a group whose place is shared', () => {
    const open = group(['C1', 'C2', 'C3'], [['C1', 70, 60, 'C2']], false);
    const table = rankPlaceAcrossGroups(
      [
        { groupId: 'A', standings: a },
        { groupId: 'C', standings: open },
      ],
      2,
    );
    expect(table.final).toBe(false);
    // C2 and C3 have 1 point... C3 has none: C1 2, C2 1, C3 0 — C2 is placed 2nd for now.
    expect(table.ranking.map((p) => p.teamId)).toEqual(['A2', 'C2']);
    const level = group(['D1', 'D2', 'D3'], [], false);
    expect(rankPlaceAcrossGroups([{ groupId: 'D', standings: level }], 2)).toMatchObject({
      final: false,
      unplacedGroupIds: ['D'],
      ranking: [],
    });
  });
});
