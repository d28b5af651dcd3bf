import { DomainError } from '../shared/domain-error.js';
import {
  assertRosterChangeAllowed,
  assertRosterRoom,
  assertRostersReadyToStart,
  duplicatesInBatch,
  rosterLock,
} from './roster.js';
import { FIBA_RULES, resolveRules } from './tournament-rules.js';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as DomainError).code;
  }
  return null;
};

describe('roster rules', () => {
  it('locks at the configured time, or at tournament start when none is set', () => {
    const rules = { rosterLocksAt: '2024-05-01T00:00:00+08:00' };
    expect(rosterLock('registration', rules, new Date('2024-04-30T15:59:59Z')).locked).toBe(false);
    expect(rosterLock('registration', rules, new Date('2024-04-30T16:00:00Z')).locked).toBe(true);
    expect(rosterLock('in_progress', { rosterLocksAt: null }, new Date()).locked).toBe(true);
    expect(rosterLock('registration', { rosterLocksAt: null }, new Date()).locked).toBe(false);
  });

  it('a locked roster changes only with an override reason', () => {
    const lock = { locked: true, reason: 'x' };
    expect(codeOf(() => assertRosterChangeAllowed(lock, undefined))).toBe('ROSTER_LOCKED');
    expect(codeOf(() => assertRosterChangeAllowed(lock, '  '))).toBe('ROSTER_LOCKED');
    expect(assertRosterChangeAllowed(lock, 'injury replacement approved by referee')).toBe(true);
    expect(assertRosterChangeAllowed({ locked: false, reason: null }, undefined)).toBe(false);
  });

  it('a roster holds at most rosterMax players (FIBA 12)', () => {
    expect(() => assertRosterRoom(11, 1, FIBA_RULES)).not.toThrow();
    expect(codeOf(() => assertRosterRoom(12, 1, FIBA_RULES))).toBe('ROSTER_FULL');
    expect(codeOf(() => assertRosterRoom(3, 10, FIBA_RULES))).toBe('ROSTER_FULL');
  });

  it('starting needs every roster between min and max, naming each short team', () => {
    try {
      assertRostersReadyToStart(
        [
          { teamId: 'a', teamName: '南浔彩蝶队', size: 12 },
          { teamId: 'b', teamName: '德清依蓄队', size: 4 },
        ],
        FIBA_RULES,
      );
      throw new Error('accepted');
    } catch (e) {
      expect((e as DomainError).code).toBe('TOURNAMENT_NOT_READY');
      expect((e as DomainError).details).toEqual([
        { field: 'teams[b]', reason: expect.stringContaining('德清依蓄队 has 4 players') },
      ]);
    }
  });

  it('finds duplicate jerseys and persons inside one import', () => {
    const details = duplicatesInBatch(
      [
        { jerseyNumber: 7, nationalIdHash: 'h1' },
        { jerseyNumber: 8, nationalIdHash: 'h1' },
        { jerseyNumber: 7, nationalIdHash: null },
      ],
      (i) => `row ${i + 2}`,
    );
    expect(details.map((d) => d.field)).toEqual(['row 3.nationalId', 'row 4.jerseyNumber']);
  });

  it('rules default to FIBA and refuse settings that do not fit together', () => {
    expect(resolveRules({ periodMinutes: 8 })).toMatchObject({
      periods: 4,
      periodMinutes: 8,
      overtimeMinutes: 5,
      rosterMax: 12,
    });
    expect(codeOf(() => resolveRules({ rosterMin: 10, rosterMax: 8 }))).toBe('TOURNAMENT_RULES_INVALID');
  });
});
