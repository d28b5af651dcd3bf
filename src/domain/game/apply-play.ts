/**
 * The play reducer: one effective play (never a correction) applied to the state in O(roster).
 * Refused plays throw a DomainError and leave the input state untouched.
 */
import {
  applyFieldGoal,
  applyFreeThrow,
  applyRebound,
  applyScoreAdjust,
  applySteal,
  applyTurnover,
  closeFreeThrowRun,
} from './apply-stats.js';
import { applyFoul } from './apply-fouls.js';
import {
  applyClock,
  applyPeriodEnd,
  applyPeriodStart,
  applySubstitution,
  applyTimeout,
  refreshTimeoutsLeft,
} from './apply-flow.js';
import { type Draft, raiseFlag, startDraft } from './game-draft.js';
import { trackCourtTime } from './apply-court-time.js';
import { applyPaperResult } from './paper-result.js';
import { type GameContext, periodLength } from './game-settings.js';
import type { GameState } from './game-state.js';
import type { EffectivePlay, PlayBody } from './play-event.js';
import { invalid } from '../shared/domain-error.js';
import { badEvent } from './play-rules.js';

/** Events that may fall between free throws of one series without breaking it. */
const NEUTRAL_FOR_FREE_THROWS = new Set<string>(['substitution', 'timeout', 'clock_start', 'clock_stop']);
/** Not shown in the recent-plays feed. */
const NOT_A_FEED_PLAY = new Set<string>(['clock_start', 'clock_stop']);

export function applyPlay(state: GameState, event: EffectivePlay, context: GameContext): GameState {
  checkTiming(state, event, context);
  const d = startDraft(state, event.seq, context);
  if (
    event.period !== undefined &&
    event.type !== 'period_start' &&
    state.period.status === 'in_progress' &&
    event.period !== state.period.current
  ) {
    raiseFlag(
      d,
      'PERIOD_MISMATCH',
      `Device says period ${event.period}, period ${state.period.current} is in progress`,
    );
  }
  dispatch(d, event);
  applyClock(d, event);
  trackCourtTime(d, event);
  if (event.type === 'free_throw_made' || event.type === 'free_throw_missed') {
    // handled in applyFreeThrow
  } else if (!NEUTRAL_FOR_FREE_THROWS.has(event.type)) {
    closeFreeThrowRun(d, event.type === 'foul');
  }
  refreshTimeoutsLeft(d);
  if (!NOT_A_FEED_PLAY.has(event.type)) recordRecentPlay(d, event);
  return d.next;
}

function dispatch(d: Draft, e: EffectivePlay): void {
  switch (e.type) {
    case 'field_goal_made':
    case 'field_goal_missed':
      return applyFieldGoal(d, e);
    case 'free_throw_made':
    case 'free_throw_missed':
      return applyFreeThrow(d, e);
    case 'rebound':
      return applyRebound(d, e);
    case 'steal':
    case 'block':
      return applySteal(d, e);
    case 'turnover':
      return applyTurnover(d, e);
    case 'foul':
      return applyFoul(d, e);
    case 'timeout':
      return applyTimeout(d, e);
    case 'substitution':
      return applySubstitution(d, e);
    case 'period_start':
      return applyPeriodStart(d, e);
    case 'period_end':
      return applyPeriodEnd(d, e);
    case 'clock_start':
    case 'clock_stop':
      return; // applyClock
    case 'score_adjust':
      return applyScoreAdjust(d, e);
    case 'paper_result':
      return applyPaperResult(d, e);
    default:
      badEvent(`Unknown play type ${String((e as { type: unknown }).type)}`, 'type');
  }
}

function checkTiming(state: GameState, e: EffectivePlay, context: GameContext): void {
  if (e.period !== undefined && (!Number.isInteger(e.period) || e.period < 1)) {
    badEvent('period must be a whole number from 1', 'period');
  }
  if (e.gameClock === undefined) {
    if (e.type === 'clock_start' || e.type === 'clock_stop') badEvent('A clock event needs gameClock', 'gameClock');
    return;
  }
  const period = e.type === 'period_start' ? state.period.current + 1 : Math.max(1, state.period.current);
  const max = periodLength(period, context.settings);
  if (!Number.isInteger(e.gameClock) || e.gameClock < 0 || e.gameClock > max) {
    throw invalid('GAME_INVALID_CLOCK', `gameClock must be whole tenths of a second between 0 and ${max}`, [
      { field: 'gameClock', reason: `must be an integer from 0 to ${max}` },
    ]);
  }
}

function recordRecentPlay(d: Draft, e: EffectivePlay): void {
  const { seq, clientEventId: _id, period: _p, gameClock, ...body } = e;
  const play = body as PlayBody;
  const keep = d.context.settings.recentPlaysKept;
  const entry = { seq, period: d.next.period.current, gameClock: gameClock ?? null, play, score: d.next.score };
  d.next.recentPlays = keep <= 0 ? [] : [...d.before.recentPlays, entry].slice(-keep);
}
