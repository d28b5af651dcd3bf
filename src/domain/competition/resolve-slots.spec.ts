import fc from 'fast-check';
import { buildCompetition } from './build-structure.js';
import { applyDraw, drawGroupsByHand, drawGroupsRandomly } from './group-draw.js';
import { resolveSlots } from './resolve-slots.js';
import { buildFormatTemplate, groupLetter } from './templates.js';
import { coinFlips, playOut } from './test-support.js';
import type { CompetitionFacts, CompetitionStructure, GroupOutcomeFact, GroupRankingRow } from './types.js';

const row = (
  teamId: string,
  rank: number,
  played: number,
  wins: number,
  pointsFor: number,
  pointsAgainst: number,
): GroupRankingRow => ({
  teamId,
  rank,
  played,
  wins,
  losses: played - wins,
  classificationPoints: 2 * wins + (played - wins),
  pointsFor,
  pointsAgainst,
});

/** 3 groups of 4/3/3, winners + best runner-up into semi-finals, teams named after their group. */
function threeGroupsBestRunnerUp(): CompetitionStructure {
  const config = buildFormatTemplate({
    teamCount: 10,
    groupCount: 3,
    advancePerGroup: 1,
    bestPlaced: { place: 2, count: 1 },
    knockout: { thirdPlaceGame: true },
  });
  const groups = [
    { groupId: 'A', teamIds: ['a1', 'a2', 'a3', 'a4'] },
    { groupId: 'B', teamIds: ['b1', 'b2', 'b3'] },
    { groupId: 'C', teamIds: ['c1', 'c2', 'c3'] },
  ];
  const teams = groups.flatMap((g) => g.teamIds.map((teamId) => ({ teamId, unitId: null })));
  const specs = groups.map((g) => ({ groupId: g.groupId, size: g.teamIds.length }));
  return buildCompetition(applyDraw(config, 'S1', drawGroupsByHand(specs, teams, groups)));
}

const outcomes = (runnerUpA: { wins: number }): GroupOutcomeFact[] => [
  {
    groupId: 'A',
    isFinal: true,
    ranking: [
      row('a1', 1, 3, 3, 240, 200),
      row('a2', 2, 3, runnerUpA.wins, 220, 215),
      row('a3', 3, 3, 1, 200, 220),
      row('a4', 4, 3, 0, 190, 215),
    ],
  },
  {
    groupId: 'B',
    isFinal: true,
    ranking: [row('b1', 1, 2, 2, 160, 140), row('b2', 2, 2, 1, 150, 140), row('b3', 3, 2, 0, 130, 160)],
  },
  {
    groupId: 'C',
    isFinal: true,
    ranking: [row('c1', 1, 2, 2, 170, 150), row('c2', 2, 2, 1, 148, 152), row('c3', 3, 2, 0, 140, 156)],
  },
];
const sides = (s: CompetitionStructure, facts: CompetitionFacts, gameId: string) => {
  const g = resolveSlots(s, facts).games.find((x) => x.gameId === gameId)!;
  return [g.home.teamId, g.away.teamId];
};

describe('resolveSlots', () => {
  it('a group place resolves only once that group is final', () => {
    const s = threeGroupsBestRunnerUp();
    const live = { ...outcomes({ wins: 1 })[1], isFinal: false };
    const res = resolveSlots(s, { groups: [outcomes({ wins: 1 })[0], live], games: [] });
    expect(res.seeding[0].teamIds).toEqual([null, null, null, null]);
    expect(res.games.find((g) => g.gameId === 'SF1')!.home.state).toBe('pending');
  });

  it('the best runner-up waits for ALL groups of the stage to be final', () => {
    const s = threeGroupsBestRunnerUp();
    const [a, b, c] = outcomes({ wins: 1 });
    expect(
      resolveSlots(s, { groups: [a, b, { ...c, isFinal: false }], games: [] }).games.find((g) => g.gameId === 'SF1')!
        .away,
    ).toEqual({
      teamId: null,
      state: 'pending',
    });
    expect(sides(s, { groups: [a, b, c], games: [] }, 'SF1')).toEqual(['a1', 'b2']);
  });

  it('best runner-up from group A does not meet its own group winner: it swaps with the nearest seed (A1-C1, B1-A2)', () => {
    const s = threeGroupsBestRunnerUp();
    const facts = { groups: outcomes({ wins: 2 }), games: [] }; // a2 2-1 in a group of four: best win ratio
    expect(sides(s, facts, 'SF1')).toEqual(['a1', 'c1']);
    expect(sides(s, facts, 'SF2')).toEqual(['b1', 'a2']);
    expect(resolveSlots(s, facts).seeding[0].teamIds).toEqual(['a1', 'b1', 'a2', 'c1']);
  });

  it('a group place with an unbroken tie needs a recorded draw', () => {
    const s = threeGroupsBestRunnerUp();
    const [a, b, c] = outcomes({ wins: 1 });
    const tied = {
      ...b,
      ranking: [row('b1', 1, 2, 1, 150, 150), row('b2', 1, 2, 1, 150, 150), row('b3', 3, 2, 1, 150, 150)],
    };
    const res = resolveSlots(s, { groups: [a, tied, c], games: [] });
    expect(res.games.find((g) => g.gameId === 'SF1')!.away.state).toBe('draw_required');
  });

  it('runners-up level on every cross-group criterion need a draw, which the recorded lots then settle', () => {
    const s = threeGroupsBestRunnerUp();
    const [a, b, c] = outcomes({ wins: 1 });
    const cLevel = { ...c, ranking: [c.ranking[0], { ...b.ranking[1], teamId: 'c2' }, c.ranking[2]] };
    const res = resolveSlots(s, { groups: [a, b, cLevel], games: [] });
    expect(res.games.find((g) => g.gameId === 'SF1')!.away.state).toBe('draw_required');
    const drawn = {
      groups: [a, b, cLevel],
      games: [],
      crossGroupDraws: [{ stageId: 'S1', place: 2, order: ['c2', 'b2'] }],
    };
    expect(sides(s, drawn, 'SF1')).toEqual(['a1', 'c2']);
  });

  it('a winner slot resolves only from a final result, and a result naming other teams is reported, not used', () => {
    const s = threeGroupsBestRunnerUp();
    const groups = outcomes({ wins: 1 });
    const live = resolveSlots(s, {
      groups,
      games: [{ gameId: 'SF1', status: 'live', winnerTeamId: null, loserTeamId: null }],
    });
    expect(live.games.find((g) => g.gameId === 'F')!.home.state).toBe('pending');
    const final = {
      groups,
      games: [{ gameId: 'SF1', status: 'final' as const, winnerTeamId: 'b2', loserTeamId: 'a1' }],
    };
    expect(sides(s, final, 'F')[0]).toBe('b2');
    expect(sides(s, final, '3P')[0]).toBe('a1');
    const wrong = resolveSlots(s, {
      groups,
      games: [{ gameId: 'SF1', status: 'final', winnerTeamId: 'c1', loserTeamId: 'a1' }],
    });
    expect(wrong.inconsistentResults).toEqual(['SF1']);
    expect(wrong.games.find((g) => g.gameId === 'F')!.home.state).toBe('pending');
  });

  it('property: with every source final, every slot resolves, exactly once, and never before', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 2, max: 5 }), { minLength: 2, maxLength: 6 }),
        fc.integer({ min: 1, max: 2 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 0xffffffff }),
        (sizes, advance, withBest, seed) => {
          const perGroup = Math.min(advance, ...sizes);
          const bestPlace = perGroup + 1;
          const best = withBest && sizes.some((x) => x >= bestPlace) ? { place: bestPlace, count: 1 } : null;
          const teamCount = sizes.reduce((x, y) => x + y, 0);
          const config = buildFormatTemplate({
            teamCount,
            groupCount: sizes.length,
            advancePerGroup: perGroup,
            bestPlaced: best,
            groupSizes: sizes,
          });
          const specs = sizes.map((size, i) => ({ groupId: groupLetter(i), size }));
          const teams = Array.from({ length: teamCount }, (_, i) => ({ teamId: `T${i + 1}`, unitId: null }));
          const s = buildCompetition(applyDraw(config, 'S1', drawGroupsRandomly(specs, teams, { seed })));
          const shuffle = coinFlips(seed);
          const order = (groupId: string, ids: string[]) =>
            [...ids].sort((x, y) => (shuffle(groupId, x, y) === x ? -1 : 1) || 0);

          // Before the groups finish, nothing in the knockout resolves.
          const early = resolveSlots(s, { groups: [], games: [] });
          expect(
            early.games.filter(
              (g) => s.games.find((x) => x.id === g.gameId)!.stageId === 'KO' && g.home.state === 'resolved',
            ),
          ).toEqual([]);

          // Lots drawn in advance settle any best-placed tie the made-up statistics produce.
          const lots = {
            groups: [],
            games: [],
            crossGroupDraws: [{ stageId: 'S1', place: bestPlace, order: teams.map((t) => t.teamId) }],
          };
          const facts = playOut(s, { groupOrder: order, winner: shuffle }, lots);
          const res = resolveSlots(s, facts);
          expect(
            res.games.filter((g) => g.needed && (g.home.state !== 'resolved' || g.away.state !== 'resolved')),
          ).toEqual([]);
          expect(res.games.every((g) => g.decided)).toBe(true);
          // Every knockout entrant is a different team, and no team plays twice in one round.
          const entrants = res.seeding[0].teamIds;
          expect(new Set(entrants).size).toBe(entrants.length);
          const byRound = new Map<string, string[]>();
          res.games.forEach((g, i) => {
            const key = `${s.games[i].stageId}/${s.games[i].groupId}/${s.games[i].round}`;
            byRound.set(key, [...(byRound.get(key) ?? []), g.home.teamId!, g.away.teamId!]);
          });
          for (const ids of byRound.values()) expect(new Set(ids).size).toBe(ids.length);
        },
      ),
      { numRuns: 60 },
    );
  });
});
