import type { PlayerDto } from './player.dto.js';
import type { PlayerEntity } from './player.entity.js';

export const toPlayerDto = (p: PlayerEntity): PlayerDto => ({
  id: p.id,
  teamId: p.teamId,
  tournamentId: p.tournamentId,
  name: p.name,
  jerseyNumber: p.jerseyNumber,
  position: p.position,
  employer: p.employer,
  hasNationalId: p.nationalIdHash !== null,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});
