import { DomainError } from '../shared/domain-error.js';
import { auditSchedule } from './audit-schedule.js';
import type { GameAssignment, Schedule, ScheduleInput } from './types.js';
import { moveGame, validateMove } from './validate-move.js';

// Finals day: three courts, 09:00–22:00; the final fixed at 19:30 on the main court.
const input: ScheduleInput = {
  games: [
    { id: 'G1', teamIds: ['南浔彩蝶队', '德清依蓄队'], dependsOn: [] },
    { id: 'G2', teamIds: ['长兴天顺物流队', '德清乾元篮球队'], dependsOn: [] },
    { id: 'G3', teamIds: ['南浔彩蝶队', '吴兴新凤鸣队'], dependsOn: [] },
    { id: 'SF1', teamIds: ['安吉白茶队', '长兴太湖队'], dependsOn: [] },
    { id: 'SF2', teamIds: ['吴兴织里队', '安吉竹乡队'], dependsOn: [] },
    { id: 'F', teamIds: [], dependsOn: ['SF1', 'SF2'], fixed: { courtId: 'c1', start: '2024-05-02T19:30' } },
  ],
  courts: [
    { id: 'c1', name: '1号场' },
    { id: 'c2', name: '2号场' },
    { id: 'c3', name: '3号场' },
  ],
  windows: ['c1', 'c2', 'c3'].map((courtId) => ({ courtId, start: '2024-05-02T09:00', end: '2024-05-02T22:00' })),
  settings: { slotMinutes: 90, minRestMinutes: 60 },
};

const slot = (gameId: string, courtId: string, start: string, end: string): GameAssignment => ({
  gameId,
  courtId,
  start: `2024-05-02T${start}`,
  end: `2024-05-02T${end}`,
  guardedTeamIds: [],
  dependsOn: [],
  dependencyGapMinutes: 0,
});

const schedule: Schedule = {
  minRestMinutes: 60,
  assignments: [
    slot('G3', 'c3', '09:00', '10:30'),
    slot('G2', 'c1', '14:00', '15:30'),
    slot('G1', 'c2', '14:00', '15:30'),
    slot('SF1', 'c1', '16:30', '18:00'),
    slot('SF2', 'c2', '16:30', '18:00'),
    slot('F', 'c1', '19:30', '21:00'),
  ],
};

const messages = (gameId: string, courtId: string, time: string) => {
  const check = validateMove(schedule, input, gameId, { courtId, start: `2024-05-02T${time}` });
  return check.ok ? [] : check.reasons.map((r) => `${r.rule}: ${r.message}`);
};

describe('validateMove', () => {
  it('the finals-day fixture itself breaks no rule', () => {
    expect(auditSchedule(schedule, input)).toEqual([]);
  });

  it('a move that double-books a team is refused with the reason', () => {
    expect(messages('G3', 'c3', '14:00')).toEqual(['team_clash: team 南浔彩蝶队 plays game G1 at 14:00 on 2号场']);
  });

  it('a move that leaves a team 30 minutes of the 60 required is refused', () => {
    expect(messages('G3', 'c3', '16:00')).toEqual([
      'rest: team 南浔彩蝶队: rest of 60 minutes required after game G1, only 30',
    ]);
  });

  it('a move onto a court another game is using is refused', () => {
    expect(messages('G3', 'c1', '17:00')).toEqual(['court_booked: 1号场 is booked by game SF1 from 16:30 to 18:00']);
  });

  it("a move that runs past the court's closing time is refused", () => {
    expect(messages('G3', 'c2', '21:00')).toEqual([
      "outside_window: 21:00–22:30 is outside the court's window: 2号场 is open 09:00–22:00 that day",
    ]);
  });

  it('a move to a day the court is closed says so', () => {
    const check = validateMove(schedule, input, 'G3', { courtId: 'c2', start: '2024-05-03T10:00' });
    expect(check).toEqual({
      ok: false,
      reasons: [
        {
          gameId: 'G3',
          rule: 'outside_window',
          message: "10:00–11:30 is outside the court's window: 2号场 is not open that day",
        },
      ],
    });
  });

  it('moving the fixed final before the semi-finals have ended breaks two rules, both named', () => {
    expect(messages('F', 'c1', '18:30')).toEqual([
      'fixed: F is fixed at 19:30 on 1号场',
      'dependency: depends on SF1 which ends at 18:00 and needs 60 minutes after it',
      'dependency: depends on SF2 which ends at 18:00 and needs 60 minutes after it',
    ]);
  });

  it('moving a semi-final so late that the final could not follow is refused', () => {
    expect(messages('SF1', 'c3', '18:00')).toEqual(['dependent: game F depends on it and starts at 19:30']);
  });

  it('a move onto an unknown court is refused', () => {
    expect(messages('G3', 'c9', '11:00')).toEqual(["unknown_court: court 'c9' does not exist"]);
  });

  it('a legal move is accepted and moveGame returns the schedule with the game moved', () => {
    expect(validateMove(schedule, input, 'G3', { courtId: 'c3', start: '2024-05-02T17:00' })).toEqual({ ok: true });
    const moved = moveGame(schedule, input, 'G3', { courtId: 'c3', start: '2024-05-02T17:00' });
    expect(moved.assignments.map((a) => a.gameId)).toEqual(['G2', 'G1', 'SF1', 'SF2', 'G3', 'F']);
    expect(moved.assignments[4]).toMatchObject({
      courtId: 'c3',
      start: '2024-05-02T17:00',
      end: '2024-05-02T18:30',
      guardedTeamIds: ['南浔彩蝶队', '吴兴新凤鸣队'],
    });
    expect(auditSchedule(moved, input)).toEqual([]);
    expect(schedule.assignments[0].start).toBe('2024-05-02T09:00'); // the original is untouched
  });

  it('moveGame throws SCHEDULE_MOVE_REFUSED with one detail per broken rule', () => {
    try {
      moveGame(schedule, input, 'G3', { courtId: 'c1', start: '2024-05-02T14:30' });
      throw new Error('expected SCHEDULE_MOVE_REFUSED');
    } catch (error) {
      const e = error as DomainError;
      expect(e.code).toBe('SCHEDULE_MOVE_REFUSED');
      expect(e.kind).toBe('conflict');
      expect(e.details).toEqual([
        { field: 'court_booked', reason: '1号场 is booked by game G2 from 14:00 to 15:30' },
        { field: 'team_clash', reason: 'team 南浔彩蝶队 plays game G1 at 14:00 on 2号场' },
      ]);
    }
  });

  it('a game that is not in the input is not found', () => {
    expect(() => validateMove(schedule, input, 'QF9', { courtId: 'c1', start: '2024-05-02T10:00' })).toThrow(
      expect.objectContaining({ code: 'SCHEDULE_GAME_NOT_FOUND', kind: 'not_found' }),
    );
  });
});

describe('auditSchedule', () => {
  it('a schedule edited by hand onto a busy court and into a rest period reports each problem once', () => {
    const edited: Schedule = {
      ...schedule,
      assignments: schedule.assignments.map((a) => (a.gameId === 'G3' ? slot('G3', 'c2', '15:00', '16:30') : a)),
    };
    expect(auditSchedule(edited, input).map((v) => `${v.gameId} ${v.rule}: ${v.message}`)).toEqual([
      'G3 court_booked: 2号场 is booked by game G1 from 14:00 to 15:30',
      'G3 team_clash: team 南浔彩蝶队 plays game G1 at 14:00 on 2号场',
    ]);
  });

  it('a game missing from the schedule is reported', () => {
    const partial: Schedule = { ...schedule, assignments: schedule.assignments.filter((a) => a.gameId !== 'SF2') };
    expect(auditSchedule(partial, input).map((v) => [v.gameId, v.rule])).toEqual([
      ['SF2', 'not_scheduled'],
      ['F', 'dependency'],
    ]);
  });
});
