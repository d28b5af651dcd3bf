/**
 * For specs only: checks a schedule against its input by comparing every pair of games,
 * written independently of the scheduler's own indexes so the two can catch each other.
 */
import type { Schedule, ScheduleGame, ScheduleInput } from '../types.js';

const minutes = (t: string) => Date.parse(`${t}:00Z`) / 60000;

export function bruteForceCheck(schedule: Schedule, input: ScheduleInput): string[] {
  const problems: string[] = [];
  const { settings } = input;
  const rest = settings.minRestMinutes;
  const buffer = settings.dependencyBufferMinutes ?? 0;
  const byId = new Map(input.games.map((g) => [g.id, g]));
  const slots = new Map(schedule.assignments.map((a) => [a.gameId, { ...a, s: minutes(a.start), e: minutes(a.end) }]));

  const teamMemo = new Map<string, Set<string>>();
  const teamsOf = (g: ScheduleGame): Set<string> => {
    const memo = teamMemo.get(g.id);
    if (memo) return memo;
    const teams = new Set([...g.teamIds, ...(g.teamIds.length < 2 ? (g.possibleTeamIds ?? []).flat() : [])]);
    if (g.teamIds.length + (g.possibleTeamIds?.length ?? 0) < 2) {
      for (const dep of g.dependsOn) for (const t of teamsOf(byId.get(dep)!)) teams.add(t);
    }
    teamMemo.set(g.id, teams);
    return teams;
  };

  if (schedule.assignments.length !== input.games.length) problems.push('assignment count differs from game count');
  for (const g of input.games) {
    const a = slots.get(g.id);
    if (!a) {
      problems.push(`${g.id} not scheduled`);
      continue;
    }
    if (a.e - a.s !== (g.durationMinutes ?? settings.slotMinutes)) problems.push(`${g.id} has the wrong length`);
    if (g.fixed && (g.fixed.courtId !== a.courtId || g.fixed.start !== a.start))
      problems.push(`${g.id} left its fixed slot`);
    const open = mergedWindows(input, a.courtId);
    if (!open.some(([ws, we]) => ws <= a.s && a.e <= we)) problems.push(`${g.id} is outside its court's windows`);
    const gap = g.teamIds.length < 2 ? Math.max(rest, buffer) : buffer;
    for (const dep of g.dependsOn) {
      const d = slots.get(dep);
      if (d && a.s < d.e + gap) problems.push(`${g.id} starts before ${dep} ends + ${gap}`);
    }
  }
  const list = [...slots.values()];
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      const [a, b] = [list[i], list[j]];
      if (a.courtId === b.courtId && a.s < b.e && b.s < a.e) problems.push(`${a.gameId} and ${b.gameId} share a court`);
      const ga = byId.get(a.gameId);
      const gb = byId.get(b.gameId);
      if (!ga || !gb) continue;
      if (ga.exclusiveKey !== undefined && ga.exclusiveKey === gb.exclusiveKey) continue;
      const tb = teamsOf(gb);
      const shared = [...teamsOf(ga)].filter((t) => tb.has(t));
      if (shared.length > 0 && a.s < b.e + rest && b.s < a.e + rest) {
        problems.push(`${a.gameId} and ${b.gameId} leave team ${shared[0]} less than ${rest} minutes' rest`);
      }
    }
  }
  return problems;
}

function mergedWindows(input: ScheduleInput, courtId: string): Array<[number, number]> {
  const windows = input.windows
    .filter((w) => w.courtId === courtId)
    .map((w) => [minutes(w.start), minutes(w.end)] as [number, number])
    .sort((x, y) => x[0] - y[0]);
  const merged: Array<[number, number]> = [];
  for (const [s, e] of windows) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}
