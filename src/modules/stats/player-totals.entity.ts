import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { PlayerEntity } from '../players/player.entity.js';
import { TournamentEntity } from '../tournaments/tournament.entity.js';

/**
 * A player's sums over the decided games of one stage ('' for games outside the competition
 * structure): what the leaders read, so a page never sums half a million lines. Kept up to date
 * incrementally — each time a game's lines are replaced, the difference is added here in the
 * same transaction — and checked against a recompute from the lines by POST …/leaders/rebuild.
 */
@Entity('player_totals')
export class PlayerTotalsEntity {
  @PrimaryColumn({ type: 'uuid' })
  tournamentId: string;

  @ManyToOne(() => TournamentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tournament_id', foreignKeyConstraintName: 'fk_player_totals_tournament' })
  tournament?: Relation<TournamentEntity>;

  @PrimaryColumn({ type: 'uuid' })
  playerId: string;

  @ManyToOne(() => PlayerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'player_id', foreignKeyConstraintName: 'fk_player_totals_player' })
  player?: Relation<PlayerEntity>;

  @PrimaryColumn({ type: 'varchar', length: 8 })
  stageId: string;

  @Column({ type: 'uuid' })
  teamId: string;

  /** Games played (lines with `played`). */
  @Column({ type: 'int' }) games: number;
  @Column({ type: 'int' }) pts: number;
  @Column({ type: 'int' }) fgm2: number;
  @Column({ type: 'int' }) fga2: number;
  @Column({ type: 'int' }) fgm3: number;
  @Column({ type: 'int' }) fga3: number;
  @Column({ type: 'int' }) ftm: number;
  @Column({ type: 'int' }) fta: number;
  @Column({ type: 'int' }) oreb: number;
  @Column({ type: 'int' }) dreb: number;
  @Column({ type: 'int' }) ast: number;
  @Column({ type: 'int' }) stl: number;
  @Column({ type: 'int' }) blk: number;
  @Column({ type: 'int' }) tov: number;
  @Column({ type: 'int' }) pf: number;

  /** Seconds on court over the games where time was tracked, and how many such games. */
  @Column({ type: 'int' }) secondsPlayed: number;
  @Column({ type: 'int' }) timedGames: number;

  /**
   * Games per group of categories, counting only the games that kept them (src/domain/stats/kept.ts
   * COUNTED_GAMES): a paper scoresheet with points only counts for `ptsGames`, not `rebGames`.
   */
  @Column({ type: 'int', default: 0 }) ptsGames: number;
  @Column({ type: 'int', default: 0 }) rebGames: number;
  @Column({ type: 'int', default: 0 }) orebGames: number;
  @Column({ type: 'int', default: 0 }) drebGames: number;
  @Column({ type: 'int', default: 0 }) astGames: number;
  @Column({ type: 'int', default: 0 }) stlGames: number;
  @Column({ type: 'int', default: 0 }) blkGames: number;
  @Column({ type: 'int', default: 0 }) fg3Games: number;
  @Column({ type: 'int', default: 0 }) ftGames: number;
  @Column({ type: 'int', default: 0 }) fgGames: number;
  @Column({ type: 'int', default: 0 }) effGames: number;
}
