import { PlayerEntity } from '../modules/players/player.entity.js';
import { RosterOverrideEntity } from '../modules/players/roster-override.entity.js';
import { TeamEntity } from '../modules/teams/team.entity.js';
import { TournamentEntity } from '../modules/tournaments/tournament.entity.js';
import { UnitEntity } from '../modules/units/unit.entity.js';

/** Every entity, listed explicitly (no globs) so ESM builds and Jest load the same classes. */
export const entities = [UnitEntity, TournamentEntity, TeamEntity, PlayerEntity, RosterOverrideEntity];
