import { rankAcrossGroups, type CrossGroupEntry } from './cross-group.js';

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
