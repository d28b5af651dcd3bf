import type { TeamRoster } from '../../domain/game/index.js';
import { PlayerQueryDto } from '../players/player.dto.js';
import type { PlayersService } from '../players/players.service.js';
import type { TeamsService } from '../teams/teams.service.js';

/** A team's roster as it stands now, as the reducer reads it (a game fixes it when it is marked ready or decided on paper). */
export async function currentRoster(
  teams: TeamsService,
  players: PlayersService,
  teamId: string,
  startingFive: readonly string[] | null,
): Promise<TeamRoster> {
  const team = await teams.getEntity(teamId);
  const page = await players.listByTeam(teamId, Object.assign(new PlayerQueryDto(), { pageSize: 100 }));
  return {
    teamId,
    name: team.name,
    players: page.items.map((p) => ({
      playerId: p.id,
      teamId,
      jerseyNumber: p.jerseyNumber,
      name: p.name,
    })),
    startingFive,
  };
}
