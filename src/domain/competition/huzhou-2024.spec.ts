import { drawGroupsByHand, type DrawTeam } from './group-draw.js';
import { computeFinalRanking } from './final-ranking.js';
import { resolveSlots } from './resolve-slots.js';
import { buildHuzhou2024 } from './templates.js';
import type {
  CompetitionFacts,
  CompetitionStructure,
  GameResultFact,
  GroupOutcomeFact,
  GroupRankingRow,
} from './types.js';

// Real teams (league.md) and invented ones from Huzhou's districts and counties.
const 南浔彩蝶 = '南浔彩蝶队';
const 德清依蓄 = '德清依蓄队';
const 长兴天顺 = '长兴天顺物流队';
const 德清乾元 = '德清乾元篮球队';
const 吴兴新凤鸣 = '吴兴新凤鸣队';
const 安吉白茶 = '安吉白茶队';
const 安吉竹海 = '安吉竹海队';
const 南太湖星火 = '南太湖新区星火队';
const 长兴太湖湾 = '长兴太湖湾队';
const 吴兴织里 = '吴兴织里童装队';
const ALL = [南浔彩蝶, 德清依蓄, 长兴天顺, 德清乾元, 吴兴新凤鸣, 安吉白茶, 安吉竹海, 南太湖星火, 长兴太湖湾, 吴兴织里];
const entered: DrawTeam[] = ALL.map((teamId) => ({ teamId, unitId: null }));

/** [teamId, played, wins, pointsFor, pointsAgainst] best first, as the standings area would publish them. */
type Line = [string, number, number, number, number];
const table = (groupId: string, lines: Line[]): GroupOutcomeFact => ({
  groupId,
  isFinal: true,
  ranking: lines.map<GroupRankingRow>(([teamId, played, wins, pointsFor, pointsAgainst], i) => ({
    teamId,
    rank: i + 1,
    played,
    wins,
    losses: played - wins,
    classificationPoints: 2 * wins + (played - wins),
    pointsFor,
    pointsAgainst,
  })),
});

/** Group games won by the better-placed team, as in the tables below. */
function groupResults(s: CompetitionStructure, outcomes: GroupOutcomeFact[]): GameResultFact[] {
  const resolution = resolveSlots(s, { groups: outcomes, games: [] });
  return resolution.games
    .filter((g) => s.games.find((x) => x.id === g.gameId)!.groupId !== null)
    .map((g) => {
      const rank = (teamId: string) => outcomes.flatMap((o) => o.ranking).find((r) => r.teamId === teamId)!.rank;
      const [home, away] = [g.home.teamId!, g.away.teamId!];
      const [winner, loser] = rank(home) < rank(away) ? [home, away] : [away, home];
      return { gameId: g.gameId, status: 'confirmed', winnerTeamId: winner, loserTeamId: loser };
    });
}

function play(s: CompetitionStructure, facts: CompetitionFacts, gameId: string, winner: string): CompetitionFacts {
  const game = resolveSlots(s, facts).games.find((g) => g.gameId === gameId)!;
  const teams = [game.home.teamId, game.away.teamId];
  expect(teams).toContain(winner);
  const loser = teams.find((t) => t !== winner)!;
  return {
    ...facts,
    games: [...facts.games, { gameId, status: 'confirmed', winnerTeamId: winner, loserTeamId: loser }],
  };
}
const pairing = (s: CompetitionStructure, facts: CompetitionFacts, gameId: string) => {
  const g = resolveSlots(s, facts).games.find((x) => x.gameId === gameId)!;
  return [g.home.teamId, g.away.teamId];
};

describe('Huzhou 2024 (湖州首届工BA)', () => {
  it('Huzhou 2024: 3 groups of 4/3/3, best runner-up into semis, 16 games', () => {
    const draw = drawGroupsByHand(
      [
        { groupId: 'A', size: 4 },
        { groupId: 'B', size: 3 },
        { groupId: 'C', size: 3 },
      ],
      entered,
      [
        { groupId: 'A', teamIds: [南浔彩蝶, 德清乾元, 吴兴新凤鸣, 安吉白茶] },
        { groupId: 'B', teamIds: [德清依蓄, 南太湖星火, 安吉竹海] },
        { groupId: 'C', teamIds: [长兴天顺, 吴兴织里, 长兴太湖湾] },
      ],
    );
    const s = buildHuzhou2024('three_groups_best_runner_up', draw);
    expect(s.games).toHaveLength(16);
    expect(s.games.filter((g) => g.bracket === 'group')).toHaveLength(12);
    expect(s.games.filter((g) => g.stageId === 'KO').map((g) => g.id)).toEqual(['SF1', 'SF2', 'F', '3P']);

    const groups = [
      table('A', [
        [南浔彩蝶, 3, 3, 240, 200],
        [德清乾元, 3, 2, 230, 215], // 2-1 in the group of four: the best runner-up on win ratio
        [吴兴新凤鸣, 3, 1, 210, 225],
        [安吉白茶, 3, 0, 190, 230],
      ]),
      table('B', [
        [德清依蓄, 2, 2, 160, 140],
        [南太湖星火, 2, 1, 150, 138],
        [安吉竹海, 2, 0, 130, 162],
      ]),
      table('C', [
        [长兴天顺, 2, 2, 170, 150],
        [吴兴织里, 2, 1, 148, 152],
        [长兴太湖湾, 2, 0, 140, 156],
      ]),
    ];
    let facts: CompetitionFacts = { groups, games: groupResults(s, groups) };
    // The best runner-up comes from group A, so it must not meet A's winner: A1-C1, B1-A2.
    expect(pairing(s, facts, 'SF1')).toEqual([南浔彩蝶, 长兴天顺]);
    expect(pairing(s, facts, 'SF2')).toEqual([德清依蓄, 德清乾元]);
    facts = play(s, facts, 'SF1', 南浔彩蝶);
    facts = play(s, facts, 'SF2', 德清依蓄);
    facts = play(s, facts, 'F', 南浔彩蝶);
    facts = play(s, facts, '3P', 长兴天顺); // won in overtime
    expect(pairing(s, facts, '3P')).toEqual([长兴天顺, 德清乾元]);

    const places = computeFinalRanking(s, facts);
    expect(places.map((p) => [p.place, p.teamId, p.decidedBy])).toEqual([
      [1, 南浔彩蝶, 'placement_game'],
      [2, 德清依蓄, 'placement_game'],
      [3, 长兴天顺, 'placement_game'],
      [4, 德清乾元, 'placement_game'],
      [5, 南太湖星火, 'cross_group'], // runners-up out in the groups: +6 per game
      [6, 吴兴织里, 'cross_group'], // -2 per game
      [7, 吴兴新凤鸣, 'cross_group'], // 3rd-placed: 1 win in 3 beats 0 in 2
      [8, 长兴太湖湾, 'cross_group'], // -8 per game
      [9, 安吉竹海, 'cross_group'], // -16 per game
      [10, 安吉白茶, 'group_position'], // the only 4th-placed team
    ]);
    expect(places.some((p) => p.needsDraw)).toBe(false);
  });

  it('Huzhou 2024: 4 groups of 3/3/2/2 with quarter-finals, 16 games', () => {
    const draw = drawGroupsByHand(
      [
        { groupId: 'A', size: 3 },
        { groupId: 'B', size: 3 },
        { groupId: 'C', size: 2 },
        { groupId: 'D', size: 2 },
      ],
      entered,
      [
        { groupId: 'A', teamIds: [南浔彩蝶, 安吉白茶, 吴兴新凤鸣] },
        { groupId: 'B', teamIds: [德清依蓄, 长兴太湖湾, 安吉竹海] },
        { groupId: 'C', teamIds: [长兴天顺, 吴兴织里] },
        { groupId: 'D', teamIds: [德清乾元, 南太湖星火] },
      ],
    );
    const s = buildHuzhou2024('four_groups_quarter_finals', draw);
    // 3 + 3 + 1 + 1 group games, then 4 quarter-finals, 2 semi-finals, the final and the 3rd-place game.
    expect(s.games).toHaveLength(16);
    expect(s.games.filter((g) => g.bracket === 'group')).toHaveLength(8);
    expect(s.games.filter((g) => g.stageId === 'KO').map((g) => g.id)).toEqual([
      'QF1',
      'QF2',
      'QF3',
      'QF4',
      'SF1',
      'SF2',
      'F',
      '3P',
    ]);

    const groups = [
      table('A', [
        [南浔彩蝶, 2, 2, 160, 130],
        [安吉白茶, 2, 1, 150, 142], // +4 per game
        [吴兴新凤鸣, 2, 0, 125, 145], // -10 per game
      ]),
      table('B', [
        [德清依蓄, 2, 2, 158, 140],
        [长兴太湖湾, 2, 1, 140, 146], // -3 per game
        [安吉竹海, 2, 0, 130, 170], // -20 per game
      ]),
      table('C', [
        [长兴天顺, 1, 1, 75, 70],
        [吴兴织里, 1, 0, 70, 75], // -5
      ]),
      table('D', [
        [德清乾元, 1, 1, 82, 70],
        [南太湖星火, 1, 0, 70, 82], // -12
      ]),
    ];
    let facts: CompetitionFacts = { groups, games: groupResults(s, groups) };
    expect(['QF1', 'QF2', 'QF3', 'QF4'].map((id) => pairing(s, facts, id))).toEqual([
      [南浔彩蝶, 长兴太湖湾], // A1-B2
      [德清乾元, 吴兴织里], // D1-C2
      [德清依蓄, 安吉白茶], // B1-A2
      [长兴天顺, 南太湖星火], // C1-D2
    ]);
    for (const [id, winner] of [
      ['QF1', 南浔彩蝶],
      ['QF2', 德清乾元],
      ['QF3', 德清依蓄],
      ['QF4', 长兴天顺],
      ['SF1', 南浔彩蝶],
      ['SF2', 德清依蓄],
      ['F', 南浔彩蝶],
      ['3P', 长兴天顺],
    ]) {
      facts = play(s, facts, id, winner);
    }
    expect(pairing(s, facts, 'SF1')).toEqual([南浔彩蝶, 德清乾元]);
    expect(pairing(s, facts, '3P')).toEqual([德清乾元, 长兴天顺]);

    const places = computeFinalRanking(s, facts);
    expect(places.map((p) => [p.place, p.teamId])).toEqual([
      [1, 南浔彩蝶],
      [2, 德清依蓄],
      [3, 长兴天顺],
      [4, 德清乾元],
      [5, 安吉白茶], // quarter-final losers, all runners-up: 1 win in 2 beats 0 in 1, then points per game
      [6, 长兴太湖湾],
      [7, 吴兴织里],
      [8, 南太湖星火],
      [9, 吴兴新凤鸣], // 3rd-placed, out in the groups
      [10, 安吉竹海],
    ]);
    expect(places.slice(4).every((p) => p.decidedBy === 'cross_group' && !p.needsDraw)).toBe(true);
  });
});
