import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import type { FinalPlaceReason, GameBracket, SideState, Slot } from '../../domain/competition/index.js';
import type { GameStatus } from '../../domain/game/index.js';
import type { Qualification, TieBreakCriterion } from '../../domain/standings/index.js';
import { COMPETITION_PHASES, type CompetitionPhase } from './competition.entity.js';
import { GameScheduleOptionDto } from './competition.dto.js';
import { GAME_STATUSES } from '../games/game.entity.js';

export class TeamRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '南浔彩蝶队' }) name: string;
}

export class DrawnGroupViewDto {
  @ApiProperty({ example: 'A' }) groupId: string;
  @ApiProperty({ type: [TeamRefDto] }) teams: TeamRefDto[];
}

export class DrawViewDto {
  @ApiProperty({ example: 'S1' }) stageId: string;
  @ApiProperty({ enum: ['hand', 'random', 'serpentine', 'pots'], example: 'random' }) method: string;
  @ApiProperty({
    example: 20240501,
    nullable: true,
    type: 'integer',
    description: 'The recorded seed: the same seed and teams give the same groups',
  })
  seed: number | null;
  @ApiProperty() keepUnitsApart: boolean;
  @ApiProperty({ type: [DrawnGroupViewDto] }) groups: DrawnGroupViewDto[];
}

export class SlotViewDto {
  @ApiProperty({ example: 'A组第1名', description: 'Where the team comes from, as people read it' }) label: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { kind: 'group_place', groupId: 'A', place: 1 },
    description: 'The slot as the structure stores it, by `kind`: team, group_place, best_placed, winner_of, loser_of',
  })
  slot: Slot;
  @ApiProperty({ enum: ['resolved', 'pending', 'draw_required', 'not_needed'], example: 'resolved' }) state: SideState;
  @ApiProperty({ type: TeamRefDto, nullable: true }) team: TeamRefDto | null;
}

export class StageGroupViewDto {
  @ApiProperty({ example: 'A' }) id: string;
  @ApiProperty({ example: 'Group A' }) name: string;
  @ApiProperty({ type: [SlotViewDto] }) entrants: SlotViewDto[];
}

export class SeedSwapDto {
  @ApiProperty({ type: 'integer', example: 3, description: 'The seed it plays as' }) seed: number;
  @ApiProperty({ type: 'integer', example: 4, description: 'The seed it was entered as' }) enteredAs: number;
  @ApiProperty({ enum: ['avoid_group_rematch'] }) reason: 'avoid_group_rematch';
}

export class StageViewDto {
  @ApiProperty({ example: 'S1' }) id: string;
  @ApiProperty({ enum: ['group', 'knockout'] }) kind: 'group' | 'knockout';
  @ApiProperty({ example: 'Group stage' }) name: string;
  @ApiPropertyOptional({ enum: ['single', 'double'] }) roundRobin?: string;
  @ApiPropertyOptional({ enum: ['among_group', 'all'], description: 'Games carried over from earlier group stages' })
  carryOver?: string;
  @ApiPropertyOptional({ type: [StageGroupViewDto] }) groups?: StageGroupViewDto[];
  @ApiPropertyOptional({ enum: ['single_elimination', 'double_elimination'] }) format?: string;
  @ApiPropertyOptional({
    type: [SlotViewDto],
    description: 'Knockout entrants in seed order as they play (after any swap listed in seedingSwaps)',
  })
  seeding?: SlotViewDto[];
  @ApiPropertyOptional({
    enum: ['crossover', 'as_entered'],
    description:
      'How seeds were ordered: crossover — group winners first in group order, then each further group place, best-placed teams last; as_entered — the order the organiser gave',
  })
  seedingRule?: 'crossover' | 'as_entered';
  @ApiPropertyOptional({ description: 'Two teams of one group are kept apart in the first round where possible' })
  avoidGroupRematch?: boolean;
  @ApiPropertyOptional({
    type: () => [SeedSwapDto],
    description:
      'Seeds moved to keep two teams of one group apart (e.g. the best runner-up entered as seed 4 plays as seed 3)',
  })
  seedingSwaps?: SeedSwapDto[];
  @ApiPropertyOptional() thirdPlaceGame?: boolean;
}

export class PendingOverrideDto {
  @ApiProperty({ example: 'SF1' }) gameId: string;
  @ApiProperty({ example: '技术台记分错误，经仲裁确认更正比分' }) reason: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) accountId: string | null;
  @ApiProperty({ example: '2024-05-02T11:20:00.000Z' }) at: string;
}

export class ForcedCorrectionDto extends PendingOverrideDto {
  @ApiProperty({ type: [String], example: ['F'] }) overriddenGames: string[];
  @ApiProperty({ type: [String], example: [] }) invalidatedResults: string[];
}

export class CompetitionDto {
  @ApiProperty({ format: 'uuid' }) tournamentId: string;
  @ApiProperty({
    enum: COMPETITION_PHASES,
    example: 'drawn',
    description: 'configured: groups not drawn; drawn: structure built; games_created: games exist',
  })
  phase: CompetitionPhase;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { kind: 'huzhou2024', format: 'three_groups_best_runner_up' },
  })
  format: object;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The stage configuration (groups as configured, before the draw)',
  })
  config: object;
  @ApiProperty({ type: DrawViewDto, nullable: true }) draw: DrawViewDto | null;
  @ApiProperty({ type: [StageViewDto] }) stages: StageViewDto[];
  @ApiProperty({ type: 'integer', example: 16 }) gameCount: number;
  @ApiProperty({ type: PendingOverrideDto, nullable: true }) pendingOverride: PendingOverrideDto | null;
  @ApiProperty({ type: [ForcedCorrectionDto] }) forcedCorrections: ForcedCorrectionDto[];
  @ApiProperty({ type: 'integer', example: 3 }) version: number;
}

export class GameRefDto {
  @ApiProperty({ format: 'uuid', description: 'The game in /games/{id}' }) id: string;
  @ApiProperty({ enum: GAME_STATUSES, example: 'final' }) status: GameStatus;
  @ApiProperty({ type: 'integer', example: 68 }) homeScore: number;
  @ApiProperty({ type: 'integer', example: 61 }) awayScore: number;
  @ApiProperty({ example: '主场', nullable: true, type: String }) court: string | null;
  @ApiProperty({ example: '2024-05-02T19:30', nullable: true, type: String }) scheduledAt: string | null;
  @ApiProperty({ type: 'integer', example: 4, description: 'Current period (5 and more: overtime)' }) period: number;
}

export class BracketResultDto {
  @ApiProperty({ type: 'integer', example: 68 }) homeScore: number;
  @ApiProperty({ type: 'integer', example: 61 }) awayScore: number;
  @ApiProperty({ enum: ['played', 'forfeit', 'default'] }) kind: string;
  @ApiProperty({ type: TeamRefDto }) winner: TeamRefDto;
  @ApiProperty({ type: TeamRefDto }) loser: TeamRefDto;
  @ApiProperty({ description: 'Confirmed by an organiser' }) official: boolean;
}

export class BracketGameDto {
  @ApiProperty({ example: 'SF1', description: 'The game’s id in the structure (game.competitionKey)' }) id: string;
  @ApiProperty({ example: 'KO' }) stageId: string;
  @ApiProperty({ example: null, nullable: true, type: String }) groupId: string | null;
  @ApiProperty({ enum: ['group', 'main', 'classification', 'winners', 'losers', 'grand_final'] }) bracket: GameBracket;
  @ApiProperty({ type: 'integer', example: 1 }) round: number;
  @ApiProperty({ example: 'SF' }) roundName: string;
  @ApiProperty({ type: SlotViewDto }) home: SlotViewDto;
  @ApiProperty({ type: SlotViewDto }) away: SlotViewDto;
  @ApiProperty({ type: [String], example: ['S1-A-R1-G1'] }) dependsOn: string[];
  @ApiProperty({ example: [1, 1], nullable: true, type: [Number], description: 'Final places the winner gets' })
  winnerPlaces: [number, number] | null;
  @ApiProperty({ example: [2, 2], nullable: true, type: [Number] }) loserPlaces: [number, number] | null;
  @ApiProperty({ description: 'False only for a grand-final reset that will not be played' }) needed: boolean;
  @ApiProperty({ description: 'A final result names this game’s two teams' }) decided: boolean;
  @ApiProperty({ type: GameRefDto, nullable: true, description: 'Null before the games are generated' })
  game: GameRefDto | null;
  @ApiProperty({ type: BracketResultDto, nullable: true, description: 'The result advancement applied' })
  result: BracketResultDto | null;
  @ApiProperty({ description: 'The game row names other teams than its slots (after a forced correction)' })
  teamsMismatch: boolean;
}

export class BracketDto {
  @ApiProperty({ format: 'uuid' }) tournamentId: string;
  @ApiProperty({ enum: COMPETITION_PHASES }) phase: CompetitionPhase;
  @ApiProperty({ type: [StageViewDto] }) stages: StageViewDto[];
  @ApiProperty({ type: [BracketGameDto], description: 'Every game, each after the games it depends on' })
  games: BracketGameDto[];
}

export class MiniTableRowDto {
  @ApiProperty({ type: TeamRefDto }) team: TeamRefDto;
  @ApiProperty({ type: 'integer', example: 2 }) played: number;
  @ApiProperty({ type: 'integer', example: 1 }) wins: number;
  @ApiProperty({ type: 'integer', example: 1 }) losses: number;
  @ApiProperty({ type: 'integer', example: 3 }) classificationPoints: number;
  @ApiProperty({ type: 'integer', example: 163 }) pointsFor: number;
  @ApiProperty({ type: 'integer', example: 157 }) pointsAgainst: number;
  @ApiProperty({ type: 'integer', example: 6 }) pointDifference: number;
}

export class MiniTableDto {
  @ApiProperty({ type: [TeamRefDto], description: 'The teams level at the step that decided the place' })
  teams: TeamRefDto[];
  @ApiProperty({
    type: [String],
    example: ['S1-A-R1-G1', 'S1-A-R2-G2', 'S1-A-R3-G1'],
    description: 'The games among them',
  })
  gameIds: string[];
  @ApiProperty({ type: [MiniTableRowDto], description: 'Those games only, summed per team' })
  rows: MiniTableRowDto[];
}

export class PlaceExplanationDto {
  @ApiProperty({ example: '与澳大利亚队、希腊队同积4分；三队相互间比赛净胜分：+6、-1、-5' }) zh: string;
  @ApiProperty({
    example: 'Level on 4 points with Australia and Greece; point difference in the games among them: +6, -1, -5',
  })
  en: string;
}

export class StandingRowDto {
  @ApiProperty({ type: 'integer', example: 1 }) rank: number;
  @ApiProperty({ type: TeamRefDto }) team: TeamRefDto;
  @ApiProperty({ type: 'integer', example: 3 }) played: number;
  @ApiProperty({ type: 'integer', example: 3 }) wins: number;
  @ApiProperty({ type: 'integer', example: 0 }) losses: number;
  @ApiProperty({ type: 'integer', example: 6, description: 'Win 2, loss 1, loss by forfeit 0' })
  classificationPoints: number;
  @ApiProperty({ type: 'integer', example: 240 }) pointsFor: number;
  @ApiProperty({ type: 'integer', example: 200 }) pointsAgainst: number;
  @ApiProperty({ type: 'integer', example: 40 }) pointDifference: number;
  @ApiProperty({ type: 'integer', example: 0 }) forfeitLosses: number;
  @ApiProperty({ description: 'Shares the rank (group not complete, or awaiting a drawing of lots)' })
  sharedRank: boolean;
  @ApiProperty({
    type: String,
    example: 'head_to_head_points',
    description: 'The FIBA criterion that fixed this place',
  })
  decidedBy: TieBreakCriterion;
  @ApiProperty({ type: [TeamRefDto] }) tiedWith: TeamRefDto[];
  @ApiProperty({ description: 'Only lots can place this team' }) needsDraw: boolean;
  @ApiProperty({ description: 'Counts a game in progress: not official' }) includesLive: boolean;
  @ApiProperty({
    type: MiniTableDto,
    nullable: true,
    description: 'The games among the teams level at the deciding step; null when classification points alone decided',
  })
  miniTable: MiniTableDto | null;
  @ApiProperty({ type: PlaceExplanationDto, description: 'Why the team is here, as a sentence (Chinese and English)' })
  explanation: PlaceExplanationDto;
  @ApiProperty({
    enum: ['clinched', 'eliminated', 'open'],
    nullable: true,
    description:
      'Decided results only: clinched (出线) finishes within the advancing places whatever the remaining games give; eliminated (淘汰) cannot reach a place that may go through; null when nothing follows the group',
  })
  qualification: Qualification | null;
}

export class GroupStandingsDto {
  @ApiProperty({ example: 'S1' }) stageId: string;
  @ApiProperty({ example: 'A' }) groupId: string;
  @ApiProperty({ example: 'Group A' }) name: string;
  @ApiProperty({ description: 'Every game of the group is decided: the official table is final' }) complete: boolean;
  @ApiProperty({ type: [StandingRowDto], description: 'Decided results only (FIBA Appendix D)' })
  official: StandingRowDto[];
  @ApiProperty({ type: [StandingRowDto], description: 'Games in progress counted at their current score' })
  live: StandingRowDto[];
  @ApiProperty({ description: 'At least one game in progress is counted in `live`' })
  liveIncludesGamesInProgress: boolean;
  @ApiProperty({ example: 2, nullable: true, type: 'integer', description: 'Places 1..n go through for certain' })
  advancingPlaces: number | null;
  @ApiProperty({
    example: 3,
    nullable: true,
    type: 'integer',
    description: 'Places 1..n may go through (a best-placed slot across groups); ≥ advancingPlaces',
  })
  possiblePlaces: number | null;
  @ApiProperty({
    type: 'array',
    items: { type: 'array', items: { $ref: getSchemaPath(TeamRefDto) } },
    description:
      'Sets of teams only a drawing of lots can separate: the organiser records the draw with POST …/competition/lots {"scope":"group"}',
  })
  drawsNeeded: TeamRefDto[][];
  @ApiProperty({
    type: [String],
    example: ['R1-E-R2-G1'],
    description: 'Games of an earlier group stage that count in this group (carry-over), decided ones',
  })
  carriedOverGameIds: string[];
}

export class CrossGroupRowDto {
  @ApiProperty({ type: 'integer', example: 1 }) rank: number;
  @ApiProperty({ type: TeamRefDto }) team: TeamRefDto;
  @ApiProperty({ example: 'A' }) groupId: string;
  @ApiProperty({ type: 'integer', example: 3 }) played: number;
  @ApiProperty({ type: 'integer', example: 2 }) wins: number;
  @ApiProperty({ type: 'integer', example: 5 }) classificationPoints: number;
  @ApiProperty({ type: 'integer', example: 70 }) pointsFor: number;
  @ApiProperty({ type: 'integer', example: 63 }) pointsAgainst: number;
  @ApiProperty({ type: 'integer', example: 7 }) pointDifference: number;
  @ApiProperty({
    enum: ['classification_points', 'win_ratio', 'point_difference', 'points_scored', 'draw'],
    description: 'The criterion that put this team ahead of the next one (win ratio when groups differ in size)',
  })
  decidedBy: string;
  @ApiProperty({ description: 'Only lots can separate it from a team level with it' }) needsDraw: boolean;
}

export class CrossGroupTableDto {
  @ApiProperty({ example: 'S1' }) stageId: string;
  @ApiProperty({ type: 'integer', example: 2, description: 'The group place compared (2: runners-up)' }) place: number;
  @ApiProperty({ description: 'A "best placed" slot of a later stage reads this table' }) decidesSlots: boolean;
  @ApiProperty({ description: 'Every group is complete and placed one team here: the order is final' })
  final: boolean;
  @ApiProperty({ type: [String], example: [], description: 'Groups with no single team at this place yet' })
  unplacedGroupIds: string[];
  @ApiProperty({ type: [CrossGroupRowDto] }) ranking: CrossGroupRowDto[];
}

export class StandingsDto {
  @ApiProperty({ format: 'uuid' }) tournamentId: string;
  @ApiProperty({ type: [GroupStandingsDto], description: 'Groups whose teams are known' }) groups: GroupStandingsDto[];
  @ApiProperty({
    type: [CrossGroupTableDto],
    description:
      'Teams of one group place ranked across the groups of a stage (best runner-up…): classification points or win ratio, then point difference, then points scored; no head-to-head. Stages with two or more groups.',
  })
  crossGroup: CrossGroupTableDto[];
}

export class FinalPlaceDto {
  @ApiProperty({ type: 'integer', example: 9, description: 'The place, or the first of a shared block' }) place: number;
  @ApiProperty({
    type: 'integer',
    example: 12,
    description:
      'Last place of a shared block (teams nothing played separates share places 9–12 until the organiser records a drawing of lots); equal to `place` otherwise',
  })
  placeTo: number;
  @ApiProperty({ type: TeamRefDto }) team: TeamRefDto;
  @ApiProperty({
    enum: ['placement_game', 'knockout_round', 'stage_reached', 'group_position', 'cross_group', 'draw', 'shared'],
    example: 'placement_game',
  })
  decidedBy: FinalPlaceReason;
  @ApiProperty({ description: 'Always false in the published ranking: unseparated teams share places instead' })
  needsDraw: boolean;
  @ApiProperty({ type: [TeamRefDto] }) tiedWith: TeamRefDto[];
}

export class FinalRankingDto {
  @ApiProperty({ format: 'uuid' }) tournamentId: string;
  @ApiProperty({ description: 'Every game is decided and places are published' }) complete: boolean;
  @ApiProperty({ type: [String], example: ['F', '3P'], description: 'Games still to be decided' })
  openGameIds: string[];
  @ApiProperty({ type: [FinalPlaceDto], description: 'Places 1..N once complete' }) places: FinalPlaceDto[];
}

export class GeneratedGameDto {
  @ApiProperty({ example: 'S1-A-R1-G1' }) gameId: string;
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: TeamRefDto, nullable: true }) home: TeamRefDto | null;
  @ApiProperty({ type: TeamRefDto, nullable: true }) away: TeamRefDto | null;
}

export class GeneratedGamesDto {
  @ApiProperty({ type: 'integer', example: 16 }) created: number;
  @ApiProperty({ type: [GeneratedGameDto] }) games: GeneratedGameDto[];
}

// ---- Schedule ----

export class CourtWindowViewDto {
  @ApiProperty({ example: '2024-05-01T08:30' }) start: string;
  @ApiProperty({ example: '2024-05-01T21:30' }) end: string;
}

export class CourtViewDto {
  @ApiProperty({ example: 'main' }) id: string;
  @ApiProperty({ example: '主场' }) name: string;
  @ApiProperty({ type: [CourtWindowViewDto] }) windows: CourtWindowViewDto[];
}

export class CourtsDto {
  @ApiProperty({ format: 'uuid' }) tournamentId: string;
  @ApiProperty({ type: [CourtViewDto] }) courts: CourtViewDto[];
}

export class ScheduledGameDto {
  @ApiProperty({ example: 'S1-A-R1-G1' }) gameId: string;
  @ApiProperty({ example: 'R1' }) roundName: string;
  @ApiProperty({ example: 'main' }) courtId: string;
  @ApiProperty({ example: '主场' }) courtName: string;
  @ApiProperty({ example: '2024-05-01T08:30' }) start: string;
  @ApiProperty({ example: '2024-05-01T10:00' }) end: string;
  @ApiProperty({ type: SlotViewDto }) home: SlotViewDto;
  @ApiProperty({ type: SlotViewDto }) away: SlotViewDto;
  @ApiProperty({ example: 'S1' }) stageId: string;
  @ApiProperty({ description: 'Kept exactly where the organiser fixed it' }) fixed: boolean;
  @ApiProperty({ description: 'Moved by hand: the next generation keeps it there unless told otherwise' })
  movedByHand: boolean;
}

export class StageDaysViewDto {
  @ApiProperty({ example: 'KO' }) stageId: string;
  @ApiProperty({ example: '2024-05-02' }) first: string;
  @ApiProperty({ example: '2024-05-02' }) last: string;
}

export class ScheduleSettingsDto {
  @ApiProperty({ type: 'integer', example: 90 }) slotMinutes: number;
  @ApiProperty({ type: 'integer', example: 60 }) minRestMinutes: number;
  @ApiProperty({ type: 'integer', example: 0 }) dependencyBufferMinutes: number;
  @ApiProperty({ type: 'integer', example: 5 }) startStepMinutes: number;
  @ApiProperty({
    type: [GameScheduleOptionDto],
    example: [{ gameId: 'F', fixed: { courtId: 'main', start: '2024-05-02T19:30' } }],
  })
  games: object[];
  @ApiProperty({ type: [StageDaysViewDto] }) stageDays: StageDaysViewDto[];
  @ApiProperty({ description: 'Asked for: each stage starts on a later day than the stage it waits for' })
  newDayForNewStage: boolean;
}

export class TeamRestDto {
  @ApiProperty({ type: TeamRefDto }) team: TeamRefDto;
  @ApiProperty({ type: 'integer', example: 3, description: 'Scheduled games whose two teams are known' }) games: number;
  @ApiProperty({
    example: 90,
    nullable: true,
    type: Number,
    description:
      'Shortest time in minutes from the end of one of its games to the start of its next; null with fewer than two games',
  })
  shortestRestMinutes: number | null;
}

/** How good the schedule is, in figures an organiser compares between two drafts. */
export class ScheduleQualityDto {
  @ApiProperty({ type: 'integer', example: 2, description: 'Days with at least one game' }) daysUsed: number;
  @ApiProperty({ type: [String], example: ['2024-05-01', '2024-05-02'] }) days: string[];
  @ApiProperty({ example: '2024-05-01T08:30', nullable: true, type: String }) firstStart: string | null;
  @ApiProperty({ example: '2024-05-02T21:00', nullable: true, type: String }) lastEnd: string | null;
  @ApiProperty({
    example: 180,
    description: 'Minutes courts stand empty between their first and last game of a day, over all courts and days',
  })
  idleCourtMinutes: number;
  @ApiProperty({
    type: 'integer',
    example: 4,
    description: 'Times a team plays two games in consecutive slots: less than one slot (slotMinutes) between them',
  })
  backToBackCount: number;
  @ApiProperty({ example: 60, nullable: true, type: Number, description: 'The shortest rest of any team, minutes' })
  shortestRestMinutes: number | null;
  @ApiProperty({
    description:
      'Every stage starts on a later day than the stage it waits for (false when the days could not hold it)',
  })
  stagesOnNewDays: boolean;
  @ApiProperty({
    type: 'integer',
    example: 0,
    description: 'Rules the stored schedule breaks against the current courts and settings (0 after a generation)',
  })
  brokenRules: number;
  @ApiProperty({ type: [TeamRestDto], description: 'Teams known now, in the order of their first game' })
  teams: TeamRestDto[];
}

export class ScheduleDto {
  @ApiProperty({ format: 'uuid' }) tournamentId: string;
  @ApiProperty({ type: ScheduleSettingsDto }) settings: ScheduleSettingsDto;
  @ApiProperty({ type: [CourtViewDto] }) courts: CourtViewDto[];
  @ApiProperty({ type: [ScheduledGameDto], description: 'By start time, then court order' }) games: ScheduledGameDto[];
  @ApiProperty({ type: ScheduleQualityDto }) quality: ScheduleQualityDto;
}

export class DelayDto {
  @ApiProperty({ example: 'S1-A-R3-G1' }) gameId: string;
  @ApiProperty({ example: 'main' }) courtId: string;
  @ApiProperty({ example: '主场' }) courtName: string;
  @ApiProperty({ example: '2024-05-01T14:00' }) scheduledStart: string;
  @ApiProperty({ example: '2024-05-01T14:25' }) expectedStart: string;
  @ApiProperty({ example: '2024-05-01T15:55' }) expectedEnd: string;
  @ApiProperty({ example: 25 }) delayMinutes: number;
  @ApiProperty({
    example: 'S1-A-R2-G1',
    nullable: true,
    type: String,
    description: 'The game whose expected end holds this one back',
  })
  causedBy: string | null;
  @ApiProperty({ enum: ['court', 'team', 'dependency', 'not_started'], example: 'court' }) cause: string;
  @ApiProperty({
    example: 'S1-A-R2-G1',
    description: 'The game that started the chain (ran long, started late, or has not started)',
  })
  origin: string;
}

export class DelaysDto {
  @ApiProperty({ format: 'uuid' }) tournamentId: string;
  @ApiProperty({ example: '2024-05-01T14:10', description: 'The venue time projected from' }) now: string;
  @ApiProperty({ type: [DelayDto], description: 'Later games that can no longer start on time, in scheduled order' })
  delays: DelayDto[];
}
