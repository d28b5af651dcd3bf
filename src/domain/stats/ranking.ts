/** A place in a ranking where equal values share the rank ("1=" style). */
export interface SharedRank {
  rank: number;
  /** True when another entry has the same rank (shown as "1=", "4="…). */
  tied: boolean;
}

/**
 * Standard competition ranking ("1224") over an already ordered list: equal neighbours share
 * the rank of the first of them and the next distinct value skips past them.
 */
export function competitionRanks<T>(ordered: readonly T[], equal: (a: T, b: T) => boolean): SharedRank[] {
  const ranks: SharedRank[] = new Array(ordered.length);
  for (let i = 0; i < ordered.length; i++) {
    const levelWithPrev = i > 0 && equal(ordered[i - 1], ordered[i]);
    const levelWithNext = i + 1 < ordered.length && equal(ordered[i], ordered[i + 1]);
    ranks[i] = { rank: levelWithPrev ? ranks[i - 1].rank : i + 1, tied: levelWithPrev || levelWithNext };
  }
  return ranks;
}

let chineseCollator: Intl.Collator | undefined;

/**
 * Display order for people who share a rank: by name as Chinese readers expect (pinyin via ICU;
 * polyphonic characters such as 长 get ICU's reading), then by id so the order is total.
 * Without names, ids compare by code unit (fast; the collator costs microseconds per call).
 */
export function compareNamesForDisplay(
  aName: string | undefined,
  aId: string,
  bName: string | undefined,
  bId: string,
): number {
  if (aName !== undefined || bName !== undefined) {
    chineseCollator ??= new Intl.Collator('zh-Hans-CN');
    const byName = chineseCollator.compare(aName ?? aId, bName ?? bId);
    if (byName !== 0) return byName;
  }
  return aId < bId ? -1 : aId > bId ? 1 : 0;
}
