import type { MigrationInterface, QueryRunner } from 'typeorm';

export class GamesAndPlayEvents1795276772959 implements MigrationInterface {
  name = 'GamesAndPlayEvents1795276772959';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "game" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tournament_id" uuid NOT NULL, "home_team_id" uuid, "away_team_id" uuid, "competition_key" character varying(20), "court" character varying(40), "scheduled_at" TIMESTAMP, "status" character varying(20) NOT NULL DEFAULT 'scheduled', "home_starting_five" uuid array, "away_starting_five" uuid array, "ready_by" uuid, "ready_at" TIMESTAMP WITH TIME ZONE, "context" jsonb, "state" jsonb, "last_seq" integer NOT NULL DEFAULT '0', "home_score" integer NOT NULL DEFAULT '0', "away_score" integer NOT NULL DEFAULT '0', "period" smallint NOT NULL DEFAULT '0', "result" jsonb, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_game_two_teams" CHECK (home_team_id IS NULL OR away_team_id IS NULL OR home_team_id <> away_team_id), CONSTRAINT "ck_game_status" CHECK (status IN ('scheduled', 'ready', 'live', 'final', 'official', 'forfeit', 'lost_by_default', 'postponed', 'cancelled')), CONSTRAINT "PK_352a30652cd352f552fef73dec5" PRIMARY KEY ("id"))`);
    // Written by hand: the reducer state (~12 KB of JSON) is rewritten with every event. lz4
    // compresses it several times faster than the default pglz, and kept compressed in the row
    // (MAIN) it costs no TOAST-table writes. lz4 is skipped on a server built without it.
    // Storage settings are not part of the entity diff.
    await queryRunner.query(`ALTER TABLE "game" ALTER COLUMN "state" SET STORAGE MAIN`);
    await queryRunner.query(
      `DO $$ BEGIN ALTER TABLE "game" ALTER COLUMN "state" SET COMPRESSION lz4; EXCEPTION WHEN feature_not_supported THEN NULL; END $$`,
    );
    await queryRunner.query(`CREATE INDEX "ix_game_home_team" ON "game"  ("home_team_id") `);
    await queryRunner.query(`CREATE INDEX "ix_game_away_team" ON "game"  ("away_team_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_game_competition_key" ON "game"  ("tournament_id", "competition_key") WHERE competition_key IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "ix_game_tournament" ON "game"  ("tournament_id", "scheduled_at") `);
    await queryRunner.query(`CREATE TABLE "play_event" ("game_id" uuid NOT NULL, "seq" integer NOT NULL, "client_event_id" uuid NOT NULL, "body" jsonb NOT NULL, "recorded_by" uuid, "session_id" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "after" jsonb NOT NULL, CONSTRAINT "pk_play_event" PRIMARY KEY ("game_id", "seq"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_play_event_client_id" ON "play_event"  ("game_id", "client_event_id") `);
    await queryRunner.query(`ALTER TABLE "game" ADD CONSTRAINT "fk_game_tournament" FOREIGN KEY ("tournament_id") REFERENCES "tournament"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "game" ADD CONSTRAINT "fk_game_home_team" FOREIGN KEY ("home_team_id") REFERENCES "team"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "game" ADD CONSTRAINT "fk_game_away_team" FOREIGN KEY ("away_team_id") REFERENCES "team"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "play_event" ADD CONSTRAINT "fk_play_event_game" FOREIGN KEY ("game_id") REFERENCES "game"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // Written by hand: codes and assignments made before games existed name no real game, so
    // they could never be used; they go before the foreign keys that would refuse them.
    await queryRunner.query(`DELETE FROM "game_code" WHERE "game_id" NOT IN (SELECT "id" FROM "game")`);
    await queryRunner.query(`DELETE FROM "scorekeeper_assignment" WHERE "game_id" IS NOT NULL AND "game_id" NOT IN (SELECT "id" FROM "game")`);
    await queryRunner.query(`ALTER TABLE "game_code" ADD CONSTRAINT "fk_game_code_game" FOREIGN KEY ("game_id") REFERENCES "game"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "scorekeeper_assignment" ADD CONSTRAINT "fk_scorekeeper_assignment_game" FOREIGN KEY ("game_id") REFERENCES "game"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "scorekeeper_assignment" DROP CONSTRAINT "fk_scorekeeper_assignment_game"`);
    await queryRunner.query(`ALTER TABLE "game_code" DROP CONSTRAINT "fk_game_code_game"`);
    await queryRunner.query(`ALTER TABLE "play_event" DROP CONSTRAINT "fk_play_event_game"`);
    await queryRunner.query(`ALTER TABLE "game" DROP CONSTRAINT "fk_game_away_team"`);
    await queryRunner.query(`ALTER TABLE "game" DROP CONSTRAINT "fk_game_home_team"`);
    await queryRunner.query(`ALTER TABLE "game" DROP CONSTRAINT "fk_game_tournament"`);
    await queryRunner.query(`DROP INDEX "public"."uq_play_event_client_id"`);
    await queryRunner.query(`DROP TABLE "play_event"`);
    await queryRunner.query(`DROP INDEX "public"."ix_game_tournament"`);
    await queryRunner.query(`DROP INDEX "public"."uq_game_competition_key"`);
    await queryRunner.query(`DROP INDEX "public"."ix_game_away_team"`);
    await queryRunner.query(`DROP INDEX "public"."ix_game_home_team"`);
    await queryRunner.query(`DROP TABLE "game"`);
  }
}
