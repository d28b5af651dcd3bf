import { overtime, regulation, thirdPlaceContext } from './fixtures/huzhou-third-place.js';
import { playScript } from './fixtures/play-script.js';
import type { GameState } from './game-state.js';
import type { PlayEvent } from './play-event.js';
import { applyEvent, replay } from './reducer.js';
import { catchUp, SNAPSHOT_EVERY, snapshotDue } from './snapshots.js';

/** What the service does: apply each event, store the state (as JSON) only when a snapshot is due. */
function record(log: readonly PlayEvent[], context = thirdPlaceContext()) {
  let state = replay([], context);
  let stored: GameState = JSON.parse(JSON.stringify(state)) as GameState;
  const storedAt: number[] = [];
  const states: GameState[] = [state];
  const snapshots: GameState[] = [stored];
  for (const event of log) {
    const next = applyEvent(state, event, context, log.slice(0, event.seq - 1));
    if (snapshotDue(state, next, event)) {
      stored = JSON.parse(JSON.stringify(next)) as GameState;
      storedAt.push(event.seq);
    }
    state = next;
    states.push(state);
    snapshots.push(stored);
  }
  return { context, states, snapshots, storedAt };
}

describe('snapshots of the game state (3rd-place game in overtime, Huzhou 2024)', () => {
  const context = thirdPlaceContext();
  const script = playScript(context);
  regulation.forEach((period) => script.addAll(period));
  script.addAll(overtime);
  const log = script.log;

  it('the last stored state caught up with the plays after it equals replaying the whole log, after every play', () => {
    const { states, snapshots } = record(log);
    for (let seq = 1; seq <= log.length; seq++) {
      const snapshot = snapshots[seq]!;
      const tail = log.slice(snapshot.lastSeq, seq);
      expect(tail.length).toBeLessThan(SNAPSHOT_EVERY);
      expect(catchUp(snapshot, tail, context)).toEqual(states[seq]);
      expect(states[seq]).toEqual(replay(log.slice(0, seq), context));
    }
  });

  it('stores the state at every period’s end and at the end of the game, not with every play', () => {
    const { storedAt, states } = record(log);
    const periodEnds = log.filter((e) => e.type === 'period_end').map((e) => e.seq);
    expect(periodEnds.length).toBe(5);
    for (const seq of periodEnds) expect(storedAt).toContain(seq);
    expect(states.at(-1)!.gameOver).toBe(true);
    expect(storedAt).toContain(log.length);
    // Every 32 plays, the five period ends (the last one also ends the game) and the three corrections.
    const corrections = log.filter((e) => e.type === 'void' || e.type === 'replace').map((e) => e.seq);
    expect(corrections.length).toBe(3);
    for (const seq of corrections) expect(storedAt).toContain(seq);
    expect(storedAt.length).toBe(Math.floor(log.length / SNAPSHOT_EVERY) + periodEnds.length + corrections.length);
    expect(storedAt.length).toBeLessThan(log.length / 8);
  });

  it('a correction is stored whole; a tail holding one asks for the whole log instead', () => {
    const withUndo = playScript(context);
    regulation[0]!.forEach((line) => withUndo.add(line));
    withUndo.add('undo');
    const undoSeq = withUndo.log.length;
    withUndo.add('H 7 2+');
    const { storedAt, states } = record(withUndo.log);
    expect(storedAt).toContain(undoSeq);
    const before = replay(withUndo.log.slice(0, undoSeq - 2), context);
    expect(catchUp(before, withUndo.log.slice(undoSeq - 2), context)).toBeNull();
    expect(replay(withUndo.log, context)).toEqual(states.at(-1));
  });
});
