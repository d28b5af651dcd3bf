import { invalid } from '../shared/domain-error.js';

/** A team's final place from the competition's final ranking. Equal places are allowed (并列季军). */
export interface TeamPlace {
  teamId: string;
  place: number;
}

export function validateTeamPlaces(places: readonly TeamPlace[]): void {
  const seen = new Set<string>();
  places.forEach((p, i) => {
    if (!Number.isInteger(p.place) || p.place < 1) {
      throw invalid('AWARDS_INVALID_PLACE', `place of team ${p.teamId} must be a positive integer`, [
        { field: `places[${i}].place`, reason: `got ${String(p.place)}` },
      ]);
    }
    if (seen.has(p.teamId)) {
      throw invalid('AWARDS_DUPLICATE_TEAM_PLACE', `team ${p.teamId} has more than one final place`, [
        { field: `places[${i}].teamId`, reason: 'team already placed' },
      ]);
    }
    seen.add(p.teamId);
  });
}

/** Teams grouped by place, best first; teams sharing a place keep their input order. */
export function groupByPlace(places: readonly TeamPlace[]): Array<{ place: number; teamIds: string[] }> {
  const byPlace = new Map<number, string[]>();
  for (const p of places) {
    const ids = byPlace.get(p.place) ?? [];
    ids.push(p.teamId);
    byPlace.set(p.place, ids);
  }
  return [...byPlace.entries()].sort(([a], [b]) => a - b).map(([place, teamIds]) => ({ place, teamIds }));
}
