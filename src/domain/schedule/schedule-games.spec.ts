import { DomainError } from '../shared/domain-error.js';
import { scheduleGames } from './schedule-games.js';
import { bruteForceCheck } from './testing/brute-force-check.js';
import { GROUPS, groupGames, huzhouInput } from './testing/huzhou-2024.js';
import type { GameAssignment, ScheduleGame, ScheduleInput, UnplacedGame } from './types.js';

const byId = (assignments: GameAssignment[]) => new Map(assignments.map((a) => [a.gameId, a]));
const courts = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `c${i + 1}`, name: `${i + 1}号场` }));
const day = (courtIds: string[], date: string, from: string, to: string) =>
  courtIds.map((courtId) => ({ courtId, start: `${date}T${from}`, end: `${date}T${to}` }));
const settings = { slotMinutes: 90, minRestMinutes: 60 };

function infeasible(input: ScheduleInput): UnplacedGame[] {
  try {
    scheduleGames(input);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('SCHEDULE_INFEASIBLE');
    return (error as DomainError).context!.unplaced as UnplacedGame[];
  }
  throw new Error('expected SCHEDULE_INFEASIBLE');
}

describe('scheduleGames', () => {
  it('two courts, one day, 12 group games of 3 groups: no team plays twice at once', () => {
    const input: ScheduleInput = {
      games: groupGames(),
      courts: courts(2),
      windows: day(['c1', 'c2'], '2024-05-01', '08:30', '21:30'),
      settings,
    };
    const schedule = scheduleGames(input);
    expect(schedule.assignments).toHaveLength(12);
    expect(bruteForceCheck(schedule, input)).toEqual([]);
    for (const team of [...GROUPS.A, ...GROUPS.B, ...GROUPS.C]) {
      const mine = schedule.assignments
        .filter((a) => a.guardedTeamIds.includes(team))
        .sort((a, b) => a.start.localeCompare(b.start));
      for (let i = 1; i < mine.length; i++) {
        // 90-minute slots back to back would leave 0 minutes; the rule asks for 60.
        expect(Date.parse(mine[i].start) - Date.parse(mine[i - 1].end)).toBeGreaterThanOrEqual(60 * 60000);
      }
    }
    // Both courts carry the load equally.
    expect(schedule.assignments.filter((a) => a.courtId === 'c1')).toHaveLength(6);
    expect(schedule.assignments[0].start).toBe('2024-05-01T08:30');
  });

  it('Huzhou 2024: final fixed at 19:30 on the main court, semi-finals and 3rd place before it', () => {
    const input = huzhouInput();
    const schedule = scheduleGames(input);
    const at = byId(schedule.assignments);
    expect(bruteForceCheck(schedule, input)).toEqual([]);
    expect(at.get('F')).toMatchObject({ courtId: 'main', start: '2024-05-02T19:30', end: '2024-05-02T21:00' });
    // The semi-final waits for the last group game plus the rest its possible teams need.
    expect(at.get('SF1')!.start).toBe('2024-05-01T18:30');
    // The 3rd-place teams could be the finalists (conservative): it ends an hour's rest before 19:30.
    expect(at.get('3rd')!.end <= '2024-05-02T18:30').toBe(true);
    expect(at.get('3rd')!.courtId).toBe('main');
    expect(at.get('F')!.guardedTeamIds).toHaveLength(10);
  });

  it('rounds chained by dependsOn are played in order, each after the whole previous round', () => {
    const games: ScheduleGame[] = [
      { id: 'R1a', teamIds: ['A', 'B'], dependsOn: [], round: 1 },
      { id: 'R1b', teamIds: ['C', 'D'], dependsOn: [], round: 1 },
      { id: 'R2a', teamIds: ['A', 'C'], dependsOn: ['R1a', 'R1b'], round: 2 },
      { id: 'R2b', teamIds: ['B', 'D'], dependsOn: ['R1a', 'R1b'], round: 2 },
    ];
    const input: ScheduleInput = {
      games,
      courts: courts(3),
      windows: day(['c1', 'c2', 'c3'], '2024-05-01', '09:00', '20:00'),
      settings: { slotMinutes: 60, minRestMinutes: 0, dependencyBufferMinutes: 15 },
    };
    const at = byId(scheduleGames(input).assignments);
    expect(at.get('R1a')!.start).toBe('2024-05-01T09:00');
    expect(at.get('R2a')!.start).toBe('2024-05-01T10:15');
    expect(at.get('R2b')!.start).toBe('2024-05-01T10:15');
  });

  it('a semi-final whose second side is open rests every team of the games it depends on', () => {
    const input: ScheduleInput = {
      games: [
        { id: 'G1', teamIds: ['A', 'B'], dependsOn: [] },
        { id: 'G2', teamIds: ['C', 'D'], dependsOn: [] },
        // X plays late on another court; X could reach the semi-final through G3.
        { id: 'G3', teamIds: ['X', 'Y'], dependsOn: [], fixed: { courtId: 'c2', start: '2024-05-01T12:00' } },
        { id: 'SF', teamIds: ['A'], dependsOn: ['G1', 'G2', 'G3'] },
      ],
      courts: courts(3),
      windows: day(['c1', 'c2', 'c3'], '2024-05-01', '09:00', '22:00'),
      settings,
    };
    const at = byId(scheduleGames(input).assignments);
    expect(at.get('SF')!.start).toBe('2024-05-01T14:30'); // G3 ends 13:30, plus 60 minutes
    expect(at.get('SF')!.guardedTeamIds.sort()).toEqual(['A', 'B', 'C', 'D', 'X', 'Y']);
  });

  it('possible teams given for both sides: a team outside them does not hold the game back', () => {
    const input: ScheduleInput = {
      games: [
        { id: 'G1', teamIds: ['E', 'F'], dependsOn: [] },
        { id: 'QF', teamIds: [], possibleTeamIds: [['A'], ['B', 'C']], dependsOn: [] },
      ],
      courts: courts(2),
      windows: day(['c1', 'c2'], '2024-05-01', '09:00', '22:00'),
      settings,
    };
    const at = byId(scheduleGames(input).assignments);
    expect(at.get('QF')!.start).toBe('2024-05-01T09:00');
    expect(at.get('QF')!.courtId).not.toBe(at.get('G1')!.courtId);
  });

  it('once both finalists are known, only they are rested and the final may follow the semi-final after the buffer', () => {
    const input: ScheduleInput = {
      games: [
        { id: 'SF1', teamIds: ['A', 'B'], dependsOn: [] },
        { id: 'SF2', teamIds: ['C', 'D'], dependsOn: [] },
        { id: 'PL', teamIds: ['E', 'B'], dependsOn: [] }, // B's placement game runs while the final is on
        {
          id: 'F',
          teamIds: ['A', 'C'],
          possibleTeamIds: [
            ['A', 'B'],
            ['C', 'D'],
          ],
          dependsOn: ['SF1', 'SF2'],
        },
      ],
      courts: courts(2),
      windows: day(['c1', 'c2'], '2024-05-01', '09:00', '22:00'),
      settings: { slotMinutes: 90, minRestMinutes: 0, dependencyBufferMinutes: 15 },
    };
    const at = byId(scheduleGames(input).assignments);
    expect(at.get('F')!.start).toBe('2024-05-01T10:45');
    expect(at.get('F')!.guardedTeamIds).toEqual(['A', 'C']);
    expect(at.get('F')!.dependencyGapMinutes).toBe(15);
    expect(at.get('PL')!.start).toBe('2024-05-01T10:30'); // B is not held back by the final
  });

  it('a preferred main court is used when it is free later the same day', () => {
    const input: ScheduleInput = {
      games: [
        { id: 'G1', teamIds: ['A', 'B'], dependsOn: [], fixed: { courtId: 'c1', start: '2024-05-01T09:00' } },
        { id: 'SF', teamIds: ['C', 'D'], dependsOn: [], preferredCourtIds: ['c1'] },
        { id: 'G2', teamIds: ['E', 'F'], dependsOn: [], preferredCourtIds: ['c1'] },
      ],
      courts: courts(2),
      windows: [...day(['c1', 'c2'], '2024-05-01', '09:00', '12:00'), ...day(['c2'], '2024-05-02', '09:00', '12:00')],
      settings,
    };
    const at = byId(scheduleGames(input).assignments);
    expect(at.get('SF')).toMatchObject({ courtId: 'c1', start: '2024-05-01T10:30' });
    // The main court is full that day, so the next game takes the free side court rather than wait a day.
    expect(at.get('G2')).toMatchObject({ courtId: 'c2', start: '2024-05-01T09:00' });
  });

  it('starts fall on the start step even after an odd-length game', () => {
    const input: ScheduleInput = {
      games: [
        { id: 'G1', teamIds: ['A', 'B'], dependsOn: [], durationMinutes: 77 },
        { id: 'G2', teamIds: ['C', 'D'], dependsOn: [] },
      ],
      courts: courts(1),
      windows: day(['c1'], '2024-05-01', '09:00', '22:00'),
      settings: { ...settings, startStepMinutes: 15 },
    };
    const at = byId(scheduleGames(input).assignments);
    expect(at.get('G1')!.end).toBe('2024-05-01T10:17');
    expect(at.get('G2')!.start).toBe('2024-05-01T10:30');
  });

  it('same input, same schedule', () => {
    expect(scheduleGames(huzhouInput())).toEqual(scheduleGames(huzhouInput()));
  });

  describe('infeasible inputs name each game left out and why', () => {
    it('no court window is long enough for a 90-minute game', () => {
      const unplaced = infeasible({
        games: [{ id: 'G1', teamIds: ['A', 'B'], dependsOn: [] }],
        courts: courts(1),
        windows: day(['c1'], '2024-05-01', '19:00', '20:00'),
        settings,
      });
      expect(unplaced).toEqual([
        { gameId: 'G1', reason: 'no_window', message: 'G1: no court window is long enough for a 90-minute game' },
      ]);
    });

    it('one evening on one court holds two games: the third is reported, courts full', () => {
      const unplaced = infeasible({
        games: ['AB', 'CD', 'EF'].map((id) => ({ id, teamIds: [id[0], id[1]], dependsOn: [] })),
        courts: courts(1),
        windows: day(['c1'], '2024-05-01', '18:00', '21:00'),
        settings,
      });
      expect(unplaced.map((u) => [u.gameId, u.reason])).toEqual([['EF', 'courts_full']]);
    });

    it("a team's third game in one evening breaks its rest", () => {
      const unplaced = infeasible({
        games: ['AB', 'AC', 'AD'].map((id) => ({ id, teamIds: [id[0], id[1]], dependsOn: [] })),
        courts: courts(3),
        windows: day(['c1', 'c2', 'c3'], '2024-05-01', '17:00', '22:00'),
        settings,
      });
      expect(unplaced).toHaveLength(1);
      expect(unplaced[0]).toMatchObject({ gameId: 'AD', reason: 'rest' });
      expect(unplaced[0].message).toBe(
        "AD: courts are free from 2024-05-01 17:00, but no later slot leaves its teams 60 minutes' rest (team A plays AB at 2024-05-01 17:00)",
      );
    });

    it('the final cannot follow the semi-final the same evening, and the game after the final is named too', () => {
      const unplaced = infeasible({
        games: [
          { id: 'SF', teamIds: ['A', 'B'], dependsOn: [] },
          { id: 'F', teamIds: [], dependsOn: ['SF'] },
          { id: 'after', teamIds: [], dependsOn: ['F'] },
        ],
        courts: courts(2),
        windows: day(['c1', 'c2'], '2024-05-01', '18:00', '21:30'),
        settings,
      });
      expect(unplaced.map((u) => [u.gameId, u.reason])).toEqual([
        ['F', 'dependency'],
        ['after', 'dependency'],
      ]);
      expect(unplaced[0].message).toBe(
        'F: depends on SF which ends at 2024-05-01 19:30; no court window for a 90-minute game remains after that',
      );
      expect(unplaced[1].message).toBe('after: depends on F, which could not be placed');
    });

    it('semi-finals cannot end an hour before the fixed final: deadline', () => {
      const unplaced = infeasible({
        games: [
          { id: 'SF', teamIds: ['A', 'B'], dependsOn: [], fixed: undefined },
          { id: 'F', teamIds: [], dependsOn: ['SF'], fixed: { courtId: 'c1', start: '2024-05-01T19:00' } },
        ],
        courts: courts(2),
        windows: day(['c1', 'c2'], '2024-05-01', '17:00', '22:00'),
        settings,
      });
      expect(unplaced).toEqual([
        {
          gameId: 'SF',
          reason: 'deadline',
          message:
            'SF: must end by 2024-05-01 18:00 so that fixed game F can start at 2024-05-01 19:00, but cannot end before 2024-05-01 18:30',
        },
      ]);
    });

    it('two fixed games on the same court at the same time: the second is refused', () => {
      const unplaced = infeasible({
        games: [
          { id: 'F', teamIds: ['A', 'B'], dependsOn: [], fixed: { courtId: 'c1', start: '2024-05-01T19:30' } },
          { id: 'X', teamIds: ['C', 'D'], dependsOn: [], fixed: { courtId: 'c1', start: '2024-05-01T20:00' } },
        ],
        courts: courts(1),
        windows: day(['c1'], '2024-05-01', '08:00', '22:00'),
        settings,
      });
      expect(unplaced).toEqual([
        {
          gameId: 'X',
          reason: 'fixed_conflict',
          message: 'X: fixed at 2024-05-01 20:00 on 1号场, which another fixed game books',
        },
      ]);
    });

    it('a final fixed before its fixed semi-final ends is refused, even when listed first', () => {
      const unplaced = infeasible({
        games: [
          { id: 'F', teamIds: [], dependsOn: ['SF'], fixed: { courtId: 'c1', start: '2024-05-01T19:00' } },
          { id: 'SF', teamIds: ['A', 'B'], dependsOn: [], fixed: { courtId: 'c2', start: '2024-05-01T17:00' } },
        ],
        courts: courts(2),
        windows: day(['c1', 'c2'], '2024-05-01', '08:00', '22:00'),
        settings,
      });
      expect(unplaced).toEqual([
        {
          gameId: 'F',
          reason: 'fixed_conflict',
          message:
            'F: fixed at 2024-05-01 19:00, but depends on fixed game SF which ends at 2024-05-01 18:30 and needs 60 minutes after it',
        },
      ]);
    });

    it('a fixed slot outside the court window is refused', () => {
      const unplaced = infeasible({
        games: [{ id: 'F', teamIds: ['A', 'B'], dependsOn: [], fixed: { courtId: 'c1', start: '2024-05-01T21:00' } }],
        courts: courts(1),
        windows: day(['c1'], '2024-05-01', '08:00', '22:00'),
        settings,
      });
      expect(unplaced[0]).toMatchObject({ gameId: 'F', reason: 'fixed_conflict' });
      expect(unplaced[0].message).toContain("outside the court's window");
    });

    it('the error lists every unplaced game in its details', () => {
      try {
        scheduleGames({
          games: ['AB', 'CD'].map((id) => ({ id, teamIds: [id[0], id[1]], dependsOn: [] })),
          courts: courts(1),
          windows: [],
          settings,
        });
        throw new Error('expected SCHEDULE_INFEASIBLE');
      } catch (error) {
        const e = error as DomainError;
        expect(e.code).toBe('SCHEDULE_INFEASIBLE');
        expect(e.message).toBe('2 of 2 games cannot be placed: AB, CD');
        expect(e.details.map((d) => d.field)).toEqual(['games[0]', 'games[1]']);
      }
    });
  });

  describe('invalid input', () => {
    const base: ScheduleInput = {
      games: [],
      courts: courts(1),
      windows: day(['c1'], '2024-05-01', '08:00', '22:00'),
      settings,
    };
    const code = (input: ScheduleInput) => {
      try {
        scheduleGames(input);
        return 'accepted';
      } catch (error) {
        return `${(error as DomainError).code}: ${(error as DomainError).details.map((d) => d.reason).join(' | ')}`;
      }
    };

    it('a dependency on a game that does not exist', () => {
      expect(code({ ...base, games: [{ id: 'F', teamIds: [], dependsOn: ['SF9'] }] })).toBe(
        "SCHEDULE_INVALID_INPUT: game 'F' depends on unknown game 'SF9'",
      );
    });

    it('dependencies in a cycle', () => {
      expect(
        code({
          ...base,
          games: [
            { id: 'X', teamIds: [], dependsOn: ['Y'] },
            { id: 'Y', teamIds: [], dependsOn: ['X'] },
          ],
        }),
      ).toBe('SCHEDULE_INVALID_INPUT: dependencies form a cycle among: X, Y');
    });

    it('an impossible date, three teams in a game and a window ending before it starts', () => {
      expect(
        code({
          ...base,
          games: [{ id: 'G', teamIds: ['A', 'B', 'C'], dependsOn: [] }],
          windows: [
            { courtId: 'c1', start: '2024-02-30T08:00', end: '2024-03-01T08:00' },
            { courtId: 'c1', start: '2024-05-01T20:00', end: '2024-05-01T08:00' },
          ],
        }),
      ).toBe(
        "SCHEDULE_INVALID_INPUT: '2024-02-30T08:00' is not a local date-time 'YYYY-MM-DDTHH:mm' | a window must end after it starts | game 'G' has more than two teams",
      );
    });
  });
});
