import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand (issue 17). A jersey number is the registered whole number (0–99) everywhere:
 * the game's rosters (`context`) and its reducer state (`state`: the stored snapshot) held it as
 * a string until now. Rewritten once here rather than coerced on read: the state is read in
 * several places (raw SQL in GameStates, GameStore.catchUp, replays, the socket snapshot,
 * exports), and the reducer carries a snapshot's players forward, so a string left in the
 * database would live on. Only rows that still hold a string are touched.
 */
export class JerseyNumbersAsNumbers1796211916079 implements MigrationInterface {
  name = 'JerseyNumbersAsNumbers1796211916079';

  async up(queryRunner: QueryRunner): Promise<void> {
    await this.rewrite(queryRunner, 'string', (v) => `to_jsonb((${v}->>'jerseyNumber')::int)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await this.rewrite(queryRunner, 'number', (v) => `to_jsonb(${v}->>'jerseyNumber')`);
  }

  /** Sets every `jerseyNumber` of JSON type `from` in game.state and game.context to `to` (of the object). */
  private async rewrite(
    queryRunner: QueryRunner,
    from: 'string' | 'number',
    to: (v: string) => string,
  ): Promise<void> {
    const fix = (v: string) =>
      `CASE WHEN jsonb_typeof(${v}->'jerseyNumber') = '${from}'` +
      (from === 'string' ? ` AND ${v}->>'jerseyNumber' ~ '^[0-9]{1,3}$'` : '') +
      ` THEN jsonb_set(${v}, '{jerseyNumber}', ${to(v)}) ELSE ${v} END`;
    await queryRunner.query(
      `UPDATE "game" SET "state" = jsonb_set("state", '{players}',
         (SELECT jsonb_object_agg(k, ${fix('v')}) FROM jsonb_each("state"->'players') AS e(k, v)))
        WHERE jsonb_path_exists("state", '$.players.*.jerseyNumber ? (@.type() == "${from}")')`,
    );
    await queryRunner.query(
      `UPDATE "game" SET "context" = jsonb_set("context", '{teams}',
         (SELECT jsonb_agg(
                   CASE WHEN jsonb_typeof(t->'players') = 'array'
                        THEN jsonb_set(t, '{players}',
                               (SELECT coalesce(jsonb_agg(${fix('p')} ORDER BY pi), '[]'::jsonb)
                                  FROM jsonb_array_elements(t->'players') WITH ORDINALITY AS pp(p, pi)))
                        ELSE t END
                   ORDER BY ti)
            FROM jsonb_array_elements("context"->'teams') WITH ORDINALITY AS tt(t, ti)))
        WHERE jsonb_path_exists("context", '$.teams[*].players[*].jerseyNumber ? (@.type() == "${from}")')`,
    );
  }
}
