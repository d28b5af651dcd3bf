/**
 * Plain, JSON-serialisable shapes going into and coming out of the scheduler.
 * Times are venue wall-clock strings 'YYYY-MM-DDTHH:mm' (see local-time.ts).
 */
import type { LocalDateTime } from './local-time.js';

/** A game to place. Its teams may be known, or only known as the sets that could fill each side. */
export interface ScheduleGame {
  id: string;
  /** Known teams (0–2). */
  teamIds: string[];
  /**
   * For an undecided side: the teams that could fill it (e.g. the two teams of SF1 for
   * "winner of SF1"), one set per undecided side. When a side has no set, every team that
   * could play in the games it depends on (transitively) is assumed. Ignored once both teams are known.
   */
  possibleTeamIds?: string[][];
  /** Games that must be finished before this one starts (the previous round). */
  dependsOn: string[];
  /** Round number, used to order games within the same dependency level. */
  round?: number;
  /** Slot length including warm-up; defaults to `settings.slotMinutes`. */
  durationMinutes?: number;
  /** A slot set by the organiser (e.g. the final at 19:30 on the main court), kept exactly. */
  fixed?: { courtId: string; start: LocalDateTime };
  /** Courts to use when one of them is free the same day; first listed is preferred most. */
  preferredCourtIds?: string[];
  /** The stage the game belongs to; with `settings.newDayForNewStage`, a stage starts on a day after the games it waits for. */
  stage?: string;
  /** Calendar days the game may be played on, inclusive ('YYYY-MM-DD'): a stage's day range. */
  days?: { first: string; last: string };
  /**
   * A game this one is played before, on that game's day (the 3rd-place game before the final).
   * Counts as a dependency of that game; when that game is fixed, this one is placed as late as fits.
   */
  beforeOnSameDay?: string;
  /**
   * Games with the same key never share a team (one round of a bracket or of a group), so the rest
   * rule does not hold them apart even when their possible teams overlap (both semi-finals may be played at once).
   */
  exclusiveKey?: string;
}

export interface Court {
  id: string;
  name: string;
}

/** A period when a court may be used; several per court (one per day, or a morning and an evening). */
export interface CourtWindow {
  courtId: string;
  start: LocalDateTime;
  end: LocalDateTime;
}

export interface ScheduleSettings {
  /** Default slot of one game including warm-up, in minutes (90 suits a 4×10 game). */
  slotMinutes: number;
  /** Minimum minutes between the end of a team's game and the start of its next one. */
  minRestMinutes: number;
  /**
   * Extra minutes after a game ends before a game depending on it may start (default 0).
   * When the dependent game's teams are not all known, at least `minRestMinutes` applies too,
   * since the teams of the earlier game may be the ones playing.
   */
  dependencyBufferMinutes?: number;
  /** Starts fall on multiples of this many minutes after midnight (default 5); fixed starts are kept as given. */
  startStepMinutes?: number;
  /** A game of one stage starts on a later day than the games of an earlier stage it waits for (default false). */
  newDayForNewStage?: boolean;
}

export interface ScheduleInput {
  games: ScheduleGame[];
  courts: Court[];
  windows: CourtWindow[];
  settings: ScheduleSettings;
}

/** Where and when a game is played, plus what later checks (delays, moves) need to know. */
export interface GameAssignment {
  gameId: string;
  courtId: string;
  start: LocalDateTime;
  end: LocalDateTime;
  /** Teams the rest rule protects: the known teams and, for an undecided side, every team that could fill it. */
  guardedTeamIds: string[];
  dependsOn: string[];
  /** Minutes this game waits after each game it depends on has ended. */
  dependencyGapMinutes: number;
}

export interface Schedule {
  /** Sorted by start, then by the order courts were given. */
  assignments: GameAssignment[];
  minRestMinutes: number;
}

/** Why a game could not be placed. */
export type UnplacedReason =
  | 'no_window' // no court window can hold the game at all
  | 'dependency' // games it depends on end too late, or could not be placed
  | 'rest' // courts are free, but never while all its teams are rested
  | 'courts_full' // every court window from the earliest possible start is booked
  | 'deadline' // it cannot end in time for a fixed game that depends on it, or within its days
  | 'fixed_conflict'; // its fixed slot breaks a rule

export interface UnplacedGame {
  gameId: string;
  reason: UnplacedReason;
  message: string;
}
