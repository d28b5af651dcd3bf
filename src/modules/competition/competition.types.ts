import type { CrossGroupDrawFact, FormatTemplateOptions, Huzhou2024Format } from '../../domain/competition/index.js';
import type { ResultKind } from '../../domain/game/index.js';
import type { LocalDateTime } from '../../domain/schedule/index.js';

/** How the organiser described the format, kept to show it back. */
export type CompetitionFormat =
  | { kind: 'huzhou2024'; format: Huzhou2024Format }
  | { kind: 'template'; options: FormatTemplateOptions }
  | { kind: 'stages' };

/** A decided game result as advancement applied it (teams as they played the game). */
export interface AppliedResult {
  homeTeamId: string;
  awayTeamId: string;
  homeScore: number;
  awayScore: number;
  kind: ResultKind;
  penalisedTeamId: string | null;
  winnerTeamId: string;
  loserTeamId: string;
  /** Confirmed by an organiser (game status official). */
  official: boolean;
}

/** Recorded drawings of lots: the only thing that may separate teams nothing played separates. */
export interface CompetitionLots {
  groups: Array<{ groupId: string; order: string[] }>;
  crossGroup: CrossGroupDrawFact[];
  finalRanking: string[];
}

export interface PendingOverride {
  /** The structure game whose corrected result may change games already started. */
  gameId: string;
  reason: string;
  accountId: string | null;
  at: string;
}

export interface ForcedCorrection {
  gameId: string;
  reason: string;
  accountId: string | null;
  at: string;
  /** Dependent games that had started and whose slots changed anyway. */
  overriddenGames: string[];
  /** Results of dependent games that no longer name their teams (they stop counting). */
  invalidatedResults: string[];
}

export interface GameScheduleOption {
  gameId: string;
  fixed?: { courtId: string; start: LocalDateTime } | null;
  preferredCourtIds?: string[] | null;
  durationMinutes?: number | null;
  /** Set by a manual move: the slot is kept by the next generation (unless keepMovedGames is false). */
  movedByHand?: boolean;
}

export interface ScheduleSettingsRecord {
  slotMinutes: number;
  minRestMinutes: number;
  dependencyBufferMinutes: number;
  startStepMinutes: number;
  games: GameScheduleOption[];
  /** Absent in settings stored before stage days existed. */
  stageDays?: Array<{ stageId: string; first: string; last: string }>;
  /** Asked for: every stage starts on a later day than the stage it waits for. */
  newDayForNewStage?: boolean;
  /** Whether the built schedule keeps it (false when the days could not hold it and it was dropped). */
  stagesOnNewDays?: boolean;
}
