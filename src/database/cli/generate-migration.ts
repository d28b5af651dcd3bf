import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../data-source.js';
import { startEmbeddedPostgres } from '../embedded.js';
import { schemaDiff } from '../schema-diff.js';

/**
 * `npm run migration:generate -- <kebab-name>`: migrates a scratch database (DATABASE_URL, or a
 * throw-away embedded one), compares it with the entities and writes the difference as a new
 * migration in migrations/. Read the SQL and add the class to migrations/index.ts.
 */
async function main() {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9-]+$/.test(name)) {
    process.stderr.write('usage: npm run migration:generate -- <kebab-case-name>\n');
    process.exit(2);
  }
  const embedded = process.env.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({
        directory: path.resolve('data', 'migration-scratch'),
        port: 54339,
        persistent: false,
      });
  const url = process.env.DATABASE_URL ?? embedded!.url;
  const ds = new DataSource(dataSourceOptions({ url }));
  try {
    await ds.initialize();
    await ds.runMigrations();
    const { up, down } = await schemaDiff(ds);
    if (up.length === 0) {
      process.stdout.write('No changes: the migrations already match the entities.\n');
      return;
    }
    const timestamp = Date.now();
    const className = name.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()) + timestamp;
    const file = path.resolve('migrations', `${timestamp}-${name}.ts`);
    const q = (s: string) => `    await queryRunner.query(\`${s.replace(/[`\\]|\$\{/g, (c) => '\\' + c)}\`);`;
    writeFileSync(
      file,
      `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${className} implements MigrationInterface {\n  name = '${className}';\n\n  async up(queryRunner: QueryRunner): Promise<void> {\n${up.map(q).join('\n')}\n  }\n\n  async down(queryRunner: QueryRunner): Promise<void> {\n${down.reverse().map(q).join('\n')}\n  }\n}\n`,
    );
    process.stdout.write(
      `Wrote ${path.relative(process.cwd(), file)}. Review it, then add to migrations/index.ts:\n  import { ${className} } from './${timestamp}-${name}.js';\n`,
    );
  } finally {
    await ds.destroy().catch(() => undefined);
    await embedded?.stop();
  }
}

void main();
