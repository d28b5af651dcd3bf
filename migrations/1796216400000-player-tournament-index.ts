import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand (issue 18). A tournament's players had no index of their own (only a partial
 * unique one over ID numbers), so every read of a tournament's players, among them the version
 * query of each public leaders read, scanned the players of every tournament.
 */
export class PlayerTournamentIndex1796216400000 implements MigrationInterface {
  name = 'PlayerTournamentIndex1796216400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "ix_player_tournament" ON "player" ("tournament_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_player_tournament"`);
  }
}
