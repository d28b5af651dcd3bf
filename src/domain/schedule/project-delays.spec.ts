import { projectDelays, type GameActual } from './project-delays.js';
import type { GameAssignment, Schedule } from './types.js';

const at = (time: string) => `2024-05-02T${time}`;
const slot = (
  gameId: string,
  courtId: string,
  start: string,
  end: string,
  guardedTeamIds: string[],
  dependsOn: string[] = [],
  dependencyGapMinutes = 0,
): GameAssignment => ({
  gameId,
  courtId,
  start: at(start),
  end: at(end),
  guardedTeamIds,
  dependsOn,
  dependencyGapMinutes,
});

describe('projectDelays', () => {
  // Finals day: the 3rd-place game and the final could involve any semi-finalist, so both guard all four.
  const four = ['南浔彩蝶队', '德清依蓄队', '长兴天顺物流队', '德清乾元篮球队'];
  const finalsDay = (rest: number, thirdStart: string, thirdEnd: string): Schedule => ({
    minRestMinutes: rest,
    assignments: [
      slot('SF1', 'main', '14:00', '15:30', four.slice(0, 2)),
      slot('SF2', 'side', '14:00', '15:30', four.slice(2)),
      slot('3rd', 'main', thirdStart, thirdEnd, four, ['SF1', 'SF2'], rest),
      slot('F', 'main', '19:30', '21:00', four, ['SF1', 'SF2'], rest),
    ],
  });

  it('overtime in the semi-final delays the 3rd-place game on the same court', () => {
    const delays = projectDelays(finalsDay(60, '16:30', '18:00'), [
      { gameId: 'SF1', actualStart: at('14:00'), actualEnd: at('15:50') },
      { gameId: 'SF2', actualStart: at('14:00'), actualEnd: at('15:28') },
    ]);
    expect(delays).toEqual([
      {
        gameId: '3rd',
        courtId: 'main',
        scheduledStart: at('16:30'),
        expectedStart: at('16:50'),
        expectedEnd: at('18:20'),
        delayMinutes: 20,
        causedBy: 'SF1',
        cause: 'dependency',
        origin: 'SF1',
      },
    ]);
    // 18:20 plus an hour's rest is still before 19:30: the final keeps its time.
  });

  it('the 3rd-place game in double overtime, still running, delays the final on the same court', () => {
    const delays = projectDelays(finalsDay(30, '17:30', '19:00'), [
      { gameId: 'SF1', actualStart: at('14:00'), actualEnd: at('15:30') },
      { gameId: 'SF2', actualStart: at('14:00'), actualEnd: at('15:30') },
      { gameId: '3rd', actualStart: at('17:30'), expectedEnd: at('19:25') },
    ]);
    expect(delays.map((d) => [d.gameId, d.expectedStart, d.delayMinutes, d.causedBy, d.cause])).toEqual([
      ['F', at('19:55'), 25, '3rd', 'team'],
    ]);
  });

  describe('group day on two courts', () => {
    const groupDay: Schedule = {
      minRestMinutes: 60,
      assignments: [
        slot('G1', 'c1', '09:00', '10:30', ['A', 'B']),
        slot('G3', 'c1', '10:30', '12:00', ['D', 'E']),
        slot('G2', 'c2', '11:30', '13:00', ['A', 'C']),
        slot('G4', 'c1', '12:00', '13:30', ['F', 'G']),
        slot('G5', 'c2', '14:00', '15:30', ['D', 'H']),
      ],
    };

    it('a late start on court 1 delays the next game there, its successor, and a team’s game on court 2', () => {
      const delays = projectDelays(groupDay, [{ gameId: 'G1', actualStart: at('09:20') }]);
      expect(delays.map((d) => [d.gameId, d.expectedStart, d.delayMinutes, d.causedBy, d.cause, d.origin])).toEqual([
        ['G3', at('10:50'), 20, 'G1', 'court', 'G1'],
        ['G2', at('11:50'), 20, 'G1', 'team', 'G1'],
        ['G4', at('12:20'), 20, 'G3', 'court', 'G1'],
        // G3 now ends 12:20; D's hour of rest ends 13:20, before G5's 14:00: absorbed.
      ]);
    });

    it('a game that finishes early never pulls the next game forward', () => {
      expect(projectDelays(groupDay, [{ gameId: 'G1', actualStart: at('09:00'), actualEnd: at('10:05') }])).toEqual([]);
    });

    it('a game not started by now is expected to start now, and pushes the games after it', () => {
      const delays = projectDelays(groupDay, [{ gameId: 'G1', actualStart: at('09:00'), actualEnd: at('10:30') }], {
        now: at('10:40'),
      });
      expect(delays.map((d) => [d.gameId, d.expectedStart, d.causedBy, d.cause, d.origin])).toEqual([
        ['G3', at('10:40'), null, 'not_started', 'G3'],
        ['G4', at('12:10'), 'G3', 'court', 'G3'],
      ]);
    });

    it('a running game past its scheduled end is expected to end no earlier than now', () => {
      const delays = projectDelays(groupDay, [{ gameId: 'G1', actualStart: at('09:00') }], { now: at('10:45') });
      expect(delays[0]).toMatchObject({ gameId: 'G3', expectedStart: at('10:45'), causedBy: 'G1', cause: 'court' });
    });

    it('an actual for a game that is not scheduled is refused', () => {
      const actuals: GameActual[] = [{ gameId: 'QF9', actualStart: at('09:00') }];
      expect(() => projectDelays(groupDay, actuals)).toThrow(
        expect.objectContaining({ code: 'SCHEDULE_INVALID_ACTUAL' }),
      );
    });
  });

  it('a game that ran long keeps the court busy even after a later game was recorded as started on time', () => {
    // Found by the property test (seed 1809345558): G1 overran to 16:10; G2 was recorded as
    // starting on time on the same court and ended at 16:00; G3 must wait for G1, not only G2.
    const schedule: Schedule = {
      minRestMinutes: 0,
      assignments: [
        slot('G1', 'main', '14:00', '15:00', ['A', 'B']),
        slot('G2', 'main', '15:00', '16:00', ['C', 'D']),
        slot('G3', 'main', '16:00', '17:00', ['E', 'F']),
      ],
    };
    const delays = projectDelays(schedule, [
      { gameId: 'G1', actualStart: at('14:00'), actualEnd: at('16:10') },
      { gameId: 'G2', actualStart: at('15:00'), actualEnd: at('16:00') },
    ]);
    expect(delays).toEqual([
      expect.objectContaining({
        gameId: 'G3',
        expectedStart: at('16:10'),
        delayMinutes: 10,
        causedBy: 'G1',
        cause: 'court',
      }),
    ]);
  });
});
