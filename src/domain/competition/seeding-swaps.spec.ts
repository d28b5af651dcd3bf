import { resolveSlots } from './resolve-slots.js';
import { buildHuzhou2024 } from './templates.js';
import type { CompetitionFacts, GroupOutcomeFact } from './types.js';

const table = (groupId: string, teams: string[], wins: number[], diff: number[]): GroupOutcomeFact => ({
  groupId,
  isFinal: true,
  ranking: teams.map((teamId, i) => ({
    teamId,
    rank: i + 1,
    played: teams.length - 1,
    wins: wins[i],
    losses: teams.length - 1 - wins[i],
    classificationPoints: 2 * wins[i] + (teams.length - 1 - wins[i]),
    pointsFor: 200 + diff[i],
    pointsAgainst: 200,
  })),
});

describe('knockout seeding swaps, shown explicitly', () => {
  const structure = buildHuzhou2024('three_groups_best_runner_up', {
    method: 'hand',
    seed: null,
    keepUnitsApart: false,
    groups: [
      { groupId: 'A', teamIds: ['a1', 'a2', 'a3', 'a4'] },
      { groupId: 'B', teamIds: ['b1', 'b2', 'b3'] },
      { groupId: 'C', teamIds: ['c1', 'c2', 'c3'] },
    ],
  });

  it('the best runner-up from group A, entered as seed 4, plays as seed 3 so it does not meet A1 in the semi-final', () => {
    const facts: CompetitionFacts = {
      games: [],
      groups: [
        // A's runner-up won 2 of 3 (win ratio 0.67) against 1 of 2 (0.5) elsewhere: the best runner-up.
        table('A', ['a1', 'a2', 'a3', 'a4'], [3, 2, 1, 0], [30, 10, -10, -30]),
        table('B', ['b1', 'b2', 'b3'], [2, 1, 0], [20, 0, -20]),
        table('C', ['c1', 'c2', 'c3'], [2, 1, 0], [20, 0, -20]),
      ],
    };
    const seeding = resolveSlots(structure, facts).seeding.find((s) => s.stageId === 'KO')!;
    expect(seeding.teamIds).toEqual(['a1', 'b1', 'a2', 'c1']);
    expect(seeding.swaps).toEqual([
      { seed: 3, enteredAs: 4 },
      { seed: 4, enteredAs: 3 },
    ]);
  });

  it('no swap is listed when the best runner-up comes from another group', () => {
    const facts: CompetitionFacts = {
      games: [],
      groups: [
        table('A', ['a1', 'a2', 'a3', 'a4'], [3, 1, 1, 1], [30, -10, -10, -10]),
        table('B', ['b1', 'b2', 'b3'], [2, 1, 0], [20, 5, -25]),
        table('C', ['c1', 'c2', 'c3'], [2, 1, 0], [20, 0, -20]),
      ],
    };
    const seeding = resolveSlots(structure, facts).seeding.find((s) => s.stageId === 'KO')!;
    expect(seeding.teamIds).toEqual(['a1', 'b1', 'c1', 'b2']);
    expect(seeding.swaps).toEqual([]);
  });
});
