import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand (issue 17). The tournament's language: names the server makes up (a preset's
 * "A组", "小组赛", "淘汰赛") follow it. Existing tournaments are Chinese, as the pages are first.
 */
export class TournamentLanguage1796210008031 implements MigrationInterface {
  name = 'TournamentLanguage1796210008031';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "tournament" ADD "language" character varying(5) NOT NULL DEFAULT 'zh'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "tournament" DROP COLUMN "language"`);
  }
}
