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

/**
 * Which events of a log are in force, kept up to date one event at a time as the log grows, so
 * whoever keeps a game's log (live scoring keeps it in memory) answers "what does an undo
 * void?" without resolving the whole log again: an undo then costs the same at event 600 as at
 * event 6. Each correction is checked as of the moment it was logged, as `resolveCorrections`
 * checks it; a refused event leaves the tracker as it was.
 */
export class InForceTracker {
  /** flags[seq] for seq 1..n (index 0 unused). */
  private readonly flags: boolean[] = [false];
  /** In-force voids currently pointing at each target. */
  private readonly holders = new Map<number, Set<number>>();
  private readonly events: PlayEvent[] = [];

  /** The tracker of a whole log; throws GAME_SEQ_OUT_OF_ORDER at the first event out of place. */
  static of(log: readonly PlayEvent[]): InForceTracker {
    const tracker = new InForceTracker();
    for (const e of log) tracker.add(e);
    return tracker;
  }

  /** How many events it has seen (seq 1..length). */
  get length(): number {
    return this.events.length;
  }

  isInForce(seq: number): boolean {
    return this.flags[seq] === true;
  }

  /** inForce[seq] for seq 1..n (index 0 unused), a copy. */
  toArray(): boolean[] {
    return [...this.flags];
  }

  /** Adds the log's next event (seq length + 1); throws, changing nothing, if it is refused. */
  add(e: PlayEvent): void {
    const position = this.events.length;
    if (e.seq !== position + 1) {
      throw new DomainError('GAME_SEQ_OUT_OF_ORDER', 'conflict', `Event at position ${position + 1} has seq ${e.seq}`, [
        { field: `log[${position}].seq`, reason: `must be ${position + 1}` },
      ]);
    }
    if (isCorrection(e)) checkTarget(e, this.flags, (seq) => this.events[seq - 1]!);
    this.events.push(e);
    this.flags.push(true);
    if (e.type === 'void') this.hold(e.targetSeq, e.seq);
  }

  private hold(target: number, voidSeq: number): void {
    const set = this.holders.get(target) ?? new Set<number>();
    set.add(voidSeq);
    this.holders.set(target, set);
    if (this.flags[target]) this.setInForce(target, false);
  }

  private release(target: number, voidSeq: number): void {
    const set = this.holders.get(target)!;
    set.delete(voidSeq);
    if (set.size === 0 && !this.flags[target]) this.setInForce(target, true);
  }

  /** A void going out of force releases its target; coming back into force, it holds it again. */
  private setInForce(seq: number, value: boolean): void {
    this.flags[seq] = value;
    const e = this.events[seq - 1]!;
    if (e.type === 'void') {
      if (value) this.hold(e.targetSeq, seq);
      else this.release(e.targetSeq, seq);
    }
  }
}

/**
 * Resolves corrections, checking each one as of the moment it was logged: the target must exist
 * before it (GAME_EVENT_NOT_FOUND) and be in force (GAME_EVENT_ALREADY_VOIDED); a replace must
 * target a play, not a correction, and carry a play (GAME_CORRECTION_TARGET_INVALID).
 */
export function resolveCorrections(log: readonly PlayEvent[]): ResolvedLog {
  const inForce = InForceTracker.of(log).toArray();
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
  inForce: readonly boolean[],
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
 * `tracked`, when the caller keeps one for this log, saves resolving the log again.
 */
export function undoLast(log: readonly PlayEvent[], tracked?: InForceTracker): VoidCorrection | null {
  const inForce = tracked?.length === log.length ? tracked : InForceTracker.of(log);
  for (let i = log.length - 1; i >= 0; i--) {
    const e = log[i]!;
    if (!inForce.isInForce(e.seq)) continue;
    if (e.type === 'void' && e.undo === true) continue;
    return { type: 'void', targetSeq: e.seq, undo: true };
  }
  return null;
}
