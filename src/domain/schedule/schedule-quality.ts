/**
 * Figures an organiser reads to judge a schedule at a glance: how many days it takes, how long
 * courts stand idle between games, each team's shortest rest and how often a team plays in
 * consecutive slots. Computed from a built (or hand-moved) schedule and its input.
 */
import { dayOf, fromMinutes, toMinutes } from './local-time.js';
import type { Schedule, ScheduleInput } from './types.js';

export interface TeamRest {
  teamId: string;
  /** Games of the team whose two sides are already known. */
  games: number;
  /** Minutes from the end of one game to the start of its next; null with fewer than two games. */
  shortestRestMinutes: number | null;
}

export interface ScheduleQuality {
  /** Calendar days with at least one game ('YYYY-MM-DD'), in order. */
  days: string[];
  daysUsed: number;
  firstStart: string | null;
  lastEnd: string | null;
  /** Minutes a court stands empty between its first and last game of a day, summed over courts and days. */
  idleCourtMinutes: number;
  /** Two games of one team in consecutive slots: less than one slot (`slotMinutes`) between them. */
  backToBackCount: number;
  /** The shortest rest of any team (null when no team has two known games). */
  shortestRestMinutes: number | null;
  /** Teams known now, in the order of their first game; games with undecided sides are not counted. */
  teams: TeamRest[];
}

export function scheduleQuality(schedule: Schedule, input: ScheduleInput): ScheduleQuality {
  const games = new Map(input.games.map((g) => [g.id, g]));
  const placed = schedule.assignments.map((a) => ({
    a,
    start: toMinutes(a.start),
    end: toMinutes(a.end),
    teams: games.get(a.gameId)?.teamIds ?? [],
  }));
  const days = [...new Set(placed.map((p) => dayOf(p.start)))].sort((x, y) => x - y);

  let idle = 0;
  const byCourtDay = new Map<string, typeof placed>();
  for (const p of placed) {
    const key = `${p.a.courtId}|${dayOf(p.start)}`;
    byCourtDay.set(key, [...(byCourtDay.get(key) ?? []), p]);
  }
  for (const list of byCourtDay.values()) {
    list.sort((x, y) => x.start - y.start);
    for (let i = 1; i < list.length; i++) idle += Math.max(0, list[i].start - list[i - 1].end);
  }

  const byTeam = new Map<string, typeof placed>();
  for (const p of [...placed].sort((x, y) => x.start - y.start)) {
    for (const team of p.teams) byTeam.set(team, [...(byTeam.get(team) ?? []), p]);
  }
  let backToBack = 0;
  const teams: TeamRest[] = [...byTeam.entries()].map(([teamId, list]) => {
    let shortest: number | null = null;
    for (let i = 1; i < list.length; i++) {
      const rest = list[i].start - list[i - 1].end;
      shortest = shortest === null ? rest : Math.min(shortest, rest);
      if (dayOf(list[i].start) === dayOf(list[i - 1].start) && rest < input.settings.slotMinutes) backToBack++;
    }
    return { teamId, games: list.length, shortestRestMinutes: shortest };
  });
  const rests = teams.flatMap((t) => (t.shortestRestMinutes === null ? [] : [t.shortestRestMinutes]));
  return {
    days: days.map((d) => fromMinutes(d * 1440).slice(0, 10)),
    daysUsed: days.length,
    firstStart: placed.length ? fromMinutes(Math.min(...placed.map((p) => p.start))) : null,
    lastEnd: placed.length ? fromMinutes(Math.max(...placed.map((p) => p.end))) : null,
    idleCourtMinutes: idle,
    backToBackCount: backToBack,
    shortestRestMinutes: rests.length ? Math.min(...rests) : null,
    teams,
  };
}
