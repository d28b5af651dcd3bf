import type { TeamDto } from './team.dto.js';
import type { TeamEntity } from './team.entity.js';

export const teamLogoUrl = (teamId: string, hash: string) => `/api/v1/teams/${teamId}/logo/${hash}`;

export const toTeamDto = (t: TeamEntity, rosterSize: number): TeamDto => ({
  id: t.id,
  tournamentId: t.tournamentId,
  unitId: t.unitId,
  name: t.name,
  shortName: t.shortName,
  primaryColor: t.primaryColor?.toUpperCase() ?? null,
  secondaryColor: t.secondaryColor?.toUpperCase() ?? null,
  leaderName: t.leaderName,
  coachName: t.coachName,
  assistantCoachName: t.assistantCoachName,
  doctorName: t.doctorName,
  logoUrl: t.logoHash ? teamLogoUrl(t.id, t.logoHash) : null,
  rosterSize,
  createdAt: t.createdAt.toISOString(),
  updatedAt: t.updatedAt.toISOString(),
});
