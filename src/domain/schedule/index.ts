/**
 * Tournament schedule: places games on courts and times, checks manual moves, audits a
 * stored schedule and projects knock-on delays. Times are venue wall-clock strings
 * 'YYYY-MM-DDTHH:mm' with no time zone (see local-time.ts).
 */
export type {
  Court,
  CourtWindow,
  GameAssignment,
  Schedule,
  ScheduleGame,
  ScheduleInput,
  ScheduleSettings,
  UnplacedGame,
  UnplacedReason,
} from './types.js';
export { scheduleGames } from './schedule-games.js';
export { validateMove, moveGame, moveRefusedError, type MoveCheck, type MoveTarget } from './validate-move.js';
export { auditSchedule } from './audit-schedule.js';
export { scheduleQuality, type ScheduleQuality, type TeamRest } from './schedule-quality.js';
export type { SlotRule, SlotViolation } from './slot-rules.js';
export {
  projectDelays,
  type DelayCause,
  type GameActual,
  type ProjectDelayOptions,
  type ProjectedDelay,
} from './project-delays.js';
export { toMinutes, fromMinutes, type LocalDateTime } from './local-time.js';
