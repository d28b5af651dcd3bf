import { io } from 'socket.io-client';
import { deltaAction } from '../../src/domain/live/index.js';
import type { GameEventDelta, GameFeedStart, GameSnapshot } from '../../src/live/events.js';
import { stopAtEnd } from './cleanup.js';
import type { LiveSocket } from './live.js';

/**
 * A fan's page as the event map describes it: subscribes (with its last seq after the first
 * time), applies a snapshot or the missed deltas, then each delta in order; ignores repeats,
 * re-subscribes on a gap and after every reconnect. Records what it did for the tests.
 */
export class FanFeed {
  readonly socket: LiveSocket;
  lastSeq: number | undefined;
  /** Every seq applied, in order (a snapshot counts as jumping to its seq). */
  readonly applied: number[] = [];
  readonly snapshots: GameSnapshot[] = [];
  readonly starts: GameFeedStart[] = [];
  readonly deltas: GameEventDelta[] = [];
  gaps = 0;
  private subscribing = false;
  private buffered: GameEventDelta[] = [];
  private readonly stop: () => Promise<void>;

  constructor(
    url: string,
    readonly gameId: string,
    options: { address?: string; reconnection?: boolean } = {},
  ) {
    this.socket = io(url, {
      path: '/socket.io',
      transports: ['websocket'],
      reconnection: options.reconnection ?? false,
      reconnectionDelay: 100,
      reconnectionDelayMax: 500,
      forceNew: true,
      extraHeaders: options.address ? { 'x-forwarded-for': options.address } : {},
    });
    // Closed at the end of the file if the test did not (test/support/cleanup.ts).
    this.stop = stopAtEnd('a fan socket', () => void this.socket.close());
    this.socket.on('connect', () => void this.subscribe());
    this.socket.on('game:event', (d) => this.onDelta(d));
  }

  connected(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.socket.connected) return resolve();
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', reject);
    });
  }

  /** Resolves once the subscribe answer has been applied. */
  async subscribe(): Promise<void> {
    this.subscribing = true;
    const ack = await this.socket.emitWithAck('game:subscribe', {
      gameId: this.gameId,
      ...(this.lastSeq === undefined ? {} : { lastSeq: this.lastSeq }),
    });
    if (!ack.ok) throw new Error(`subscribe -> ${JSON.stringify(ack.error)}`);
    const start = ack.data;
    this.starts.push(start);
    if (start.mode === 'snapshot') {
      this.snapshots.push(start.snapshot);
      this.lastSeq = start.snapshot.seq;
      this.applied.push(start.snapshot.seq);
    } else {
      for (const d of start.deltas) this.apply(d);
    }
    this.subscribing = false;
    const waiting = this.buffered;
    this.buffered = [];
    for (const d of waiting) this.onDelta(d);
  }

  private onDelta(d: GameEventDelta): void {
    if (this.subscribing) {
      this.buffered.push(d);
      return;
    }
    this.apply(d);
  }

  private apply(d: GameEventDelta): void {
    const action = deltaAction(this.lastSeq ?? 0, d.seq);
    if (action === 'already_applied') return;
    if (action === 'gap') {
      this.gaps++;
      void this.subscribe();
      return;
    }
    this.lastSeq = d.seq;
    this.applied.push(d.seq);
    this.deltas.push(d);
  }

  close(): void {
    void this.stop();
  }
}
