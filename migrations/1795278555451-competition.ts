import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Competition1795278555451 implements MigrationInterface {
  name = 'Competition1795278555451';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "competition" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tournament_id" uuid NOT NULL, "phase" character varying(16) NOT NULL, "format" jsonb NOT NULL, "config" jsonb NOT NULL, "draw_stage_id" character varying(8), "draw" jsonb, "structure" jsonb, "results" jsonb NOT NULL, "lots" jsonb NOT NULL, "pending_override" jsonb, "forced_corrections" jsonb NOT NULL, "schedule_settings" jsonb, "schedule" jsonb, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_competition_phase" CHECK (phase IN ('configured', 'drawn', 'games_created')), CONSTRAINT "PK_a52a6248db574777b226e9445bc" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_competition_tournament" ON "competition"  ("tournament_id") `);
    await queryRunner.query(`CREATE TABLE "competition_court" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tournament_id" uuid NOT NULL, "code" character varying(20) NOT NULL, "name" character varying(40) NOT NULL, "position" smallint NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4b5718de10c39c5694854da04fb" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_competition_court_name" ON "competition_court"  ("tournament_id", "name") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_competition_court_code" ON "competition_court"  ("tournament_id", "code") `);
    await queryRunner.query(`CREATE TABLE "competition_court_window" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "court_id" uuid NOT NULL, "starts_at" TIMESTAMP NOT NULL, "ends_at" TIMESTAMP NOT NULL, CONSTRAINT "ck_competition_court_window_order" CHECK (ends_at > starts_at), CONSTRAINT "PK_87694f0bdfda8dccf9982a0326d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_competition_court_window_court" ON "competition_court_window"  ("court_id") `);
    await queryRunner.query(`ALTER TABLE "competition" ADD CONSTRAINT "fk_competition_tournament" FOREIGN KEY ("tournament_id") REFERENCES "tournament"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "competition_court" ADD CONSTRAINT "fk_competition_court_tournament" FOREIGN KEY ("tournament_id") REFERENCES "tournament"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "competition_court_window" ADD CONSTRAINT "fk_competition_court_window_court" FOREIGN KEY ("court_id") REFERENCES "competition_court"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "competition_court_window" DROP CONSTRAINT "fk_competition_court_window_court"`);
    await queryRunner.query(`ALTER TABLE "competition_court" DROP CONSTRAINT "fk_competition_court_tournament"`);
    await queryRunner.query(`ALTER TABLE "competition" DROP CONSTRAINT "fk_competition_tournament"`);
    await queryRunner.query(`DROP INDEX "public"."ix_competition_court_window_court"`);
    await queryRunner.query(`DROP TABLE "competition_court_window"`);
    await queryRunner.query(`DROP INDEX "public"."uq_competition_court_code"`);
    await queryRunner.query(`DROP INDEX "public"."uq_competition_court_name"`);
    await queryRunner.query(`DROP TABLE "competition_court"`);
    await queryRunner.query(`DROP INDEX "public"."uq_competition_tournament"`);
    await queryRunner.query(`DROP TABLE "competition"`);
  }
}
