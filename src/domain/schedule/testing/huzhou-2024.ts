/**
 * For specs: Huzhou's first 工BA (2024) as a scheduling problem. 10 teams in groups of
 * 4/3/3 (12 group games), semi-finals (A1 v best runner-up, B1 v C1), the 3rd-place game
 * and the final, 16 games on a main and a side court over two days.
 */
import type { ScheduleGame, ScheduleInput, ScheduleSettings } from '../types.js';

export const GROUPS = {
  A: ['南浔彩蝶队', '德清依蓄队', '吴兴新凤鸣队', '安吉白茶队'],
  B: ['长兴天顺物流队', '南太湖新区星火队', '吴兴织里队'],
  C: ['德清乾元篮球队', '长兴太湖队', '安吉竹乡队'],
};

/** Single round robin per group; round numbers as a group of 4 plays them (1v4 2v3, 1v3 4v2, 1v2 3v4). */
export function groupGames(): ScheduleGame[] {
  const games: ScheduleGame[] = [];
  const [a1, a2, a3, a4] = GROUPS.A;
  const a: Array<[number, string, string]> = [
    [1, a1, a4],
    [1, a2, a3],
    [2, a1, a3],
    [2, a4, a2],
    [3, a1, a2],
    [3, a3, a4],
  ];
  a.forEach(([round, home, away], i) => games.push({ id: `A${i + 1}`, teamIds: [home, away], dependsOn: [], round }));
  for (const group of ['B', 'C'] as const) {
    const [x, y, z] = GROUPS[group];
    const pairs: Array<[string, string]> = [
      [x, y],
      [y, z],
      [z, x],
    ];
    pairs.forEach(([home, away], i) =>
      games.push({ id: `${group}${i + 1}`, teamIds: [home, away], dependsOn: [], round: i + 1 }),
    );
  }
  return games;
}

export function huzhouInput(settings: Partial<ScheduleSettings> = {}): ScheduleInput {
  const groups = groupGames();
  const all = groups.map((g) => g.id);
  const bc = groups.filter((g) => g.id.startsWith('B') || g.id.startsWith('C')).map((g) => g.id);
  return {
    games: [
      ...groups,
      // A1 meets the best runner-up of any group: its second side is left to the dependency chain.
      { id: 'SF1', teamIds: [], possibleTeamIds: [GROUPS.A], dependsOn: all, round: 4, preferredCourtIds: ['main'] },
      {
        id: 'SF2',
        teamIds: [],
        possibleTeamIds: [GROUPS.B, GROUPS.C],
        dependsOn: bc,
        round: 4,
        preferredCourtIds: ['main'],
      },
      { id: '3rd', teamIds: [], dependsOn: ['SF1', 'SF2'], round: 5, preferredCourtIds: ['main'] },
      {
        id: 'F',
        teamIds: [],
        dependsOn: ['SF1', 'SF2'],
        round: 5,
        fixed: { courtId: 'main', start: '2024-05-02T19:30' },
      },
    ],
    courts: [
      { id: 'main', name: '主场' },
      { id: 'side', name: '副场' },
    ],
    windows: [
      { courtId: 'main', start: '2024-05-01T08:30', end: '2024-05-01T21:30' },
      { courtId: 'side', start: '2024-05-01T08:30', end: '2024-05-01T21:30' },
      { courtId: 'main', start: '2024-05-02T13:00', end: '2024-05-02T21:30' },
      { courtId: 'side', start: '2024-05-02T13:00', end: '2024-05-02T18:00' },
    ],
    settings: { slotMinutes: 90, minRestMinutes: 60, dependencyBufferMinutes: 0, ...settings },
  };
}
