import fc from 'fast-check';
import { roundRobinGameCount, roundRobinRounds } from './round-robin.js';

const pairKey = (a: number, b: number) => (a < b ? `${a}-${b}` : `${b}-${a}`);

describe('roundRobinRounds (circle method)', () => {
  it('4 teams open with the Berger pairing 1 v 4, 2 v 3 and play 3 rounds', () => {
    const rounds = roundRobinRounds(4);
    expect(rounds).toHaveLength(3);
    expect(rounds[0].pairings).toEqual([
      { home: 0, away: 3 },
      { home: 1, away: 2 },
    ]);
    expect(rounds.every((r) => r.bye === null)).toBe(true);
  });

  it('a group of 3 gives each team one bye and one home and one away game', () => {
    const rounds = roundRobinRounds(3);
    expect(rounds.map((r) => r.bye)).toEqual([0, 1, 2]);
    const home = [0, 0, 0];
    const away = [0, 0, 0];
    for (const p of rounds.flatMap((r) => r.pairings)) {
      home[p.home]++;
      away[p.away]++;
    }
    expect(home).toEqual([1, 1, 1]);
    expect(away).toEqual([1, 1, 1]);
  });

  it('refuses a group of one', () => {
    expect(() => roundRobinRounds(1)).toThrow(expect.objectContaining({ code: 'COMPETITION_GROUP_TOO_SMALL' }));
  });

  it('property: every pair meets exactly once, nobody plays twice in a round, n-1 or n rounds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 24 }), (n) => {
        const rounds = roundRobinRounds(n);
        expect(rounds).toHaveLength(n % 2 === 0 ? n - 1 : n);
        const met = new Map<string, number>();
        const faults: string[] = [];
        for (const round of rounds) {
          const seen = new Set<number>();
          for (const { home, away } of round.pairings) {
            if (home === away || seen.has(home) || seen.has(away))
              faults.push(`round ${round.round}: ${home} v ${away}`);
            seen.add(home).add(away);
            met.set(pairKey(home, away), (met.get(pairKey(home, away)) ?? 0) + 1);
          }
          // Everyone plays except the bye.
          if (seen.size + (round.bye === null ? 0 : 1) !== n) faults.push(`round ${round.round}: someone idle`);
        }
        expect(faults).toEqual([]);
        expect(met.size).toBe((n * (n - 1)) / 2);
        expect([...met.values()].every((c) => c === 1)).toBe(true);
        expect(rounds.flatMap((r) => r.pairings)).toHaveLength(roundRobinGameCount(n));
      }),
    );
  });

  it('property: home and away differ by at most one per team in a single round robin', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 24 }), (n) => {
        const balance = new Array<number>(n).fill(0);
        for (const p of roundRobinRounds(n).flatMap((r) => r.pairings)) {
          balance[p.home]++;
          balance[p.away]--;
        }
        expect(balance.every((b) => Math.abs(b) <= 1)).toBe(true);
        // With an odd number of teams everyone plays an even number of games: exactly balanced.
        if (n % 2 === 1) expect(balance.every((b) => b === 0)).toBe(true);
      }),
    );
  });

  it('property: a double round robin meets every pair twice with home and away swapped, mirroring leg 1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 20 }), (n) => {
        const rounds = roundRobinRounds(n, 'double');
        const perLeg = n % 2 === 0 ? n - 1 : n;
        expect(rounds).toHaveLength(2 * perLeg);
        const ordered = new Map<string, number>();
        for (const p of rounds.flatMap((r) => r.pairings))
          ordered.set(`${p.home}>${p.away}`, (ordered.get(`${p.home}>${p.away}`) ?? 0) + 1);
        expect(ordered.size).toBe(n * (n - 1));
        expect([...ordered.values()].every((c) => c === 1)).toBe(true);
        for (let r = 0; r < perLeg; r++) {
          expect(rounds[r + perLeg].pairings).toEqual(rounds[r].pairings.map((p) => ({ home: p.away, away: p.home })));
          expect(rounds[r + perLeg].leg).toBe(2);
        }
        const balance = new Array<number>(n).fill(0);
        for (const p of rounds.flatMap((r) => r.pairings)) {
          balance[p.home]++;
          balance[p.away]--;
        }
        expect(balance.every((b) => b === 0)).toBe(true);
      }),
    );
  });

  it('property: in odd groups the bye rotates and no team is idle in two rounds running', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 11 }),
        fc.constantFrom('single' as const, 'double' as const),
        (half, legs) => {
          const n = half * 2 + 1;
          const byes = roundRobinRounds(n, legs).map((r) => r.bye);
          for (let i = 1; i < byes.length; i++) expect(byes[i]).not.toBe(byes[i - 1]);
          const perLeg = byes.slice(0, n);
          expect(new Set(perLeg).size).toBe(n);
        },
      ),
    );
  });

  it('property: home/away alternates except at most once around the game against the fixed position', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 20 }), (n) => {
        const sequences = Array.from({ length: n }, () => [] as string[]);
        for (const round of roundRobinRounds(n)) {
          for (const p of round.pairings) {
            sequences[p.home].push('H');
            sequences[p.away].push('A');
          }
        }
        for (const seq of sequences) {
          const breaks = seq.filter((s, i) => i > 0 && s === seq[i - 1]).length;
          expect(breaks).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});
