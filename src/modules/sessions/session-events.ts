import { Injectable, Logger } from '@nestjs/common';

/** A session that stopped working: its tokens are refused from now on. */
export interface SessionRevoked {
  sessionId: string;
  /** null for a game-code device. */
  accountId: string | null;
  reason: string;
}

type Listener = (event: SessionRevoked) => void | Promise<void>;

/**
 * In-process announcements of revoked sessions, delivered after the revoking transaction
 * commits. The live-scoring gateway subscribes here to close the sockets of a revoked session
 * within seconds (its HTTP requests are already refused by the access guard).
 */
@Injectable()
export class SessionEvents {
  private readonly listeners = new Set<Listener>();
  private readonly logger = new Logger('SessionEvents');

  /** Subscribes; returns the function that unsubscribes. */
  onRevoked(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async emitRevoked(event: SessionRevoked): Promise<void> {
    for (const listener of this.listeners) {
      try {
        await listener(event);
      } catch (e) {
        this.logger.error({ err: e, sessionId: event.sessionId }, 'SessionRevoked listener failed');
      }
    }
  }
}
