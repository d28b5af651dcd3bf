/**
 * Per-tournament game settings (FIBA defaults) and the rosters a game is played with.
 * The reducer reads them through a `GameContext`; nothing here changes during a game.
 */
import { invalid } from '../shared/domain-error.js';

/** FIBA Art. 18: time-outs per half / overtime. */
export interface TimeoutAllowance {
  firstHalf: number;
  secondHalf: number;
  /** At most this many of the second-half time-outs when the game clock shows 2:00 or less in the last regulation period. */
  lastTwoMinutesMax: number;
  perOvertime: number;
}

export interface GameSettings {
  /** Regulation periods (FIBA 4; some amateur events play 2 halves). */
  periods: number;
  periodMinutes: number;
  overtimeMinutes: number;
  /** Fouls (all kinds a player commits) after which the player must leave the game (FIBA Art. 40: 5). */
  foulOutLimit: number;
  /** The first team foul in a period that is penalised with free throws (FIBA Art. 41: the 5th). */
  teamFoulPenaltyFrom: number;
  timeouts: TimeoutAllowance;
  /** How many recent plays the state keeps for a live snapshot. */
  recentPlaysKept: number;
}

export const DEFAULT_GAME_SETTINGS: GameSettings = {
  periods: 4,
  periodMinutes: 10,
  overtimeMinutes: 5,
  foulOutLimit: 5,
  teamFoulPenaltyFrom: 5,
  timeouts: { firstHalf: 2, secondHalf: 3, lastTwoMinutesMax: 2, perOvertime: 1 },
  recentPlaysKept: 10,
};

export type GameSettingsInput = Partial<Omit<GameSettings, 'timeouts'>> & { timeouts?: Partial<TimeoutAllowance> };

/** FIBA defaults overridden by whatever the tournament set. */
export function resolveGameSettings(input: GameSettingsInput = {}): GameSettings {
  const settings: GameSettings = {
    ...DEFAULT_GAME_SETTINGS,
    ...input,
    timeouts: { ...DEFAULT_GAME_SETTINGS.timeouts, ...input.timeouts },
  };
  const positive: Array<[string, number]> = [
    ['periods', settings.periods],
    ['periodMinutes', settings.periodMinutes],
    ['overtimeMinutes', settings.overtimeMinutes],
    ['foulOutLimit', settings.foulOutLimit],
    ['teamFoulPenaltyFrom', settings.teamFoulPenaltyFrom],
  ];
  const bad = positive.filter(([, v]) => !Number.isInteger(v) || v < 1);
  if (bad.length > 0) {
    throw invalid(
      'GAME_INVALID_SETTINGS',
      'Game settings must be positive whole numbers',
      bad.map(([field]) => ({ field, reason: 'must be a whole number of at least 1' })),
    );
  }
  return settings;
}

/** A player on a team's game roster. The jersey number is the registered one, a whole number 0–99. */
export interface RosterPlayer {
  playerId: string;
  teamId: string;
  jerseyNumber: number;
  name: string;
}

export interface TeamRoster {
  teamId: string;
  name: string;
  players: RosterPlayer[];
  /** The confirmed starting five (player ids). When given, players on court are tracked through substitutions. */
  startingFive?: readonly string[] | null;
}

/** Everything the reducer needs besides the events: the game, its settings and both rosters (home/team A first). */
export interface GameContext {
  gameId: string;
  settings: GameSettings;
  teams: readonly [TeamRoster, TeamRoster];
}

export function gameContext(input: {
  gameId: string;
  teams: readonly [TeamRoster, TeamRoster];
  settings?: GameSettingsInput;
}): GameContext {
  return { gameId: input.gameId, teams: input.teams, settings: resolveGameSettings(input.settings) };
}

/** Tenths of a second per minute: game clocks are integers in tenths (FIBA shows tenths in the last minute). */
export const TENTHS_PER_MINUTE = 600;

/** Score-sheet label of a period: "1".."4" in regulation, "OT1", "OT2"... for overtime. */
export const periodLabel = (period: number, settings: GameSettings): string =>
  period <= settings.periods ? String(period) : `OT${period - settings.periods}`;

/** Length of a period in tenths of a second. */
export const periodLength = (period: number, settings: GameSettings): number =>
  (period <= settings.periods ? settings.periodMinutes : settings.overtimeMinutes) * TENTHS_PER_MINUTE;

/** Time-out segment: first half, second half, or one overtime ("H1", "H2", "OT1"...). */
export function timeoutSegment(period: number, settings: GameSettings): string {
  if (period > settings.periods) return periodLabel(period, settings);
  return period <= Math.ceil(settings.periods / 2) ? 'H1' : 'H2';
}

export function timeoutAllowance(segment: string, settings: GameSettings): number {
  if (segment === 'H1') return settings.timeouts.firstHalf;
  if (segment === 'H2') return settings.timeouts.secondHalf;
  return settings.timeouts.perOvertime;
}

/** The period whose team fouls count toward the penalty: overtime fouls count with the last regulation period (FIBA Art. 41.1.1). */
export const teamFoulBucket = (period: number, settings: GameSettings): number => Math.min(period, settings.periods);
