/**
 * Mutable bookkeeping used while a schedule is built: when each court is still free and
 * when each team is busy. Internal to the scheduler; nothing here leaves the module.
 */
import { alignUp } from './local-time.js';

/** A court's free time: its windows minus the games booked on it, as sorted disjoint [start, end). */
export class CourtCalendar {
  private readonly free: Array<[number, number]>;
  bookedMinutes = 0;

  constructor(windows: ReadonlyArray<readonly [number, number]>) {
    this.free = windows.map(([start, end]) => [start, end]);
  }

  /** Earliest aligned start at or after `from` where `duration` minutes fit, or Infinity. */
  earliestFree(from: number, duration: number, step: number): number {
    for (let i = this.firstEndingAfter(from); i < this.free.length; i++) {
      const [start, end] = this.free[i];
      const x = alignUp(Math.max(from, start), step);
      if (x + duration <= end) return x;
    }
    return Infinity;
  }

  /** True when [start, end) lies in one free period. */
  fits(start: number, end: number): boolean {
    const i = this.firstEndingAfter(start);
    return i < this.free.length && this.free[i][0] <= start && end <= this.free[i][1];
  }

  /** Books [start, end); the caller has checked `fits`. */
  book(start: number, end: number): void {
    const i = this.firstEndingAfter(start);
    const [freeStart, freeEnd] = this.free[i];
    const rest: Array<[number, number]> = [];
    if (freeStart < start) rest.push([freeStart, start]);
    if (end < freeEnd) rest.push([end, freeEnd]);
    this.free.splice(i, 1, ...rest);
    this.bookedMinutes += end - start;
  }

  /** Gives back [start, end) booked earlier, merging it with the free time around it. */
  unbook(start: number, end: number): void {
    const i = this.firstEndingAfter(start);
    let from = start;
    let to = end;
    let at = i;
    let remove = 0;
    if (i > 0 && this.free[i - 1][1] === start) {
      from = this.free[i - 1][0];
      at = i - 1;
      remove++;
    }
    if (i < this.free.length && this.free[i][0] === end) {
      to = this.free[i][1];
      remove++;
    }
    this.free.splice(at, remove, [from, to]);
    this.bookedMinutes -= end - start;
  }

  private firstEndingAfter(t: number): number {
    let lo = 0;
    let hi = this.free.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.free[mid][1] > t) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

interface TeamBooking {
  start: number;
  end: number;
  game: number;
  /** Exclusive key of the game (-1: none). */
  key: number;
}

/** Each team's booked games, sorted and kept at least `rest` minutes apart. */
export class TeamCalendar {
  private readonly bookings: TeamBooking[][];

  constructor(
    teamCount: number,
    private readonly rest: number,
  ) {
    this.bookings = Array.from({ length: teamCount }, () => []);
  }

  /**
   * Earliest aligned start at or after `from` where the team is rested before and after a game of
   * `duration`. Bookings of games with the same exclusive key (one round: they never share a team) do not count.
   */
  freeFrom(team: number, from: number, duration: number, step: number, key = -1): number {
    const list = this.bookings[team];
    let x = from;
    for (let i = this.firstClearingAfter(list, x); i < list.length; i++) {
      if (key !== -1 && list[i].key === key) continue;
      if (x + duration + this.rest <= list[i].start) break;
      x = Math.max(x, alignUp(list[i].end + this.rest, step));
    }
    return x;
  }

  /** The booking that [start, end) would clash with or leave too little rest from, if any. */
  conflict(team: number, start: number, end: number, key = -1): TeamBooking | null {
    const list = this.bookings[team];
    for (let i = this.firstClearingAfter(list, start); i < list.length; i++) {
      if (end + this.rest <= list[i].start) return null;
      if (key === -1 || list[i].key !== key) return list[i];
    }
    return null;
  }

  /** Books a game; the caller has checked `conflict`. */
  book(team: number, start: number, end: number, game: number, key = -1): void {
    const list = this.bookings[team];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].start < start) lo = mid + 1;
      else hi = mid;
    }
    list.splice(lo, 0, { start, end, game, key });
  }

  /** Removes the booking of `game`. */
  unbook(team: number, game: number): void {
    const list = this.bookings[team];
    const i = list.findIndex((b) => b.game === game);
    if (i !== -1) list.splice(i, 1);
  }

  /** First booking whose end plus rest is after t: the first that can matter for a game starting at t. */
  private firstClearingAfter(list: TeamBooking[], t: number): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].end + this.rest > t) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
