import type { MigrationInterface, QueryRunner } from 'typeorm';

export class KeptCategories1796195180782 implements MigrationInterface {
  name = 'KeptCategories1796195180782';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "player_game_line" ADD "kept" smallint NOT NULL DEFAULT '2047'`);
    await queryRunner.query(`ALTER TABLE "player_totals" ADD "pts_games" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "player_totals" ADD "reb_games" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "player_totals" ADD "oreb_games" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "player_totals" ADD "dreb_games" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "player_totals" ADD "ast_games" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "player_totals" ADD "stl_games" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "player_totals" ADD "blk_games" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "player_totals" ADD "fg3_games" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "player_totals" ADD "ft_games" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "player_totals" ADD "fg_games" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "player_totals" ADD "eff_games" integer NOT NULL DEFAULT '0'`);
    // Lines stored so far keep every category (kept = 2047 above), so each count is the games
    // played. Paper results stored before this are set right by POST …/leaders/rebuild.
    await queryRunner.query(
      `UPDATE "player_totals" SET "pts_games" = "games", "reb_games" = "games", "oreb_games" = "games", "dreb_games" = "games", "ast_games" = "games", "stl_games" = "games", "blk_games" = "games", "fg3_games" = "games", "ft_games" = "games", "fg_games" = "games", "eff_games" = "games"`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "player_totals" DROP COLUMN "eff_games"`);
    await queryRunner.query(`ALTER TABLE "player_totals" DROP COLUMN "fg_games"`);
    await queryRunner.query(`ALTER TABLE "player_totals" DROP COLUMN "ft_games"`);
    await queryRunner.query(`ALTER TABLE "player_totals" DROP COLUMN "fg3_games"`);
    await queryRunner.query(`ALTER TABLE "player_totals" DROP COLUMN "blk_games"`);
    await queryRunner.query(`ALTER TABLE "player_totals" DROP COLUMN "stl_games"`);
    await queryRunner.query(`ALTER TABLE "player_totals" DROP COLUMN "ast_games"`);
    await queryRunner.query(`ALTER TABLE "player_totals" DROP COLUMN "dreb_games"`);
    await queryRunner.query(`ALTER TABLE "player_totals" DROP COLUMN "oreb_games"`);
    await queryRunner.query(`ALTER TABLE "player_totals" DROP COLUMN "reb_games"`);
    await queryRunner.query(`ALTER TABLE "player_totals" DROP COLUMN "pts_games"`);
    await queryRunner.query(`ALTER TABLE "player_game_line" DROP COLUMN "kept"`);
  }
}
