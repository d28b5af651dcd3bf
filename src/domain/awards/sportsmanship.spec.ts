import { sportsmanshipIndicators } from './sportsmanship.js';

const teams = ['吴兴新凤鸣队', '南浔彩蝶队', '德清依蓄队', '安吉白茶队'];

describe('sportsmanshipIndicators', () => {
  it('counts misconduct and forfeits per team and suggests the cleanest team first', () => {
    const result = sportsmanshipIndicators(
      teams,
      [
        { teamId: '南浔彩蝶队', kind: 'technical' },
        { teamId: '南浔彩蝶队', kind: 'technical' },
        { teamId: '德清依蓄队', kind: 'unsportsmanlike' },
        { teamId: '德清依蓄队', kind: 'disqualifying' },
      ],
      [{ teamId: '安吉白茶队', gameId: 'g7' }],
    );
    expect(result.map((r) => [r.rank, r.teamId, r.penaltyPoints])).toEqual([
      [1, '吴兴新凤鸣队', 0],
      [2, '南浔彩蝶队', 2],
      [3, '德清依蓄队', 6],
      [4, '安吉白茶队', 10],
    ]);
    expect(result[2]).toMatchObject({ technical: 0, unsportsmanlike: 1, disqualifying: 1, forfeits: 0 });
    expect(result[3].forfeits).toBe(1);
  });

  it('teams with the same record share the suggested place', () => {
    const result = sportsmanshipIndicators(teams, [{ teamId: '安吉白茶队', kind: 'technical' }], []);
    expect(result.map((r) => [r.rank, r.tied])).toEqual([
      [1, true],
      [1, true],
      [1, true],
      [4, false],
    ]);
  });

  it('per game: a finalist with more games is not punished for playing them', () => {
    const result = sportsmanshipIndicators(
      [
        { teamId: 'finalist', gamesPlayed: 6 },
        { teamId: 'group-exit', gamesPlayed: 2 },
      ],
      [
        { teamId: 'finalist', kind: 'technical' },
        { teamId: 'finalist', kind: 'technical' },
        { teamId: 'group-exit', kind: 'technical' },
      ],
      [],
      { basis: 'per_game' },
    );
    expect(result.map((r) => [r.teamId, r.penaltyPerGame])).toEqual([
      ['finalist', 0.333333],
      ['group-exit', 0.5],
    ]);
    expect(sportsmanshipIndicators(['finalist', 'group-exit'], [], [])[0].penaltyPerGame).toBeNull();
  });

  it('weights are configurable', () => {
    const result = sportsmanshipIndicators(['A', 'B'], [{ teamId: 'A', kind: 'technical' }], [{ teamId: 'B' }], {
      weights: { forfeit: 0.5 },
    });
    expect(result.map((r) => r.teamId)).toEqual(['B', 'A']);
  });

  it('refuses fouls of teams not being assessed and a per-game order without games played', () => {
    expect(() => sportsmanshipIndicators(['A'], [{ teamId: 'Z', kind: 'technical' }], [])).toThrow(
      expect.objectContaining({ code: 'AWARDS_UNKNOWN_TEAM' }),
    );
    expect(() => sportsmanshipIndicators(['A'], [], [], { basis: 'per_game' })).toThrow(
      expect.objectContaining({ code: 'AWARDS_GAMES_PLAYED_REQUIRED' }),
    );
  });
});
