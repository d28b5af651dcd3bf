import { auditSchedule, scheduleGames, scheduleQuality, type Schedule } from '../schedule/index.js';
import { bruteForceCheck } from '../schedule/testing/brute-force-check.js';
import { buildCompetition } from './build-structure.js';
import { applyDraw, type GroupDraw } from './group-draw.js';
import { resolveSlots } from './resolve-slots.js';
import { competitionScheduleInput, type CompetitionScheduleSettings, type CourtWithWindows } from './schedule-input.js';
import { buildFormatTemplate, buildHuzhou2024, GROUP_STAGE_ID, groupLetter } from './templates.js';
import type { CompetitionStructure } from './types.js';

const HUZHOU_TEAMS = [
  '南浔彩蝶队',
  '德清依蓄队',
  '长兴天顺物流队',
  '德清乾元篮球队',
  '吴兴新凤鸣队',
  '安吉白茶队',
  '安吉竹海队',
  '南太湖新区星火队',
  '长兴太湖湾队',
  '吴兴织里童装队',
];

function handDraw(structureGroups: number[], teams: string[]): GroupDraw {
  let next = 0;
  return {
    method: 'hand',
    seed: null,
    keepUnitsApart: false,
    groups: structureGroups.map((size, i) => ({ groupId: groupLetter(i), teamIds: teams.slice(next, (next += size)) })),
  };
}

const court = (id: string, name: string, windows: Array<[string, string]>): CourtWithWindows => ({
  id,
  name,
  windows: windows.map(([start, end]) => ({ start, end })),
});

function plan(structure: CompetitionStructure, courts: CourtWithWindows[], settings: CompetitionScheduleSettings) {
  const input = competitionScheduleInput(
    structure,
    resolveSlots(structure, { games: [], groups: [] }),
    courts,
    settings,
  );
  const schedule = scheduleGames(input);
  return { input, schedule, at: new Map(schedule.assignments.map((a) => [a.gameId, a])) };
}

const dayOf = (t: string) => t.slice(0, 10);
const minutes = (t: string) => Date.parse(`${t}:00Z`) / 60000;
const stageGames = (s: Schedule, structure: CompetitionStructure, stageId: string) => {
  const ids = new Set(structure.games.filter((g) => g.stageId === stageId).map((g) => g.id));
  return s.assignments.filter((a) => ids.has(a.gameId));
};

describe('a schedule an organiser would draw by hand', () => {
  const FINAL_AT_1930 = { gameId: 'F', fixed: { courtId: 'main', start: '2024-05-02T19:30' } };
  const base = { slotMinutes: 90, minRestMinutes: 60, dependencyBufferMinutes: 0, startStepMinutes: 5 };

  it('Huzhou 2024, groups of 4/3/3, final fixed at 19:30 on the last day: groups on day 1, semi-finals, then the 3rd-place game right before the final on day 2', () => {
    const structure = buildHuzhou2024('three_groups_best_runner_up', handDraw([4, 3, 3], HUZHOU_TEAMS));
    const courts = [
      court('main', '主场', [
        ['2024-05-01T08:30', '2024-05-01T21:30'],
        ['2024-05-02T13:00', '2024-05-02T21:30'],
      ]),
      court('side', '副场', [
        ['2024-05-01T08:30', '2024-05-01T21:30'],
        ['2024-05-02T13:00', '2024-05-02T18:00'],
      ]),
    ];
    const { input, schedule, at } = plan(structure, courts, {
      ...base,
      newDayForNewStage: true,
      games: [FINAL_AT_1930],
    });
    expect(bruteForceCheck(schedule, input)).toEqual([]);
    expect(auditSchedule(schedule, input)).toEqual([]);
    for (const a of stageGames(schedule, structure, GROUP_STAGE_ID)) expect(dayOf(a.start)).toBe('2024-05-01');
    // The semi-finals share the first slot of day 2, one on each court.
    expect([at.get('SF1')!.start, at.get('SF2')!.start]).toEqual(['2024-05-02T13:00', '2024-05-02T13:00']);
    expect(at.get('SF1')!.courtId).not.toBe(at.get('SF2')!.courtId);
    // 3rd place: on the final's day, before it, as late as the semi-finalists' hour of rest allows.
    expect(at.get('3P')).toMatchObject({ start: '2024-05-02T17:00', end: '2024-05-02T18:30' });
    expect(at.get('F')).toMatchObject({ courtId: 'main', start: '2024-05-02T19:30' });
    expect(at.get('F')!.dependsOn).toContain('3P');

    const quality = scheduleQuality(schedule, input);
    expect(quality).toMatchObject({ days: ['2024-05-01', '2024-05-02'], daysUsed: 2, lastEnd: '2024-05-02T21:00' });
    expect(quality.teams).toHaveLength(10);
    for (const t of quality.teams) expect(t.shortestRestMinutes).toBeGreaterThanOrEqual(60);
    expect(quality.shortestRestMinutes).toBe(Math.min(...quality.teams.map((t) => t.shortestRestMinutes!)));
  });

  it('Huzhou 2024, groups of 3/3/2/2 with quarter-finals: every knockout round after the one before plus rest, 3rd place before the final', () => {
    const structure = buildHuzhou2024('four_groups_quarter_finals', handDraw([3, 3, 2, 2], HUZHOU_TEAMS));
    const courts = ['main', 'side'].map((id) =>
      court(id, id, [
        ['2024-05-01T08:30', '2024-05-01T21:30'],
        ['2024-05-02T08:30', '2024-05-02T21:30'],
      ]),
    );
    const { input, schedule, at } = plan(structure, courts, {
      ...base,
      newDayForNewStage: true,
      games: [FINAL_AT_1930],
    });
    expect(bruteForceCheck(schedule, input)).toEqual([]);
    for (const a of stageGames(schedule, structure, GROUP_STAGE_ID)) expect(dayOf(a.start)).toBe('2024-05-01');
    const ko = stageGames(schedule, structure, 'KO');
    for (const a of ko) expect(dayOf(a.start)).toBe('2024-05-02');
    const end = (ids: string[]) => Math.max(...ids.map((id) => minutes(at.get(id)!.end)));
    const start = (ids: string[]) => Math.min(...ids.map((id) => minutes(at.get(id)!.start)));
    expect(start(['SF1', 'SF2'])).toBeGreaterThanOrEqual(end(['QF1', 'QF2', 'QF3', 'QF4']) + 60);
    expect(start(['3P'])).toBeGreaterThanOrEqual(end(['SF1', 'SF2']) + 60);
    expect(minutes(at.get('3P')!.end) + 60).toBeLessThanOrEqual(minutes('2024-05-02T19:30'));
    // Two quarter-finals at a time, one per court.
    const qfStarts = ['QF1', 'QF2', 'QF3', 'QF4'].map((id) => at.get(id)!.start);
    expect(new Set(qfStarts).size).toBe(2);
  });

  it('stage days given by the organiser are kept: groups on days 1–2, the knockout on day 3 only', () => {
    const structure = buildHuzhou2024('three_groups_best_runner_up', handDraw([4, 3, 3], HUZHOU_TEAMS));
    const days = ['2024-05-01', '2024-05-02', '2024-05-03'];
    const courts = ['main', 'side'].map((id) =>
      court(
        id,
        id,
        days.map((d) => [`${d}T09:00`, `${d}T21:30`] as [string, string]),
      ),
    );
    const { input, schedule } = plan(structure, courts, {
      ...base,
      games: [],
      stageDays: [
        { stageId: 'S1', first: '2024-05-01', last: '2024-05-02' },
        { stageId: 'KO', first: '2024-05-03', last: '2024-05-03' },
      ],
    });
    expect(bruteForceCheck(schedule, input)).toEqual([]);
    for (const a of stageGames(schedule, structure, 'KO')) expect(dayOf(a.start)).toBe('2024-05-03');
    const third = schedule.assignments.find((a) => a.gameId === '3P')!;
    const final = schedule.assignments.find((a) => a.gameId === 'F')!;
    expect(dayOf(third.start)).toBe(dayOf(final.start));
    expect(third.end <= final.start).toBe(true);
  });

  it('a stage whose days cannot hold it is refused as SCHEDULE_INFEASIBLE with reason deadline naming the days', () => {
    const structure = buildHuzhou2024('three_groups_best_runner_up', handDraw([4, 3, 3], HUZHOU_TEAMS));
    const courts = [court('main', 'main', [['2024-05-01T09:00', '2024-05-02T21:00']])];
    expect(() =>
      plan(structure, courts, {
        ...base,
        games: [],
        stageDays: [{ stageId: 'S1', first: '2024-05-01', last: '2024-05-01' }],
      }),
    ).toThrow(expect.objectContaining({ code: 'SCHEDULE_INFEASIBLE' }) as Error);
    try {
      plan(structure, courts, {
        ...base,
        games: [],
        stageDays: [{ stageId: 'S1', first: '2024-05-01', last: '2024-05-01' }],
      });
    } catch (e) {
      const unplaced = (e as { context: { unplaced: Array<{ reason: string; message: string }> } }).context.unplaced;
      expect(unplaced.some((u) => u.reason === 'deadline' && u.message.includes('2024-05-01 to 2024-05-01'))).toBe(
        true,
      );
    }
  });

  it('a 64-team league (8 groups of 8, top two into a 16-team knockout) on 8 courts over 5 days', () => {
    const teams = Array.from({ length: 64 }, (_, i) => `T${String(i + 1).padStart(2, '0')}`);
    const config = buildFormatTemplate({
      teamCount: 64,
      groupCount: 8,
      advancePerGroup: 2,
      knockout: { thirdPlaceGame: true },
    });
    const structure = buildCompetition(applyDraw(config, GROUP_STAGE_ID, handDraw(Array(8).fill(8), teams)));
    const days = ['2024-07-01', '2024-07-02', '2024-07-03', '2024-07-04', '2024-07-05'];
    const courts = Array.from({ length: 8 }, (_, c) =>
      court(
        `c${c + 1}`,
        `${c + 1}号场`,
        days.map((d) => [`${d}T08:00`, `${d}T22:00`] as [string, string]),
      ),
    );
    const { input, schedule, at } = plan(structure, courts, {
      ...base,
      newDayForNewStage: true,
      games: [{ gameId: 'F', fixed: { courtId: 'c1', start: '2024-07-05T19:30' } }],
    });
    expect(schedule.assignments).toHaveLength(224 + 16);
    expect(bruteForceCheck(schedule, input)).toEqual([]);
    const lastGroupDay = stageGames(schedule, structure, GROUP_STAGE_ID).reduce(
      (d, a) => (dayOf(a.start) > d ? dayOf(a.start) : d),
      '',
    );
    for (const a of stageGames(schedule, structure, 'KO')) expect(dayOf(a.start) > lastGroupDay).toBe(true);
    // The round of 16 fills the eight courts at one time.
    const r16 = structure.games.filter((g) => g.roundName === 'R16').map((g) => at.get(g.id)!);
    expect(new Set(r16.map((a) => a.courtId)).size).toBe(8);
    expect(new Set(r16.map((a) => a.start)).size).toBe(1);
    expect(dayOf(at.get('3P')!.start)).toBe('2024-07-05');
    expect(at.get('3P')!.end <= '2024-07-05T18:30').toBe(true);

    const quality = scheduleQuality(schedule, input);
    expect(quality.daysUsed).toBeLessThanOrEqual(5);
    expect(quality.teams).toHaveLength(64);
    for (const t of quality.teams) {
      expect(t.games).toBe(7);
      expect(t.shortestRestMinutes).toBeGreaterThanOrEqual(60);
    }
    expect(quality.idleCourtMinutes).toBeGreaterThanOrEqual(0);
    expect(quality.backToBackCount).toBeGreaterThanOrEqual(0);
  });
});
