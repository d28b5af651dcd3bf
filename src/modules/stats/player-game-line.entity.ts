import { ALL_KEPT } from '../../domain/stats/index.js';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { GameEntity } from '../games/game.entity.js';
import { PlayerEntity } from '../players/player.entity.js';
import { TournamentEntity } from '../tournaments/tournament.entity.js';

/**
 * One player's box-score line in one decided game (src/domain/stats PlayerGameLine), written in
 * the transaction that decides (or re-decides) the game, from the state the box score shows. The
 * play-by-play log stays the truth: POST /tournaments/{id}/leaders/rebuild recomputes every line
 * from it. Leaders and awards sum these rows; only players who took part have one.
 */
@Entity('player_game_line')
@Index('ix_player_game_line_tournament', ['tournamentId', 'playerId'])
export class PlayerGameLineEntity {
  @PrimaryColumn({ type: 'uuid' })
  gameId: string;

  @ManyToOne(() => GameEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'game_id', foreignKeyConstraintName: 'fk_player_game_line_game' })
  game?: Relation<GameEntity>;

  @PrimaryColumn({ type: 'uuid' })
  playerId: string;

  @ManyToOne(() => PlayerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'player_id', foreignKeyConstraintName: 'fk_player_game_line_player' })
  player?: Relation<PlayerEntity>;

  @Column({ type: 'uuid' })
  tournamentId: string;

  @ManyToOne(() => TournamentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tournament_id', foreignKeyConstraintName: 'fk_player_game_line_tournament' })
  tournament?: Relation<TournamentEntity>;

  @Column({ type: 'uuid' })
  teamId: string;

  /** The game's id in the competition structure ('SF1'); null outside one. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  competitionKey: string | null;

  /** The game's stage in the structure ('S1', 'KO'); '' for a game outside it. */
  @Column({ type: 'varchar', length: 8 })
  stageId: string;

  @Column({ type: 'boolean' })
  played: boolean;

  @Column({ type: 'smallint' }) pts: number;
  @Column({ type: 'smallint' }) fgm2: number;
  @Column({ type: 'smallint' }) fga2: number;
  @Column({ type: 'smallint' }) fgm3: number;
  @Column({ type: 'smallint' }) fga3: number;
  @Column({ type: 'smallint' }) ftm: number;
  @Column({ type: 'smallint' }) fta: number;
  @Column({ type: 'smallint' }) oreb: number;
  @Column({ type: 'smallint' }) dreb: number;
  @Column({ type: 'smallint' }) ast: number;
  @Column({ type: 'smallint' }) stl: number;
  @Column({ type: 'smallint' }) blk: number;
  @Column({ type: 'smallint' }) tov: number;
  @Column({ type: 'smallint' }) pf: number;

  /** Seconds on court when substitutions were tracked. */
  @Column({ type: 'int', nullable: true })
  secondsPlayed: number | null;

  /**
   * The categories the game kept (src/domain/stats/kept.ts bitmask): all of them for a game scored
   * live (and for lines stored before this was tracked), a paper scoresheet's columns otherwise.
   */
  @Column({ type: 'smallint', default: ALL_KEPT })
  kept: number;
}
