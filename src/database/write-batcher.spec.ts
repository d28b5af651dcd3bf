import { WriteBatcher } from './write-batcher.js';

/** A writer that records its batches and answers when the test lets it. */
function recordingWriter(fail: (item: number) => boolean = () => false) {
  const batches: number[][] = [];
  const pending: Array<() => void> = [];
  const write = (items: number[]) =>
    new Promise<string[]>((resolve, reject) => {
      batches.push(items);
      pending.push(() =>
        items.some(fail) ? reject(new Error(`bad item in ${items.join(',')}`)) : resolve(items.map((i) => `w${i}`)),
      );
    });
  /** Answers every batch at the database now. */
  const answerAll = async () => {
    while (pending.length > 0) pending.shift()!();
    await new Promise((r) => setImmediate(r));
  };
  return { batches, write, answerAll };
}

const turn = () => new Promise((r) => setImmediate(r));

describe('WriteBatcher', () => {
  it('sends what arrives in one turn together, and answers each caller with its own result', async () => {
    const w = recordingWriter();
    const batcher = new WriteBatcher(w.write, { maxInFlight: 1, maxBatch: 10 });
    const answers = [1, 2, 3].map((i) => batcher.submit(i));
    await turn();
    expect(w.batches).toEqual([[1, 2, 3]]);
    await w.answerAll();
    await expect(Promise.all(answers)).resolves.toEqual(['w1', 'w2', 'w3']);
  });

  it('gathers items while the batches are at the database and sends them when one comes back', async () => {
    const w = recordingWriter();
    const batcher = new WriteBatcher(w.write, { maxInFlight: 1, maxBatch: 10 });
    const first = batcher.submit(1);
    await turn();
    const later = [2, 3, 4].map((i) => batcher.submit(i));
    await turn();
    expect(w.batches).toEqual([[1]]);
    expect(batcher.waiting).toBe(3);
    await w.answerAll();
    expect(w.batches).toEqual([[1], [2, 3, 4]]);
    await w.answerAll();
    await expect(Promise.all([first, ...later])).resolves.toEqual(['w1', 'w2', 'w3', 'w4']);
  });

  it('keeps to the batches in flight and the largest batch', async () => {
    const w = recordingWriter();
    const batcher = new WriteBatcher(w.write, { maxInFlight: 2, maxBatch: 3 });
    const answers = Array.from({ length: 10 }, (_, i) => batcher.submit(i));
    await turn();
    // Two slots: the ten are spread over both, three at most each.
    expect(w.batches).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
    await w.answerAll();
    await w.answerAll();
    await w.answerAll();
    expect(w.batches.flat()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(Math.max(...w.batches.map((b) => b.length))).toBeLessThanOrEqual(3);
    await expect(Promise.all(answers)).resolves.toHaveLength(10);
  });

  it('sends what is waiting as one batch, not spread over the free connections', async () => {
    const w = recordingWriter();
    const batcher = new WriteBatcher(w.write, { maxInFlight: 4, maxBatch: 10 });
    const answers = Array.from({ length: 6 }, (_, i) => batcher.submit(i));
    await turn();
    expect(w.batches).toEqual([[0, 1, 2, 3, 4, 5]]);
    // What arrives while it is at the database goes at once, on another connection.
    const more = [6, 7].map((i) => batcher.submit(i));
    await turn();
    expect(w.batches).toEqual([
      [0, 1, 2, 3, 4, 5],
      [6, 7],
    ]);
    await w.answerAll();
    await expect(Promise.all([...answers, ...more])).resolves.toHaveLength(8);
  });

  it('writes the items of a failed batch again one by one, so only the bad item fails', async () => {
    const w = recordingWriter((i) => i === 2);
    const batcher = new WriteBatcher(w.write, { maxInFlight: 1, maxBatch: 10 });
    const answers = [1, 2, 3].map((i) => batcher.submit(i).catch((e: Error) => e.message));
    await turn();
    await w.answerAll();
    await w.answerAll();
    expect(w.batches).toEqual([[1, 2, 3], [1], [2], [3]]);
    await expect(Promise.all(answers)).resolves.toEqual(['w1', 'bad item in 2', 'w3']);
  });

  it('treats an answer of the wrong length as a failed batch', async () => {
    let calls = 0;
    const batcher = new WriteBatcher<number, number>(
      async (items) => (++calls === 1 ? items.slice(1) : items.map((i) => i * 10)),
      { maxInFlight: 1, maxBatch: 10 },
    );
    await expect(Promise.all([1, 2].map((i) => batcher.submit(i)))).resolves.toEqual([10, 20]);
    expect(calls).toBe(3);
  });

  it('refuses options with no room for a batch', () => {
    expect(() => new WriteBatcher(async (items: number[]) => items, { maxInFlight: 0, maxBatch: 1 })).toThrow();
  });
});
