/**
 * Group commit for one hot statement: items submitted while earlier batches are at the database
 * are written together, by one statement in one transaction, when a batch comes back. An idle
 * batcher sends an item on the next turn of the event loop, alone; under load, batches grow by
 * themselves (with 100 games scoring at once, 10–30 plays a statement), so the database does one
 * commit and one round trip for many plays, and the server encodes and parses one query.
 *
 * `write` answers each item of a batch, in order. When a batch of several fails, each of its
 * items is written again on its own, so one bad item fails only its own caller.
 */
export interface WriteBatcherOptions {
  /** Batches at the database at once (each holds a pooled connection while it runs). */
  maxInFlight: number;
  /** Most items in one statement. */
  maxBatch: number;
}

interface Waiting<I, O> {
  item: I;
  resolve: (out: O) => void;
  reject: (e: unknown) => void;
}

export class WriteBatcher<I, O> {
  private queue: Array<Waiting<I, O>> = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly write: (items: I[]) => Promise<O[]>,
    private readonly options: WriteBatcherOptions,
  ) {
    if (options.maxInFlight < 1 || options.maxBatch < 1)
      throw new Error('WriteBatcher needs room for one batch of one');
  }

  /** Items waiting for a batch (for tests and diagnostics). */
  get waiting(): number {
    return this.queue.length;
  }

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  /** Flushes on the event loop's check phase, so items that arrive in the same turn go together. */
  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.options.maxInFlight) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  /**
   * Sends what is waiting as one batch (up to maxBatch), on a free connection. Spreading it over
   * every free connection instead, a few items each, made the server encode, send and parse
   * several statements where one would do, and the server's one thread is what sets the pace: 100
   * games scoring flat out reached 3,000–3,100 plays/s spread (3.5–6 plays a commit) and 3,900/s
   * as one batch (18 a commit; bench/README.md, eleventh session). Batches still overlap: items
   * that arrive while one is at the database go in the next, on another connection.
   */
  private flush(): void {
    while (this.queue.length > 0 && this.inFlight < this.options.maxInFlight)
      void this.send(this.queue.splice(0, this.options.maxBatch));
  }

  private async send(batch: Array<Waiting<I, O>>): Promise<void> {
    this.inFlight++;
    try {
      await this.writeAll(batch);
    } finally {
      this.inFlight--;
      // What arrived meanwhile goes at once: the batch's round trip was its gathering time.
      this.flush();
    }
  }

  private async writeAll(batch: Array<Waiting<I, O>>): Promise<void> {
    let outs: O[];
    try {
      outs = await this.write(batch.map((w) => w.item));
      if (outs.length !== batch.length) throw new Error(`a batch of ${batch.length} was answered with ${outs.length}`);
    } catch (e) {
      if (batch.length === 1) batch[0]!.reject(e);
      // Nothing of the batch was written (one transaction): each item again, on its own.
      else await Promise.all(batch.map((w) => this.writeAll([w])));
      return;
    }
    batch.forEach((w, i) => w.resolve(outs[i]!));
  }
}
