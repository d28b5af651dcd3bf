import fc from 'fast-check';
import { efficiency } from './box-score-line.js';
import { LEADER_CATEGORIES, leaderboard, type LeaderboardOptions } from './leaderboard.js';
import { aggregatePlayerTotals, type StagedPlayerGameLine } from './player-totals.js';
import { kthLargest } from './top-k.js';

const stat = fc.integer({ min: 0, max: 12 });
const lineArb: fc.Arbitrary<StagedPlayerGameLine> = fc
  .record({
    player: fc.integer({ min: 0, max: 14 }),
    game: fc.integer({ min: 0, max: 9 }),
    stage: fc.constantFrom('group', 'knockout'),
    played: fc.boolean(),
    fgm2: stat,
    miss2: stat,
    fgm3: fc.integer({ min: 0, max: 4 }),
    miss3: stat,
    ftm: stat,
    missFt: fc.integer({ min: 0, max: 4 }),
    oreb: stat,
    dreb: stat,
    ast: stat,
    stl: fc.integer({ min: 0, max: 4 }),
    blk: fc.integer({ min: 0, max: 4 }),
    tov: stat,
    pf: fc.integer({ min: 0, max: 5 }),
    seconds: fc.option(fc.integer({ min: 0, max: 2400 })),
  })
  .map((r) => ({
    gameId: `g${r.game}`,
    stageId: r.stage,
    playerId: `p${r.player}`,
    teamId: `t${r.player % 4}`,
    played: r.played,
    pts: 2 * r.fgm2 + 3 * r.fgm3 + r.ftm,
    fgm2: r.fgm2,
    fga2: r.fgm2 + r.miss2,
    fgm3: r.fgm3,
    fga3: r.fgm3 + r.miss3,
    ftm: r.ftm,
    fta: r.ftm + r.missFt,
    oreb: r.oreb,
    dreb: r.dreb,
    ast: r.ast,
    stl: r.stl,
    blk: r.blk,
    tov: r.tov,
    pf: r.pf,
    secondsPlayed: r.seconds,
  }));

const optionsArb: fc.Arbitrary<LeaderboardOptions> = fc.record({
  basis: fc.constantFrom('total' as const, 'per_game' as const),
  minGames: fc.integer({ min: 0, max: 4 }),
  minAttempts: fc.integer({ min: 1, max: 10 }),
  includeZero: fc.boolean(),
});

const COUNTED = [
  'pts',
  'fgm2',
  'fga2',
  'fgm3',
  'fga3',
  'ftm',
  'fta',
  'oreb',
  'dreb',
  'ast',
  'stl',
  'blk',
  'tov',
  'pf',
] as const;

describe('leaderboard properties', () => {
  it('totals equal the sum of the lines, and games the count of lines played', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 120 }), fc.subarray(['group', 'knockout']), (lines, stages) => {
        const totals = aggregatePlayerTotals(lines, { stageIds: stages });
        const counted = lines.filter((l) => stages.includes(l.stageId));
        expect(totals.map((t) => t.playerId).sort()).toEqual([...new Set(counted.map((l) => l.playerId))].sort());
        for (const t of totals) {
          const mine = counted.filter((l) => l.playerId === t.playerId);
          for (const field of COUNTED) expect(t[field]).toBe(mine.reduce((s, l) => s + l[field], 0));
          expect(t.eff).toBe(mine.reduce((s, l) => s + efficiency(l), 0));
          expect(t.games).toBe(mine.filter((l) => l.played).length);
        }
      }),
    );
  });

  it('ranks are non-decreasing, equal values share a rank, and a rank is 1 + the number ranked strictly above', () => {
    fc.assert(
      fc.property(
        fc.array(lineArb, { maxLength: 150 }),
        fc.constantFrom(...LEADER_CATEGORIES),
        optionsArb,
        (lines, category, options) => {
          const entries = leaderboard(aggregatePlayerTotals(lines), category, { ...options, limit: null }).entries;
          entries.forEach((e, i) => {
            if (i === 0) return expect(e.rank).toBe(1);
            const prev = entries[i - 1];
            expect(e.rank).toBeGreaterThanOrEqual(prev.rank);
            expect(e.value).toBeLessThanOrEqual(prev.value);
            if (e.value === prev.value) expect(e.rank).toBe(prev.rank);
            else expect(e.rank).toBe(i + 1);
            expect(e.rank).toBe(1 + entries.filter((o) => o.value > e.value).length);
          });
          entries.forEach((e) => expect(e.tied).toBe(entries.some((o) => o !== e && o.rank === e.rank)));
        },
      ),
    );
  });

  it('a top-K list is exactly the full ranking cut at rank K (ties at the cut-off included)', () => {
    fc.assert(
      fc.property(
        fc.array(lineArb, { maxLength: 150 }),
        fc.constantFrom(...LEADER_CATEGORIES),
        optionsArb,
        fc.integer({ min: 1, max: 8 }),
        (lines, category, options, limit) => {
          const totals = aggregatePlayerTotals(lines);
          const full = leaderboard(totals, category, { ...options, limit: null }).entries;
          const top = leaderboard(totals, category, { ...options, limit }).entries;
          expect(top).toEqual(full.filter((e) => e.rank <= limit));
        },
      ),
    );
  });

  it('every listed player meets the minimum games and attempts', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 150 }), optionsArb, (lines, options) => {
        const totals = aggregatePlayerTotals(lines);
        for (const e of leaderboard(totals, 'free_throw_pct', { ...options, limit: null }).entries) {
          expect(e.games).toBeGreaterThanOrEqual(Math.max(1, options.minGames ?? 0));
          expect(e.attempts).toBeGreaterThanOrEqual(options.minAttempts ?? 1);
        }
      }),
    );
  });

  it('kthLargest agrees with sorting, and lets everyone through when k covers them all', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1 }), fc.nat(), (values, seed) => {
        const k = 1 + (seed % (values.length + 1));
        const sorted = [...values].sort((a, b) => b - a);
        const expected = k >= values.length ? -Infinity : sorted[k - 1];
        expect(kthLargest(Float64Array.from(values), values.length, k)).toBe(expected);
      }),
    );
  });
});
