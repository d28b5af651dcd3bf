import { buildCompetition } from './build-structure.js';
import { computeFinalRanking } from './final-ranking.js';
import { playOut, teams } from './test-support.js';
import type { CompetitionFacts, CompetitionStructure, GroupRankingRow } from './types.js';

/** 4 groups of 3 (A-D), top two into quarter-finals, no classification games. */
function fourGroupsIntoQuarterFinals(): CompetitionStructure {
  const ids = ['A', 'B', 'C', 'D'];
  return buildCompetition({
    stages: [
      {
        kind: 'group',
        id: 'S1',
        roundRobin: 'single',
        groups: ids.map((id) => ({ id, size: 3, entrants: teams(3, id.toLowerCase()) })),
      },
      {
        kind: 'knockout',
        id: 'KO',
        thirdPlaceGame: true,
        entrants: [1, 2].flatMap((p) => ids.map((groupId) => ({ kind: 'group_place' as const, groupId, place: p }))),
      },
    ],
  });
}

/** Group order a1 > a2 > a3 etc.; the runner-up rows get the given point differences (per 2 games). */
function facts(s: CompetitionStructure, runnerUpDiff: Record<string, number>): CompetitionFacts {
  const played = playOut(s);
  for (const group of played.groups) {
    group.ranking = group.ranking.map((r: GroupRankingRow) =>
      r.rank === 2 && runnerUpDiff[r.teamId] !== undefined
        ? { ...r, pointsFor: 140 + runnerUpDiff[r.teamId], pointsAgainst: 140 }
        : r,
    );
  }
  return played;
}

describe('computeFinalRanking', () => {
  it('quarter-final losers share 5th-8th and are split by group position, then cross-group criteria', () => {
    const s = fourGroupsIntoQuarterFinals();
    // Home wins every knockout game: the four group winners reach the semi-finals.
    const places = computeFinalRanking(s, facts(s, { a2: 5, b2: 9, c2: -3, d2: 0 }));
    expect(places.map((p) => [p.place, p.teamId, p.decidedBy])).toEqual([
      [1, 'a1', 'placement_game'],
      [2, 'b1', 'placement_game'],
      [3, 'd1', 'placement_game'],
      [4, 'c1', 'placement_game'],
      [5, 'b2', 'cross_group'],
      [6, 'a2', 'cross_group'],
      [7, 'd2', 'cross_group'],
      [8, 'c2', 'cross_group'],
      [9, 'a3', 'draw'],
      [10, 'b3', 'draw'],
      [11, 'c3', 'draw'],
      [12, 'd3', 'draw'],
    ]);
    expect(places[8]).toMatchObject({ needsDraw: true, tiedWith: ['b3', 'c3', 'd3'] });
    expect(places.every((p) => p.needsDraw === p.place >= 9)).toBe(true);
  });

  it('a recorded draw separates teams that nothing played could separate', () => {
    const s = fourGroupsIntoQuarterFinals();
    const places = computeFinalRanking(s, facts(s, { a2: 5, b2: 9, c2: -3, d2: 0 }), {
      drawOrder: ['d3', 'c3', 'b3', 'a3'],
    });
    expect(places.slice(8).map((p) => [p.teamId, p.needsDraw, p.decidedBy])).toEqual([
      ['d3', false, 'draw'],
      ['c3', false, 'draw'],
      ['b3', false, 'draw'],
      ['a3', false, 'draw'],
    ]);
  });

  it('a quarter-final loser who won its group ranks above the runners-up who also lost', () => {
    const s = fourGroupsIntoQuarterFinals();
    // QF1 is A1 v B2: let b2 win it, so a1 goes out in the quarter-finals.
    const played = playOut(s, { winner: (id, home, away) => (id === 'QF1' ? away : home) });
    const places = computeFinalRanking(s, played);
    expect(places[4]).toMatchObject({ place: 5, teamId: 'a1', decidedBy: 'group_position' });
  });

  it('refuses to publish final places while a game is still open', () => {
    const s = fourGroupsIntoQuarterFinals();
    const played = playOut(s);
    const unfinished = { ...played, games: played.games.filter((g) => g.gameId !== 'F') };
    expect(() => computeFinalRanking(s, unfinished)).toThrow(
      expect.objectContaining({ code: 'COMPETITION_NOT_FINISHED', kind: 'conflict' }),
    );
  });

  it('a round-robin-only event ranks by the group table', () => {
    const s = buildCompetition({
      stages: [{ kind: 'group', id: 'S1', roundRobin: 'double', groups: [{ id: 'A', size: 5, entrants: teams(5) }] }],
    });
    const places = computeFinalRanking(s, playOut(s, { groupOrder: (_, ids) => [...ids].reverse() }));
    expect(places.map((p) => p.teamId)).toEqual(['T5', 'T4', 'T3', 'T2', 'T1']);
    expect(places.every((p) => p.decidedBy === 'group_position')).toBe(true);
  });
});
