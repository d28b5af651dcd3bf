import { addSide, emptyRecord, miniTableOf, sidesOf } from './tally.js';
import { splitByValue } from './tie-break.js';
import type { GroupGame, ScheduledGame, TeamRecord } from './types.js';
import { validateGroup } from './validate.js';

/**
 * Whether a team's place in its group is already decided for what comes next:
 * `clinched` (出线) it finishes within the advancing places whatever the remaining games give,
 * `eliminated` (淘汰) it cannot reach a place that may go through, `open` otherwise.
 */
export type Qualification = 'clinched' | 'eliminated' | 'open';

export interface QualificationInput {
  teamIds: readonly string[];
  /** Decided games that count for the group (carried-over ones included); live games are not decided. */
  games: readonly GroupGame[];
  /** Games between two teams of the group still to be decided (scheduled or in progress). */
  remaining: readonly ScheduledGame[];
  /** Places 1..advancingPlaces go through for certain. */
  advancingPlaces: number;
  /**
   * Places 1..possiblePlaces may go through (a best-placed slot across groups takes some teams of the
   * next place); a team that cannot reach one of them is out. Defaults to `advancingPlaces`.
   */
  possiblePlaces?: number;
  /** The organiser's recorded drawing of lots, best first (as for the standings). */
  drawOrder?: readonly string[];
}

/** Beyond this many open games the outcomes are not enumerated; sound bounds on points are used instead. */
export const MAX_ENUMERATED_GAMES = 12;

interface Range {
  best: number;
  worst: number;
}

/**
 * Clinch and elimination under FIBA Appendix D (classification points, then the games among the
 * tied teams). Teams that sound bounds on classification points already settle are marked at
 * once; for the others every win/loss outcome of the remaining games is enumerated; in each, a team's
 * place is known only as far as the known facts decide it: head-to-head classification points
 * are known once the winners are, head-to-head and group score differences only when every game
 * they add up is already decided. Where a tie cannot be decided yet, the team is counted at both
 * ends of the tied places, so a mark is never shown early. With more than
 * MAX_ENUMERATED_GAMES open games, sound bounds on classification points decide instead (they can
 * mark later than the exact answer, never wrongly). A remaining game is assumed to be played, not
 * forfeited (a forfeit is a sanction, not an outcome of play).
 */
export function computeQualification(
  input: QualificationInput,
  enumerateUpTo = MAX_ENUMERATED_GAMES,
): Map<string, Qualification> {
  validateGroup({ teamIds: input.teamIds, games: input.games }, { drawOrder: input.drawOrder });
  const advancing = Math.max(0, input.advancingPlaces);
  const possible = Math.max(advancing, input.possiblePlaces ?? advancing);
  const decided = input.games.filter((g) => g.state === 'final');
  const members = new Set(input.teamIds);
  const remaining = input.remaining.filter((g) => members.has(g.homeTeamId) && members.has(g.awayTeamId));

  // Sound bounds first: a team they settle is settled in every outcome, and needs no enumeration.
  const bounded = boundedRanges(input.teamIds, decided, remaining);
  const marks = new Map<string, Qualification>();
  for (const [teamId, r] of bounded) {
    if (r.worst <= advancing) marks.set(teamId, 'clinched');
    else if (r.best > possible) marks.set(teamId, 'eliminated');
  }
  const unsettled = input.teamIds.filter((id) => !marks.has(id));
  if (unsettled.length === 0 || remaining.length > enumerateUpTo)
    return new Map(input.teamIds.map((id) => [id, marks.get(id) ?? 'open']));

  const canMiss = new Set<string>();
  const canReach = new Set<string>();
  const outcomes = 2 ** remaining.length;
  const choices = remaining.map((g) => [decidedAs(g, false), decidedAs(g, true)] as const);
  for (let i = 0; i < outcomes; i++) {
    // Visited in a scrambled order (odd multiplier: a permutation mod 2^n) so that outcomes far
    // apart come early and the loop usually stops after a few of them.
    const mask = Math.imul(i, 0x9e3779b1) & (outcomes - 1);
    const games = [...decided, ...choices.map((c, i) => c[(mask >> i) & 1]!)];
    for (const [teamId, r] of rangesIn(input.teamIds, games, remaining, input.drawOrder ?? [])) {
      if (r.worst > advancing) canMiss.add(teamId);
      if (r.best <= possible) canReach.add(teamId);
    }
    // Nothing more to learn once every team still open can go either way.
    if (unsettled.every((id) => canMiss.has(id) && canReach.has(id))) break;
  }
  for (const id of unsettled) marks.set(id, !canMiss.has(id) ? 'clinched' : !canReach.has(id) ? 'eliminated' : 'open');
  return new Map(input.teamIds.map((id) => [id, marks.get(id)!]));
}

/** A remaining game decided one way (1:0: only the winner is meaningful, margins stay unknown). */
function decidedAs(g: ScheduledGame, homeWins: boolean): GroupGame {
  return {
    id: g.id,
    homeTeamId: g.homeTeamId,
    awayTeamId: g.awayTeamId,
    homeScore: homeWins ? 1 : 0,
    awayScore: homeWins ? 0 : 1,
    state: 'live',
    outcome: 'played',
  };
}

function totalsOf(teamIds: readonly string[], games: readonly GroupGame[]): Map<string, TeamRecord> {
  const totals = new Map(teamIds.map((id) => [id, emptyRecord(id)]));
  for (const game of games) {
    for (const side of sidesOf(game)) {
      const current = totals.get(side.teamId);
      if (current) totals.set(side.teamId, addSide(current, side));
    }
  }
  return totals;
}

/** Each team's best and worst place in one outcome: ties the known facts cannot break span their places. */
function rangesIn(
  teamIds: readonly string[],
  games: readonly GroupGame[],
  remaining: readonly ScheduledGame[],
  drawOrder: readonly string[],
): Map<string, Range> {
  const totals = totalsOf(teamIds, games);
  const open = new Set(remaining.flatMap((g) => [g.homeTeamId, g.awayTeamId]));
  const openPairs = new Set(
    remaining.flatMap((g) => [`${g.homeTeamId}|${g.awayTeamId}`, `${g.awayTeamId}|${g.homeTeamId}`]),
  );
  const ranges = new Map<string, Range>();
  let next = 1;
  const levels = splitByValue(teamIds, (id) => totals.get(id)!.classificationPoints);
  for (const level of levels) {
    for (const block of orderTied(level, games, totals, {
      open,
      openPairs,
      drawOrder,
      complete: remaining.length === 0,
    })) {
      for (const id of block) ranges.set(id, { best: next, worst: next + block.length - 1 });
      next += block.length;
    }
  }
  return ranges;
}

interface OpenFacts {
  /** Teams with a game still to be decided: their group difference and scored are not known. */
  open: ReadonlySet<string>;
  /** "home|away" of every undecided game, both ways round. */
  openPairs: ReadonlySet<string>;
  drawOrder: readonly string[];
  /** No game is left: a recorded drawing of lots places the teams only it can separate. */
  complete: boolean;
}

/**
 * FIBA D.1.3/D.1.4 over what is known: head-to-head classification points always (the winners are
 * fixed in the outcome); head-to-head difference and scored only when no game among the tied teams
 * is undecided; group difference and scored only when none of them has a game left. Returns blocks
 * in order; a block of several teams is a tie that cannot be broken yet.
 */
function orderTied(
  tied: readonly string[],
  games: readonly GroupGame[],
  totals: ReadonlyMap<string, TeamRecord>,
  facts: OpenFacts,
): string[][] {
  if (tied.length === 1) return [[...tied]];
  const mini = new Map(miniTableOf(tied, games).rows.map((r) => [r.teamId, r]));
  const amongOpen = tied.some((a) => tied.some((b) => facts.openPairs.has(`${a}|${b}`)));
  const anyOpen = tied.some((id) => facts.open.has(id));
  const criteria: Array<[(id: string) => number, boolean]> = [
    [(id) => mini.get(id)!.classificationPoints, true],
    [(id) => mini.get(id)!.pointDifference, !amongOpen],
    [(id) => mini.get(id)!.pointsFor, !amongOpen],
    [(id) => totals.get(id)!.pointDifference, !anyOpen],
    [(id) => totals.get(id)!.pointsFor, !anyOpen],
  ];
  for (const [valueOf, known] of criteria) {
    if (!known) return [[...tied]];
    const split = splitByValue(tied, valueOf);
    if (split.length === 1) continue;
    return split.flatMap((sub) => orderTied(sub, games, totals, facts));
  }
  // Only lots separate them: a recorded draw once the group is complete, undecided before.
  if (facts.complete && tied.every((id) => facts.drawOrder.includes(id)))
    return [...tied].sort((a, b) => facts.drawOrder.indexOf(a) - facts.drawOrder.indexOf(b)).map((id) => [id]);
  return [[...tied]];
}

/**
 * Sound without enumerating: a team is ahead of or level with T in some outcome only if its most
 * points reach T's fewest, and surely ahead of T only if its fewest exceed T's most.
 */
function boundedRanges(
  teamIds: readonly string[],
  decided: readonly GroupGame[],
  remaining: readonly ScheduledGame[],
): Map<string, Range> {
  const totals = totalsOf(teamIds, decided);
  const left = new Map(teamIds.map((id) => [id, 0]));
  for (const g of remaining) {
    left.set(g.homeTeamId, left.get(g.homeTeamId)! + 1);
    left.set(g.awayTeamId, left.get(g.awayTeamId)! + 1);
  }
  const fewest = (id: string) => totals.get(id)!.classificationPoints + left.get(id)!;
  const most = (id: string) => totals.get(id)!.classificationPoints + 2 * left.get(id)!;
  return new Map(
    teamIds.map((id) => {
      const others = teamIds.filter((o) => o !== id);
      return [
        id,
        {
          best: 1 + others.filter((o) => fewest(o) > most(id)).length,
          worst: 1 + others.filter((o) => most(o) >= fewest(id)).length,
        },
      ];
    }),
  );
}
