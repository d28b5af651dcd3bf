import { rosterLock } from '../../domain/registration/roster.js';
import { timeZoneOf } from '../../domain/registration/tournament-rules.js';
import type { TournamentDto } from './tournament.dto.js';
import type { TournamentEntity } from './tournament.entity.js';

export const toTournamentDto = (t: TournamentEntity, now = new Date()): TournamentDto => ({
  id: t.id,
  name: t.name,
  season: t.season,
  venue: t.venue,
  startsOn: t.startsOn,
  endsOn: t.endsOn,
  hostUnitId: t.hostUnitId,
  organiserUnitIds: t.organiserUnitIds ?? [],
  coOrganiserUnitIds: t.coOrganiserUnitIds ?? [],
  // Tournaments stored before the setting existed are in the default zone.
  rules: { ...t.rules, timeZone: timeZoneOf(t.rules) },
  language: t.language,
  status: t.status,
  rosterLock: rosterLock(t.status, t.rules, now),
  createdAt: t.createdAt.toISOString(),
  updatedAt: t.updatedAt.toISOString(),
});
