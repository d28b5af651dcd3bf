import fc from 'fast-check';
import {
  applyDraw,
  drawGroupsByHand,
  drawGroupsFromPots,
  drawGroupsRandomly,
  drawGroupsSerpentine,
  type DrawTeam,
} from './group-draw.js';
import { buildFormatTemplate } from './templates.js';

const groups433 = [
  { groupId: 'A', size: 4 },
  { groupId: 'B', size: 3 },
  { groupId: 'C', size: 3 },
];
const ranked = (n: number, unitOf: (i: number) => string | null = () => null): DrawTeam[] =>
  Array.from({ length: n }, (_, i) => ({ teamId: `T${i + 1}`, unitId: unitOf(i) }));
const code = (c: string) => expect.objectContaining({ code: c });

const clashFree = (draw: { groups: Array<{ teamIds: string[] }> }, teams: DrawTeam[]) =>
  draw.groups.every((g) => {
    const units = g.teamIds.map((id) => teams.find((t) => t.teamId === id)!.unitId).filter((u) => u !== null);
    return new Set(units).size === units.length;
  });

describe('group draw by hand', () => {
  const teams = ranked(10);
  const valid = [
    { groupId: 'A', teamIds: ['T1', 'T2', 'T3', 'T4'] },
    { groupId: 'B', teamIds: ['T5', 'T6', 'T7'] },
    { groupId: 'C', teamIds: ['T8', 'T9', 'T10'] },
  ];

  it('accepts every team exactly once at the configured sizes', () => {
    expect(drawGroupsByHand(groups433, teams, valid).groups).toEqual(valid);
  });

  it('refuses a team drawn twice, a missing team, an unknown team and a wrong group size', () => {
    const twice = [valid[0], { groupId: 'B', teamIds: ['T5', 'T6', 'T1'] }, valid[2]];
    expect(() => drawGroupsByHand(groups433, teams, twice)).toThrow(code('COMPETITION_DRAW_TEAM_DUPLICATED'));
    const unknown = [valid[0], { groupId: 'B', teamIds: ['T5', 'T6', 'X'] }, valid[2]];
    expect(() => drawGroupsByHand(groups433, teams, unknown)).toThrow(code('COMPETITION_DRAW_UNKNOWN_TEAM'));
    const wrongSize = [
      { groupId: 'A', teamIds: ['T1', 'T2', 'T3'] },
      { groupId: 'B', teamIds: ['T4', 'T5', 'T6', 'T7'] },
      valid[2],
    ];
    expect(() => drawGroupsByHand(groups433, teams, wrongSize)).toThrow(code('COMPETITION_DRAW_GROUP_SIZE_MISMATCH'));
    expect(() => drawGroupsByHand(groups433, ranked(11), valid)).toThrow(code('COMPETITION_DRAW_SIZES_MISMATCH'));
  });

  it('refuses two teams of one unit in a group when units are kept apart', () => {
    const sameUnit = ranked(10, (i) => (i === 0 || i === 1 ? '湖州物流' : null));
    expect(() => drawGroupsByHand(groups433, sameUnit, valid, { keepUnitsApart: true })).toThrow(
      code('COMPETITION_DRAW_UNIT_CLASH'),
    );
    expect(drawGroupsByHand(groups433, sameUnit, valid).method).toBe('hand');
  });
});

describe('random group draw', () => {
  it('the same recorded seed reproduces the same draw', () => {
    const a = drawGroupsRandomly(groups433, ranked(10), { seed: 20240615 });
    const b = drawGroupsRandomly(groups433, ranked(10), { seed: 20240615 });
    expect(a).toEqual(b);
    expect(a.seed).toBe(20240615);
    const others = [1, 2, 3, 4, 5].map((seed) =>
      JSON.stringify(drawGroupsRandomly(groups433, ranked(10), { seed }).groups),
    );
    expect(new Set(others).size).toBeGreaterThan(1);
  });

  it('refuses a seed that is not a 32-bit unsigned integer', () => {
    expect(() => drawGroupsRandomly(groups433, ranked(10), { seed: 1.5 })).toThrow(
      code('COMPETITION_DRAW_SEED_INVALID'),
    );
  });

  it('property: every team exactly once, groups at their sizes, units apart when asked', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 2, max: 6 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 1, max: 8 }),
        (sizes, seed, unitSpread) => {
          const groups = sizes.map((size, i) => ({ groupId: `G${i}`, size }));
          const n = sizes.reduce((a, b) => a + b, 0);
          // Units of at most `groups` teams each, so separation is often but not always possible.
          const teams = ranked(n, (i) => `U${i % Math.max(1, Math.ceil(n / Math.min(unitSpread, groups.length)))}`);
          const draw = drawGroupsRandomly(groups, teams, { seed });
          expect(draw.groups.map((g) => g.teamIds.length)).toEqual(sizes);
          expect(draw.groups.flatMap((g) => g.teamIds).sort()).toEqual(teams.map((t) => t.teamId).sort());
          try {
            const apart = drawGroupsRandomly(groups, teams, { seed, keepUnitsApart: true });
            expect(apart.groups.map((g) => g.teamIds.length)).toEqual(sizes);
            expect(clashFree(apart, teams)).toBe(true);
          } catch (error) {
            expect(error).toMatchObject({ code: 'COMPETITION_UNIT_SEPARATION_IMPOSSIBLE' });
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('says so clearly when a unit has more teams than there are groups', () => {
    const teams = ranked(10, (i) => (i < 4 ? '长兴县总工会' : null));
    expect(() => drawGroupsRandomly(groups433, teams, { seed: 7, keepUnitsApart: true })).toThrow(
      expect.objectContaining({
        code: 'COMPETITION_UNIT_SEPARATION_IMPOSSIBLE',
        message: expect.stringContaining('长兴县总工会 has 4 teams'),
      }),
    );
  });

  it('detects an impossible separation that counting alone misses (group sizes 4 and 2, three units of two)', () => {
    const groups = [
      { groupId: 'A', size: 4 },
      { groupId: 'B', size: 2 },
    ];
    const teams = ranked(6, (i) => `U${i % 3}`);
    expect(() => drawGroupsRandomly(groups, teams, { seed: 1, keepUnitsApart: true })).toThrow(
      code('COMPETITION_UNIT_SEPARATION_IMPOSSIBLE'),
    );
  });
});

describe('seeded draws', () => {
  it('serpentine over 4/3/3: A 1,6,7,10 / B 2,5,8 / C 3,4,9', () => {
    const draw = drawGroupsSerpentine(groups433, ranked(10));
    expect(draw.groups).toEqual([
      { groupId: 'A', teamIds: ['T1', 'T6', 'T7', 'T10'] },
      { groupId: 'B', teamIds: ['T2', 'T5', 'T8'] },
      { groupId: 'C', teamIds: ['T3', 'T4', 'T9'] },
    ]);
  });

  it('serpentine keeping units apart swaps the clashing team with its nearest neighbour at the same level', () => {
    // T1 and T6 share a unit; serpentine would put both in A.
    const teams = ranked(10, (i) => (i === 0 || i === 5 ? '南浔区' : null));
    const draw = drawGroupsSerpentine(groups433, teams, { keepUnitsApart: true });
    expect(draw.groups.map((g) => g.teamIds)).toEqual([
      ['T1', 'T5', 'T7', 'T10'],
      ['T2', 'T6', 'T8'],
      ['T3', 'T4', 'T9'],
    ]);
  });

  it('pots: every group gets one team from each pot, reproducibly from the seed', () => {
    const a = drawGroupsFromPots(groups433, ranked(10), { seed: 99 });
    expect(a).toEqual(drawGroupsFromPots(groups433, ranked(10), { seed: 99 }));
    const potOf = (id: string) => Math.floor((Number(id.slice(1)) - 1) / 3);
    for (const g of a.groups) expect(g.teamIds.map(potOf)).toEqual(g.teamIds.length === 4 ? [0, 1, 2, 3] : [0, 1, 2]);
  });

  it('property: pots with units kept apart never clash and keep one team per pot per group', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (seed) => {
        const teams = ranked(12, (i) => `U${i % 4}`);
        const groups = [0, 1, 2].map((i) => ({ groupId: `G${i}`, size: 4 }));
        const draw = drawGroupsFromPots(groups, teams, { seed, keepUnitsApart: true });
        expect(clashFree(draw, teams)).toBe(true);
        for (const g of draw.groups) {
          expect(new Set(g.teamIds.map((id) => Math.floor((Number(id.slice(1)) - 1) / 3))).size).toBe(4);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('applyDraw puts the drawn teams into the stage configuration in draw order', () => {
    const config = buildFormatTemplate({
      teamCount: 10,
      groupCount: 3,
      advancePerGroup: 1,
      bestPlaced: { place: 2, count: 1 },
    });
    const drawn = applyDraw(config, 'S1', drawGroupsSerpentine(groups433, ranked(10)));
    const stage = drawn.stages[0];
    expect(stage.kind === 'group' && stage.groups[1].entrants).toEqual([
      { kind: 'team', teamId: 'T2' },
      { kind: 'team', teamId: 'T5' },
      { kind: 'team', teamId: 'T8' },
    ]);
  });
});
