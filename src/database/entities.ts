import { AccountEntity } from '../modules/accounts/account.entity.js';
import { AuditEntryEntity } from '../modules/audit/audit-entry.entity.js';
import { AwardDecisionEntity } from '../modules/awards/award-decision.entity.js';
import { CompetitionEntity } from '../modules/competition/competition.entity.js';
import { CourtEntity, CourtWindowEntity } from '../modules/competition/court.entity.js';
import { GameEntity } from '../modules/games/game.entity.js';
import { PlayEventEntity } from '../modules/games/play-event.entity.js';
import { PlayerEntity } from '../modules/players/player.entity.js';
import { RosterOverrideEntity } from '../modules/players/roster-override.entity.js';
import { GameCodeEntity } from '../modules/scorekeeping/game-code.entity.js';
import { ScorekeeperAssignmentEntity } from '../modules/scorekeeping/scorekeeper-assignment.entity.js';
import { SessionEntity } from '../modules/sessions/session.entity.js';
import { PlayerGameLineEntity } from '../modules/stats/player-game-line.entity.js';
import { PlayerTotalsEntity } from '../modules/stats/player-totals.entity.js';
import { StatsSettingsEntity } from '../modules/stats/stats-settings.entity.js';
import { TeamLogoEntity } from '../modules/teams/team-logo.entity.js';
import { TeamEntity } from '../modules/teams/team.entity.js';
import { TournamentOrganiserEntity } from '../modules/tournaments/tournament-organiser.entity.js';
import { TournamentEntity } from '../modules/tournaments/tournament.entity.js';
import { UnitEntity } from '../modules/units/unit.entity.js';
import { WebhookDeliveryEntity } from '../modules/webhooks/webhook-delivery.entity.js';
import { WebhookEntity } from '../modules/webhooks/webhook.entity.js';

/** Every entity, listed explicitly (no globs) so ESM builds and Jest load the same classes. */
export const entities = [
  UnitEntity,
  TournamentEntity,
  TeamEntity,
  PlayerEntity,
  RosterOverrideEntity,
  AccountEntity,
  SessionEntity,
  TournamentOrganiserEntity,
  ScorekeeperAssignmentEntity,
  GameCodeEntity,
  AuditEntryEntity,
  GameEntity,
  PlayEventEntity,
  CompetitionEntity,
  CourtEntity,
  CourtWindowEntity,
  PlayerGameLineEntity,
  PlayerTotalsEntity,
  StatsSettingsEntity,
  AwardDecisionEntity,
  WebhookEntity,
  WebhookDeliveryEntity,
  TeamLogoEntity,
];
