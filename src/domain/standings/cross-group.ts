import type { GroupStandings } from './types.js';

/**
 * Ranking teams that did not all play each other: the best runner-up across groups and
 * similar "best Nth-placed" comparisons (FIBA: no head-to-head step).
 *
 * Order: classification points — or, when the teams played different numbers of games
 * (groups of different sizes), win ratio — then point difference, then points scored.
 * With unequal game counts the two point criteria are compared per game, since a team in a
 * larger group would otherwise gain simply from playing more. Teams still level share a rank
 * and are flagged `needsDraw` (lots decide; the organiser records the draw).
 */
export interface CrossGroupEntry {
  teamId: string;
  groupId: string;
  played: number;
  wins: number;
  classificationPoints: number;
  pointsFor: number;
  pointsAgainst: number;
}

export type CrossGroupCriterion = 'classification_points' | 'win_ratio' | 'point_difference' | 'points_scored' | 'draw';

export interface CrossGroupPlace extends CrossGroupEntry {
  rank: number;
  /** The criterion that separated this team from the next one below it (or `draw` if none did). */
  decidedBy: CrossGroupCriterion;
  /** True when only a drawing of lots can separate this team from another. */
  needsDraw: boolean;
}

/** `drawOrder`: team ids in the order a recorded draw placed them, applied only to otherwise level teams. */
export function rankAcrossGroups(
  entries: readonly CrossGroupEntry[],
  drawOrder: readonly string[] = [],
): CrossGroupPlace[] {
  const unequal = new Set(entries.map((e) => e.played)).size > 1;
  const perGame = (value: number, played: number) => (unequal ? (played === 0 ? 0 : value / played) : value);
  const keys: Array<[CrossGroupCriterion, (e: CrossGroupEntry) => number]> = [
    unequal
      ? ['win_ratio', (e) => (e.played === 0 ? 0 : e.wins / e.played)]
      : ['classification_points', (e) => e.classificationPoints],
    ['point_difference', (e) => perGame(e.pointsFor - e.pointsAgainst, e.played)],
    ['points_scored', (e) => perGame(e.pointsFor, e.played)],
  ];
  const compare = (a: CrossGroupEntry, b: CrossGroupEntry): [number, CrossGroupCriterion] => {
    for (const [criterion, key] of keys) {
      const diff = key(b) - key(a);
      if (Math.abs(diff) > 1e-9) return [diff, criterion];
    }
    return [0, 'draw'];
  };
  const drawIndex = (id: string) => {
    const i = drawOrder.indexOf(id);
    return i === -1 ? Number.MAX_SAFE_INTEGER : i;
  };
  const sorted = [...entries].sort(
    (a, b) => compare(a, b)[0] || drawIndex(a.teamId) - drawIndex(b.teamId) || a.teamId.localeCompare(b.teamId),
  );
  const places: CrossGroupPlace[] = [];
  sorted.forEach((entry, i) => {
    const prev = sorted[i - 1];
    const next = sorted[i + 1];
    const levelWithPrev = prev !== undefined && compare(prev, entry)[0] === 0;
    const levelWithNext = next !== undefined && compare(entry, next)[0] === 0;
    // A recorded draw separates two level teams only if it placed both of them.
    const drawnApart = (other: CrossGroupEntry | undefined) =>
      other !== undefined && drawOrder.includes(entry.teamId) && drawOrder.includes(other.teamId);
    const sharesWithPrev = levelWithPrev && !drawnApart(prev);
    const rank = sharesWithPrev ? places[i - 1].rank : i + 1;
    places.push({
      ...entry,
      rank,
      decidedBy: next === undefined ? 'draw' : compare(entry, next)[1],
      needsDraw: (levelWithPrev && !drawnApart(prev)) || (levelWithNext && !drawnApart(next)),
    });
  });
  return places;
}

/** The teams placed `place` in each group, ranked across the groups (the "best runner-up" table). */
export interface PlaceAcrossGroups {
  place: number;
  /** Every group is complete and placed a single team here: the ranking no longer changes. */
  final: boolean;
  /** Groups with no single team at this place yet (teams level on it, or only lots can tell). */
  unplacedGroupIds: string[];
  ranking: CrossGroupPlace[];
}

/**
 * Ranks the teams placed `place` in each group with `rankAcrossGroups`. Before the groups are
 * complete this is the provisional table fans follow; groups smaller than `place` take no part.
 */
export function rankPlaceAcrossGroups(
  groups: ReadonlyArray<{ groupId: string; standings: GroupStandings }>,
  place: number,
  drawOrder: readonly string[] = [],
): PlaceAcrossGroups {
  const entries: CrossGroupEntry[] = [];
  const unplacedGroupIds: string[] = [];
  let final = true;
  for (const { groupId, standings } of groups) {
    if (standings.rows.length < place) continue;
    if (!standings.complete) final = false;
    const atPlace = standings.rows.filter((r) => r.rank === place && !r.sharedRank);
    if (atPlace.length !== 1) {
      unplacedGroupIds.push(groupId);
      final = false;
      continue;
    }
    const row = atPlace[0];
    entries.push({
      teamId: row.teamId,
      groupId,
      played: row.played,
      wins: row.wins,
      classificationPoints: row.classificationPoints,
      pointsFor: row.pointsFor,
      pointsAgainst: row.pointsAgainst,
    });
  }
  return { place, final, unplacedGroupIds, ranking: rankAcrossGroups(entries, drawOrder) };
}
