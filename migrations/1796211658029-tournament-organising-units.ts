import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand (issue 16). Besides the host (主办单位), a tournament names its organiser units
 * (承办单位) and co-organiser units (协办单位), several of each and in the order given, as the
 * 秩序册 cover lists them. Units are never deleted, so the ids are kept in arrays, as a game's
 * starting fives are.
 */
export class TournamentOrganisingUnits1796211658029 implements MigrationInterface {
  name = 'TournamentOrganisingUnits1796211658029';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "tournament" ADD "organiser_unit_ids" uuid array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "tournament" ADD "co_organiser_unit_ids" uuid array NOT NULL DEFAULT '{}'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "tournament" DROP COLUMN "co_organiser_unit_ids"`);
    await queryRunner.query(`ALTER TABLE "tournament" DROP COLUMN "organiser_unit_ids"`);
  }
}
