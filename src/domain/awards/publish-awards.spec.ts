import { aggregatePlayerTotals } from '../stats/index.js';
import { repeatedLines } from '../stats/testing/lines.js';
import { mvpCandidates } from './mvp-candidates.js';
import { publishAwards, type PublishAwardsInput } from './publish-awards.js';

// Huzhou's first 工BA (2024): 10 teams, final places 1–4 as reported, 5–10 invented.
const places = [
  { teamId: '南浔彩蝶队', place: 1 },
  { teamId: '德清依蓄队', place: 2 },
  { teamId: '长兴天顺物流队', place: 3 },
  { teamId: '德清乾元篮球队', place: 4 },
  { teamId: '吴兴新凤鸣队', place: 5 },
  { teamId: '安吉白茶队', place: 6 },
  { teamId: '南太湖新区队', place: 7 },
  { teamId: '吴兴织里队', place: 8 },
  { teamId: '长兴电池队', place: 9 },
  { teamId: '安吉竹乡队', place: 10 },
];
const totals = aggregatePlayerTotals([
  ...repeatedLines('彩蝶-张', '南浔彩蝶队', 4, { pts: 22, fgm2: 8, fga2: 14, ftm: 6, fta: 8, dreb: 7, ast: 3 }),
  ...repeatedLines('依蓄-李', '德清依蓄队', 4, { pts: 26, fgm2: 10, fga2: 20, ftm: 6, fta: 6, ast: 5 }),
  ...repeatedLines('天顺-王', '长兴天顺物流队', 4, { pts: 14, fgm2: 7, fga2: 10, ast: 5, dreb: 9 }),
  ...repeatedLines('凤鸣-赵', '吴兴新凤鸣队', 3, { pts: 12, fgm2: 6, fga2: 12, dreb: 11 }),
]);
const huzhou: PublishAwardsInput = {
  places,
  totals,
  leaderSettings: { basis: 'total' },
  decisions: [
    { key: 'mvp', recipients: [{ type: 'player', id: '依蓄-李' }], citation: '场均26分，带领德清依蓄队闯入决赛。' },
    { key: 'best_organising_unit', recipients: [{ type: 'unit', id: '南太湖新区总工会' }] },
    {
      key: 'sportsmanship',
      recipients: [{ type: 'team', id: '吴兴新凤鸣队' }],
      labelZh: '精神风尚团队奖',
      citation: '  赛风端正，文明参赛。 ',
    },
  ],
  registry: {
    teamIds: places.map((p) => p.teamId),
    playerIds: ['彩蝶-张', '依蓄-李', '天顺-王', '凤鸣-赵'],
    unitIds: ['南太湖新区总工会', '南浔区总工会'],
  },
};

describe('publishAwards', () => {
  it('Huzhou 2024: places, MVP, computed leaders and the organisers’ team and unit awards, in order', () => {
    const list = publishAwards(huzhou);
    expect(list.map((a) => [a.key, a.labelZh, a.kind, a.recipients.map((r) => r.id).join('、')])).toEqual([
      ['place_1', '冠军', 'team_place', '南浔彩蝶队'],
      ['place_2', '亚军', 'team_place', '德清依蓄队'],
      ['place_3', '季军', 'team_place', '长兴天顺物流队'],
      ['place_4', '第四名', 'team_place', '德清乾元篮球队'],
      ['place_5', '第五名', 'team_place', '吴兴新凤鸣队'],
      ['place_6', '第六名', 'team_place', '安吉白茶队'],
      ['place_7', '第七名', 'team_place', '南太湖新区队'],
      ['place_8', '第八名', 'team_place', '吴兴织里队'],
      ['place_9', '第九名', 'team_place', '长兴电池队'],
      ['place_10', '第十名', 'team_place', '安吉竹乡队'],
      ['mvp', '最有价值球员 MVP', 'decided', '依蓄-李'],
      ['top_scorer', '得分王', 'computed', '依蓄-李'],
      ['assists_leader', '助攻王', 'computed', '依蓄-李、天顺-王'],
      ['rebounds_leader', '篮板王', 'computed', '天顺-王'],
      ['sportsmanship', '精神风尚团队奖', 'decided', '吴兴新凤鸣队'],
      ['best_organising_unit', '优秀组织奖', 'decided', '南太湖新区总工会'],
    ]);
    expect(list.find((a) => a.key === 'top_scorer')).toMatchObject({ value: 104, labelEn: 'Top scorer' });
    expect(list.find((a) => a.key === 'sportsmanship')?.citation).toBe('赛风端正，文明参赛。');
    expect(list.find((a) => a.key === 'best_organising_unit')?.recipients).toEqual([
      { type: 'unit', id: '南太湖新区总工会' },
    ]);
    expect(JSON.parse(JSON.stringify(list))).toEqual(list);
  });

  it('organisers’ MVP overrides the computed candidate', () => {
    const top = mvpCandidates(totals, places)[0];
    expect(top.playerId).toBe('彩蝶-张'); // the champion's player tops the formula
    const mvp = publishAwards(huzhou).find((a) => a.key === 'mvp');
    expect(mvp).toMatchObject({ kind: 'decided', recipients: [{ type: 'player', id: '依蓄-李' }] });
    expect(mvp?.citation).toBe('场均26分，带领德清依蓄队闯入决赛。');
  });

  it('without a decision the MVP is left out, or published as computed when the tournament asks for it', () => {
    const undecided = { ...huzhou, decisions: huzhou.decisions?.filter((d) => d.key !== 'mvp') };
    expect(publishAwards(undecided).some((a) => a.key === 'mvp')).toBe(false);
    const computed = publishAwards({ ...undecided, mvp: { publishTopCandidateWhenUndecided: true } }).find(
      (a) => a.key === 'mvp',
    );
    expect(computed).toMatchObject({ kind: 'computed', recipients: [{ type: 'player', id: '彩蝶-张' }] });
  });

  it('no 3rd-place game: two teams share 季军 and the next place is 5th', () => {
    const list = publishAwards({
      places: [
        { teamId: 'A', place: 1 },
        { teamId: 'B', place: 2 },
        { teamId: 'C', place: 3 },
        { teamId: 'D', place: 3 },
        { teamId: 'E', place: 5 },
      ],
      totals: [],
    });
    expect(list.map((a) => [a.labelZh, a.labelEn, a.recipients.map((r) => r.id)])).toEqual([
      ['冠军', 'Champion', ['A']],
      ['亚军', 'Runner-up', ['B']],
      ['季军', 'Third place', ['C', 'D']],
      ['第五名', '5th place', ['E']],
    ]);
  });

  it('publishes only the podium and 4th when asked, and adds the all-tournament five', () => {
    const list = publishAwards({
      ...huzhou,
      placesToPublish: 4,
      decisions: [
        {
          key: 'all_tournament_team',
          recipients: ['彩蝶-张', '依蓄-李', '天顺-王', '凤鸣-赵', 'p5'].map((id) => ({ type: 'player', id })),
        },
      ],
      registry: undefined,
    });
    expect(list.filter((a) => a.kind === 'team_place')).toHaveLength(4);
    expect(list.at(-1)).toMatchObject({ key: 'all_tournament_team', labelZh: '最佳阵容', kind: 'decided' });
    expect(list.at(-1)?.recipients).toHaveLength(5);
  });

  it('invalid decisions or places stop publication', () => {
    expect(() =>
      publishAwards({
        ...huzhou,
        decisions: [{ key: 'best_organising_unit', recipients: [{ type: 'team', id: '吴兴新凤鸣队' }] }],
      }),
    ).toThrow(expect.objectContaining({ code: 'AWARDS_RECIPIENT_KIND_MISMATCH' }));
    expect(() => publishAwards({ places: [...places, { teamId: '南浔彩蝶队', place: 11 }], totals })).toThrow(
      expect.objectContaining({ code: 'AWARDS_DUPLICATE_TEAM_PLACE' }),
    );
    expect(() => publishAwards({ places: [{ teamId: 'A', place: 0 }], totals })).toThrow(
      expect.objectContaining({ code: 'AWARDS_INVALID_PLACE' }),
    );
  });
});
