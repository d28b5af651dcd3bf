import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor.js';
import type { GameResult, GameStatus } from '../../domain/game/index.js';

/** A game moved through its lifecycle (the row is already updated, the transaction still open). */
export interface GameStatusChanged {
  actor: Actor;
  tournamentId: string;
  gameId: string;
  from: GameStatus;
  to: GameStatus;
  result: GameResult | null;
  /** The result the game had before this command (a reopened game keeps its last one), when the caller knows it. */
  previousResult?: GameResult | null;
}

export type GameStatusListener = (change: GameStatusChanged) => Promise<void>;

/**
 * A typed in-process hook on lifecycle steps. Listeners run inside the transaction of the step,
 * so what they write (advancement filling the next round) commits with the result, and an error
 * they throw (a correction that would change a game already started) refuses the step itself.
 * Broadcasts belong in `txHost.afterCommit`, not here.
 */
@Injectable()
export class GameResultEvents {
  private readonly listeners: GameStatusListener[] = [];

  subscribe(listener: GameStatusListener): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  async emit(change: GameStatusChanged): Promise<void> {
    for (const listener of this.listeners) await listener(change);
  }
}
