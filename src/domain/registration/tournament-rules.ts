import { invalid, type ErrorDetail } from '../shared/domain-error.js';

/** Rules settings of a tournament. FIBA is the default; amateur events shorten periods etc. */
export interface TournamentRules {
  periods: number;
  periodMinutes: number;
  overtimeMinutes: number;
  rosterMin: number;
  rosterMax: number;
  /** ISO date-time after which roster changes need an organiser override; null = when the tournament starts. */
  rosterLocksAt: string | null;
  foulOutLimit: number;
  /** The team foul from which free throws are awarded in a period (FIBA: the 5th). */
  teamFoulPenaltyFrom: number;
  timeouts: { firstHalf: number; secondHalf: number; lastTwoMinutesMax: number; perOvertime: number };
  /** Score awarded to the opponent of a forfeiting team (FIBA: 20:0). */
  forfeitScore: number;
  /** Final results become official without an organiser's confirmation. */
  autoConfirmResults: boolean;
  /**
   * The IANA time zone of the venue's wall clock (schedule times are in it), for calendar feeds.
   * Absent on tournaments stored before it existed: read it with timeZoneOf().
   */
  timeZone?: string;
}

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export const timeZoneOf = (rules: Pick<TournamentRules, 'timeZone'>): string => rules.timeZone ?? DEFAULT_TIME_ZONE;

/** Whether the runtime knows this IANA zone name ('Asia/Shanghai', 'Asia/Urumqi'). */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(value);
  } catch {
    return false;
  }
}

export const FIBA_RULES: Readonly<TournamentRules> = Object.freeze({
  periods: 4,
  periodMinutes: 10,
  overtimeMinutes: 5,
  rosterMin: 5,
  rosterMax: 12,
  rosterLocksAt: null,
  foulOutLimit: 5,
  teamFoulPenaltyFrom: 5,
  timeouts: Object.freeze({ firstHalf: 2, secondHalf: 3, lastTwoMinutesMax: 2, perOvertime: 1 }),
  forfeitScore: 20,
  autoConfirmResults: false,
  timeZone: DEFAULT_TIME_ZONE,
}) as TournamentRules;

export type RulesInput = Partial<Omit<TournamentRules, 'timeouts'>> & {
  timeouts?: Partial<TournamentRules['timeouts']>;
};

/** Merges settings over a base (FIBA by default) and checks they make sense together. */
export function resolveRules(
  input: RulesInput = {},
  base: TournamentRules = FIBA_RULES,
  field = 'rules',
): TournamentRules {
  const rules: TournamentRules = {
    ...base,
    ...stripUndefined(input),
    timeouts: { ...base.timeouts, ...stripUndefined(input.timeouts ?? {}) },
  };
  const problems: ErrorDetail[] = [];
  if (rules.rosterMin > rules.rosterMax) {
    problems.push({ field: `${field}.rosterMin`, reason: `must not exceed rosterMax (${rules.rosterMax})` });
  }
  if (rules.rosterMin < 5) {
    problems.push({ field: `${field}.rosterMin`, reason: 'must be at least 5: a team starts with five players' });
  }
  if (rules.timeouts.lastTwoMinutesMax > rules.timeouts.secondHalf) {
    problems.push({ field: `${field}.timeouts.lastTwoMinutesMax`, reason: 'must not exceed timeouts.secondHalf' });
  }
  if (rules.periods % 2 !== 0 && rules.periods !== 1) {
    problems.push({ field: `${field}.periods`, reason: 'must be even (two halves), or 1' });
  }
  if (rules.timeZone !== undefined && !isTimeZone(rules.timeZone)) {
    problems.push({
      field: `${field}.timeZone`,
      reason: `'${rules.timeZone}' is not a known time zone such as Asia/Shanghai`,
    });
  }
  if (problems.length > 0) throw invalid('TOURNAMENT_RULES_INVALID', 'Rules settings do not fit together', problems);
  return rules;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
