import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LeadersAndAwards1795281323869 implements MigrationInterface {
  name = 'LeadersAndAwards1795281323869';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "award_decision" ("tournament_id" uuid NOT NULL, "award_key" character varying(40) NOT NULL, "recipients" jsonb NOT NULL, "citation" text, "label_zh" character varying(40), "label_en" character varying(80), "decided_by" uuid, "version" integer NOT NULL DEFAULT '1', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6aaef630a434a3f287ce2def3ce" PRIMARY KEY ("tournament_id", "award_key"))`);
    await queryRunner.query(`CREATE TABLE "player_game_line" ("game_id" uuid NOT NULL, "player_id" uuid NOT NULL, "tournament_id" uuid NOT NULL, "team_id" uuid NOT NULL, "competition_key" character varying(20), "stage_id" character varying(8) NOT NULL, "played" boolean NOT NULL, "pts" smallint NOT NULL, "fgm2" smallint NOT NULL, "fga2" smallint NOT NULL, "fgm3" smallint NOT NULL, "fga3" smallint NOT NULL, "ftm" smallint NOT NULL, "fta" smallint NOT NULL, "oreb" smallint NOT NULL, "dreb" smallint NOT NULL, "ast" smallint NOT NULL, "stl" smallint NOT NULL, "blk" smallint NOT NULL, "tov" smallint NOT NULL, "pf" smallint NOT NULL, "seconds_played" integer, CONSTRAINT "PK_5ec046ffd3b9a15a3e33a53c921" PRIMARY KEY ("game_id", "player_id"))`);
    await queryRunner.query(`CREATE INDEX "ix_player_game_line_tournament" ON "player_game_line"  ("tournament_id", "player_id") `);
    await queryRunner.query(`CREATE TABLE "player_totals" ("tournament_id" uuid NOT NULL, "player_id" uuid NOT NULL, "stage_id" character varying(8) NOT NULL, "team_id" uuid NOT NULL, "games" integer NOT NULL, "pts" integer NOT NULL, "fgm2" integer NOT NULL, "fga2" integer NOT NULL, "fgm3" integer NOT NULL, "fga3" integer NOT NULL, "ftm" integer NOT NULL, "fta" integer NOT NULL, "oreb" integer NOT NULL, "dreb" integer NOT NULL, "ast" integer NOT NULL, "stl" integer NOT NULL, "blk" integer NOT NULL, "tov" integer NOT NULL, "pf" integer NOT NULL, "seconds_played" integer NOT NULL, "timed_games" integer NOT NULL, CONSTRAINT "PK_86d416606dd88e747e5015236a7" PRIMARY KEY ("tournament_id", "player_id", "stage_id"))`);
    await queryRunner.query(`CREATE TABLE "stats_settings" ("tournament_id" uuid NOT NULL, "settings" jsonb NOT NULL, "version" integer NOT NULL DEFAULT '1', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_68a574f801ef630d40a14fc4138" PRIMARY KEY ("tournament_id"))`);
    await queryRunner.query(`ALTER TABLE "award_decision" ADD CONSTRAINT "fk_award_decision_tournament" FOREIGN KEY ("tournament_id") REFERENCES "tournament"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "player_game_line" ADD CONSTRAINT "fk_player_game_line_game" FOREIGN KEY ("game_id") REFERENCES "game"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "player_game_line" ADD CONSTRAINT "fk_player_game_line_player" FOREIGN KEY ("player_id") REFERENCES "player"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "player_game_line" ADD CONSTRAINT "fk_player_game_line_tournament" FOREIGN KEY ("tournament_id") REFERENCES "tournament"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "player_totals" ADD CONSTRAINT "fk_player_totals_tournament" FOREIGN KEY ("tournament_id") REFERENCES "tournament"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "player_totals" ADD CONSTRAINT "fk_player_totals_player" FOREIGN KEY ("player_id") REFERENCES "player"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "stats_settings" ADD CONSTRAINT "fk_stats_settings_tournament" FOREIGN KEY ("tournament_id") REFERENCES "tournament"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "stats_settings" DROP CONSTRAINT "fk_stats_settings_tournament"`);
    await queryRunner.query(`ALTER TABLE "player_totals" DROP CONSTRAINT "fk_player_totals_player"`);
    await queryRunner.query(`ALTER TABLE "player_totals" DROP CONSTRAINT "fk_player_totals_tournament"`);
    await queryRunner.query(`ALTER TABLE "player_game_line" DROP CONSTRAINT "fk_player_game_line_tournament"`);
    await queryRunner.query(`ALTER TABLE "player_game_line" DROP CONSTRAINT "fk_player_game_line_player"`);
    await queryRunner.query(`ALTER TABLE "player_game_line" DROP CONSTRAINT "fk_player_game_line_game"`);
    await queryRunner.query(`ALTER TABLE "award_decision" DROP CONSTRAINT "fk_award_decision_tournament"`);
    await queryRunner.query(`DROP TABLE "stats_settings"`);
    await queryRunner.query(`DROP TABLE "player_totals"`);
    await queryRunner.query(`DROP INDEX "public"."ix_player_game_line_tournament"`);
    await queryRunner.query(`DROP TABLE "player_game_line"`);
    await queryRunner.query(`DROP TABLE "award_decision"`);
  }
}
