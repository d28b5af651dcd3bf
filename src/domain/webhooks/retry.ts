/** Attempts before a delivery is given up (about a day and a half with the default base). */
export const MAX_ATTEMPTS = 12;

/**
 * Wait before the next attempt after `attempts` failed ones: base × 2^(attempts-1), at most
 * `capMs`, with up to 10% jitter so many hooks that failed together do not retry together.
 */
export function retryDelayMs(attempts: number, baseMs: number, capMs = 6 * 3600_000, random = Math.random): number {
  const exponential = Math.min(capMs, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential * (1 + 0.1 * random()));
}
