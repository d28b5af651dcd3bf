import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Registration1795275560873 implements MigrationInterface {
  name = 'Registration1795275560873';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "unit" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(100) NOT NULL, "short_name" character varying(30), "kind" character varying(20) NOT NULL, "parent_id" uuid, "sort_key" character varying(400) NOT NULL, "search_text" character varying(1000) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4252c4be609041e559f0c80f58a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_unit_name" ON "unit"  ("name") `);
    await queryRunner.query(`CREATE INDEX "ix_unit_sort_key" ON "unit"  ("sort_key") `);
    await queryRunner.query(`CREATE TABLE "tournament" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(100) NOT NULL, "season" character varying(20) NOT NULL, "venue" character varying(200), "starts_on" date NOT NULL, "ends_on" date NOT NULL, "host_unit_id" uuid, "rules" jsonb NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'registration', "sort_key" character varying(400) NOT NULL, "search_text" character varying(1000) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_449f912ba2b62be003f0c22e767" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_tournament_status" ON "tournament"  ("status") `);
    await queryRunner.query(`CREATE INDEX "ix_tournament_sort_key" ON "tournament"  ("sort_key") `);
    await queryRunner.query(`CREATE TABLE "team" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tournament_id" uuid NOT NULL, "unit_id" uuid NOT NULL, "name" character varying(60) NOT NULL, "short_name" character varying(12), "primary_color" character(7), "secondary_color" character(7), "sort_key" character varying(400) NOT NULL, "search_text" character varying(1000) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f57d8293406df4af348402e4b74" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_team_tournament" ON "team"  ("tournament_id") `);
    await queryRunner.query(`CREATE INDEX "ix_team_unit" ON "team"  ("unit_id") `);
    await queryRunner.query(`CREATE INDEX "ix_team_sort_key" ON "team"  ("sort_key") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_team_tournament_name" ON "team"  ("tournament_id", "name") `);
    await queryRunner.query(`CREATE TABLE "player" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tournament_id" uuid NOT NULL, "team_id" uuid NOT NULL, "name" character varying(50) NOT NULL, "jersey_number" smallint NOT NULL, "position" character varying(2), "employer" character varying(100), "national_id_hash" character(64), "sort_key" character varying(400) NOT NULL, "search_text" character varying(1000) NOT NULL, "removed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_player_jersey_range" CHECK (jersey_number BETWEEN 0 AND 99), CONSTRAINT "PK_65edadc946a7faf4b638d5e8885" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_player_team" ON "player"  ("team_id") `);
    await queryRunner.query(`CREATE INDEX "ix_player_sort_key" ON "player"  ("sort_key") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_player_tournament_person" ON "player"  ("tournament_id", "national_id_hash") WHERE removed_at IS NULL AND national_id_hash IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_player_team_jersey" ON "player"  ("team_id", "jersey_number") WHERE removed_at IS NULL`);
    await queryRunner.query(`CREATE TABLE "roster_override" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tournament_id" uuid NOT NULL, "team_id" uuid NOT NULL, "player_id" uuid, "action" character varying(10) NOT NULL, "reason" text NOT NULL, "detail" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ca3cf38cf33a600f99826f161a8" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_roster_override_team" ON "roster_override"  ("team_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "unit" ADD CONSTRAINT "fk_unit_parent" FOREIGN KEY ("parent_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "tournament" ADD CONSTRAINT "fk_tournament_host_unit" FOREIGN KEY ("host_unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "team" ADD CONSTRAINT "fk_team_tournament" FOREIGN KEY ("tournament_id") REFERENCES "tournament"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "team" ADD CONSTRAINT "fk_team_unit" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "player" ADD CONSTRAINT "fk_player_tournament" FOREIGN KEY ("tournament_id") REFERENCES "tournament"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "player" ADD CONSTRAINT "fk_player_team" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "roster_override" ADD CONSTRAINT "fk_roster_override_team" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "roster_override" DROP CONSTRAINT "fk_roster_override_team"`);
    await queryRunner.query(`ALTER TABLE "player" DROP CONSTRAINT "fk_player_team"`);
    await queryRunner.query(`ALTER TABLE "player" DROP CONSTRAINT "fk_player_tournament"`);
    await queryRunner.query(`ALTER TABLE "team" DROP CONSTRAINT "fk_team_unit"`);
    await queryRunner.query(`ALTER TABLE "team" DROP CONSTRAINT "fk_team_tournament"`);
    await queryRunner.query(`ALTER TABLE "tournament" DROP CONSTRAINT "fk_tournament_host_unit"`);
    await queryRunner.query(`ALTER TABLE "unit" DROP CONSTRAINT "fk_unit_parent"`);
    await queryRunner.query(`DROP INDEX "public"."ix_roster_override_team"`);
    await queryRunner.query(`DROP TABLE "roster_override"`);
    await queryRunner.query(`DROP INDEX "public"."uq_player_team_jersey"`);
    await queryRunner.query(`DROP INDEX "public"."uq_player_tournament_person"`);
    await queryRunner.query(`DROP INDEX "public"."ix_player_sort_key"`);
    await queryRunner.query(`DROP INDEX "public"."ix_player_team"`);
    await queryRunner.query(`DROP TABLE "player"`);
    await queryRunner.query(`DROP INDEX "public"."uq_team_tournament_name"`);
    await queryRunner.query(`DROP INDEX "public"."ix_team_sort_key"`);
    await queryRunner.query(`DROP INDEX "public"."ix_team_unit"`);
    await queryRunner.query(`DROP INDEX "public"."ix_team_tournament"`);
    await queryRunner.query(`DROP TABLE "team"`);
    await queryRunner.query(`DROP INDEX "public"."ix_tournament_sort_key"`);
    await queryRunner.query(`DROP INDEX "public"."ix_tournament_status"`);
    await queryRunner.query(`DROP TABLE "tournament"`);
    await queryRunner.query(`DROP INDEX "public"."ix_unit_sort_key"`);
    await queryRunner.query(`DROP INDEX "public"."uq_unit_name"`);
    await queryRunner.query(`DROP TABLE "unit"`);
  }
}
