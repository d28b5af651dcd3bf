/**
 * When the full game state is stored, and how the current state is rebuilt from the last one.
 *
 * The log is the truth and the state its fold; writing the whole state (~12 KB of JSON) with
 * every play made each play cost the database several times what the play itself does. So a
 * play writes only itself and the game's small summary, and the full state (a snapshot) is
 * written every SNAPSHOT_EVERY plays and at the moments readers come for it: the end of a
 * period, the end of the game, a correction. Whoever needs the state after the snapshot folds
 * the plays logged since (at most SNAPSHOT_EVERY - 1) over it with `applyEvent`, which gives
 * what `replay` of the whole log gives.
 */
import type { GameContext } from './game-settings.js';
import type { GameState } from './game-state.js';
import { isCorrection, type PlayEvent, type PlayEventBody } from './play-event.js';
import { applyEvent } from './reducer.js';

/** A play whose seq is a multiple of this stores the full state: a reader replays fewer plays than this. */
export const SNAPSHOT_EVERY = 32;

/** Whether the state after this event is stored whole (see the module's comment). */
export function snapshotDue(before: GameState, after: GameState, body: PlayEventBody): boolean {
  return (
    after.lastSeq % SNAPSHOT_EVERY === 0 ||
    isCorrection(body) ||
    (after.period.status === 'ended' && before.period.status !== 'ended') ||
    after.gameOver !== before.gameOver
  );
}

/**
 * The state after the last of `tail`, the events logged after `snapshot` (in seq order, none
 * missing). Returns null when the tail holds a correction: that needs the whole log (`replay`).
 */
export function catchUp(snapshot: GameState, tail: readonly PlayEvent[], context: GameContext): GameState | null {
  let state = snapshot;
  for (const event of tail) {
    if (isCorrection(event)) return null;
    state = applyEvent(state, event, context);
  }
  return state;
}
