import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountsAndAccess1795276266318 implements MigrationInterface {
  name = 'AccountsAndAccess1795276266318';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "account" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "username" character varying(40) NOT NULL, "display_name" character varying(50) NOT NULL, "role" character varying(12) NOT NULL, "password_hash" text, "created_by" uuid, "disabled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_account_role" CHECK (role IN ('admin', 'organiser', 'scorekeeper')), CONSTRAINT "PK_54115ee388cdb6d86bb4bf5b2ea" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_account_username" ON "account"  ("username") `);
    await queryRunner.query(`CREATE TABLE "audit_entry" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "account_id" uuid, "role" character varying(12), "session_id" uuid, "tournament_id" uuid, "action" character varying(60) NOT NULL, "entity" character varying(40) NOT NULL, "entity_id" character varying(64), "before" jsonb, "after" jsonb, "request_id" character varying(64), CONSTRAINT "PK_58a130a4b9da189f46ba2a01801" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_audit_entry_tournament" ON "audit_entry"  ("tournament_id", "id") `);
    await queryRunner.query(`CREATE TABLE "session" ("id" uuid NOT NULL, "account_id" uuid, "kind" character varying(12) NOT NULL, "role" character varying(12) NOT NULL, "scope" jsonb NOT NULL, "refresh_token_hash" character(64) NOT NULL, "previous_refresh_token_hash" character(64), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_reason" character varying(40), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "ck_session_kind" CHECK (kind IN ('password', 'game_code')), CONSTRAINT "PK_f55da76ac1c3ac420f444d2ff11" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_session_account" ON "session"  ("account_id") `);
    await queryRunner.query(`CREATE TABLE "game_code" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tournament_id" uuid NOT NULL, "game_id" uuid NOT NULL, "code_hash" character(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "session_id" uuid, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_898324207b85515472ce7f44765" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_game_code_active" ON "game_code"  ("code_hash") WHERE used_at IS NULL AND revoked_at IS NULL`);
    await queryRunner.query(`CREATE INDEX "ix_game_code_tournament" ON "game_code"  ("tournament_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "scorekeeper_assignment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tournament_id" uuid NOT NULL, "account_id" uuid NOT NULL, "game_id" uuid, "court" character varying(40), "day" date, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_scorekeeper_assignment_target" CHECK ((game_id IS NOT NULL AND court IS NULL AND day IS NULL) OR (game_id IS NULL AND court IS NOT NULL AND day IS NOT NULL)), CONSTRAINT "PK_1c88e6747614f30fa298ddbcfd2" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_scorekeeper_assignment_tournament" ON "scorekeeper_assignment"  ("tournament_id") `);
    await queryRunner.query(`CREATE INDEX "ix_scorekeeper_assignment_account" ON "scorekeeper_assignment"  ("account_id") `);
    await queryRunner.query(`CREATE TABLE "tournament_organiser" ("tournament_id" uuid NOT NULL, "account_id" uuid NOT NULL, "role" character varying(12) NOT NULL, "invited_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_tournament_organiser_role" CHECK (role IN ('owner', 'co_organiser')), CONSTRAINT "PK_937be89c98cce45ff22846ffbc7" PRIMARY KEY ("tournament_id", "account_id"))`);
    await queryRunner.query(`CREATE INDEX "ix_tournament_organiser_account" ON "tournament_organiser"  ("account_id") `);
    await queryRunner.query(`ALTER TABLE "unit" ADD "created_by" uuid`);
    await queryRunner.query(`ALTER TABLE "tournament" ADD "owner_account_id" uuid`);
    await queryRunner.query(`CREATE INDEX "ix_tournament_owner" ON "tournament"  ("owner_account_id") `);
    await queryRunner.query(`ALTER TABLE "account" ADD CONSTRAINT "fk_account_created_by" FOREIGN KEY ("created_by") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "unit" ADD CONSTRAINT "fk_unit_created_by" FOREIGN KEY ("created_by") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "tournament" ADD CONSTRAINT "fk_tournament_owner" FOREIGN KEY ("owner_account_id") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "session" ADD CONSTRAINT "fk_session_account" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "game_code" ADD CONSTRAINT "fk_game_code_tournament" FOREIGN KEY ("tournament_id") REFERENCES "tournament"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "game_code" ADD CONSTRAINT "fk_game_code_session" FOREIGN KEY ("session_id") REFERENCES "session"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "scorekeeper_assignment" ADD CONSTRAINT "fk_scorekeeper_assignment_tournament" FOREIGN KEY ("tournament_id") REFERENCES "tournament"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "scorekeeper_assignment" ADD CONSTRAINT "fk_scorekeeper_assignment_account" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "tournament_organiser" ADD CONSTRAINT "fk_tournament_organiser_tournament" FOREIGN KEY ("tournament_id") REFERENCES "tournament"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "tournament_organiser" ADD CONSTRAINT "fk_tournament_organiser_account" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    // Written by hand: the audit log is append-only. Privileges cannot hold back the owner or a
    // superuser, so a trigger refuses every UPDATE, DELETE and TRUNCATE instead.
    await queryRunner.query(`CREATE FUNCTION "audit_entry_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
    $$`);
    await queryRunner.query(`CREATE TRIGGER "audit_entry_no_change" BEFORE UPDATE OR DELETE ON "audit_entry" FOR EACH ROW EXECUTE FUNCTION "audit_entry_append_only"()`);
    await queryRunner.query(`CREATE TRIGGER "audit_entry_no_truncate" BEFORE TRUNCATE ON "audit_entry" FOR EACH STATEMENT EXECUTE FUNCTION "audit_entry_append_only"()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "audit_entry_no_truncate" ON "audit_entry"`);
    await queryRunner.query(`DROP TRIGGER "audit_entry_no_change" ON "audit_entry"`);
    await queryRunner.query(`DROP FUNCTION "audit_entry_append_only"()`);
    await queryRunner.query(`ALTER TABLE "tournament_organiser" DROP CONSTRAINT "fk_tournament_organiser_account"`);
    await queryRunner.query(`ALTER TABLE "tournament_organiser" DROP CONSTRAINT "fk_tournament_organiser_tournament"`);
    await queryRunner.query(`ALTER TABLE "scorekeeper_assignment" DROP CONSTRAINT "fk_scorekeeper_assignment_account"`);
    await queryRunner.query(`ALTER TABLE "scorekeeper_assignment" DROP CONSTRAINT "fk_scorekeeper_assignment_tournament"`);
    await queryRunner.query(`ALTER TABLE "game_code" DROP CONSTRAINT "fk_game_code_session"`);
    await queryRunner.query(`ALTER TABLE "game_code" DROP CONSTRAINT "fk_game_code_tournament"`);
    await queryRunner.query(`ALTER TABLE "session" DROP CONSTRAINT "fk_session_account"`);
    await queryRunner.query(`ALTER TABLE "tournament" DROP CONSTRAINT "fk_tournament_owner"`);
    await queryRunner.query(`ALTER TABLE "unit" DROP CONSTRAINT "fk_unit_created_by"`);
    await queryRunner.query(`ALTER TABLE "account" DROP CONSTRAINT "fk_account_created_by"`);
    await queryRunner.query(`DROP INDEX "public"."ix_tournament_owner"`);
    await queryRunner.query(`ALTER TABLE "tournament" DROP COLUMN "owner_account_id"`);
    await queryRunner.query(`ALTER TABLE "unit" DROP COLUMN "created_by"`);
    await queryRunner.query(`DROP INDEX "public"."ix_tournament_organiser_account"`);
    await queryRunner.query(`DROP TABLE "tournament_organiser"`);
    await queryRunner.query(`DROP INDEX "public"."ix_scorekeeper_assignment_account"`);
    await queryRunner.query(`DROP INDEX "public"."ix_scorekeeper_assignment_tournament"`);
    await queryRunner.query(`DROP TABLE "scorekeeper_assignment"`);
    await queryRunner.query(`DROP INDEX "public"."ix_game_code_tournament"`);
    await queryRunner.query(`DROP INDEX "public"."uq_game_code_active"`);
    await queryRunner.query(`DROP TABLE "game_code"`);
    await queryRunner.query(`DROP INDEX "public"."ix_session_account"`);
    await queryRunner.query(`DROP TABLE "session"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_entry_tournament"`);
    await queryRunner.query(`DROP TABLE "audit_entry"`);
    await queryRunner.query(`DROP INDEX "public"."uq_account_username"`);
    await queryRunner.query(`DROP TABLE "account"`);
  }
}
