/**
 * Standard knockout seeding: the bracket positions of seeds 1..size so that seed 1 meets seed `size`,
 * seeds 1 and 2 can only meet in the final, 1-4 only from the semi-finals on, and so on.
 * size 8 -> [1, 8, 4, 5, 2, 7, 3, 6].
 */
export function standardBracketOrder(size: number): number[] {
  let order = [1];
  while (order.length < size) {
    const next = order.length * 2 + 1;
    order = order.flatMap((seed) => [seed, next - seed]);
  }
  return order;
}

export function nextPowerOfTwo(n: number): number {
  let size = 1;
  while (size < n) size *= 2;
  return size;
}

/** First-round games (pairs of 0-based seed indices, top seed first) that are not byes. */
export function firstRoundPairs(
  entrantCount: number,
  bracketSize = nextPowerOfTwo(entrantCount),
): Array<[number, number]> {
  const order = standardBracketOrder(bracketSize);
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < order.length; i += 2) {
    const [a, b] = [order[i], order[i + 1]];
    if (a <= entrantCount && b <= entrantCount) pairs.push([Math.min(a, b) - 1, Math.max(a, b) - 1]);
  }
  return pairs;
}

/**
 * Keeps two entrants of the same group out of the same first-round game where possible.
 * Rule: top seeds never move. For each first-round game (in bracket order) that pairs two teams of
 * one group, its lower seed swaps with the lower seed of another first-round game, trying the nearest
 * seed numbers first (ties: the lower-ranked one), and the first swap leaving both games free of a
 * group rematch is kept. If no swap works the rematch stays (it cannot be avoided).
 * `groupOf[i]` is the group of seed i+1, or null when unknown/irrelevant.
 * Returns `effective` where effective[k] is the index (into the original seeding) now at seed k+1.
 */
export function rematchFreeSeeding(
  groupOf: ReadonlyArray<string | null>,
  bracketSize = nextPowerOfTwo(groupOf.length),
): number[] {
  const effective = groupOf.map((_, i) => i);
  const pairs = firstRoundPairs(groupOf.length, bracketSize);
  const clash = ([top, bottom]: [number, number]) => {
    const g = groupOf[effective[top]];
    return g !== null && g === groupOf[effective[bottom]];
  };
  for (const pair of pairs) {
    if (!clash(pair)) continue;
    const candidates = pairs
      .filter((other) => other !== pair)
      .sort((x, y) => Math.abs(x[1] - pair[1]) - Math.abs(y[1] - pair[1]) || y[1] - x[1]);
    for (const other of candidates) {
      [effective[pair[1]], effective[other[1]]] = [effective[other[1]], effective[pair[1]]];
      if (!clash(pair) && !clash(other)) break;
      [effective[pair[1]], effective[other[1]]] = [effective[other[1]], effective[pair[1]]];
    }
  }
  return effective;
}
