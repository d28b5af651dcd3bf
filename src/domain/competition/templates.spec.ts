import { buildCompetition } from './build-structure.js';
import { applyDraw, drawGroupsSerpentine } from './group-draw.js';
import { resolveSlots } from './resolve-slots.js';
import { buildFormatTemplate, groupLetter, huzhou2024Config, type FormatTemplateOptions } from './templates.js';
import { playOut } from './test-support.js';
import type { GroupStageConfig } from './types.js';

const sizesOf = (options: FormatTemplateOptions) =>
  (buildFormatTemplate(options).stages[0] as GroupStageConfig).groups.map((g) => g.size);

function drawn(options: FormatTemplateOptions) {
  const config = buildFormatTemplate(options);
  const specs = (config.stages[0] as GroupStageConfig).groups.map((g) => ({ groupId: g.id, size: g.size }));
  const teams = Array.from({ length: options.teamCount }, (_, i) => ({ teamId: `T${i + 1}`, unitId: null }));
  return buildCompetition(applyDraw(config, 'S1', drawGroupsSerpentine(specs, teams)));
}

describe('format templates', () => {
  it('splits teams into groups as evenly as possible, larger groups first', () => {
    expect(sizesOf({ teamCount: 10, groupCount: 3, advancePerGroup: 1 })).toEqual([4, 3, 3]);
    expect(sizesOf({ teamCount: 10, groupCount: 4, advancePerGroup: 2 })).toEqual([3, 3, 2, 2]);
    expect(groupLetter(0) + groupLetter(25) + groupLetter(26)).toBe('AZAA');
  });

  it('both Huzhou 2024 formats are the general template with different numbers', () => {
    expect(huzhou2024Config('three_groups_best_runner_up').stages[1]).toMatchObject({
      kind: 'knockout',
      thirdPlaceGame: true,
    });
    expect(
      (huzhou2024Config('four_groups_quarter_finals').stages[0] as GroupStageConfig).groups.map((g) => g.size),
    ).toEqual([3, 3, 2, 2]);
  });

  it('nobody advancing makes a round-robin-only event', () => {
    expect(buildFormatTemplate({ teamCount: 6, groupCount: 1, advancePerGroup: 0 }).stages.map((s) => s.kind)).toEqual([
      'group',
    ]);
  });

  it('refuses group sizes that do not add up, too few teams for the groups, or a one-team knockout', () => {
    const code = (c: string) => expect.objectContaining({ code: c });
    expect(() =>
      buildFormatTemplate({ teamCount: 10, groupCount: 3, advancePerGroup: 1, groupSizes: [4, 4, 3] }),
    ).toThrow(code('COMPETITION_TEMPLATE_INVALID'));
    expect(() => buildFormatTemplate({ teamCount: 5, groupCount: 3, advancePerGroup: 1 })).toThrow(
      code('COMPETITION_TEMPLATE_INVALID'),
    );
    expect(() => buildFormatTemplate({ teamCount: 6, groupCount: 1, advancePerGroup: 1 })).toThrow(
      code('COMPETITION_TEMPLATE_INVALID'),
    );
  });

  it('3 groups of 4, top two and the two best 3rd-placed teams into quarter-finals: no quarter-final is a group rematch', () => {
    const s = drawn({
      teamCount: 12,
      groupCount: 3,
      advancePerGroup: 2,
      bestPlaced: { place: 3, count: 2 },
      knockout: { thirdPlaceGame: true, classifyPlacesDownTo: 8 },
    });
    // 18 group games + 4 QF + 2 SF + F + 3P + 4 games for 5th-8th.
    expect(s.games).toHaveLength(18 + 4 + 2 + 1 + 1 + 4);
    // Tables follow the serpentine draw order (A: T1 T6 T7 T12, B: T2 T5 T8 T11, C: T3 T4 T9 T10), so the
    // thirds are level on everything and lots rank B3 (T8) then A3 (T7): seed 8, A3, would meet A1.
    const lots = { groups: [], games: [], crossGroupDraws: [{ stageId: 'S1', place: 3, order: ['T8', 'T7', 'T9'] }] };
    const facts = playOut(s, { maxPasses: 1 }, lots);
    const res = resolveSlots(s, facts);
    expect(res.seeding[0].teamIds).toEqual(['T1', 'T2', 'T3', 'T5', 'T4', 'T6', 'T7', 'T8']);
    expect(
      ['QF1', 'QF3'].map((id) => res.games.find((g) => g.gameId === id)).map((g) => [g!.home.teamId, g!.away.teamId]),
    ).toEqual([
      ['T1', 'T8'],
      ['T2', 'T7'],
    ]);
    const groupOf = new Map(facts.groups.flatMap((g) => g.ranking.map((r) => [r.teamId, g.groupId])));
    for (const id of ['QF1', 'QF2', 'QF3', 'QF4']) {
      const g = res.games.find((x) => x.gameId === id)!;
      expect(groupOf.get(g.home.teamId!)).not.toBe(groupOf.get(g.away.teamId!));
    }
  });
});
