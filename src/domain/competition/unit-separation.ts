import { invalid } from '../shared/domain-error.js';
import type { DrawGroupSpec, DrawTeam } from './group-draw.js';

/** A team to place, with the groups it may go to in order of preference. */
export interface Placement {
  team: DrawTeam;
  candidates: string[];
  /** Serpentine/pot level: a group takes one team per level. */
  level?: number;
}

const impossible = (message: string) => invalid('COMPETITION_UNIT_SEPARATION_IMPOSSIBLE', message);
const SEARCH_BUDGET = 200_000;

/**
 * Places teams so that no group holds two teams of one unit, taking each team's most preferred group
 * that still leaves a way to place everyone else. 'any_place' (random draw): any group with room; the
 * look-ahead is an exact max-flow test, so it never backtracks. 'one_per_level' (serpentine, pots):
 * one team per group per level, found by backtracking search.
 */
export function separateUnits(
  groups: readonly DrawGroupSpec[],
  placements: readonly Placement[],
  mode: 'any_place' | 'one_per_level',
): Array<{ groupId: string; teamIds: string[] }> {
  const unitCounts = new Map<string, number>();
  for (const { team } of placements)
    if (team.unitId !== null) unitCounts.set(team.unitId, (unitCounts.get(team.unitId) ?? 0) + 1);
  for (const [unit, count] of unitCounts) {
    if (count > groups.length) {
      throw impossible(
        `Unit ${unit} has ${count} teams but there are only ${groups.length} groups: two of them would have to share a group`,
      );
    }
  }
  const members = new Map(groups.map((g) => [g.groupId, [] as DrawTeam[]]));
  const size = new Map(groups.map((g) => [g.groupId, g.size]));
  const clashes = (groupId: string, team: DrawTeam) =>
    team.unitId !== null && members.get(groupId)!.some((m) => m.unitId === team.unitId);
  if (mode === 'any_place') {
    const hasRoom = (groupId: string) => members.get(groupId)!.length < size.get(groupId)!;
    if (
      !canComplete(
        groups,
        members,
        placements.map((p) => p.team),
      )
    ) {
      throw impossible('The group sizes leave no way to keep every unit’s teams in different groups');
    }
    placements.forEach((placement, i) => {
      const rest = placements.slice(i + 1).map((p) => p.team);
      const choice = placement.candidates.find((groupId) => {
        if (!hasRoom(groupId) || clashes(groupId, placement.team)) return false;
        members.get(groupId)!.push(placement.team);
        if (canComplete(groups, members, rest)) return true;
        members.get(groupId)!.pop();
        return false;
      });
      // Unreachable while canComplete holds before each step; kept as a guard.
      if (choice === undefined) throw impossible(`No group can take ${placement.team.teamId} without a unit clash`);
    });
  } else {
    const taken = new Set<string>();
    let budget = SEARCH_BUDGET;
    const place = (i: number): boolean => {
      if (i === placements.length) return true;
      if (--budget < 0) throw impossible('No draw keeping units apart was found (search limit reached)');
      const { team, candidates, level } = placements[i];
      for (const groupId of candidates) {
        const slot = `${groupId}#${level ?? 0}`;
        if (taken.has(slot) || clashes(groupId, team)) continue;
        taken.add(slot);
        members.get(groupId)!.push(team);
        if (place(i + 1)) return true;
        members.get(groupId)!.pop();
        taken.delete(slot);
      }
      return false;
    };
    if (!place(0)) throw impossible('No draw keeps every unit’s teams apart with this ranking and these group sizes');
  }
  return groups.map((g) => ({ groupId: g.groupId, teamIds: members.get(g.groupId)!.map((t) => t.teamId) }));
}

/**
 * Max-flow feasibility: source → unit (its remaining teams) → group (1, if the group has no team of
 * that unit) → sink (the group's free places). Teams without a unit share one node that may send any
 * number to any group.
 */
function canComplete(
  groups: readonly DrawGroupSpec[],
  members: Map<string, DrawTeam[]>,
  rest: readonly DrawTeam[],
): boolean {
  const unitCount = new Map<string, number>();
  let free = 0;
  for (const team of rest) {
    if (team.unitId === null) free++;
    else unitCount.set(team.unitId, (unitCount.get(team.unitId) ?? 0) + 1);
  }
  const units = [...unitCount.keys()];
  const U = units.length;
  const G = groups.length;
  const source = 0;
  const freeNode = 1 + U;
  const groupNode = (g: number) => 2 + U + g;
  const sink = 2 + U + G;
  const n = sink + 1;
  const cap = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  units.forEach((unit, u) => {
    cap[source][1 + u] = unitCount.get(unit)!;
    groups.forEach((group, g) => {
      if (!members.get(group.groupId)!.some((m) => m.unitId === unit)) cap[1 + u][groupNode(g)] = 1;
    });
  });
  cap[source][freeNode] = free;
  groups.forEach((group, g) => {
    cap[freeNode][groupNode(g)] = free;
    cap[groupNode(g)][sink] = group.size - members.get(group.groupId)!.length;
  });
  let flow = 0;
  for (;;) {
    const parent = new Array<number>(n).fill(-1);
    parent[source] = source;
    const queue = [source];
    while (queue.length > 0 && parent[sink] === -1) {
      const v = queue.shift()!;
      for (let w = 0; w < n; w++) {
        if (parent[w] === -1 && cap[v][w] > 0) {
          parent[w] = v;
          queue.push(w);
        }
      }
    }
    if (parent[sink] === -1) break;
    let push = Infinity;
    for (let v = sink; v !== source; v = parent[v]) push = Math.min(push, cap[parent[v]][v]);
    for (let v = sink; v !== source; v = parent[v]) {
      cap[parent[v]][v] -= push;
      cap[v][parent[v]] += push;
    }
    flow += push;
  }
  return flow === rest.length;
}
