import { loserOf, newGame, playRounds, winnerOf, type BracketContext } from './single-elimination.js';
import type { Game, PlaceRange, Slot } from './types.js';

/**
 * Double elimination: a winners' bracket as in single elimination; its losers drop into a losers'
 * bracket, and the two bracket winners meet in the grand final. Losers' bracket of a bracket of 2^k:
 * round 1 pairs the winners' round-1 losers, then for each later winners' round a "drop-in" round
 * (survivors v the new losers) followed, except after the last, by a round among the survivors:
 * 2(k-1) rounds. Drop-in losers come in reversed order every other time, so teams that just met in
 * the winners' bracket do not meet again straight away. Empty positions collapse as byes.
 *
 * Grand final 'GF': winners' champion at home. With a reset, 'GF2' is played only if the losers'
 * champion wins 'GF' (both teams then have one loss).
 */
export function doubleEliminationGames(
  ctx: BracketContext,
  entries: Array<Slot | null>,
  grandFinalReset: boolean,
): void {
  const p = ctx.idPrefix;
  const winners = playRounds(ctx, entries, {
    bracket: 'winners',
    idPrefix: `${p}WB-`,
    finalId: `${p}WB-F`,
    finalLabel: 'WB F',
    roundPrefix: 'WB ',
    startRound: 1,
    positionalRounds: true,
  });
  const lbRounds: Game[][] = [];
  let lbRound = 0;
  // Timeline: losers' round j is played alongside winners' round j+1.
  // The losers' final is the last drop-in round (survivor v the winners' final loser).
  const lbPair = (slots: Array<Slot | null>, isFinal = false): Array<Slot | null> => {
    lbRound++;
    const games: Game[] = [];
    const out: Array<Slot | null> = [];
    for (let i = 0; i < slots.length; i += 2) {
      const [home, away] = [slots[i], slots[i + 1]];
      if (home === null || away === null) {
        out.push(home ?? away);
        continue;
      }
      const game = newGame(ctx, {
        id: isFinal ? `${p}LB-F` : `${p}LB-R${lbRound}-${games.length + 1}`,
        bracket: 'losers',
        round: lbRound + 1,
        roundName: isFinal ? 'LB F' : `LB R${lbRound}`,
        home,
        away,
      });
      games.push(game);
      out.push(winnerOf(game));
    }
    lbRounds.push(games);
    return out;
  };
  const wbLosers = winners.rounds.map((r) => r.losers);
  let survivors = wbLosers[0].length > 1 ? lbPair(wbLosers[0]) : wbLosers[0];
  for (let r = 1; r < wbLosers.length; r++) {
    const drops = r % 2 === 1 ? [...wbLosers[r]].reverse() : wbLosers[r];
    survivors = lbPair(
      survivors.flatMap((s, i) => [s, drops[i]]),
      r === wbLosers.length - 1,
    );
    if (r < wbLosers.length - 1) survivors = lbPair(survivors);
  }
  const [wbChampion, lbChampion] = [winners.winner, survivors[0]];
  if (wbChampion === null || lbChampion === null) return;
  const timeline = Math.max(winners.rounds.length, lbRound + 1) + 1;
  const grandFinal = newGame(ctx, {
    id: `${p}GF`,
    bracket: 'grand_final',
    round: timeline,
    roundName: 'GF',
    home: wbChampion,
    away: lbChampion,
    winnerPlaces: place(ctx, 1, 1),
    loserPlaces: place(ctx, 2, 2),
  });
  if (grandFinalReset) {
    newGame(ctx, {
      id: `${p}GF2`,
      bracket: 'grand_final',
      round: timeline + 1,
      roundName: 'GF2',
      // If it is played, the grand final's loser is the winners' champion: keep them at home.
      home: loserOf(grandFinal),
      away: winnerOf(grandFinal),
      winnerPlaces: place(ctx, 1, 1),
      loserPlaces: place(ctx, 2, 2),
      playedOnlyIf: { gameId: grandFinal.id, winnerSide: 'away' },
    });
  }
  // Losers' bracket eliminations: the last round's loser is 3rd, earlier rounds share the next places.
  let nextPlace = 3;
  for (let r = lbRounds.length - 1; r >= 0; r--) {
    const games = lbRounds[r];
    if (games.length === 0) continue;
    for (const game of games) game.loserPlaces = place(ctx, nextPlace, nextPlace + games.length - 1);
    nextPlace += games.length;
  }
}

const place = (ctx: BracketContext, from: number, to: number): PlaceRange => [
  from + ctx.placeOffset,
  to + ctx.placeOffset,
];
