import fc from 'fast-check';
import { buildCompetition } from './build-structure.js';
import { computeFinalRanking } from './final-ranking.js';
import { standardBracketOrder } from './seeding.js';
import { coinFlips, playOut, teams } from './test-support.js';
import type { CompetitionStructure, Game, KnockoutStageConfig } from './types.js';

const knockout = (n: number, options: Partial<KnockoutStageConfig> = {}): CompetitionStructure =>
  buildCompetition({ stages: [{ kind: 'knockout', id: 'KO', entrants: teams(n), ...options }] });

const main = (s: CompetitionStructure) => s.games.filter((g) => g.bracket === 'main');
const slotKey = (g: Game, side: 'home' | 'away') => JSON.stringify(g[side]);

/** The games a seed plays on its way to the final if it wins every game. */
function pathToFinal(s: CompetitionStructure, teamId: string): string[] {
  const byFeeder = new Map<string, Game>();
  for (const g of s.games) {
    for (const side of [g.home, g.away]) if (side.kind === 'game_winner') byFeeder.set(side.gameId, g);
  }
  let game = main(s).find((g) => [g.home, g.away].some((x) => x.kind === 'team' && x.teamId === teamId));
  const path: string[] = [];
  while (game !== undefined) {
    path.push(game.id);
    game = byFeeder.get(game.id);
  }
  return path;
}

describe('standard knockout seeding', () => {
  it('a bracket of 16 pairs 1 v 16, 8 v 9, ... with seeds 1 and 2 in opposite halves', () => {
    expect(standardBracketOrder(8)).toEqual([1, 8, 4, 5, 2, 7, 3, 6]);
    expect(standardBracketOrder(16)).toEqual([1, 16, 8, 9, 4, 13, 5, 12, 2, 15, 7, 10, 3, 14, 6, 11]);
  });
});

describe('single elimination', () => {
  it('5 teams: seeds 1-3 get byes, only 4 v 5 is played in round 1, and 2 v 3 is a semi-final', () => {
    const s = knockout(5);
    expect(s.games.map((g) => [g.id, g.roundName, g.round])).toEqual([
      ['QF1', 'QF', 1],
      ['SF1', 'SF', 2],
      ['SF2', 'SF', 2],
      ['F', 'F', 3],
    ]);
    expect(s.games[0].home).toEqual({ kind: 'team', teamId: 'T4' });
    expect(s.games[1].home).toEqual({ kind: 'team', teamId: 'T1' });
    expect(s.games[1].away).toEqual({ kind: 'game_winner', gameId: 'QF1' });
    expect([s.games[2].home, s.games[2].away]).toEqual([
      { kind: 'team', teamId: 'T2' },
      { kind: 'team', teamId: 'T3' },
    ]);
    // No 3rd-place game: the semi-final losers share 3rd-4th, QF loser is 5th.
    expect(s.games[1].loserPlaces).toEqual([3, 4]);
    expect(s.games[0].loserPlaces).toEqual([5, 5]);
  });

  it('8 teams with full classification: 7 + 3rd place + 4 games for 5th-8th = 12 games, every team plays 3', () => {
    const s = knockout(8, { fullClassification: true });
    expect(s.games).toHaveLength(12);
    expect(s.games.filter((g) => g.bracket === 'classification').map((g) => g.id)).toEqual([
      'P5-8-SF1',
      'P5-8-SF2',
      '3P',
      '5P',
      '7P',
    ]);
    expect(s.games.find((g) => g.id === '7P')).toMatchObject({
      home: { kind: 'game_loser', gameId: 'P5-8-SF1' },
      winnerPlaces: [7, 7],
      loserPlaces: [8, 8],
    });
    expect(s.games.find((g) => g.id === 'P5-8-SF1')).toMatchObject({
      home: { kind: 'game_loser', gameId: 'QF1' },
      away: { kind: 'game_loser', gameId: 'QF2' },
    });
  });

  it('classification down to 8th in a field of 16: R16 losers share 9th-16th', () => {
    const s = knockout(16, { thirdPlaceGame: true, classifyPlacesDownTo: 8 });
    expect(s.games).toHaveLength(15 + 1 + 4);
    expect(s.games.filter((g) => g.roundName === 'R16').every((g) => g.loserPlaces?.join() === '9,16')).toBe(true);
  });

  it('10 teams with full classification: the two play-in losers play for 9th', () => {
    const s = knockout(10, { fullClassification: true });
    expect(s.games.find((g) => g.id === '9P')).toMatchObject({
      home: { kind: 'game_loser', gameId: 'R16-1' },
      away: { kind: 'game_loser', gameId: 'R16-2' },
      round: 2,
    });
  });

  it('property: n-1 games without placement games, byes create no game, and every game has two distinct sources', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 300 }), (n) => {
        const s = knockout(n);
        expect(s.games).toHaveLength(n - 1);
        expect(s.games.filter((g) => slotKey(g, 'home') === slotKey(g, 'away'))).toEqual([]);
        const sources = s.games.flatMap((g) => [slotKey(g, 'home'), slotKey(g, 'away')]);
        expect(new Set(sources).size).toBe(sources.length);
      }),
    );
  });

  it('property: seeds 1 and 2 are in opposite halves and can only meet in the final, 1-4 not before the semi-finals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 200 }), (n) => {
        const s = knockout(n);
        const firstMeeting = (a: string, b: string) => {
          const other = new Set(pathToFinal(s, b));
          return s.games.find((g) => g.id === pathToFinal(s, a).find((id) => other.has(id)))!.roundName;
        };
        expect(firstMeeting('T1', 'T2')).toBe('F');
        for (const [a, b] of [
          ['T1', 'T3'],
          ['T1', 'T4'],
          ['T2', 'T3'],
          ['T2', 'T4'],
          ['T3', 'T4'],
        ]) {
          expect(['SF', 'F']).toContain(firstMeeting(a, b));
        }
      }),
    );
  });

  it('property: every team reaches the final in log2(size) games, one fewer with a bye', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 200 }), (n) => {
        const s = knockout(n);
        const rounds = Math.log2(s.stages[0].kind === 'knockout' ? s.stages[0].bracketSize : 0);
        const byes = s.stages[0].kind === 'knockout' ? s.stages[0].bracketSize - n : 0;
        const wrong = [];
        for (let seed = 1; seed <= n; seed++) {
          const path = pathToFinal(s, `T${seed}`);
          if (path.at(-1) !== 'F' || path.length !== (seed <= byes ? rounds - 1 : rounds)) wrong.push(seed);
        }
        expect(wrong).toEqual([]);
      }),
    );
  });

  it('property: placement games add 1 for 3rd place, and full classification gives every team its own place', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 70 }), fc.integer({ min: 0, max: 1000 }), (n, seed) => {
        expect(knockout(n, { thirdPlaceGame: true }).games).toHaveLength(n - 1 + (n >= 4 ? 1 : 0));
        const s = knockout(n, { fullClassification: true });
        const facts = playOut(s, { winner: coinFlips(seed) });
        const places = computeFinalRanking(s, facts);
        expect(places.map((p) => p.place)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
        expect(places.every((p) => p.decidedBy === 'placement_game' && !p.needsDraw)).toBe(true);
        const log = Math.log2(n);
        if (Number.isInteger(log)) expect(s.games).toHaveLength(log * (n / 2));
      }),
    );
  });

  it('property: game ids are unique and every game comes after the games it depends on', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 130 }), (n) => {
        const s = knockout(n, { fullClassification: true });
        const seen = new Set<string>();
        const outOfOrder = [];
        for (const g of s.games) {
          if (seen.has(g.id) || !g.dependsOn.every((d) => seen.has(d))) outOfOrder.push(g.id);
          seen.add(g.id);
        }
        expect(outOfOrder).toEqual([]);
      }),
    );
  });
});
