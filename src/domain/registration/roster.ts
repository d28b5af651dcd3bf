import { conflict, invalid, type ErrorDetail } from '../shared/domain-error.js';
import type { TournamentRules } from './tournament-rules.js';

export type TournamentStatus = 'registration' | 'in_progress' | 'completed';

export interface RosterLock {
  locked: boolean;
  reason: string | null;
}

/** Rosters lock at the configured time, or when the tournament starts if no time is set. */
export function rosterLock(
  status: TournamentStatus,
  rules: Pick<TournamentRules, 'rosterLocksAt'>,
  now: Date,
): RosterLock {
  if (rules.rosterLocksAt !== null && now.getTime() >= Date.parse(rules.rosterLocksAt)) {
    return { locked: true, reason: `rosters locked at ${rules.rosterLocksAt}` };
  }
  if (status !== 'registration') return { locked: true, reason: 'rosters locked when the tournament started' };
  return { locked: false, reason: null };
}

/**
 * A change to a locked roster needs an organiser override with a reason; it is then allowed
 * and the caller records it. Returns whether an override was used.
 */
export function assertRosterChangeAllowed(lock: RosterLock, overrideReason: string | undefined | null): boolean {
  if (!lock.locked) return false;
  if (overrideReason && overrideReason.trim().length > 0) return true;
  throw conflict(
    'ROSTER_LOCKED',
    `Roster is locked (${lock.reason}); an organiser override with a reason is required`,
    [{ field: 'overrideReason', reason: 'required after the roster lock' }],
  );
}

/** Refuses a roster that would exceed the maximum size. */
export function assertRosterRoom(currentSize: number, adding: number, rules: Pick<TournamentRules, 'rosterMax'>): void {
  if (currentSize + adding > rules.rosterMax) {
    throw conflict(
      'ROSTER_FULL',
      `A roster holds at most ${rules.rosterMax} players; this team has ${currentSize} and ${adding} would be added`,
      [{ field: adding === 1 ? 'teamId' : 'rows', reason: `roster limit is ${rules.rosterMax}` }],
    );
  }
}

export interface TeamRosterSize {
  teamId: string;
  teamName: string;
  size: number;
}

/** Every team's roster must be within the limits when the tournament starts. */
export function assertRostersReadyToStart(
  teams: TeamRosterSize[],
  rules: Pick<TournamentRules, 'rosterMin' | 'rosterMax'>,
): void {
  const details: ErrorDetail[] = [];
  if (teams.length < 2) details.push({ field: 'teams', reason: 'a tournament needs at least 2 teams' });
  for (const t of teams) {
    if (t.size < rules.rosterMin || t.size > rules.rosterMax) {
      details.push({
        field: `teams[${t.teamId}]`,
        reason: `${t.teamName} has ${t.size} players; the roster must have ${rules.rosterMin} to ${rules.rosterMax}`,
      });
    }
  }
  if (details.length > 0)
    throw invalid('TOURNAMENT_NOT_READY', 'Tournament cannot start: rosters are not complete', details);
}

export interface RosterRow {
  jerseyNumber: number;
  nationalIdHash: string | null;
}

/** Duplicates inside one batch (e.g. a CSV import), reported per row (1-based data rows). */
export function duplicatesInBatch(rows: RosterRow[], rowLabel: (i: number) => string): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const seenJersey = new Map<number, number>();
  const seenId = new Map<string, number>();
  rows.forEach((r, i) => {
    const j = seenJersey.get(r.jerseyNumber);
    if (j !== undefined) {
      details.push({
        field: `${rowLabel(i)}.jerseyNumber`,
        reason: `jersey ${r.jerseyNumber} is also used in ${rowLabel(j)}`,
      });
    } else seenJersey.set(r.jerseyNumber, i);
    if (r.nationalIdHash) {
      const k = seenId.get(r.nationalIdHash);
      if (k !== undefined) {
        details.push({ field: `${rowLabel(i)}.nationalId`, reason: `same person as ${rowLabel(k)}` });
      } else seenId.set(r.nationalIdHash, i);
    }
  });
  return details;
}
