import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand (issue 18). A play now writes the play row and the game row's small summary
 * (`live`: the scoreboard after the last event), and the full state only every 32 plays and at
 * period and game ends (src/domain/game/snapshots.ts).
 * - `state` goes back to the default storage (EXTENDED): it is rewritten rarely now, and out of
 *   line it no longer rides in every row version a play writes (MAIN kept it compressed in the
 *   row, ~3 KB, so a page held two versions and most updates could not be HOT).
 * - fillfactor 70 leaves room on each page for the next versions of its rows: no indexed column
 *   changes with a play, so with room on the page every update is HOT (no index writes).
 * Storage settings are not part of the entity diff.
 */
export class GameSummaryAndSnapshots1796206279861 implements MigrationInterface {
  name = 'GameSummaryAndSnapshots1796206279861';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "game" ADD "live" jsonb`);
    // What readers take from it (period and clock) for the games stored so far.
    await queryRunner.query(
      `UPDATE "game" SET "live" = jsonb_build_object('period', "state"->'period', 'clock', "state"->'clock') WHERE "state" IS NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE "game" ALTER COLUMN "state" SET STORAGE EXTENDED`);
    await queryRunner.query(`ALTER TABLE "game" SET (fillfactor = 70)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "game" RESET (fillfactor)`);
    await queryRunner.query(`ALTER TABLE "game" ALTER COLUMN "state" SET STORAGE MAIN`);
    await queryRunner.query(`ALTER TABLE "game" DROP COLUMN "live"`);
  }
}
