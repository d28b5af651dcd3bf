/**
 * Greedy list scheduling: fixed games are booked first, exactly where the organiser put
 * them; every other game, in order of dependency level, round and deadline, takes the
 * earliest start where a court window is free and all its teams are rested, on the least
 * used free court (a preferred court wins when it is free the same day).
 */
import { DomainError } from '../shared/domain-error.js';
import { CourtCalendar, TeamCalendar } from './calendars.js';
import { dayOf, describeTime, fromMinutes, MINUTES_PER_DAY } from './local-time.js';
import { prepareInput, type PreparedGame, type PreparedInput } from './prepared-input.js';
import type { GameAssignment, Schedule, ScheduleInput, UnplacedGame, UnplacedReason } from './types.js';

interface Slot {
  court: number;
  start: number;
}

/** Places every game or throws DomainError SCHEDULE_INFEASIBLE naming each game left out and why. */
export function scheduleGames(input: ScheduleInput): Schedule {
  const plan = prepareInput(input);
  const courts = plan.windows.map((w) => new CourtCalendar(w));
  const teams = new TeamCalendar(plan.teamIds.length, plan.minRest);
  const placed: Array<Slot | null> = plan.games.map(() => null);
  const unplaced: UnplacedGame[] = [];
  const fail = (g: PreparedGame, reason: UnplacedReason, message: string) =>
    unplaced.push({ gameId: g.id, reason, message: `${g.id}: ${message}` });
  const book = (g: PreparedGame, slot: Slot) => {
    courts[slot.court].book(slot.start, slot.start + g.duration);
    for (const t of g.guardedTeams) teams.book(t, slot.start, slot.start + g.duration, g.index, g.exclusive);
    placed[g.index] = slot;
  };

  // Dependency order, so a fixed game is checked against the fixed games it depends on.
  for (const i of plan.order) {
    const g = plan.games[i];
    if (g.fixedCourt === null || g.fixedStart === null) continue;
    const clash = fixedClash(plan, g, courts, teams, placed);
    if (clash) fail(g, 'fixed_conflict', clash);
    else book(g, { court: g.fixedCourt, start: g.fixedStart });
  }

  const unbook = (g: PreparedGame, slot: Slot) => {
    courts[slot.court].unbook(slot.start, slot.start + g.duration);
    for (const t of g.guardedTeams) teams.unbook(t, g.index);
    placed[g.index] = null;
  };

  for (const i of plan.order) {
    const g = plan.games[i];
    if (g.fixedCourt !== null || placed[i] !== null) continue;
    const missing = g.deps.find((d) => placed[d] === null);
    if (missing !== undefined) {
      fail(g, 'dependency', `depends on ${plan.games[missing].id}, which could not be placed`);
      continue;
    }
    const ready = readyAt(plan, g, placed);
    if (g.beforeOnSameDay !== null && placeBeforeOnSameDay(plan, g, ready, courts, teams, placed, book, unbook))
      continue;
    const slot = chooseSlot(plan, g, ready, courts, teams);
    if (slot === null) {
      const [reason, message] = explainNoSlot(plan, g, ready, courts, teams, placed);
      fail(g, reason, message);
    } else if (slot.start + g.duration > g.latestEnd) {
      fail(g, 'deadline', missedDeadline(plan, g, slot.start + g.duration));
    } else book(g, slot);
  }

  if (unplaced.length > 0) {
    const order = new Map(plan.games.map((g) => [g.id, g.index]));
    unplaced.sort((a, b) => order.get(a.gameId)! - order.get(b.gameId)!);
    throw new DomainError(
      'SCHEDULE_INFEASIBLE',
      'invalid',
      `${unplaced.length} of ${plan.games.length} games cannot be placed: ${unplaced.map((u) => u.gameId).join(', ')}`,
      unplaced.map((u) => ({ field: `games[${order.get(u.gameId)}]`, reason: u.message })),
      { unplaced },
    );
  }
  return toSchedule(plan, placed as Slot[]);
}

/** Earliest start its days and dependencies allow: each has ended, plus the gap (a new day for a new stage). */
function readyAt(plan: PreparedInput, g: PreparedGame, placed: Array<Slot | null>): number {
  let ready = g.notBefore;
  for (const d of g.deps) ready = Math.max(ready, placed[d]!.start + plan.games[d].duration + g.gap);
  for (const d of g.newDayAfter) {
    if (placed[d] === null) continue;
    const end = placed[d]!.start + plan.games[d].duration;
    ready = Math.max(ready, (dayOf(end - 1) + 1) * MINUTES_PER_DAY);
  }
  return ready;
}

/**
 * The 3rd-place game before the final, on the final's day. A fixed final: as late as fits before it
 * (the crowd stays for both). Otherwise the earliest day where both fit, this game first. False when
 * no day holds both: the caller places it as any other game.
 */
function placeBeforeOnSameDay(
  plan: PreparedInput,
  g: PreparedGame,
  ready: number,
  courts: CourtCalendar[],
  teams: TeamCalendar,
  placed: Array<Slot | null>,
  book: (g: PreparedGame, slot: Slot) => void,
  unbook: (g: PreparedGame, slot: Slot) => void,
): boolean {
  const after = plan.games[g.beforeOnSameDay!];
  if (after.fixedStart !== null) {
    if (placed[after.index] === null) return false;
    const from = Math.max(ready, dayOf(after.fixedStart) * MINUTES_PER_DAY);
    const slot = latestSlot(plan, g, from, Math.min(g.latestEnd, after.fixedStart - after.gap), courts, teams);
    if (slot === null) return false;
    book(g, slot);
    return true;
  }
  if (after.deps.some((d) => d !== g.index && placed[d] === null)) return false;
  for (let from = ready; ;) {
    const slot = chooseSlot(plan, g, from, courts, teams);
    if (slot === null || slot.start + g.duration > g.latestEnd) return false;
    book(g, slot);
    const next = chooseSlot(plan, after, readyAt(plan, after, placed), courts, teams);
    if (next !== null && dayOf(next.start) === dayOf(slot.start) && next.start + after.duration <= after.latestEnd) {
      book(after, next);
      return true;
    }
    unbook(g, slot);
    from = (dayOf(slot.start) + 1) * MINUTES_PER_DAY;
  }
}

/** Latest aligned start in [from, until − duration] where a court is free and all teams rested; preferred courts first. */
function latestSlot(
  plan: PreparedInput,
  g: PreparedGame,
  from: number,
  until: number,
  courts: CourtCalendar[],
  teams: TeamCalendar,
): Slot | null {
  const order = [...g.preferredCourts, ...courts.map((_, c) => c).filter((c) => !g.preferredCourts.includes(c))];
  const last = until - g.duration;
  const midnight = dayOf(last) * MINUTES_PER_DAY;
  for (let t = midnight + Math.floor((last - midnight) / plan.step) * plan.step; t >= from; t -= plan.step) {
    if (g.guardedTeams.some((team) => teams.conflict(team, t, t + g.duration, g.exclusive) !== null)) continue;
    const court = order.find((c) => courts[c].fits(t, t + g.duration));
    if (court !== undefined) return { court, start: t };
  }
  return null;
}

function chooseSlot(
  plan: PreparedInput,
  g: PreparedGame,
  ready: number,
  courts: CourtCalendar[],
  teams: TeamCalendar,
): Slot | null {
  const all = courts.map((_, c) => c);
  const earliest = earliestSlot(plan, g, ready, all, courts, teams);
  if (earliest === null || g.preferredCourts.length === 0 || g.preferredCourts.includes(earliest.court))
    return earliest;
  // A preferred court is worth waiting for within the same day, not worth missing a deadline for.
  const preferred = earliestSlot(plan, g, ready, g.preferredCourts, courts, teams);
  const keeps =
    preferred !== null &&
    dayOf(preferred.start) === dayOf(earliest.start) &&
    preferred.start + g.duration <= g.latestEnd;
  return keeps ? preferred : earliest;
}

/** Earliest start at or after `from` on one of `candidates` with all teams rested; null past the last window. */
function earliestSlot(
  plan: PreparedInput,
  g: PreparedGame,
  from: number,
  candidates: number[],
  courts: CourtCalendar[],
  teams: TeamCalendar | null,
): Slot | null {
  let t = from;
  for (;;) {
    if (teams !== null) t = teamsFreeFrom(plan, g, t, teams);
    let best = Infinity;
    for (const c of candidates) best = Math.min(best, courts[c].earliestFree(t, g.duration, plan.step));
    if (best === Infinity) return null;
    if (best === t || teams === null) return { court: pickCourt(plan, g, best, candidates, courts), start: best };
    t = best;
  }
}

function teamsFreeFrom(plan: PreparedInput, g: PreparedGame, from: number, teams: TeamCalendar): number {
  let t = from;
  let moved = true;
  while (moved) {
    moved = false;
    for (const team of g.guardedTeams) {
      const next = teams.freeFrom(team, t, g.duration, plan.step, g.exclusive);
      if (next !== t) {
        t = next;
        moved = true;
      }
    }
  }
  return t;
}

/** Among courts free at `start`: preferred first, then the least used, then the order given. */
function pickCourt(
  plan: PreparedInput,
  g: PreparedGame,
  start: number,
  candidates: number[],
  courts: CourtCalendar[],
): number {
  let best = -1;
  let bestRank = Infinity;
  for (const c of candidates) {
    if (courts[c].earliestFree(start, g.duration, 1) !== start) continue;
    const preference = g.preferredCourts.indexOf(c);
    const rank = (preference === -1 ? g.preferredCourts.length : preference) * 1e9 + courts[c].bookedMinutes;
    if (rank < bestRank) {
      best = c;
      bestRank = rank;
    }
  }
  return best;
}

function fixedClash(
  plan: PreparedInput,
  g: PreparedGame,
  courts: CourtCalendar[],
  teams: TeamCalendar,
  placed: Array<Slot | null>,
): string | null {
  const court = g.fixedCourt!;
  const start = g.fixedStart!;
  const end = start + g.duration;
  const name = plan.courts[court].name;
  if (!plan.windows[court].some(([ws, we]) => ws <= start && end <= we)) {
    return `fixed at ${describeTime(start)} on ${name}, outside the court's window`;
  }
  if (!courts[court].fits(start, end))
    return `fixed at ${describeTime(start)} on ${name}, which another fixed game books`;
  for (const d of g.deps) {
    const dep = plan.games[d];
    const depSlot = placed[d];
    if (depSlot && depSlot.start + dep.duration + g.gap > start) {
      const gap = g.gap > 0 ? ` and needs ${g.gap} minutes after it` : '';
      return `fixed at ${describeTime(start)}, but depends on fixed game ${dep.id} which ends at ${describeTime(depSlot.start + dep.duration)}${gap}`;
    }
  }
  for (const team of g.guardedTeams) {
    const other = teams.conflict(team, start, end, g.exclusive);
    if (other) {
      return `fixed at ${describeTime(start)}, but team ${plan.teamIds[team]} plays fixed game ${plan.games[other.game].id} at ${describeTime(other.start)} without ${plan.minRest} minutes' rest`;
    }
  }
  return null;
}

function explainNoSlot(
  plan: PreparedInput,
  g: PreparedGame,
  ready: number,
  courts: CourtCalendar[],
  teams: TeamCalendar,
  placed: Array<Slot | null>,
): [UnplacedReason, string] {
  const minutes = `${g.duration}-minute game`;
  if (!plan.windows.some((w) => w.some(([s, e]) => e - s >= g.duration))) {
    return ['no_window', `no court window is long enough for a ${minutes}`];
  }
  const anyWindowAfter = plan.windows.some((w) => w.some(([s, e]) => Math.max(s, ready) + g.duration <= e));
  if (!anyWindowAfter) {
    const last = g.deps.reduce((a, b) =>
      placed[a]!.start + plan.games[a].duration >= placed[b]!.start + plan.games[b].duration ? a : b,
    );
    return [
      'dependency',
      `depends on ${plan.games[last].id} which ends at ${describeTime(placed[last]!.start + plan.games[last].duration)}; no court window for a ${minutes} remains after that`,
    ];
  }
  const all = courts.map((_, c) => c);
  const courtOnly = earliestSlot(plan, g, ready, all, courts, null);
  if (courtOnly === null) return ['courts_full', `every court window that could hold a ${minutes} is already booked`];
  if (courtOnly.start + g.duration > g.latestEnd)
    return ['deadline', missedDeadline(plan, g, courtOnly.start + g.duration)];
  const blocking: string[] = [];
  for (const team of g.guardedTeams) {
    const other = teams.conflict(team, courtOnly.start, courtOnly.start + g.duration, g.exclusive);
    if (other)
      blocking.push(`team ${plan.teamIds[team]} plays ${plan.games[other.game].id} at ${describeTime(other.start)}`);
  }
  return [
    'rest',
    `courts are free from ${describeTime(courtOnly.start)}, but no later slot leaves its teams ${plan.minRest} minutes' rest (${blocking.join(', ')})`,
  ];
}

function missedDeadline(plan: PreparedInput, g: PreparedGame, earliestEnd: number): string {
  const fixed = plan.games[g.deadlineGame];
  if (fixed.fixedStart === null) {
    const whose = fixed === g ? 'its' : `${fixed.id}'s`;
    return `must end by ${describeTime(g.latestEnd)} to keep ${whose} days (${fixed.game.days!.first} to ${fixed.game.days!.last}), but cannot end before ${describeTime(earliestEnd)}`;
  }
  return `must end by ${describeTime(g.latestEnd)} so that fixed game ${fixed.id} can start at ${describeTime(fixed.fixedStart!)}, but cannot end before ${describeTime(earliestEnd)}`;
}

function toSchedule(plan: PreparedInput, placed: Slot[]): Schedule {
  const assignments: GameAssignment[] = plan.games
    .map((g) => ({ g, slot: placed[g.index] }))
    .sort((a, b) => a.slot.start - b.slot.start || a.slot.court - b.slot.court)
    .map(({ g, slot }) => ({
      gameId: g.id,
      courtId: plan.courts[slot.court].id,
      start: fromMinutes(slot.start),
      end: fromMinutes(slot.start + g.duration),
      guardedTeamIds: g.guardedTeams.map((t) => plan.teamIds[t]),
      dependsOn: g.deps.map((d) => plan.games[d].id),
      dependencyGapMinutes: g.gap,
    }));
  return { assignments, minRestMinutes: plan.minRest };
}
