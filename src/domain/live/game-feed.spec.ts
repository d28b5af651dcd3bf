import { clockRemaining, deltaAction, planCatchUp } from './game-feed.js';

describe('a game feed: what a joining or returning client needs', () => {
  it('a first join gets a snapshot', () => {
    expect(planCatchUp(undefined, 40, 100)).toEqual({ kind: 'snapshot', reason: 'first_join' });
    expect(planCatchUp(null, 0, 100)).toEqual({ kind: 'snapshot', reason: 'first_join' });
  });

  it('a phone back from the stands gets exactly the events it missed', () => {
    expect(planCatchUp(37, 40, 100)).toEqual({ kind: 'deltas', afterSeq: 37, count: 3 });
    expect(planCatchUp(0, 100, 100)).toEqual({ kind: 'deltas', afterSeq: 0, count: 100 });
  });

  it('an up-to-date client gets nothing more', () => {
    expect(planCatchUp(40, 40, 100)).toEqual({ kind: 'deltas', afterSeq: 40, count: 0 });
  });

  it('too far behind: a fresh snapshot instead of a long replay', () => {
    expect(planCatchUp(0, 101, 100)).toEqual({ kind: 'snapshot', reason: 'too_far_behind' });
    expect(planCatchUp(10, 11, 0)).toEqual({ kind: 'snapshot', reason: 'too_far_behind' });
  });

  it('a client ahead of the log (another database) starts again from a snapshot', () => {
    expect(planCatchUp(41, 40, 100)).toEqual({ kind: 'snapshot', reason: 'ahead_of_log' });
  });
});

describe('a game feed: what a client does with a delta', () => {
  it('applies the next one, ignores repeats, and notices a gap', () => {
    expect(deltaAction(40, 41)).toBe('apply');
    expect(deltaAction(40, 40)).toBe('already_applied');
    expect(deltaAction(40, 12)).toBe('already_applied');
    expect(deltaAction(40, 42)).toBe('gap');
  });
});

describe('the game clock on a fan page', () => {
  const asOf = '2024-05-19T14:10:00.000Z';
  const t = (ms: number) => Date.parse(asOf) + ms;

  it('a running clock counts down from its reading', () => {
    expect(clockRemaining({ running: true, remaining: 6000, asOf }, t(0))).toBe(6000);
    expect(clockRemaining({ running: true, remaining: 6000, asOf }, t(12_345))).toBe(5877);
  });

  it('never below zero, and never up when the page clock is a little behind the server', () => {
    expect(clockRemaining({ running: true, remaining: 50, asOf }, t(60_000))).toBe(0);
    expect(clockRemaining({ running: true, remaining: 50, asOf }, t(-900))).toBe(50);
  });

  it('a stopped clock shows its reading; no clock before the first period', () => {
    expect(clockRemaining({ running: false, remaining: 4321, asOf }, t(99_000))).toBe(4321);
    expect(clockRemaining({ running: false, remaining: null, asOf: null }, t(0))).toBeNull();
  });
});
