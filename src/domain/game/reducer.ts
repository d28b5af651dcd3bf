/**
 * The public reducer over the event log.
 *
 * - `applyEvent` applies one logged event to the state the service keeps. Plays cost O(roster);
 *   a correction replays the log (it needs `history`, the events before it), except an undo of
 *   the last play when `before` (the state before that play) is given.
 * - `replay` rebuilds the state from scratch; for every log, folding `applyEvent` over it gives a
 *   deep-equal result.
 * A refused event throws a DomainError (kind 'invalid', or 'conflict' for a seq out of order)
 * and the input state is untouched: these functions never mutate their inputs.
 */
import { DomainError, invalid } from '../shared/domain-error.js';
import { applyPlay } from './apply-play.js';
import { resolveCorrections } from './corrections.js';
import type { GameContext } from './game-settings.js';
import { type GameState, initialGameState } from './game-state.js';
import { type EffectivePlay, isCorrection, type PlayEvent } from './play-event.js';

export function applyEvent(
  state: GameState,
  event: PlayEvent,
  context: GameContext,
  history?: readonly PlayEvent[],
  before?: GameState,
): GameState {
  if (event.seq !== state.lastSeq + 1) {
    throw new DomainError(
      'GAME_SEQ_OUT_OF_ORDER',
      'conflict',
      `Expected event ${state.lastSeq + 1}, got ${event.seq}`,
      [{ field: 'seq', reason: `must be ${state.lastSeq + 1}` }],
      { lastSeq: state.lastSeq },
    );
  }
  if (isCorrection(event)) {
    if (history === undefined || history.length !== state.lastSeq) {
      throw invalid('GAME_HISTORY_REQUIRED', 'A correction needs the full event log before it to recompute the game');
    }
    const last = history.at(-1);
    // Undoing the last play (the usual undo) with the state before it at hand: that state is what
    // the replay would give (a property test holds the two equal).
    if (
      before?.lastSeq === state.lastSeq - 1 &&
      event.type === 'void' &&
      last !== undefined &&
      event.targetSeq === last.seq &&
      !isCorrection(last)
    )
      return { ...before, lastSeq: event.seq };
    return applyCorrection([...history, event], event, context);
  }
  return { ...applyPlay(state, event as EffectivePlay, context), lastSeq: event.seq };
}

export function replay(log: readonly PlayEvent[], context: GameContext): GameState {
  const { plays } = resolveCorrections(log);
  return { ...foldPlays(plays, context), lastSeq: log.length };
}

function foldPlays(plays: readonly EffectivePlay[], context: GameContext): GameState {
  let state = initialGameState(context);
  for (const play of plays) {
    try {
      state = applyPlay(state, play, context);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      throw new DomainError(err.code, err.kind, `Event ${play.seq}: ${err.message}`, err.details, {
        ...err.context,
        seq: play.seq,
      });
    }
  }
  return state;
}

/**
 * A correction is accepted only if every play after it still stands. The error names the play it
 * would break (GAME_CORRECTION_CONFLICTS); a bad replacement body fails with its own code.
 */
function applyCorrection(log: readonly PlayEvent[], correction: PlayEvent, context: GameContext): GameState {
  try {
    return replay(log, context);
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    const failingSeq = err.context?.['seq'];
    const target = 'targetSeq' in correction ? correction.targetSeq : null;
    if (typeof failingSeq !== 'number' || (correction.type === 'replace' && failingSeq === target)) throw err;
    throw new DomainError(
      'GAME_CORRECTION_CONFLICTS',
      'invalid',
      `This correction would make event ${failingSeq} invalid: ${err.message}`,
      [{ field: 'targetSeq', reason: `later event ${failingSeq} depends on it (${err.code})` }],
      { failingSeq, causeCode: err.code },
    );
  }
}

/** Facts the game lifecycle needs to move a game from live to final. */
export interface GameEndFacts {
  /** The last regulation or overtime period has ended. */
  lastPeriodEnded: boolean;
  tied: boolean;
  score: Record<string, number>;
}

export function gameEndFacts(state: GameState, context: GameContext): GameEndFacts {
  const [a, b] = state.teams;
  return {
    lastPeriodEnded: state.period.status === 'ended' && state.period.current >= context.settings.periods,
    tied: state.score[a.teamId] === state.score[b.teamId],
    score: state.score,
  };
}

/** Throws unless the game may end now: the last period ended and the score is not tied. */
export function assertGameCanEnd(state: GameState, context: GameContext): void {
  const facts = gameEndFacts(state, context);
  if (!facts.lastPeriodEnded) {
    throw invalid('GAME_PERIOD_NOT_ENDED', 'The game can end only when the last period (or overtime) has ended');
  }
  if (facts.tied) {
    throw invalid('GAME_CANNOT_END_TIED', 'The score is tied: an overtime period must be played (FIBA Art. 8.7)');
  }
}
