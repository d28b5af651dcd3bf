import fc from 'fast-check';
import { game } from './fixtures/game.js';
import { computeGroupStandings } from './group-standings.js';
import { computeQualification, type QualificationInput } from './qualification.js';
import type { GroupGame, ScheduledGame } from './types.js';

const open = (homeTeamId: string, awayTeamId: string): ScheduledGame => ({
  id: `${homeTeamId}-${awayTeamId}`,
  homeTeamId,
  awayTeamId,
});
const marks = (input: QualificationInput, enumerateUpTo?: number) =>
  Object.fromEntries(computeQualification(input, enumerateUpTo));

describe('clinch and elimination with games to play', () => {
  it('one round left in a four-team group, two go through: the leader is in, the bottom team is out', () => {
    // A 4 pts, B 3, C 3, D 2; A-D and B-C to play. A level with B at 5 still leads on their own game.
    const result = marks({
      teamIds: ['A', 'B', 'C', 'D'],
      games: [game('A', 70, 60, 'B'), game('C', 66, 60, 'D'), game('A', 80, 70, 'C'), game('B', 75, 70, 'D')],
      remaining: [open('A', 'D'), open('B', 'C')],
      advancingPlaces: 2,
    });
    expect(result).toEqual({ A: 'clinched', B: 'open', C: 'open', D: 'eliminated' });
  });

  it('a three-way circle that a margin still to be played decides stays open for every team in it', () => {
    // A beat B and C; B beat D; D beat C. If D beats A and B beats C, A, B and D have 5 points and
    // beat each other once: the order then depends on the margins, so A is not in yet.
    const result = marks({
      teamIds: ['A', 'B', 'C', 'D'],
      games: [game('A', 70, 60, 'B'), game('D', 66, 60, 'C'), game('A', 80, 70, 'C'), game('B', 75, 70, 'D')],
      remaining: [open('A', 'D'), open('B', 'C')],
      advancingPlaces: 2,
    });
    expect(result.A).toBe('open');
    // C with 2 points can still tie B and D at 4 in a circle whose last game is unplayed: not out.
    expect(result.C).toBe('open');
  });

  it('nothing is decided before a ball is thrown', () => {
    const result = marks({
      teamIds: ['A', 'B', 'C'],
      games: [],
      remaining: [open('A', 'B'), open('B', 'C'), open('A', 'C')],
      advancingPlaces: 1,
    });
    expect(result).toEqual({ A: 'open', B: 'open', C: 'open' });
  });

  it('a team sure of third place is neither in nor out when a best third may go through', () => {
    // A and B have beaten C and D; C beat D. C-? nothing left for C: it ends 3rd whatever A-B gives.
    const input: QualificationInput = {
      teamIds: ['A', 'B', 'C', 'D'],
      games: [
        game('A', 70, 60, 'C'),
        game('A', 70, 60, 'D'),
        game('B', 70, 60, 'C'),
        game('B', 70, 60, 'D'),
        game('C', 70, 60, 'D'),
      ],
      remaining: [open('A', 'B')],
      advancingPlaces: 2,
    };
    expect(marks(input)).toEqual({ A: 'clinched', B: 'clinched', C: 'eliminated', D: 'eliminated' });
    expect(marks({ ...input, possiblePlaces: 3 })).toEqual({
      A: 'clinched',
      B: 'clinched',
      C: 'open',
      D: 'eliminated',
    });
  });
});

describe('a complete group', () => {
  it('marks follow the final table', () => {
    const result = marks({
      teamIds: ['A', 'B', 'C'],
      games: [game('A', 70, 60, 'B'), game('B', 70, 60, 'C'), game('A', 70, 60, 'C')],
      remaining: [],
      advancingPlaces: 2,
    });
    expect(result).toEqual({ A: 'clinched', B: 'clinched', C: 'eliminated' });
  });

  it('three teams only lots can separate wait for the draw, then follow it', () => {
    // A, B, C beat each other in a circle by 10 and all beat D by 10: level on everything.
    const input: QualificationInput = {
      teamIds: ['A', 'B', 'C', 'D'],
      games: [
        game('A', 70, 60, 'B'),
        game('B', 70, 60, 'C'),
        game('C', 70, 60, 'A'),
        game('A', 70, 60, 'D'),
        game('B', 70, 60, 'D'),
        game('C', 70, 60, 'D'),
      ],
      remaining: [],
      advancingPlaces: 2,
    };
    expect(computeGroupStandings(input).needsDraw).toBe(true);
    expect(marks(input)).toEqual({ A: 'open', B: 'open', C: 'open', D: 'eliminated' });
    expect(marks({ ...input, drawOrder: ['B', 'C', 'A'] })).toEqual({
      A: 'eliminated',
      B: 'clinched',
      C: 'clinched',
      D: 'eliminated',
    });
  });
});

describe('many games left (bounds instead of enumeration)', () => {
  it('an eight-team group where one team has won all seven: it is in, everybody else is out', () => {
    const teamIds = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
    const others = teamIds.slice(1);
    const remaining = others.flatMap((x, i) => others.slice(i + 1).map((y) => open(x, y)));
    expect(remaining).toHaveLength(21);
    const result = marks({
      teamIds,
      games: others.map((x) => game('A', 70, 60, x)),
      remaining,
      advancingPlaces: 1,
    });
    expect(result).toEqual(Object.fromEntries(teamIds.map((id) => [id, id === 'A' ? 'clinched' : 'eliminated'])));
  });
});

/**
 * Soundness against the standings themselves: random groups with some games played and some left;
 * every way the rest can go (with small and large margins) is played out and ranked by
 * computeGroupStandings. A clinched team must finish within the advancing places in all of them, an
 * eliminated one outside the possible places in all of them — by enumeration and by the bounds alike.
 */
describe('never marks a team whose place some outcome would contradict', () => {
  const scenarioArb = fc.integer({ min: 3, max: 5 }).chain((size) => {
    const teamIds = Array.from({ length: size }, (_, i) => `T${i}`);
    const pairs = teamIds.flatMap((a, i) => teamIds.slice(i + 1).map((b) => [a, b] as const));
    return fc.record({
      teamIds: fc.constant(teamIds),
      played: fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 2 })), {
        minLength: pairs.length,
        maxLength: pairs.length,
      }),
      pairs: fc.constant(pairs),
      advancing: fc.integer({ min: 1, max: size - 1 }),
      extra: fc.integer({ min: 0, max: 1 }),
    });
  });

  it('holds for every outcome of the games left', () => {
    fc.assert(
      fc.property(scenarioArb, ({ teamIds, played, pairs, advancing, extra }) => {
        const games: GroupGame[] = [];
        const remaining: ScheduledGame[] = [];
        pairs.forEach(([a, b], i) => {
          const [homeWins, margin, state] = played[i]!;
          // state 0: still to play; otherwise decided with a narrow margin so ties are common.
          if (state === 0) remaining.push(open(a, b));
          else games.push(homeWins ? game(a, 60 + margin, 60, b) : game(a, 60, 60 + margin, b));
        });
        if (remaining.length > 6) return;
        const input: QualificationInput = {
          teamIds,
          games,
          remaining,
          advancingPlaces: advancing,
          possiblePlaces: advancing + extra,
        };
        const possible = advancing + extra;
        for (const enumerateUpTo of [16, 0]) {
          const result = computeQualification(input, enumerateUpTo);
          for (let mask = 0; mask < 2 ** remaining.length; mask++) {
            for (const margin of [1, 3, 30]) {
              const finals = remaining.map((g, i) =>
                mask & (1 << i)
                  ? game(g.homeTeamId, 60 + margin, 60, g.awayTeamId)
                  : game(g.homeTeamId, 60, 60 + margin, g.awayTeamId),
              );
              const table = computeGroupStandings({ teamIds, games: [...games, ...finals] });
              for (const row of table.rows) {
                const level = table.rows.filter((r) => r.rank === row.rank).length;
                if (result.get(row.teamId) === 'clinched') expect(row.rank + level - 1).toBeLessThanOrEqual(advancing);
                if (result.get(row.teamId) === 'eliminated') expect(row.rank).toBeGreaterThan(possible);
              }
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
