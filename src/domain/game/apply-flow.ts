/** Reducer cases for the flow of the game: periods, clock, time-outs and substitutions. */
import { invalid } from '../shared/domain-error.js';
import { refreshTeamFouls } from './apply-fouls.js';
import { type Draft, markPlayed, raiseFlag } from './game-draft.js';
import {
  type GameSettings,
  periodLabel,
  periodLength,
  TENTHS_PER_MINUTE,
  timeoutAllowance,
  timeoutSegment,
} from './game-settings.js';
import type { GameState, TimeoutState } from './game-state.js';
import type { EffectivePlay, PeriodEnd, PeriodStart, Substitution, TimeOut } from './play-event.js';
import {
  playerLabel,
  requireEligiblePlayer,
  requireGameNotOver,
  requirePeriodInProgress,
  requireRosterPlayer,
  requireTeam,
} from './play-rules.js';

const TWO_MINUTES = 2 * TENTHS_PER_MINUTE;

export function applyPeriodStart(d: Draft, e: PeriodStart & { period?: number; gameClock?: number }): void {
  const { before, context } = d;
  const { settings } = context;
  if (before.period.status === 'in_progress') {
    throw invalid('GAME_PERIOD_ALREADY_RUNNING', `Period ${before.period.label} is still in progress`);
  }
  requireGameNotOver(before, 'a new period');
  const period = before.period.current + 1;
  if (e.period !== undefined && e.period !== period) {
    throw invalid('GAME_PERIOD_OUT_OF_ORDER', `The next period is ${period}, not ${e.period}`, [
      { field: 'period', reason: `must be ${period}` },
    ]);
  }
  const label = periodLabel(period, settings);
  d.next.period = { current: period, label, status: 'in_progress' };
  d.next.overtimeRequired = false;
  const [a, b] = before.teams;
  d.next.scoreByPeriod = [...before.scoreByPeriod, { period, label, points: { [a.teamId]: 0, [b.teamId]: 0 } }];
  d.next.clock = { running: false, remaining: e.gameClock ?? periodLength(period, settings), asOfSeq: d.seq };
  const segment = timeoutSegment(period, settings);
  const timeouts = { ...before.timeouts };
  for (const [teamId, t] of Object.entries(timeouts)) {
    if (t.segment !== segment) {
      const allowance = timeoutAllowance(segment, settings);
      timeouts[teamId] = { ...t, segment, allowance, used: 0, usedInLastTwoMinutes: 0, left: allowance };
    }
  }
  d.next.timeouts = timeouts;
  markPlayed(
    d,
    Object.values(before.onCourt).flatMap((ids) => ids ?? []),
  );
  refreshTeamFouls(d);
}

export function applyPeriodEnd(d: Draft, _e: PeriodEnd): void {
  const { before, context } = d;
  requirePeriodInProgress(before, 'the end of a period');
  d.next.period = { ...before.period, status: 'ended' };
  d.next.clock = { running: false, remaining: 0, asOfSeq: d.seq };
  if (before.period.current >= context.settings.periods) {
    // FIBA Art. 8.7: a game never ends tied; extra periods are played until it is decided.
    const [a, b] = Object.values(before.score);
    if (a === b) d.next.overtimeRequired = true;
    else d.next.gameOver = true;
  }
  refreshTeamFouls(d);
}

/** Is the last-two-minutes cap of the last regulation period in force at clock value `remaining`? */
const inLastTwoMinutes = (state: GameState, remaining: number | null, settings: GameSettings) =>
  state.period.current === settings.periods && remaining !== null && remaining <= TWO_MINUTES;

export function timeoutsLeft(t: TimeoutState, lastTwoMinutes: boolean, settings: GameSettings): number {
  const left = t.allowance - t.used;
  if (!lastTwoMinutes || t.segment !== 'H2') return Math.max(0, left);
  return Math.max(0, Math.min(left, settings.timeouts.lastTwoMinutesMax - t.usedInLastTwoMinutes));
}

export function applyTimeout(d: Draft, e: TimeOut & { gameClock?: number }): void {
  const { before, context } = d;
  const { settings } = context;
  const teamId = requireTeam(context, e.teamId);
  requirePeriodInProgress(before, 'a time-out');
  const t = before.timeouts[teamId]!;
  const lastTwo = inLastTwoMinutes(before, e.gameClock ?? before.clock.remaining, settings);
  if (timeoutsLeft(t, lastTwo, settings) <= 0) {
    const why =
      t.used >= t.allowance
        ? `all ${t.allowance} time-outs of ${t.segment} have been used`
        : `at most ${settings.timeouts.lastTwoMinutesMax} time-outs may be taken in the last 2 minutes of period ${settings.periods}`;
    throw invalid('GAME_NO_TIMEOUTS_LEFT', `No time-out left: ${why}`, [{ field: 'teamId', reason: why }]);
  }
  if (before.clock.running) {
    raiseFlag(d, 'CLOCK_RUNNING_DURING_STOPPAGE', 'Time-out recorded while the game clock was running', teamId);
  }
  const total = t.total + 1;
  d.next.timeouts = {
    ...before.timeouts,
    [teamId]: { ...t, used: t.used + 1, usedInLastTwoMinutes: t.usedInLastTwoMinutes + (lastTwo ? 1 : 0), total },
  };
  if (total >= 6) raiseFlag(d, 'MANY_TIMEOUTS', `Time-out number ${total} of the game`, teamId);
}

/** Keeps each team's `left` in step with the clock (the last-two-minutes cap). */
export function refreshTimeoutsLeft(d: Draft): void {
  const { settings } = d.context;
  const lastTwo = inLastTwoMinutes(d.next, d.next.clock.remaining, settings) && d.next.period.status === 'in_progress';
  let timeouts: Record<string, TimeoutState> | null = null;
  for (const [teamId, t] of Object.entries(d.next.timeouts)) {
    const left = timeoutsLeft(t, lastTwo, settings);
    if (left !== t.left) {
      timeouts ??= { ...d.next.timeouts };
      timeouts[teamId] = { ...t, left };
    }
  }
  if (timeouts !== null) d.next.timeouts = timeouts;
}

export function applySubstitution(d: Draft, e: Substitution): void {
  const { before, context } = d;
  const teamId = requireTeam(context, e.teamId);
  requireGameNotOver(before, 'a substitution');
  if (e.playerInId === e.playerOutId) {
    throw invalid('GAME_SUBSTITUTION_INVALID', 'A player cannot replace themselves', [
      { field: 'playerInId', reason: 'must differ from playerOutId' },
    ]);
  }
  const playerOut = requireRosterPlayer(context, teamId, e.playerOutId, 'playerOutId');
  const playerIn = requireEligiblePlayer(before, context, teamId, e.playerInId, 'playerInId');
  const court = before.onCourt[teamId] ?? null;
  if (court !== null) {
    if (!court.includes(playerOut.playerId)) {
      throw invalid('GAME_SUBSTITUTION_INVALID', `${playerLabel(playerOut)} is not on court`, [
        { field: 'playerOutId', reason: 'must be on court' },
      ]);
    }
    if (court.includes(playerIn.playerId)) {
      throw invalid('GAME_SUBSTITUTION_INVALID', `${playerLabel(playerIn)} is already on court`, [
        { field: 'playerInId', reason: 'must be on the bench' },
      ]);
    }
    d.next.onCourt = {
      ...before.onCourt,
      [teamId]: court.map((id) => (id === playerOut.playerId ? playerIn.playerId : id)),
    };
  }
  if (before.period.status === 'in_progress') {
    if (before.clock.running) {
      raiseFlag(d, 'CLOCK_RUNNING_DURING_STOPPAGE', 'Substitution recorded while the game clock was running', teamId);
    }
    markPlayed(d, [playerIn.playerId]);
  }
}

/** Clock events, and the clock value any other event carries. */
export function applyClock(d: Draft, e: EffectivePlay): void {
  const { before } = d;
  if (e.type === 'clock_start' || e.type === 'clock_stop') requirePeriodInProgress(before, 'the game clock');
  if (e.type === 'period_start' || e.type === 'period_end') return; // handled by the period cases
  if (before.period.status !== 'in_progress' || e.gameClock === undefined) return;
  const previous = before.clock.remaining;
  if (previous !== null && e.gameClock > previous) {
    raiseFlag(d, 'CLOCK_WENT_UP', `Game clock went up from ${previous} to ${e.gameClock} (tenths of a second)`);
  }
  const running = e.type === 'clock_start' ? true : e.type === 'clock_stop' ? false : before.clock.running;
  d.next.clock = { running, remaining: e.gameClock, asOfSeq: d.seq };
}
