// The scorekeeper's outbox: every action is stored on the device (localStorage) before it is
// sent, keeps the clientEventId it was made with for every retry (the server answers a retry
// with the original and records nothing twice), and leaves the outbox only when the server has
// acknowledged it. Actions go out one at a time, in the order they were made.
//
// `baseSeq` is the last seq this device knows and has accepted: the expectedSeq of the next
// send. Another scorekeeper's plays move it only while the outbox is empty; with actions
// waiting, the server's 409 GAME_SEQ_STALE comes back and the console asks the user first.

const key = (gameId) => `courtside.outbox.${gameId}`;

export class Outbox {
  constructor(gameId, storage = localStorage) {
    this.gameId = gameId;
    this.storage = storage;
    const saved = this.read();
    // A basket held for its assist is released by a reload: nobody is choosing any more.
    this.items = (saved.items ?? []).map(({ hold: _hold, ...item }) => item);
    this.baseSeq = saved.baseSeq ?? null;
    /** clientEventId -> seq of what this device recorded (for assists on a recorded basket). */
    this.recorded = saved.recorded ?? {};
  }

  read() {
    try {
      return JSON.parse(this.storage.getItem(key(this.gameId)) ?? '{}');
    } catch {
      return {};
    }
  }

  save() {
    const recent = Object.entries(this.recorded).slice(-200);
    this.recorded = Object.fromEntries(recent);
    this.storage.setItem(
      key(this.gameId),
      JSON.stringify({ items: this.items, baseSeq: this.baseSeq, recorded: this.recorded }),
    );
  }

  /** item: { id (clientEventId), kind: 'event' | 'undo' | 'assist', event?, target?, createdAt, hold? } */
  add(item) {
    this.items.push(item);
    this.save();
    return item;
  }

  get head() {
    return this.items[0] ?? null;
  }

  /** The head, unless it is held back (a basket whose assist the scorer is still choosing). */
  get sendable() {
    const head = this.items[0];
    return head && !head.hold ? head : null;
  }

  /** Lets a held item go. */
  release(id) {
    const item = this.items.find((i) => i.id === id);
    if (item?.hold) {
      delete item.hold;
      this.save();
    }
  }

  /** Puts an item before every waiting one (the substitution a refused play needs first). */
  addFirst(item) {
    this.items.unshift(item);
    this.save();
    return item;
  }

  get size() {
    return this.items.length;
  }

  /** The server acknowledged `id` as `seq`. */
  acknowledged(id, seq) {
    this.items = this.items.filter((i) => i.id !== id);
    this.recorded[id] = seq;
    if (this.baseSeq === null || seq > this.baseSeq) this.baseSeq = seq;
    this.save();
  }

  /** Another scorekeeper's play, seen live: accepted silently only when nothing waits. */
  observed(seq) {
    if (this.items.length === 0 && (this.baseSeq === null || seq > this.baseSeq)) {
      this.baseSeq = seq;
      this.save();
    }
  }

  /** The user chose to send the waiting actions after the plays they had not seen. */
  rebase(seq) {
    this.baseSeq = seq;
    this.save();
  }

  remove(id) {
    this.items = this.items.filter((i) => i.id !== id);
    this.save();
  }

  clear() {
    this.items = [];
    this.save();
  }

  amend(id, patch) {
    const item = this.items.find((i) => i.id === id);
    if (item) Object.assign(item.event, patch);
    this.save();
  }
}
