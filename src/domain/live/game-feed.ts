/**
 * The rules of a game's live feed, shared by the server (what to send a client that joins or
 * comes back) and clients (what to do with a message). Every committed play event has a
 * gap-free `seq`; a client remembers the last one it applied.
 */
import type { Integer } from '../shared/integer.js';

/** What a client that joins a game's room gets first. */
export type CatchUp =
  | { kind: 'snapshot'; reason: 'first_join' | 'too_far_behind' | 'ahead_of_log' }
  /** The events after `afterSeq`, read from the log; `count` 0 means the client is up to date. */
  | { kind: 'deltas'; afterSeq: number; count: number };

/**
 * A client that says it last saw `clientLastSeq` of a game now at `lastSeq` gets exactly the
 * events it missed, unless that is more than `maxDeltas` (a snapshot is smaller then) or it
 * claims to be ahead of the log (another database, or a bug): then a fresh snapshot.
 */
export function planCatchUp(clientLastSeq: number | null | undefined, lastSeq: number, maxDeltas: number): CatchUp {
  if (clientLastSeq === null || clientLastSeq === undefined) return { kind: 'snapshot', reason: 'first_join' };
  if (clientLastSeq > lastSeq) return { kind: 'snapshot', reason: 'ahead_of_log' };
  const missed = lastSeq - clientLastSeq;
  if (missed > maxDeltas) return { kind: 'snapshot', reason: 'too_far_behind' };
  return { kind: 'deltas', afterSeq: clientLastSeq, count: missed };
}

/**
 * What a client does with a delta numbered `seq` when it has applied everything up to
 * `lastSeq`: apply the next one; ignore one it already has (it may arrive twice around a
 * snapshot or a resume); on a gap, ask again with its `lastSeq` (deltas from two server
 * instances can cross on the way).
 */
export function deltaAction(lastSeq: number, seq: number): 'apply' | 'already_applied' | 'gap' {
  if (seq === lastSeq + 1) return 'apply';
  if (seq <= lastSeq) return 'already_applied';
  return 'gap';
}

/** The game clock as a fan's page receives it: `remaining` was true at server time `asOf`. */
export interface ClockReading {
  running: boolean;
  /** Tenths of a second left in the period; null before the first period. */
  remaining: Integer | null;
  /** ISO time on the server when `remaining` was read from the scorer's table. */
  asOf: string | null;
}

/**
 * Tenths of a second left at server time `nowMs`: a running clock counts down from its reading
 * (never below zero), a stopped one shows its reading. A page calls this every frame with its
 * estimate of the server's time, so the clock moves without a message every second.
 */
export function clockRemaining(clock: ClockReading, nowMs: number): number | null {
  if (clock.remaining === null) return null;
  if (!clock.running || clock.asOf === null) return clock.remaining;
  const elapsedTenths = Math.floor((nowMs - Date.parse(clock.asOf)) / 100);
  return Math.max(0, clock.remaining - Math.max(0, elapsedTenths));
}
