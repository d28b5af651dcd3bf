import type { Integer } from '../shared/integer.js';

/**
 * Flags: things the rules allow but that look unusual, kept for the organiser to review.
 * A flag never blocks the scorekeeper; refused events throw a DomainError instead.
 */
export type GameFlagCode =
  /** No longer raised: such a play is refused (PLAYER_NOT_ON_COURT); kept for flags stored before. */
  | 'PLAYER_NOT_ON_COURT'
  /** The game clock went up within a period. */
  | 'CLOCK_WENT_UP'
  /** The device's period differs from the period in progress. */
  | 'PERIOD_MISMATCH'
  /** Free throws out of sequence: 2 of 2 without 1 of 2, a series left unfinished, or more than 3 in a row. */
  | 'FREE_THROW_SEQUENCE_ANOMALY'
  /** A team's 6th or later time-out of the game. */
  | 'MANY_TIMEOUTS'
  /** Substitution or time-out logged while the events say the clock is running. */
  | 'CLOCK_RUNNING_DURING_STOPPAGE'
  /** A player was disqualified (disqualifying foul, or 2 technical/unsportsmanlike fouls). */
  | 'PLAYER_DISQUALIFIED'
  /** The head coach was disqualified. */
  | 'COACH_DISQUALIFIED';

export interface GameFlag {
  code: GameFlagCode;
  /** The event that raised it. */
  seq: Integer;
  teamId: string | null;
  playerId: string | null;
  message: string;
}
