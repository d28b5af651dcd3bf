import { buildCompetition } from './build-structure.js';
import { gameTitle } from './game-names.js';
import { applyDraw, drawGroupsByHand } from './group-draw.js';
import { buildFormatTemplate } from './templates.js';
import { teams } from './test-support.js';

const titles = (config: Parameters<typeof buildCompetition>[0]) =>
  Object.fromEntries(buildCompetition(config).games.map((g) => [g.id, gameTitle(g)]));

/** The structure's own ids: a title never contains one. */
const STRUCTURE_CODE = /(?<![A-Za-z0-9])(?:S\d-[A-Z]-R\d|SF\d?|QF\d?|R\d+|3P|\dP|WB|LB|GF\d?|F)(?![A-Za-z0-9])/;

describe('gameTitle: games as people name them', () => {
  it('groups, semi-finals, the final and the 3rd-place game', () => {
    // Two groups of three, the first two of each into crossed semi-finals (the template's draw by hand).
    const config = buildFormatTemplate({
      teamCount: 6,
      groupCount: 2,
      advancePerGroup: 2,
      knockout: { thirdPlaceGame: true },
    });
    const groups = ['A', 'B'].map((groupId) => ({ groupId, teamIds: [1, 2, 3].map((i) => `${groupId}${i}`) }));
    const entrants = groups.flatMap((g) => g.teamIds.map((teamId) => ({ teamId, unitId: null })));
    const specs = groups.map((g) => ({ groupId: g.groupId, size: 3 }));
    const named = titles(applyDraw(config, 'S1', drawGroupsByHand(specs, entrants, groups)));
    expect(named).toMatchObject({ SF1: '半决赛1', SF2: '半决赛2', F: '决赛', '3P': '第3名决赛' });
    expect(Object.entries(named).filter(([id]) => id.startsWith('S1-A-R2'))).toEqual([
      [expect.any(String), 'A组 第2轮'],
    ]);
  });

  it('quarter-finals, 1/8决赛 with byes, and classification games for 5th to 8th', () => {
    const named = titles({
      stages: [{ kind: 'knockout', id: 'KO', thirdPlaceGame: true, fullClassification: true, entrants: teams(8) }],
    });
    expect(named).toMatchObject({ QF1: '1/4决赛1', QF4: '1/4决赛4', '5P': '第5名决赛', '7P': '第7名决赛' });
    expect(Object.values(named)).toEqual(expect.arrayContaining(['第5–8名 半决赛1', '第5–8名 半决赛2']));
    expect(titles({ stages: [{ kind: 'knockout', id: 'KO', entrants: teams(12) }] })).toMatchObject({
      'R16-1': '1/8决赛1',
    });
  });

  it('double elimination: winners’ and losers’ rounds and the grand final', () => {
    const named = titles({
      stages: [{ kind: 'knockout', id: 'KO', format: 'double_elimination', grandFinalReset: true, entrants: teams(4) }],
    });
    expect(named).toMatchObject({
      'WB-SF1': '胜者组 半决赛1',
      'WB-F': '胜者组决赛',
      'LB-R1-1': expect.stringMatching(/^败者组 第\d轮$/),
      GF: '总决赛',
      GF2: '总决赛 第2场',
    });
  });

  it('no title of any size or format carries a structure id', () => {
    for (let n = 2; n <= 20; n++) {
      const formats = [
        { kind: 'knockout', id: 'KO', entrants: teams(n), thirdPlaceGame: n >= 4, fullClassification: n >= 4 },
        ...(n >= 3 ? [{ kind: 'knockout', id: 'KO', format: 'double_elimination', entrants: teams(n) }] : []),
      ];
      for (const stage of formats)
        for (const title of Object.values(titles({ stages: [stage] } as Parameters<typeof buildCompetition>[0])))
          expect(title).not.toMatch(STRUCTURE_CODE);
    }
  });
});
