import { invalid } from '../shared/domain-error.js';
import { nextPowerOfTwo, standardBracketOrder } from './seeding.js';
import type { Slot } from './types.js';

export interface CrossoverOptions {
  /** The top N of every group go through. */
  advancePerGroup: number;
  /** Plus the best `count` teams placed `place` across all groups (e.g. the best runner-up). */
  bestPlaced?: { place: number; count: number } | null;
}

interface GroupShape {
  id: string;
  size: number;
}

/**
 * Knockout seeding from a group stage. Group winners are seeds 1..G in group order; each further
 * place is added as a tier whose group order is a rotation (or reversed rotation) of the groups, the
 * one chosen that (1) pairs no two teams of one group in the first knockout round and then (2) keeps
 * teams of one group as far apart in the bracket as possible. Best-placed extras are the last seeds;
 * their group is only known once the groups finish, so the knockout applies the rematch rule to them
 * at resolution time. Two groups, top two: A1-B2, B1-A2. Four groups, top two: A1-B2, D1-C2 | B1-A2,
 * C1-D2 (A1 and A2 can only meet in the final).
 */
export function crossoverSeeding(
  stage: { id: string; groups: readonly GroupShape[] },
  options: CrossoverOptions,
): Slot[] {
  const { advancePerGroup } = options;
  const best = options.bestPlaced ?? null;
  if (!Number.isInteger(advancePerGroup) || advancePerGroup < 0) {
    throw invalid('COMPETITION_ADVANCE_INVALID', `advancePerGroup must be a whole number >= 0, got ${advancePerGroup}`);
  }
  for (const group of stage.groups) {
    if (group.size < advancePerGroup) {
      throw invalid(
        'COMPETITION_ADVANCE_INVALID',
        `Group ${group.id} has ${group.size} teams, fewer than the ${advancePerGroup} that should advance from it`,
      );
    }
  }
  if (best !== null) {
    const eligible = stage.groups.filter((g) => g.size >= best.place).length;
    if (best.place <= advancePerGroup || best.count < 1 || best.count > eligible) {
      throw invalid(
        'COMPETITION_BEST_PLACED_INVALID',
        `Cannot take the best ${best.count} team(s) placed ${best.place} when ${advancePerGroup} advance per group and ${eligible} group(s) have that place`,
      );
    }
  }
  const total = stage.groups.length * advancePerGroup + (best?.count ?? 0);
  const size = nextPowerOfTwo(total);
  const position = positionsOfSeeds(size);
  const seeded: Array<{ slot: Slot; groupId: string | null }> = [];
  for (let place = 1; place <= advancePerGroup; place++) {
    const candidates = place === 1 ? [stage.groups] : tierOrders(stage.groups);
    let bestTier = candidates[0];
    let bestScore: number[] | null = null;
    for (const order of candidates) {
      const score = separationScore([...seeded.map((s) => s.groupId), ...order.map((g) => g.id)], position, size);
      if (bestScore === null || compareScores(score, bestScore) < 0) [bestTier, bestScore] = [order, score];
    }
    for (const group of bestTier)
      seeded.push({ slot: { kind: 'group_place', groupId: group.id, place }, groupId: group.id });
  }
  for (let rank = 1; rank <= (best?.count ?? 0); rank++) {
    seeded.push({ slot: { kind: 'best_placed', stageId: stage.id, place: best!.place, rank }, groupId: null });
  }
  return seeded.map((s) => s.slot);
}

function tierOrders(groups: readonly GroupShape[]): GroupShape[][] {
  const orders: GroupShape[][] = [];
  for (const base of [groups, [...groups].reverse()]) {
    for (let shift = 0; shift < base.length; shift++) orders.push([...base.slice(shift), ...base.slice(0, shift)]);
  }
  return orders;
}

/** positions[seed-1] = bracket position of that seed. */
function positionsOfSeeds(size: number): number[] {
  const positions: number[] = [];
  standardBracketOrder(size).forEach((seed, pos) => (positions[seed - 1] = pos));
  return positions;
}

/**
 * [first-round same-group games, sum over same-group pairs of how many rounds before the final they
 * could meet]: smaller is better.
 */
function separationScore(groupOfSeed: ReadonlyArray<string | null>, position: number[], size: number): number[] {
  const rounds = Math.log2(size);
  let firstRound = 0;
  let earliness = 0;
  for (let a = 0; a < groupOfSeed.length; a++) {
    for (let b = a + 1; b < groupOfSeed.length; b++) {
      if (groupOfSeed[a] === null || groupOfSeed[a] !== groupOfSeed[b]) continue;
      const meetRound = Math.floor(Math.log2(position[a] ^ position[b])) + 1;
      if (meetRound === 1) firstRound++;
      earliness += rounds - meetRound;
    }
  }
  return [firstRound, earliness];
}

const compareScores = (a: number[], b: number[]) => a[0] - b[0] || a[1] - b[1];
