import { efficiency, emptyLine } from './box-score-line.js';

describe('efficiency (FIBA EFF)', () => {
  it('adds the good things and subtracts misses and turnovers', () => {
    const line = { ...emptyLine('g', 'p', 't'), pts: 20, fgm2: 7, fga2: 12, fgm3: 1, fga3: 4, ftm: 3, fta: 5 };
    const withRest = { ...line, oreb: 2, dreb: 5, ast: 4, stl: 1, blk: 1, tov: 3 };
    // 20 + 7 + 4 + 1 + 1 - (16 - 8) - (5 - 3) - 3 = 20
    expect(efficiency(withRest)).toBe(20);
  });
});
