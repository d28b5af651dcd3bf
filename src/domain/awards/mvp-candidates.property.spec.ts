import fc from 'fast-check';
import { emptyLine } from '../stats/index.js';
import { aggregatePlayerTotals } from '../stats/index.js';
import { mvpCandidates, type TeamSuccessWeighting } from './mvp-candidates.js';

const weightingArb: fc.Arbitrary<TeamSuccessWeighting> = fc.oneof(
  fc.record({ kind: fc.constant('linear' as const), weight: fc.double({ min: 0, max: 3, noNaN: true }) }),
  fc
    .array(fc.double({ min: 0.1, max: 3, noNaN: true }), { minLength: 1, maxLength: 8 })
    .map((fs) => ({ kind: 'per_place' as const, factors: [...fs].sort((a, b) => b - a) })),
);

describe('mvpCandidates properties', () => {
  it('with the same statistics, a better-placed team’s player never scores lower', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 12 }),
        fc.integer({ min: -20, max: 40 }),
        fc.nat(),
        fc.nat(),
        weightingArb,
        (teams, pts, a, b, teamSuccess) => {
          const [better, worse] = [1 + (a % teams), 1 + (b % teams)].sort((x, y) => x - y);
          const places = Array.from({ length: teams }, (_, i) => ({ teamId: `t${i + 1}`, place: i + 1 }));
          // negative points stand in for a negative efficiency (misses and turnovers)
          const line = (playerId: string, teamId: string) => ({
            ...emptyLine('g', playerId, teamId),
            stageId: 's',
            played: true,
            pts: Math.max(pts, 0),
            tov: Math.max(-pts, 0),
          });
          const totals = aggregatePlayerTotals([line('x', `t${better}`), line('y', `t${worse}`)]);
          const list = mvpCandidates(totals, places, { limit: null, teamSuccess });
          const score = (id: string) => list.find((c) => c.playerId === id)!.score;
          expect(score('x')).toBeGreaterThanOrEqual(score('y'));
        },
      ),
    );
  });

  it('candidate ranks are shared exactly by equal scores', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 30 })), { maxLength: 40 }),
        (rows) => {
          const places = Array.from({ length: 6 }, (_, i) => ({ teamId: `t${i}`, place: i + 1 }));
          const totals = aggregatePlayerTotals(
            rows.map(([team, pts], i) => ({ ...emptyLine('g', `p${i}`, `t${team}`), stageId: 's', played: true, pts })),
          );
          const list = mvpCandidates(totals, places, { limit: null });
          list.forEach((c, i) => {
            expect(c.rank).toBe(1 + list.filter((o) => o.score > c.score).length);
            if (i > 0) expect(c.score).toBeLessThanOrEqual(list[i - 1].score);
          });
        },
      ),
    );
  });
});
