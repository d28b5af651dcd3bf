import { buildCompetition } from './build-structure.js';
import { carriedOverGameIds, type PlayedPairing } from './carry-over.js';
import { teams } from './test-support.js';
import type { CarryOver, CompetitionConfig, GroupStageConfig, Slot } from './types.js';

const place = (groupId: string, p: number): Slot => ({ kind: 'group_place', groupId, place: p });

/** World Cup 2019 shape: two first-round groups of 4, the top two of each into one second-round group. */
const config = (carryOver: CarryOver, roundRobin: 'single' | 'double' = 'single'): CompetitionConfig => ({
  stages: [
    {
      kind: 'group',
      id: 'R1',
      roundRobin: 'single',
      groups: [
        { id: 'E', size: 4, entrants: teams(4, 'E') },
        { id: 'F', size: 4, entrants: teams(4, 'F') },
      ],
    },
    {
      kind: 'group',
      id: 'R2',
      roundRobin,
      carryOver,
      groups: [{ id: 'K', size: 4, entrants: [place('E', 1), place('E', 2), place('F', 1), place('F', 2)] }],
    },
  ],
});

describe('games carried over into a later group stage', () => {
  it('does not replay a pair that met in an earlier group: 4 new games instead of 6', () => {
    const structure = buildCompetition(config('among_group'));
    const k = structure.games.filter((g) => g.groupId === 'K');
    expect(k).toHaveLength(4);
    for (const g of k) {
      const groups = [g.home, g.away].map((s) => (s.kind === 'group_place' ? s.groupId : null));
      expect(groups[0]).not.toEqual(groups[1]);
    }
    expect(structure.stages[1]).toMatchObject({ carryOver: 'among_group' });
  });

  it('without carry-over every pair meets again and the stage says nothing about it', () => {
    const structure = buildCompetition(config('none'));
    expect(structure.games.filter((g) => g.groupId === 'K')).toHaveLength(6);
    expect(structure.stages[1]).not.toHaveProperty('carryOver');
  });

  it('refuses carry-over into a double round robin or into the first group stage', () => {
    expect(() => buildCompetition(config('all', 'double'))).toThrow(
      expect.objectContaining({ code: 'COMPETITION_OPTION_NOT_SUPPORTED' }),
    );
    const first: GroupStageConfig = { ...(config('all').stages[0] as GroupStageConfig), carryOver: 'all' };
    expect(() => buildCompetition({ stages: [first] })).toThrow(
      expect.objectContaining({
        code: 'COMPETITION_OPTION_INVALID',
        details: [expect.objectContaining({ field: 'stages[0].carryOver' })],
      }),
    );
  });

  // Group E played E1..E4 as teams E1..E4; E1 and E2 go through, so do F1 and F2.
  const pairingsOf = (structure: ReturnType<typeof buildCompetition>) => {
    const map = new Map<string, PlayedPairing>();
    for (const g of structure.games) {
      const team = (s: Slot) => (s.kind === 'team' ? s.teamId : null);
      map.set(g.id, { gameId: g.id, homeTeamId: team(g.home), awayTeamId: team(g.away) });
    }
    return map;
  };
  const second = ['E1', 'E2', 'F1', 'F2'];
  const endpoints = (structure: ReturnType<typeof buildCompetition>, ids: string[]) =>
    ids.map((id) => {
      const p = pairingsOf(structure).get(id)!;
      return [p.homeTeamId, p.awayTeamId].sort().join(' v ');
    });

  it('among_group: only the earlier games between two teams of the group count', () => {
    const structure = buildCompetition(config('among_group'));
    const ids = carriedOverGameIds(structure, 'K', second, pairingsOf(structure));
    expect(endpoints(structure, ids).sort()).toEqual(['E1 v E2', 'F1 v F2']);
  });

  it('all: every earlier group game of the group’s teams counts, opponents outside the group included', () => {
    const structure = buildCompetition(config('all'));
    const ids = carriedOverGameIds(structure, 'K', second, pairingsOf(structure));
    // Each team played 3 games in its first group; the two games inside the group are shared.
    expect(ids).toHaveLength(4 * 3 - 2);
    expect(carriedOverGameIds(structure, 'E', ['E1'], pairingsOf(structure))).toEqual([]);
  });
});
