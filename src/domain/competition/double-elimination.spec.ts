import fc from 'fast-check';
import { buildCompetition } from './build-structure.js';
import { computeFinalRanking } from './final-ranking.js';
import { resolveSlots } from './resolve-slots.js';
import { coinFlips, playOut, teams } from './test-support.js';

const doubleElimination = (n: number, grandFinalReset = false) =>
  buildCompetition({
    stages: [{ kind: 'knockout', id: 'KO', format: 'double_elimination', grandFinalReset, entrants: teams(n) }],
  });

describe('double elimination', () => {
  it('4 teams: winners semis and final, two losers-bracket rounds, grand final with reset = 7 games', () => {
    const s = doubleElimination(4, true);
    expect(s.games.map((g) => g.id)).toEqual(['WB-SF1', 'WB-SF2', 'WB-F', 'LB-R1-1', 'LB-F', 'GF', 'GF2']);
    expect(s.games.find((g) => g.id === 'LB-F')).toMatchObject({
      home: { kind: 'game_winner', gameId: 'LB-R1-1' },
      away: { kind: 'game_loser', gameId: 'WB-F' },
      loserPlaces: [3, 3],
    });
    expect(s.games.find((g) => g.id === 'GF2')?.playedOnlyIf).toEqual({ gameId: 'GF', winnerSide: 'away' });
  });

  it('the grand-final reset is not needed when the winners’ champion wins the grand final', () => {
    const s = doubleElimination(4, true);
    const facts = playOut(s); // home always wins: the winners' champion takes GF
    const gf2 = resolveSlots(s, facts).games.find((g) => g.gameId === 'GF2')!;
    expect(gf2).toMatchObject({ needed: false, home: { state: 'not_needed' } });
    expect(
      computeFinalRanking(s, facts)
        .slice(0, 2)
        .map((p) => p.teamId),
    ).toEqual(['T1', 'T4']);
  });

  it('the reset is played when the losers’ champion wins the grand final, and decides 1st and 2nd', () => {
    const s = doubleElimination(4, true);
    const facts = playOut(s, { winner: (id, home, away) => (id === 'GF' || id === 'GF2' ? away : home) });
    const gf2 = resolveSlots(s, facts).games.find((g) => g.gameId === 'GF2')!;
    expect(gf2.needed).toBe(true);
    // GF2 home is the winners' champion (the GF loser); away wins again.
    const places = computeFinalRanking(s, facts);
    expect(places[0].teamId).toBe(gf2.away.teamId);
    expect(places[1].teamId).toBe(gf2.home.teamId);
  });

  it('property: 2n-2 games (2n-1 with a reset), distinct sources, unique ids', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 100 }), fc.boolean(), (n, reset) => {
        const s = doubleElimination(n, reset);
        expect(s.games).toHaveLength(2 * n - 2 + (reset ? 1 : 0));
        expect(new Set(s.games.map((g) => g.id)).size).toBe(s.games.length);
        const sources = s.games.map((g) => [JSON.stringify(g.home), JSON.stringify(g.away)]);
        expect(sources.filter(([h, a]) => h === a)).toEqual([]);
        // A result feeds at most one slot for its winner and one for its loser.
        const flat = sources.flat();
        expect(new Set(flat).size).toBe(flat.length);
      }),
    );
  });

  it('property: with a reset every team but the champion is knocked out by exactly its second loss', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 40 }), fc.integer({ min: 0, max: 10_000 }), (n, seed) => {
        const s = doubleElimination(n, true);
        const facts = playOut(s, { winner: coinFlips(seed) });
        const losses = new Map<string, number>();
        for (const g of facts.games) losses.set(g.loserTeamId!, (losses.get(g.loserTeamId!) ?? 0) + 1);
        const places = computeFinalRanking(s, facts);
        expect(places.map((p) => p.place)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
        const champion = places[0].teamId;
        expect(losses.get(champion) ?? 0).toBeLessThanOrEqual(1);
        expect(places.slice(1).filter((p) => losses.get(p.teamId) !== 2)).toEqual([]);
      }),
    );
  });

  it('refuses a 3rd-place game in double elimination (its losers’ final already decides 3rd)', () => {
    expect(() =>
      buildCompetition({
        stages: [
          { kind: 'knockout', id: 'KO', format: 'double_elimination', thirdPlaceGame: true, entrants: teams(8) },
        ],
      }),
    ).toThrow(expect.objectContaining({ code: 'COMPETITION_OPTION_NOT_SUPPORTED' }));
  });
});
