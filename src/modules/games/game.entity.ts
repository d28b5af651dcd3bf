import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import type { GameContext, GameResult, GameState, GameStatus } from '../../domain/game/index.js';
import { TeamEntity } from '../teams/team.entity.js';
import type { GameLiveDto } from './game.dto.js';
import { TournamentEntity } from '../tournaments/tournament.entity.js';
import { localDateTime } from './local-date-time.js';

export const GAME_STATUSES: readonly GameStatus[] = [
  'scheduled',
  'ready',
  'live',
  'final',
  'official',
  'forfeit',
  'lost_by_default',
  'postponed',
  'cancelled',
];

/**
 * One game of a tournament. The play-by-play log (play_event) is the truth; `state` is the
 * reducer's result over it as of a recent event (a snapshot, see src/domain/game/snapshots.ts;
 * read it through GameStore.catchUp), and the score, period, `live` and result columns copy
 * what queries need from the state after the last event, written in the same transaction as
 * each event.
 */
@Entity('game')
@Index('ix_game_tournament', ['tournamentId', 'scheduledAt'])
// Knockout games are named by their place in the bracket ('SF1'); issue 4 fills their teams.
@Index('uq_game_competition_key', ['tournamentId', 'competitionKey'], {
  unique: true,
  where: 'competition_key IS NOT NULL',
})
@Check('ck_game_status', `status IN (${GAME_STATUSES.map((s) => `'${s}'`).join(', ')})`)
@Check('ck_game_two_teams', 'home_team_id IS NULL OR away_team_id IS NULL OR home_team_id <> away_team_id')
export class GameEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  tournamentId: string;

  @ManyToOne(() => TournamentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tournament_id', foreignKeyConstraintName: 'fk_game_tournament' })
  tournament?: Relation<TournamentEntity>;

  @Index('ix_game_home_team')
  @Column({ type: 'uuid', nullable: true })
  homeTeamId: string | null;

  @ManyToOne(() => TeamEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'home_team_id', foreignKeyConstraintName: 'fk_game_home_team' })
  homeTeam?: Relation<TeamEntity> | null;

  @Index('ix_game_away_team')
  @Column({ type: 'uuid', nullable: true })
  awayTeamId: string | null;

  @ManyToOne(() => TeamEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'away_team_id', foreignKeyConstraintName: 'fk_game_away_team' })
  awayTeam?: Relation<TeamEntity> | null;

  /** The game's name in the competition structure, e.g. 'SF1', '3RD'; unique in its tournament. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  competitionKey: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  court: string | null;

  /** Venue wall clock, 'YYYY-MM-DDTHH:mm'. */
  @Column({ type: 'timestamp', nullable: true, transformer: localDateTime })
  scheduledAt: string | null;

  @Column({ type: 'varchar', length: 20, default: 'scheduled' })
  status: GameStatus;

  /** Confirmed when the game was marked ready (player ids). */
  @Column({ type: 'uuid', array: true, nullable: true })
  homeStartingFive: string[] | null;

  @Column({ type: 'uuid', array: true, nullable: true })
  awayStartingFive: string[] | null;

  /** Who marked the game ready, and when (the scorer's table or an organiser). */
  @Column({ type: 'uuid', nullable: true })
  readyBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  readyAt: Date | null;

  /** Rosters, starting fives and settings the game is played with, fixed when it is marked ready. */
  @Column({ type: 'jsonb', nullable: true })
  context: GameContext | null;

  /**
   * The reducer's state after event `state.lastSeq` (at most 31 plays before `lastSeq`): read it
   * through GameStore.catchUp. Null before the game is ready.
   */
  @Column({ type: 'jsonb', nullable: true })
  state: GameState | null;

  /** The scoreboard after event `lastSeq` (as the last acknowledgement said it): period, clock, fouls, time-outs. */
  @Column({ type: 'jsonb', nullable: true })
  live: GameLiveDto | null;

  @Column({ type: 'int', default: 0 })
  lastSeq: number;

  /** The live score, or the recorded result once there is one (forfeit 20:0, default 2:0). */
  @Column({ type: 'int', default: 0 })
  homeScore: number;

  @Column({ type: 'int', default: 0 })
  awayScore: number;

  @Column({ type: 'smallint', default: 0 })
  period: number;

  @Column({ type: 'jsonb', nullable: true })
  result: GameResult | null;

  /** Bumped on every change (events and transitions), for caches and clients. */
  @Column({ type: 'int', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
