import { basketsToMargin, replayMargin, replayWinner } from './demo-replay.js';

const apply = (margin: number, baskets: ReturnType<typeof basketsToMargin>) =>
  baskets.reduce((m, [side, points]) => (side === 'favourite' ? m + points : m - points), margin);

describe('2024 replay', () => {
  it('reaches any target margin with 2- and 3-point baskets', () => {
    for (let margin = -30; margin <= 30; margin++)
      for (const target of [0, 1, 4, 17]) {
        const baskets = basketsToMargin(margin, target);
        expect(apply(margin, baskets)).toBe(target);
        expect(baskets.length).toBeLessThanOrEqual(Math.abs(target - margin) / 2 + 2);
      }
  });

  it('lets the better team of the real order win, the champions by the most', () => {
    expect(replayWinner('德清依蓄队', '南浔彩蝶队')).toBe('南浔彩蝶队');
    expect(replayWinner('安吉竹海队', '长兴天顺物流队')).toBe('长兴天顺物流队');
    expect(replayMargin('南浔彩蝶队', false)).toBeGreaterThan(replayMargin('德清依蓄队', false));
    expect(replayMargin('长兴天顺物流队', true)).toBe(0);
  });
});
