import { CoalescedReads } from './coalesced-reads.js';

/** A read whose completion the test controls, counting how often it started. */
function controlledRead() {
  const started: Array<{ resolve: (v: number) => void; reject: (e: Error) => void }> = [];
  const read = () => new Promise<number>((resolve, reject) => started.push({ resolve, reject }));
  return { read, started };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('CoalescedReads', () => {
  it('starts a lone caller’s read at once', async () => {
    const reads = new CoalescedReads();
    const { read, started } = controlledRead();
    const p = reads.get('game:1', read);
    expect(started).toHaveLength(1);
    started[0]!.resolve(7);
    await expect(p).resolves.toBe(7);
    expect(reads.busyKeys).toBe(0);
  });

  it('never hands a caller a read that began before it asked, and serves all later callers with one read', async () => {
    const reads = new CoalescedReads();
    const { read, started } = controlledRead();
    const first = reads.get('game:1', read);
    const later = Array.from({ length: 1000 }, () => reads.get('game:1', read));
    expect(started).toHaveLength(1); // the later callers wait: the running read began before they asked
    started[0]!.resolve(1);
    await expect(first).resolves.toBe(1);
    await tick();
    expect(started).toHaveLength(2); // one read for all thousand
    started[1]!.resolve(2);
    expect(new Set(await Promise.all(later))).toEqual(new Set([2]));
    await tick();
    expect(reads.busyKeys).toBe(0);
  });

  it('keeps keys apart', async () => {
    const reads = new CoalescedReads();
    const { read, started } = controlledRead();
    const a = reads.get('game:1', read);
    const b = reads.get('game:2', read);
    expect(started).toHaveLength(2);
    started[1]!.resolve(20);
    started[0]!.resolve(10);
    await expect(Promise.all([a, b])).resolves.toEqual([10, 20]);
  });

  it('gives a failed read’s error to its callers only, and the next callers get a fresh read', async () => {
    const reads = new CoalescedReads();
    const { read, started } = controlledRead();
    const first = reads.get('game:1', read);
    const waiting = reads.get('game:1', read);
    started[0]!.reject(new Error('GAME_NOT_FOUND'));
    await expect(first).rejects.toThrow('GAME_NOT_FOUND');
    await tick();
    started[1]!.resolve(3);
    await expect(waiting).resolves.toBe(3);
  });
});
