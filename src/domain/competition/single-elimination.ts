import type { Game, GameBracket, PlaceRange, Slot } from './types.js';

/** How a knockout stage's games are named and placed. */
export interface BracketContext {
  stageId: string;
  /** Game-id prefix of the stage ('' unless the structure has two knockout stages). */
  idPrefix: string;
  /** Absolute place of the stage's winner minus one. */
  placeOffset: number;
  thirdPlaceGame: boolean;
  classifyPlacesDownTo: number;
  games: Game[];
}

export function newGame(
  ctx: { stageId: string; games: Game[] },
  fields: Pick<Game, 'id' | 'bracket' | 'round' | 'roundName' | 'home' | 'away'> & Partial<Game>,
): Game {
  const game: Game = {
    groupId: null,
    leg: null,
    dependsOn: [],
    winnerPlaces: null,
    loserPlaces: null,
    playedOnlyIf: null,
    ...fields,
    stageId: ctx.stageId,
  };
  ctx.games.push(game);
  return game;
}

/** 'F' for 2 entrants, 'SF' for 4, 'QF' for 8, otherwise 'R16', 'R32', ... (entrants of the round). */
export function roundLabel(entrantsInRound: number): string {
  if (entrantsInRound === 2) return 'F';
  if (entrantsInRound === 4) return 'SF';
  if (entrantsInRound === 8) return 'QF';
  return `R${entrantsInRound}`;
}

export const winnerOf = (game: Game): Slot => ({ kind: 'game_winner', gameId: game.id });
export const loserOf = (game: Game): Slot => ({ kind: 'game_loser', gameId: game.id });

export interface PlayedRound {
  /** Games of this bracket round (positional round: round 1 of the bracket is the first pairing). */
  games: Game[];
  /** Losers in bracket position order; null where the position had a bye (no game). */
  losers: Array<Slot | null>;
  /** Timeline round after which all of this round's losers are known. */
  lastRound: number;
}

export interface BracketNaming {
  bracket: GameBracket;
  idPrefix: string;
  finalId: string;
  finalLabel: string;
  roundPrefix: string;
  /** Timeline round of the bracket's first games. */
  startRound: number;
  /**
   * Main brackets count rounds by position (a bye still uses up a round); classification brackets
   * fed with gaps play a game as soon as both its sides can be known.
   */
  positionalRounds: boolean;
}

/**
 * Plays one bracket round after round. `entries` are in bracket position order (length a power of two);
 * a null entry is an empty position, so its neighbour passes straight through with no game (a bye).
 */
export function playRounds(
  ctx: { stageId: string; games: Game[] },
  entries: Array<Slot | null>,
  naming: BracketNaming,
): { winner: Slot | null; final: Game | null; rounds: PlayedRound[] } {
  let final: Game | null = null;
  let current = entries;
  let ready = entries.map(() => naming.startRound);
  const rounds: PlayedRound[] = [];
  let positional = naming.startRound;
  while (current.length > 1) {
    const label = roundLabel(current.length);
    const next: Array<Slot | null> = [];
    const nextReady: number[] = [];
    const played: PlayedRound = { games: [], losers: [], lastRound: naming.startRound };
    // The final is the game that joins the last two teams, wherever gaps put it.
    const isFinal = current.filter((entry) => entry !== null).length === 2;
    for (let i = 0; i < current.length; i += 2) {
      const [home, away] = [current[i], current[i + 1]];
      if (home === null || away === null) {
        next.push(home ?? away);
        nextReady.push(home === null ? ready[i + 1] : ready[i]);
        played.losers.push(null);
        continue;
      }
      const index = played.games.length + 1;
      const round = naming.positionalRounds ? positional : Math.max(ready[i], ready[i + 1]);
      const game = newGame(ctx, {
        id: isFinal ? naming.finalId : `${naming.idPrefix}${label}${label.startsWith('R') ? '-' : ''}${index}`,
        bracket: naming.bracket,
        round,
        roundName: isFinal ? naming.finalLabel : `${naming.roundPrefix}${label}`,
        home,
        away,
      });
      if (isFinal) final = game;
      played.games.push(game);
      played.lastRound = Math.max(played.lastRound, round);
      next.push(winnerOf(game));
      nextReady.push(round + 1);
      played.losers.push(loserOf(game));
    }
    rounds.push(played);
    current = next;
    ready = nextReady;
    positional++;
  }
  return { winner: current[0] ?? null, final, rounds };
}

/**
 * Single elimination with optional 3rd-place game and classification brackets. Losers of a round are
 * placed together (e.g. quarter-final losers share 5th-8th) unless classification games are played for
 * that range, in which case they play their own bracket (adjacent games' losers meet, as in the main
 * bracket), recursively: a full classification of 2^k teams gives every team k games.
 */
export function singleEliminationGames(ctx: BracketContext, entries: Array<Slot | null>): void {
  playPlacementBracket(ctx, entries, 1, 'main', 1);
}

function playPlacementBracket(
  ctx: BracketContext,
  entries: Array<Slot | null>,
  firstPlace: number,
  bracket: GameBracket,
  startRound: number,
): void {
  const count = entries.filter((e) => e !== null).length;
  const absFirst = firstPlace + ctx.placeOffset;
  const absLast = absFirst + count - 1;
  const isMain = firstPlace === 1;
  const idPrefix = isMain ? ctx.idPrefix : `${ctx.idPrefix}P${absFirst}-${absLast}-`;
  const finalLabel = isMain ? 'F' : `${absFirst}P`;
  const { rounds, final } = playRounds(ctx, entries, {
    bracket,
    idPrefix,
    finalId: `${ctx.idPrefix}${finalLabel}`,
    finalLabel,
    roundPrefix: isMain ? '' : `P${absFirst}-${absLast} `,
    startRound,
    positionalRounds: isMain,
  });
  if (final !== null) final.winnerPlaces = [absFirst, absFirst];
  // Losers of the last round take the next places, then the round before, and so on.
  let nextPlace = firstPlace + 1;
  for (let r = rounds.length - 1; r >= 0; r--) {
    const played = rounds[r];
    const losers = played.losers.filter((l) => l !== null).length;
    if (losers === 0) continue;
    const range: PlaceRange = [nextPlace + ctx.placeOffset, nextPlace + losers - 1 + ctx.placeOffset];
    if (losers >= 2 && classifies(ctx, nextPlace)) {
      playPlacementBracket(ctx, played.losers, nextPlace, 'classification', played.lastRound + 1);
    } else {
      for (const game of played.games) game.loserPlaces = range;
    }
    nextPlace += losers;
  }
}

/** Whether games are played for the places starting at `place` (relative to the stage). */
function classifies(ctx: BracketContext, place: number): boolean {
  if (place === 3) return ctx.thirdPlaceGame || ctx.classifyPlacesDownTo >= 3;
  return place <= ctx.classifyPlacesDownTo;
}
