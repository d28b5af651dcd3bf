/**
 * Knock-on delays: when a game starts late or runs long (overtime), which later games can no
 * longer start on time. A game waits for the previous game on its court, for its teams'
 * previous games plus their rest, and for the games it depends on plus the dependency gap;
 * it never starts earlier than scheduled.
 */
import { invalid } from '../shared/domain-error.js';
import { fromMinutes, toMinutes, type LocalDateTime } from './local-time.js';
import type { Schedule } from './types.js';

/** What is known about a game that has started: when it began, and when it ended or is expected to. */
export interface GameActual {
  gameId: string;
  actualStart?: LocalDateTime;
  actualEnd?: LocalDateTime;
  /** For a game still running (e.g. in overtime): when it is now expected to end. */
  expectedEnd?: LocalDateTime;
}

export type DelayCause = 'court' | 'team' | 'dependency' | 'not_started';

export interface ProjectedDelay {
  gameId: string;
  courtId: string;
  scheduledStart: LocalDateTime;
  expectedStart: LocalDateTime;
  expectedEnd: LocalDateTime;
  delayMinutes: number;
  /** The game whose (expected) end holds this one back; null when only the clock does (`now`). */
  causedBy: string | null;
  cause: DelayCause;
  /** The game that started the chain: one that ran long or started late, or this one if it has not started by `now`. */
  origin: string;
}

export interface ProjectDelayOptions {
  /** The current time: a game not started yet cannot start before it, a running game not end before it. */
  now?: LocalDateTime;
}

/** The later games that can no longer start on time, in scheduled order. */
export function projectDelays(
  schedule: Schedule,
  actuals: readonly GameActual[],
  options: ProjectDelayOptions = {},
): ProjectedDelay[] {
  const now = options.now === undefined ? -Infinity : toMinutes(options.now, 'now');
  const known = new Map<string, GameActual>();
  const scheduled = new Set(schedule.assignments.map((a) => a.gameId));
  actuals.forEach((a, i) => {
    if (!scheduled.has(a.gameId)) {
      throw invalid('SCHEDULE_INVALID_ACTUAL', `game '${a.gameId}' is not in the schedule`, [
        { field: `actuals[${i}].gameId`, reason: `game '${a.gameId}' is not in the schedule` },
      ]);
    }
    known.set(a.gameId, a);
  });

  const rest = schedule.minRestMinutes;
  const order = schedule.assignments
    .map((a, i) => ({ a, i, start: toMinutes(a.start), end: toMinutes(a.end) }))
    .sort((x, y) => x.start - y.start || x.i - y.i);
  const expectedEnd = new Map<string, number>();
  const origins = new Map<string, string | null>();
  const courtLast = new Map<string, string>();
  const teamLast = new Map<string, string>();
  const delays: ProjectedDelay[] = [];

  for (const { a, start, end } of order) {
    const actual = known.get(a.gameId);
    let begin = start;
    let causedBy: string | null = null;
    let cause: DelayCause = 'not_started';
    const waitFor = (other: string | undefined, after: number, why: DelayCause) => {
      if (other === undefined) return;
      const ready = expectedEnd.get(other)! + after;
      if (ready > begin) [begin, causedBy, cause] = [ready, other, why];
    };
    if (actual?.actualStart !== undefined) begin = toMinutes(actual.actualStart, 'actualStart');
    else {
      // On a tie the first named cause is kept: dependency, then court, then a team's rest.
      for (const dep of a.dependsOn) if (expectedEnd.has(dep)) waitFor(dep, a.dependencyGapMinutes, 'dependency');
      waitFor(courtLast.get(a.courtId), 0, 'court');
      for (const team of a.guardedTeamIds) waitFor(teamLast.get(team), rest, 'team');
      if (now > begin && actual === undefined) [begin, causedBy, cause] = [now, null, 'not_started'];
    }
    const finish = actualFinish(actual, begin, end - start, now);
    expectedEnd.set(a.gameId, finish);
    // Wait for the earlier game that ends last, not merely the last one scheduled: a game that
    // really started on time can end before an earlier game that ran long.
    const keepLatest = (last: Map<string, string>, key: string) => {
      const current = last.get(key);
      if (current === undefined || finish >= expectedEnd.get(current)!) last.set(key, a.gameId);
    };
    keepLatest(courtLast, a.courtId);
    for (const team of a.guardedTeamIds) keepLatest(teamLast, team);

    const late = actual === undefined ? begin - start : 0;
    const overran = actual !== undefined && finish > end;
    // A chain starts at a game that ran long, or at one that has simply not started yet.
    const origin: string | null =
      late > 0 ? (causedBy === null ? a.gameId : (origins.get(causedBy) ?? causedBy)) : overran ? a.gameId : null;
    origins.set(a.gameId, origin);
    if (late > 0) {
      delays.push({
        gameId: a.gameId,
        courtId: a.courtId,
        scheduledStart: a.start,
        expectedStart: fromMinutes(begin),
        expectedEnd: fromMinutes(finish),
        delayMinutes: late,
        causedBy,
        cause,
        origin: origin ?? a.gameId,
      });
    }
  }
  return delays;
}

function actualFinish(actual: GameActual | undefined, begin: number, duration: number, now: number): number {
  if (actual?.actualEnd !== undefined) return toMinutes(actual.actualEnd, 'actualEnd');
  if (actual?.expectedEnd !== undefined) return Math.max(toMinutes(actual.expectedEnd, 'expectedEnd'), now);
  // A running game has not ended before now, however long it was meant to take.
  return actual ? Math.max(begin + duration, now) : begin + duration;
}
