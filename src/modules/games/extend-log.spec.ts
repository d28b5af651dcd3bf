import { undoLast } from '../../domain/game/corrections.js';
import type { PlayEvent } from '../../domain/game/play-event.js';
import { DomainError } from '../../domain/shared/domain-error.js';
import { extendLog, inForceOf, type TimedLog } from './game-store.js';

const event = (seq: number) => ({ type: 'period_start', seq, clientEventId: `e${seq}` }) as unknown as PlayEvent;
const at = (seq: number) => new Date(Date.UTC(2024, 4, 11, 11, 30, seq));
const logOf = (n: number): TimedLog => ({
  events: Array.from({ length: n }, (_, i) => event(i + 1)),
  recordedAt: Array.from({ length: n }, (_, i) => at(i + 1)),
});
const seqs = (log: TimedLog | undefined) => log?.events.map((e) => e.seq);

describe('extendLog', () => {
  it('grows the newest log in place, one event a play, times beside their events', () => {
    const log = logOf(3);
    const next = extendLog(log, event(4), at(4))!;
    expect(next.events).toBe(log.events);
    expect(seqs(next)).toEqual([1, 2, 3, 4]);
    expect(next.recordedAt[3]).toEqual(at(4));
    const after = extendLog(next, event(5), at(5))!;
    expect(seqs(after)).toEqual([1, 2, 3, 4, 5]);
    expect(after.recordedAt).toHaveLength(5);
  });

  it('copies an older view that was already extended, leaving the newer log as it was', () => {
    const log = logOf(3);
    const newer = extendLog(log, event(4), at(4))!;
    // An older view (version 2) extended by another event 3: never after a version-checked write,
    // but it must not change the newer log if it happened.
    const branched = extendLog(newer, { ...event(3), clientEventId: 'x' } as PlayEvent, at(8))!;
    expect(branched.events).not.toBe(newer.events);
    expect(branched.events.map((e) => e.clientEventId)).toEqual(['e1', 'e2', 'x']);
    expect(branched.recordedAt).toEqual([at(1), at(2), at(8)]);
    expect(seqs(newer)).toEqual([1, 2, 3, 4]);
    expect(newer.recordedAt[3]).toEqual(at(4));
  });

  it('keeps no log that is missing events', () => {
    expect(extendLog(logOf(2), event(4), at(4))).toBeUndefined();
    expect(extendLog({ events: logOf(3).events, recordedAt: logOf(2).recordedAt }, event(4), at(4))).toBeUndefined();
  });
});

describe('extendLog and the in-force tracker', () => {
  const voidOf = (seq: number, targetSeq: number) =>
    ({ type: 'void', targetSeq, seq, clientEventId: `e${seq}` }) as unknown as PlayEvent;

  it('grows the tracker with the newest log, so an undo after many plays does not resolve the log again', () => {
    const log = logOf(3);
    const tracker = inForceOf(log);
    let next = extendLog(log, event(4), at(4))!;
    next = extendLog(next, voidOf(5, 4), at(5))!;
    expect(next.inForce).toBe(tracker);
    expect(inForceOf(next)).toBe(tracker);
    expect(tracker.toArray()).toEqual([false, true, true, true, false, true]);
    expect(undoLast(next.events, inForceOf(next))).toEqual({ type: 'void', targetSeq: 5, undo: true });
  });

  it('a copied older view starts without a tracker, and one that cannot follow is dropped and made again on use', () => {
    const log = logOf(3);
    inForceOf(log);
    const newer = extendLog(log, event(4), at(4))!;
    const branched = extendLog(newer, { ...event(3), clientEventId: 'x' } as PlayEvent, at(8))!;
    expect(branched.inForce).toBeUndefined();
    expect(inForceOf(branched).length).toBe(3);
    // A void of an event already voided cannot be added (it would never have committed): dropped, not wrong.
    const voided = extendLog(newer, voidOf(5, 4), at(5))!;
    const again = extendLog(voided, voidOf(6, 4), at(6))!;
    expect(again.inForce).toBeUndefined();
    expect(() => inForceOf(again)).toThrow(DomainError);
  });
});
