import { invalid } from '../shared/domain-error.js';
import type { RoundRobinLegs } from './types.js';

export interface RoundRobinPairing {
  /** Index into the group's entrants (draw order). */
  home: number;
  away: number;
}

export interface RoundRobinRound {
  /** 1-based, counting on through the second leg. */
  round: number;
  leg: 1 | 2;
  pairings: RoundRobinPairing[];
  /** The entrant idle this round (odd-sized groups only). */
  bye: number | null;
}

/**
 * Round robin by the circle method. One position is fixed (a phantom "bye" in odd-sized groups, so the
 * bye rotates through every team once) and the rest rotate one step per round.
 *
 * Home/away: the pair at distance k from the rotation point gives home to its first team when k is odd
 * and to its second when k is even, and the fixed team alternates. Every team then sees each distance
 * once from each side, so in a single round robin home and away differ by at most 1 (exactly 0 in odd
 * groups) and a team's home/away alternates except once around its game against the fixed team.
 * Round 1 is the Berger opening: 1 v n, 2 v n-1, ...
 *
 * A double round robin repeats the first leg in the same order with home and away swapped, so the
 * team idle in the last round of leg 1 is never idle in the first round of leg 2.
 */
export function roundRobinRounds(teamCount: number, legs: RoundRobinLegs = 'single'): RoundRobinRound[] {
  if (!Number.isInteger(teamCount) || teamCount < 2) {
    throw invalid('COMPETITION_GROUP_TOO_SMALL', `A round robin needs at least 2 teams, got ${teamCount}`);
  }
  const positions = teamCount % 2 === 0 ? teamCount : teamCount + 1;
  const fixed = positions - 1;
  const hasPhantom = positions !== teamCount;
  const rotating = positions - 1;
  const firstLeg: RoundRobinRound[] = [];
  for (let r = 0; r < rotating; r++) {
    const pairings: RoundRobinPairing[] = [];
    let bye: number | null = null;
    if (hasPhantom) bye = r;
    else pairings.push(r % 2 === 1 ? { home: fixed, away: r } : { home: r, away: fixed });
    for (let k = 1; k < positions / 2; k++) {
      const a = (r + k) % rotating;
      const b = (r - k + rotating) % rotating;
      pairings.push(k % 2 === 1 ? { home: a, away: b } : { home: b, away: a });
    }
    firstLeg.push({ round: r + 1, leg: 1, pairings, bye });
  }
  if (legs === 'single') return firstLeg;
  const secondLeg = firstLeg.map<RoundRobinRound>((round) => ({
    round: round.round + rotating,
    leg: 2,
    pairings: round.pairings.map((p) => ({ home: p.away, away: p.home })),
    bye: round.bye,
  }));
  return [...firstLeg, ...secondLeg];
}

/** Games in one group: n(n-1)/2 per leg. */
export function roundRobinGameCount(teamCount: number, legs: RoundRobinLegs = 'single'): number {
  return ((teamCount * (teamCount - 1)) / 2) * (legs === 'double' ? 2 : 1);
}
