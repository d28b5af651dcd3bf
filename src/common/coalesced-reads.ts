/**
 * Many callers asking for the same read at once share it, with one rule: a caller only gets a
 * read that *began after it asked*. That is what a fan joining a game needs: it joins the room,
 * then asks for the snapshot, and a read begun before its join could miss an event committed
 * between that read and the join (whose delta the fan never received).
 *
 * Per key at most one read is in flight. Callers arriving while it runs wait for the next one,
 * which starts as soon as it finishes and serves all of them: 10,000 fans joining during a
 * final cost a few dozen reads, not 10,000, and a lone fan waits for at most one read before
 * its own.
 */
export class CoalescedReads {
  private readonly keys = new Map<string, { running: boolean; waiting: Batch | null }>();

  /** `read` is called at most once per batch; every caller of the batch gets its outcome. */
  get<T>(key: string, read: () => Promise<T>): Promise<T> {
    let state = this.keys.get(key);
    if (!state) {
      state = { running: false, waiting: null };
      this.keys.set(key, state);
    }
    const batch = (state.waiting ??= new Batch(read));
    if (!state.running) this.run(key, state);
    return batch.promise as Promise<T>;
  }

  /** Keys with a read running or callers waiting (for tests and metrics). */
  get busyKeys(): number {
    return this.keys.size;
  }

  private run(key: string, state: { running: boolean; waiting: Batch | null }): void {
    const batch = state.waiting;
    if (!batch) {
      this.keys.delete(key);
      return;
    }
    state.waiting = null;
    state.running = true;
    const next = () => {
      state.running = false;
      this.run(key, state);
    };
    batch.start().then(next, next);
  }
}

class Batch {
  readonly promise: Promise<unknown>;
  private settle!: { resolve: (v: unknown) => void; reject: (e: unknown) => void };

  constructor(private readonly read: () => Promise<unknown>) {
    this.promise = new Promise((resolve, reject) => (this.settle = { resolve, reject }));
  }

  async start(): Promise<void> {
    try {
      this.settle.resolve(await this.read());
    } catch (e) {
      this.settle.reject(e);
    }
  }
}
