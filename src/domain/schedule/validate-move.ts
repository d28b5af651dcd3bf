/**
 * An organiser drags a game to another court or time: the move is checked against every
 * scheduling rule and refused with reasons that name the rule, the team and the other game.
 */
import { conflict, notFound, type DomainError } from '../shared/domain-error.js';
import { fromMinutes, toMinutes, type LocalDateTime } from './local-time.js';
import { prepareInput } from './prepared-input.js';
import { ScheduleIndex, type SlotViolation } from './slot-rules.js';
import type { Schedule, ScheduleInput } from './types.js';

export interface MoveTarget {
  courtId: string;
  start: LocalDateTime;
}

export type MoveCheck = { ok: true } | { ok: false; reasons: SlotViolation[] };

/** Checks a move without changing anything; `reasons` lists every rule it would break. */
export function validateMove(schedule: Schedule, input: ScheduleInput, gameId: string, target: MoveTarget): MoveCheck {
  const plan = prepareInput(input);
  const gameIndex = plan.gameIndex.get(gameId);
  if (gameIndex === undefined)
    throw notFound('SCHEDULE_GAME_NOT_FOUND', `game '${gameId}' is not in the schedule input`);
  const start = toMinutes(target.start, 'start');
  const reasons = new ScheduleIndex(plan, schedule).violations(gameIndex, target.courtId, start);
  return reasons.length === 0 ? { ok: true } : { ok: false, reasons };
}

/** The error a refused move raises: SCHEDULE_MOVE_REFUSED, one detail per broken rule. */
export function moveRefusedError(gameId: string, reasons: SlotViolation[]): DomainError {
  return conflict(
    'SCHEDULE_MOVE_REFUSED',
    `Moving ${gameId} breaks ${reasons.length === 1 ? 'a scheduling rule' : `${reasons.length} scheduling rules`}: ${reasons.map((r) => r.message).join('; ')}`,
    reasons.map((r) => ({ field: r.rule, reason: r.message })),
    { gameId, reasons },
  );
}

/** Applies a move, returning a new schedule; throws SCHEDULE_MOVE_REFUSED when a rule would break. */
export function moveGame(schedule: Schedule, input: ScheduleInput, gameId: string, target: MoveTarget): Schedule {
  const check = validateMove(schedule, input, gameId, target);
  if (!check.ok) throw moveRefusedError(gameId, check.reasons);
  const plan = prepareInput(input);
  const g = plan.games[plan.gameIndex.get(gameId)!];
  const start = toMinutes(target.start, 'start');
  const moved = {
    gameId,
    courtId: target.courtId,
    start: fromMinutes(start),
    end: fromMinutes(start + g.duration),
    guardedTeamIds: g.guardedTeams.map((t) => plan.teamIds[t]),
    dependsOn: g.deps.map((d) => plan.games[d].id),
    dependencyGapMinutes: g.gap,
  };
  const courtOrder = (courtId: string) => plan.courtIndex.get(courtId) ?? Infinity;
  const assignments = [...schedule.assignments.filter((a) => a.gameId !== gameId), moved].sort(
    (a, b) => a.start.localeCompare(b.start) || courtOrder(a.courtId) - courtOrder(b.courtId),
  );
  return { ...schedule, assignments };
}
