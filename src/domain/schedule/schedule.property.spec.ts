import fc from 'fast-check';
import { DomainError } from '../shared/domain-error.js';
import { auditSchedule } from './audit-schedule.js';
import { fromMinutes, toMinutes } from './local-time.js';
import { projectDelays, type GameActual } from './project-delays.js';
import { scheduleGames } from './schedule-games.js';
import { bruteForceCheck } from './testing/brute-force-check.js';
import { roomyInput, tightExtras, tightInput, tournamentShape } from './testing/random-tournament.js';
import type { UnplacedGame } from './types.js';
import { validateMove } from './validate-move.js';

describe('schedule properties', () => {
  it('a feasible tournament is fully placed with no team or court double-booked, rest, dependencies and windows kept', () => {
    fc.assert(
      fc.property(tournamentShape, (shape) => {
        const input = roomyInput(shape);
        const schedule = scheduleGames(input);
        expect(bruteForceCheck(schedule, input)).toEqual([]);
        expect(auditSchedule(schedule, input)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('the scheduler either places every game correctly or throws SCHEDULE_INFEASIBLE naming the games left out', () => {
    let placedRuns = 0;
    let refusedRuns = 0;
    fc.assert(
      fc.property(tournamentShape, tightExtras, (shape, extras) => {
        const input = tightInput(shape, extras);
        let schedule;
        try {
          schedule = scheduleGames(input);
        } catch (error) {
          refusedRuns++;
          expect(error).toBeInstanceOf(DomainError);
          expect((error as DomainError).code).toBe('SCHEDULE_INFEASIBLE');
          const unplaced = (error as DomainError).context!.unplaced as UnplacedGame[];
          expect(unplaced.length).toBeGreaterThan(0);
          const ids = new Set(input.games.map((g) => g.id));
          for (const u of unplaced) expect(ids.has(u.gameId)).toBe(true);
          expect((error as DomainError).details).toHaveLength(unplaced.length);
          return;
        }
        placedRuns++;
        expect(bruteForceCheck(schedule, input)).toEqual([]);
      }),
      { numRuns: 300 },
    );
    // Both branches were exercised, so neither claim is vacuous.
    expect(placedRuns).toBeGreaterThan(10);
    expect(refusedRuns).toBeGreaterThan(10);
  });

  it('a move is accepted exactly when the moved schedule breaks no rule', () => {
    const move = fc.record({
      game: fc.nat(),
      court: fc.nat(3),
      day: fc.nat(3),
      minute: fc.integer({ min: 84, max: 276 }),
    });
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(tournamentShape, fc.array(move, { minLength: 1, maxLength: 5 }), (shape, moves) => {
        const input = roomyInput(shape);
        const schedule = scheduleGames(input);
        for (const m of moves) {
          // A quarter of the moves go within two hours of an existing game, where the rules bite.
          const near = schedule.assignments[(m.game * 7) % schedule.assignments.length];
          const game = input.games[m.game % input.games.length];
          const courtId = input.courts[m.court % input.courts.length].id;
          const minutes =
            m.day === 0
              ? toMinutes(near.start) + (m.minute % 24) * 5 - 60
              : toMinutes('2024-05-01T00:00') + (m.day - 1) * 1440 + m.minute * 5;
          const start = fromMinutes(minutes);
          const duration = game.durationMinutes ?? input.settings.slotMinutes;
          const moved = {
            ...schedule,
            assignments: schedule.assignments.map((a) =>
              a.gameId === game.id ? { ...a, courtId, start, end: fromMinutes(minutes + duration) } : a,
            ),
          };
          const check = validateMove(schedule, input, game.id, { courtId, start });
          expect(check.ok).toBe(bruteForceCheck(moved, input).length === 0);
          if (check.ok) accepted++;
          else refused++;
        }
      }),
      { numRuns: 150 },
    );
    expect(accepted).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(20);
  });

  it('projected delays keep every rule, never start a game early, and vanish when games run on time', () => {
    const overrun = fc.record({ late: fc.integer({ min: 0, max: 30 }), overtime: fc.integer({ min: 0, max: 40 }) });
    fc.assert(
      fc.property(tournamentShape, fc.array(overrun, { maxLength: 8 }), (shape, overruns) => {
        const input = roomyInput(shape);
        const schedule = scheduleGames(input);
        const played = schedule.assignments.slice(0, overruns.length);
        const actuals: GameActual[] = played.map((a, i) => ({
          gameId: a.gameId,
          actualStart: fromMinutes(toMinutes(a.start) + overruns[i].late),
          actualEnd: fromMinutes(toMinutes(a.end) + overruns[i].late + overruns[i].overtime),
        }));
        const delays = projectDelays(schedule, actuals);
        const delayed = new Map(delays.map((d) => [d.gameId, d]));
        const actual = new Map(actuals.map((a) => [a.gameId, a]));
        const expected = new Map(
          schedule.assignments.map((a) => {
            const d = delayed.get(a.gameId);
            const act = actual.get(a.gameId);
            const start = toMinutes(act?.actualStart ?? d?.expectedStart ?? a.start);
            const end = act ? toMinutes(act.actualEnd!) : start + toMinutes(a.end) - toMinutes(a.start);
            return [a.gameId, { a, start, end }];
          }),
        );
        const rest = schedule.minRestMinutes;
        for (const { a, start } of expected.values()) {
          if (actual.has(a.gameId)) continue;
          expect(start).toBeGreaterThanOrEqual(toMinutes(a.start));
          for (const other of expected.values()) {
            if (toMinutes(other.a.start) >= toMinutes(a.start) || other.a.gameId === a.gameId) continue;
            if (other.a.courtId === a.courtId) expect(start).toBeGreaterThanOrEqual(other.end);
            if (other.a.guardedTeamIds.some((t) => a.guardedTeamIds.includes(t)))
              expect(start).toBeGreaterThanOrEqual(other.end + rest);
            if (a.dependsOn.includes(other.a.gameId))
              expect(start).toBeGreaterThanOrEqual(other.end + a.dependencyGapMinutes);
          }
        }
        if (overruns.every((o) => o.late === 0 && o.overtime === 0)) expect(delays).toEqual([]);
        for (const d of delays) expect(d.delayMinutes).toBe(toMinutes(d.expectedStart) - toMinutes(d.scheduledStart));
      }),
      { numRuns: 150 },
    );
  });
});
