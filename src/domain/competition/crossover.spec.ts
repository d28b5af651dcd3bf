import fc from 'fast-check';
import { buildCompetition } from './build-structure.js';
import { crossoverSeeding } from './crossover.js';
import { applyDraw, drawGroupsSerpentine } from './group-draw.js';
import { buildFormatTemplate, groupLetter } from './templates.js';
import type { CompetitionStructure, Slot } from './types.js';

const label = (slot: Slot) =>
  slot.kind === 'group_place'
    ? `${slot.groupId}${slot.place}`
    : slot.kind === 'best_placed'
      ? `best${slot.place}#${slot.rank}`
      : slot.kind;
const groups = (...sizes: number[]) => ({ id: 'S1', groups: sizes.map((size, i) => ({ id: groupLetter(i), size })) });

function built(
  teamCount: number,
  groupCount: number,
  advancePerGroup: number,
  bestPlaced: { place: number; count: number } | null = null,
) {
  const config = buildFormatTemplate({ teamCount, groupCount, advancePerGroup, bestPlaced });
  const stage = config.stages[0];
  if (stage.kind !== 'group') throw new Error('expected a group stage');
  const specs = stage.groups.map((g) => ({ groupId: g.id, size: g.size }));
  const draw = drawGroupsSerpentine(
    specs,
    Array.from({ length: teamCount }, (_, i) => ({ teamId: `T${i + 1}`, unitId: null })),
  );
  return buildCompetition(applyDraw(config, 'S1', draw));
}
const firstRound = (s: CompetitionStructure) =>
  s.games
    .filter((g) => g.stageId === 'KO' && g.home.kind !== 'game_winner' && g.away.kind !== 'game_winner')
    .map((g) => `${label(g.home)}-${label(g.away)}`);

describe('crossovers from groups into the knockout', () => {
  it('two groups, top two into semi-finals: A1-B2 and B1-A2', () => {
    expect(firstRound(built(8, 2, 2))).toEqual(['A1-B2', 'B1-A2']);
  });

  it('four groups, top two into quarter-finals: A1-B2, D1-C2 | B1-A2, C1-D2, so group mates can only meet in the final', () => {
    const s = built(16, 4, 2);
    expect(firstRound(s)).toEqual(['A1-B2', 'D1-C2', 'B1-A2', 'C1-D2']);
    expect(s.games.find((g) => g.id === 'SF1')).toMatchObject({ home: { gameId: 'QF1' }, away: { gameId: 'QF2' } });
  });

  it('three groups, top two (6 teams): group winners A and B get byes and no first-round game is a group rematch', () => {
    const seeds = crossoverSeeding(groups(4, 4, 4), { advancePerGroup: 2 }).map(label);
    expect(seeds.slice(0, 3)).toEqual(['A1', 'B1', 'C1']);
    const pairs = firstRound(built(12, 3, 2));
    expect(pairs).toHaveLength(2);
    for (const pair of pairs) {
      const [a, b] = pair.split('-');
      expect(a[0]).not.toBe(b[0]);
    }
  });

  it('three groups and the best runner-up: seeds A1, B1, C1, best 2nd', () => {
    expect(
      crossoverSeeding(groups(4, 3, 3), { advancePerGroup: 1, bestPlaced: { place: 2, count: 1 } }).map(label),
    ).toEqual(['A1', 'B1', 'C1', 'best2#1']);
  });

  it('refuses to take more teams from a group than it has, or a best-placed rank no group provides', () => {
    expect(() => crossoverSeeding(groups(3, 2), { advancePerGroup: 3 })).toThrow(
      expect.objectContaining({ code: 'COMPETITION_ADVANCE_INVALID' }),
    );
    expect(() => crossoverSeeding(groups(3, 2), { advancePerGroup: 2, bestPlaced: { place: 3, count: 2 } })).toThrow(
      expect.objectContaining({ code: 'COMPETITION_BEST_PLACED_INVALID' }),
    );
  });

  it('property: whenever the groups allow it, no first-round knockout game pairs two teams of one group', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 8 }), fc.integer({ min: 1, max: 3 }), (groupCount, advance) => {
        const s = built(groupCount * 4, groupCount, advance);
        const rematches = firstRound(s).filter((pair) => {
          const [a, b] = pair.split('-');
          return a.replace(/\d+$/, '') === b.replace(/\d+$/, '');
        });
        expect(rematches).toEqual([]);
      }),
    );
  });
});
