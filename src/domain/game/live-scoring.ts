/**
 * Rules the live-scoring service applies around the reducer: whether a retried event is the
 * same event, and how recording an event moves the game's status.
 */
import type { GameStatus } from './game-lifecycle.js';
import type { PlayEventBody } from './play-event.js';

/**
 * JSON with object keys sorted, so two bodies that differ only in key order (or in absent vs
 * undefined fields) read the same. jsonb storage does not keep key order.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = sortKeys(v);
  }
  return out;
}

/**
 * A device retrying an event sends the same client event id with the same body; the retry gets
 * the original answer. The same id with another body is a different event reusing an id.
 */
export const sameEventContent = (a: PlayEventBody, b: PlayEventBody): boolean => canonicalJson(a) === canonicalJson(b);

/**
 * The status after an event is recorded: the first `period_start` of a game that is `ready`
 * starts it (ready -> live), so the scorer's table does not need a separate "start" tap.
 * Every other event leaves the status alone (the game ends only by an explicit transition).
 */
export function statusAfterEvent(status: GameStatus, event: Pick<PlayEventBody, 'type'>): GameStatus {
  return status === 'ready' && event.type === 'period_start' ? 'live' : status;
}

/**
 * The lifecycle steps the people at the scorer's table take themselves: confirm the starting
 * fives (ready), start the game, end it. Every other step (confirm the result, forfeit, lost by
 * default, postpone, cancel, reschedule, reopen) is the tournament organisers' decision.
 */
export function scorekeeperMayMove(from: GameStatus, to: GameStatus): boolean {
  return (
    (from === 'scheduled' && to === 'ready') ||
    (from === 'ready' && to === 'live') ||
    (from === 'live' && to === 'final')
  );
}
