/**
 * Corrections: events are never edited or deleted. A `void` takes an earlier event out of force,
 * a `replace` gives an earlier play a new body. This module resolves a log into the plays that
 * stand, and produces the undo of the last action.
 *
 * In force: an event is in force unless an in-force `void` targets it. Voids only target earlier
 * events, so this is well defined; voiding a void reinstates its target, voiding a replace
 * restores the version before it. A play's body is that of the latest in-force `replace`
 * targeting it, else its own.
 */
import { DomainError, invalid } from '../shared/domain-error.js';
import {
  type EffectivePlay,
  isCorrection,
  type PlayEvent,
  type ReplaceCorrection,
  type VoidCorrection,
  PLAY_TYPES,
  RECORDED_ONLY_PLAY_TYPES,
} from './play-event.js';

export interface ResolvedLog {
  /** The plays that stand, in seq order, with replacements applied. */
  plays: EffectivePlay[];
  /** inForce[seq] for seq 1..n (index 0 unused). */
  inForce: boolean[];
}

const PLAY_TYPE_SET = new Set<string>([...PLAY_TYPES, ...RECORDED_ONLY_PLAY_TYPES]);

/** Throws GAME_SEQ_OUT_OF_ORDER unless log[i].seq === i + 1. */
export function assertGapFree(log: readonly PlayEvent[]): void {
  log.forEach((e, i) => {
    if (e.seq !== i + 1) {
      throw new DomainError('GAME_SEQ_OUT_OF_ORDER', 'conflict', `Event at position ${i + 1} has seq ${e.seq}`, [
        { field: `log[${i}].seq`, reason: `must be ${i + 1}` },
      ]);
    }
  });
}

/**
 * Resolves corrections, checking each one as of the moment it was logged: the target must exist
 * before it (GAME_EVENT_NOT_FOUND) and be in force (GAME_EVENT_ALREADY_VOIDED); a replace must
 * target a play, not a correction, and carry a play (GAME_CORRECTION_TARGET_INVALID).
 */
export function resolveCorrections(log: readonly PlayEvent[]): ResolvedLog {
  assertGapFree(log);
  const inForce: boolean[] = [false, ...log.map(() => true)];
  // In-force voids currently pointing at each target.
  const holders = new Map<number, Set<number>>();
  const eventAt = (seq: number) => log[seq - 1]!;

  const hold = (target: number, voidSeq: number) => {
    const set = holders.get(target) ?? new Set<number>();
    set.add(voidSeq);
    holders.set(target, set);
    if (inForce[target]) setInForce(target, false);
  };
  const release = (target: number, voidSeq: number) => {
    const set = holders.get(target)!;
    set.delete(voidSeq);
    if (set.size === 0 && !inForce[target]) setInForce(target, true);
  };
  function setInForce(seq: number, value: boolean): void {
    inForce[seq] = value;
    const e = eventAt(seq);
    if (e.type === 'void') (value ? hold : release)(e.targetSeq, seq);
  }

  for (const e of log) {
    if (!isCorrection(e)) continue;
    checkTarget(e, inForce, eventAt);
    if (e.type === 'void') hold(e.targetSeq, e.seq);
  }

  const replacements = new Map<number, ReplaceCorrection & { seq: number }>();
  for (const e of log) if (e.type === 'replace' && inForce[e.seq]) replacements.set(e.targetSeq, e);
  const plays: EffectivePlay[] = [];
  for (const e of log) {
    if (isCorrection(e) || !inForce[e.seq]) continue;
    const r = replacements.get(e.seq);
    if (r === undefined) {
      plays.push(e as EffectivePlay);
      continue;
    }
    const { period = e.period, gameClock = e.gameClock, ...body } = r.replacement;
    const timing = { ...(period === undefined ? {} : { period }), ...(gameClock === undefined ? {} : { gameClock }) };
    plays.push({ ...body, ...timing, seq: e.seq, clientEventId: e.clientEventId } as EffectivePlay);
  }
  return { plays, inForce };
}

function checkTarget(
  e: PlayEvent & (VoidCorrection | ReplaceCorrection),
  inForce: boolean[],
  eventAt: (seq: number) => PlayEvent,
): void {
  const target = e.targetSeq;
  if (!Number.isInteger(target) || target < 1 || target >= e.seq) {
    throw invalid('GAME_EVENT_NOT_FOUND', `Event ${String(target)} does not exist before event ${e.seq}`, [
      { field: 'targetSeq', reason: 'must be the seq of an earlier event of this game' },
    ]);
  }
  if (!inForce[target]) {
    throw invalid('GAME_EVENT_ALREADY_VOIDED', `Event ${target} is not in force (it was voided)`, [
      { field: 'targetSeq', reason: 'already voided' },
    ]);
  }
  if (e.type === 'replace') {
    if (isCorrection(eventAt(target))) {
      throw invalid(
        'GAME_CORRECTION_TARGET_INVALID',
        `Event ${target} is a correction; void it instead of replacing it`,
        [{ field: 'targetSeq', reason: 'must be a play, not a correction' }],
      );
    }
    const type = (e.replacement as { type?: unknown } | undefined)?.type;
    if (typeof type !== 'string' || !PLAY_TYPE_SET.has(type)) {
      throw invalid('GAME_CORRECTION_TARGET_INVALID', 'A replacement must be a play (not a correction)', [
        { field: 'replacement.type', reason: 'must be a play type' },
      ]);
    }
  }
}

/**
 * The correction that undoes the last action: a `void` of the latest in-force event that is not
 * itself an undo. Repeated undos walk back through the log; undoing a correction reinstates what
 * it corrected. Returns null when there is nothing left to undo. The service assigns seq and
 * clientEventId, and applies it like any event (it is refused if it would break later plays).
 */
export function undoLast(log: readonly PlayEvent[]): VoidCorrection | null {
  const { inForce } = resolveCorrections(log);
  for (let i = log.length - 1; i >= 0; i--) {
    const e = log[i]!;
    if (!inForce[e.seq]) continue;
    if (e.type === 'void' && e.undo === true) continue;
    return { type: 'void', targetSeq: e.seq, undo: true };
  }
  return null;
}
