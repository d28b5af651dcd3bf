import { FixedWindowCounter } from './fixed-window.js';

describe('FixedWindowCounter', () => {
  let now = 0;
  const counter = () => new FixedWindowCounter(60_000, () => now, 2);
  beforeEach(() => (now = 1_000_000));

  it('allows up to the limit in a window, then says when to try again', () => {
    const c = counter();
    expect(c.hit('ip', 2)).toMatchObject({ allowed: true, count: 1 });
    expect(c.hit('ip', 2)).toMatchObject({ allowed: true, count: 2 });
    now += 15_500;
    expect(c.hit('ip', 2)).toEqual({ allowed: false, count: 3, retryAfterSeconds: 45 });
    expect(c.hit('other', 2).allowed).toBe(true);
  });

  it('starts a new window once the old one is over', () => {
    const c = counter();
    c.hit('k', 1);
    expect(c.hit('k', 1).allowed).toBe(false);
    now += 60_000;
    expect(c.hit('k', 1)).toMatchObject({ allowed: true, count: 1 });
  });

  it('reports a used-up key without counting, and forgets a reset key', () => {
    const c = counter();
    expect(c.blocked('k', 2).blocked).toBe(false);
    c.hit('k', 2);
    expect(c.blocked('k', 2).blocked).toBe(false);
    c.hit('k', 2);
    expect(c.blocked('k', 2)).toEqual({ blocked: true, retryAfterSeconds: 60 });
    c.reset('k');
    expect(c.blocked('k', 2).blocked).toBe(false);
  });

  it('sweeps expired windows so memory stays bounded', () => {
    const c = counter();
    for (const k of ['a', 'b', 'c']) c.hit(k, 5);
    now += 61_000;
    c.hit('d', 5);
    expect((c as unknown as { windows: Map<string, unknown> }).windows.size).toBe(1);
  });

  it('never says to retry in less than a second', () => {
    const c = counter();
    c.hit('k', 0);
    now += 59_999;
    expect(c.hit('k', 0).retryAfterSeconds).toBe(1);
  });
});
