/**
 * Counts events per key in fixed time windows, in this process's memory. Enough for one
 * Courtside server (the deployment this project targets); several servers behind a balancer
 * would each count separately, so the limits would multiply by their number.
 */
export class FixedWindowCounter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
    /** Above this many keys, expired windows are swept on the next hit. */
    private readonly sweepAbove = 10_000,
  ) {}

  /** Adds one event; says whether it is still within `limit` and, if not, when to try again. */
  hit(key: string, limit: number): { allowed: boolean; count: number; retryAfterSeconds: number } {
    const now = this.now();
    if (this.windows.size > this.sweepAbove) this.sweep(now);
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + this.windowMs };
      this.windows.set(key, window);
    }
    window.count++;
    return { allowed: window.count <= limit, count: window.count, retryAfterSeconds: this.secondsLeft(window, now) };
  }

  /** Whether the key has already used up `limit` events in its window, without counting one. */
  blocked(key: string, limit: number): { blocked: boolean; retryAfterSeconds: number } {
    const now = this.now();
    const window = this.windows.get(key);
    if (!window || window.resetAt <= now) return { blocked: false, retryAfterSeconds: 0 };
    return { blocked: window.count >= limit, retryAfterSeconds: this.secondsLeft(window, now) };
  }

  reset(key: string): void {
    this.windows.delete(key);
  }

  private secondsLeft(window: { resetAt: number }, now: number): number {
    return Math.max(1, Math.ceil((window.resetAt - now) / 1000));
  }

  private sweep(now: number) {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}
