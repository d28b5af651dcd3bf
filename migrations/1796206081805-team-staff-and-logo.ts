import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TeamStaffAndLogo1796206081805 implements MigrationInterface {
  name = 'TeamStaffAndLogo1796206081805';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "team" ADD "leader_name" character varying(50)`);
    await queryRunner.query(`ALTER TABLE "team" ADD "coach_name" character varying(50)`);
    await queryRunner.query(`ALTER TABLE "team" ADD "assistant_coach_name" character varying(50)`);
    await queryRunner.query(`ALTER TABLE "team" ADD "doctor_name" character varying(50)`);
    await queryRunner.query(`ALTER TABLE "team" ADD "logo_hash" character(22)`);
    await queryRunner.query(
      `CREATE TABLE "team_logo" ("team_id" uuid NOT NULL, "content_type" character varying(20) NOT NULL, "hash" character(22) NOT NULL, "content" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_team_logo" PRIMARY KEY ("team_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "team_logo" ADD CONSTRAINT "fk_team_logo_team" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "team_logo" DROP CONSTRAINT "fk_team_logo_team"`);
    await queryRunner.query(`DROP TABLE "team_logo"`);
    await queryRunner.query(`ALTER TABLE "team" DROP COLUMN "logo_hash"`);
    await queryRunner.query(`ALTER TABLE "team" DROP COLUMN "doctor_name"`);
    await queryRunner.query(`ALTER TABLE "team" DROP COLUMN "assistant_coach_name"`);
    await queryRunner.query(`ALTER TABLE "team" DROP COLUMN "coach_name"`);
    await queryRunner.query(`ALTER TABLE "team" DROP COLUMN "leader_name"`);
  }
}
