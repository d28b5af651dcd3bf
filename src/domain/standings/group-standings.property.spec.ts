import fc from 'fast-check';
import { computeGroupStandings } from './group-standings.js';
import type { GroupGame, GroupStandings, GroupStandingsInput, GroupStandingsOptions } from './types.js';

/**
 * Random groups of 2-6 teams; scores are drawn from a narrow band so that level points, equal
 * differences and full ties (draws) happen often. Pairs may meet several times (double round robin).
 */
const groupArb: fc.Arbitrary<GroupStandingsInput> = fc.integer({ min: 2, max: 6 }).chain((size) => {
  const teamIds = Array.from({ length: size }, (_, i) => `T${i}`);
  const gameArb = fc
    .record({
      home: fc.integer({ min: 0, max: size - 1 }),
      offset: fc.integer({ min: 1, max: size - 1 }),
      homeScore: fc.integer({ min: 60, max: 64 }),
      awayScore: fc.integer({ min: 60, max: 64 }),
      outcome: fc.constantFrom('played', 'played', 'played', 'forfeit', 'default'),
      live: fc.boolean(),
    })
    .map(({ home, offset, homeScore, awayScore, outcome, live }) => {
      const homeTeamId = teamIds[home];
      const awayTeamId = teamIds[(home + offset) % size];
      const scores = homeScore === awayScore ? { homeScore: homeScore + 1, awayScore } : { homeScore, awayScore };
      const loser = scores.homeScore < scores.awayScore ? homeTeamId : awayTeamId;
      const base = { homeTeamId, awayTeamId, ...scores, state: 'final' as const };
      if (outcome === 'forfeit') {
        const twenty = loser === homeTeamId ? { homeScore: 0, awayScore: 20 } : { homeScore: 20, awayScore: 0 };
        return { ...base, ...twenty, outcome, forfeitingTeamId: loser };
      }
      if (outcome === 'default') return { ...base, outcome, defaultedTeamId: loser };
      return { ...base, outcome: 'played' as const, state: live ? ('live' as const) : ('final' as const) };
    });
  return fc
    .array(gameArb, { maxLength: 14 })
    .map((games) => ({ teamIds, games: games.map((g, i): GroupGame => ({ ...g, id: `g${i}` })) }));
});

const optionsArb: fc.Arbitrary<GroupStandingsOptions> = fc.record({
  includeLive: fc.boolean(),
  complete: fc.option(fc.boolean(), { nil: undefined }),
  drawOrder: fc.constantFrom(undefined, ['T3', 'T1', 'T0', 'T2', 'T5', 'T4'], ['T0', 'T1']),
});

/** Draw orders may only name teams of the group. */
const fit = (input: GroupStandingsInput, options: GroupStandingsOptions): GroupStandingsOptions => ({
  ...options,
  drawOrder: options.drawOrder?.filter((id) => input.teamIds.includes(id)),
});

const counted = (input: GroupStandingsInput, options: GroupStandingsOptions) =>
  input.games.filter((g) => g.state === 'final' || (options.includeLive && g.homeScore !== g.awayScore));

describe('group standings properties', () => {
  it('the table is a permutation of the teams', () => {
    fc.assert(
      fc.property(groupArb, optionsArb, (input, options) => {
        const ids = computeGroupStandings(input, fit(input, options)).rows.map((r) => r.teamId);
        expect([...ids].sort()).toEqual([...input.teamIds].sort());
      }),
    );
  });

  it('classification points never increase down the table, and ranks never decrease', () => {
    fc.assert(
      fc.property(groupArb, optionsArb, (input, options) => {
        const rows = computeGroupStandings(input, fit(input, options)).rows;
        rows.slice(1).forEach((row, i) => {
          expect(row.classificationPoints).toBeLessThanOrEqual(rows[i].classificationPoints);
          expect(row.rank).toBeGreaterThanOrEqual(rows[i].rank);
        });
      }),
    );
  });

  it('classification points add up to 3 per counted game minus 1 per forfeit', () => {
    fc.assert(
      fc.property(groupArb, optionsArb, (input, options) => {
        const games = counted(input, options);
        const forfeits = games.filter((g) => g.outcome === 'forfeit').length;
        const rows = computeGroupStandings(input, fit(input, options)).rows;
        const total = rows.reduce((sum, r) => sum + r.classificationPoints, 0);
        expect(total).toBe(3 * games.length - forfeits);
        expect(rows.reduce((sum, r) => sum + r.played, 0)).toBe(2 * games.length);
      }),
    );
  });

  it('teams sharing a rank are level on classification points and flagged as shared', () => {
    fc.assert(
      fc.property(groupArb, optionsArb, (input, options) => {
        const rows = computeGroupStandings(input, fit(input, options)).rows;
        rows.forEach((row, i) => {
          const same = rows.filter((other) => other.rank === row.rank);
          expect(row.sharedRank).toBe(same.length > 1);
          same.forEach((other) => expect(other.classificationPoints).toBe(row.classificationPoints));
          expect(row.rank).toBe(rows.findIndex((other) => other.rank === row.rank) + 1);
          expect(row.rank).toBeLessThanOrEqual(i + 1);
        });
      }),
    );
  });

  it('when exactly two teams are level and met once, the winner of that game is ahead', () => {
    fc.assert(
      fc.property(groupArb, fc.boolean(), (input, includeLive) => {
        const options = { includeLive };
        const rows = computeGroupStandings(input, options).rows;
        const games = counted(input, options);
        for (const row of rows) {
          const level = rows.filter((r) => r.classificationPoints === row.classificationPoints);
          if (level.length !== 2) continue;
          const [a, b] = level;
          const between = games.filter(
            (g) => [g.homeTeamId, g.awayTeamId].sort().join() === [a.teamId, b.teamId].sort().join(),
          );
          if (between.length !== 1) continue;
          const [g] = between;
          const winner = g.homeScore > g.awayScore ? g.homeTeamId : g.awayTeamId;
          expect(rows.findIndex((r) => r.teamId === winner)).toBe(rows.indexOf(a));
        }
      }),
    );
  });

  it('the result does not depend on the order of the games or of the teams', () => {
    const shuffled = groupArb.chain((input) =>
      fc.record({
        input: fc.constant(input),
        games: fc.shuffledSubarray(input.games as GroupGame[], { minLength: input.games.length }),
        teamIds: fc.shuffledSubarray(input.teamIds as string[], { minLength: input.teamIds.length }),
      }),
    );
    fc.assert(
      fc.property(shuffled, optionsArb, ({ input, games, teamIds }, options) => {
        const normalise = (s: GroupStandings) => JSON.stringify(s);
        const before = computeGroupStandings(input, fit(input, options));
        const after = computeGroupStandings({ teamIds, games }, fit(input, options));
        expect(normalise(after)).toBe(normalise(before));
      }),
    );
  });

  it('the result is plain JSON: it survives a round trip unchanged', () => {
    fc.assert(
      fc.property(groupArb, optionsArb, (input, options) => {
        const result = computeGroupStandings(input, fit(input, options));
        expect(JSON.parse(JSON.stringify(result))).toEqual(result);
      }),
    );
  });
});
