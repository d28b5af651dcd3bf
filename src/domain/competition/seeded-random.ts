import { invalid } from '../shared/domain-error.js';

/** A draw's seed: an unsigned 32-bit integer, recorded with the draw so it can be replayed. */
export function assertDrawSeed(seed: number): number {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw invalid('COMPETITION_DRAW_SEED_INVALID', `A draw seed must be an integer from 0 to 4294967295, got ${seed}`);
  }
  return seed;
}

/** mulberry32: tiny, fast and identical on every platform, which is all a reproducible draw needs. */
export function seededRandom(seed: number): () => number {
  let state = assertDrawSeed(seed) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle driven by the given generator; the input is not modified. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
