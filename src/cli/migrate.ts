import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source.js';
import { migrate } from '../database/migrate.js';
import { connectTarget, DatabaseTargetError } from './database-target.js';

const USAGE = `usage: npm run migration:run

Applies the pending migrations to DATABASE_URL (or the embedded database under DATA_DIR, the
running server's if it is up), under the same lock as the server's own start, so it is safe
while instances start or run.`;

function fail(message: string, code = 1): never {
  process.stderr.write(`migration:run: ${message}\n`);
  process.exit(code);
}

async function main() {
  if (process.argv.length > 2) fail(USAGE, 2);
  const { url, embedded } = await connectTarget().catch((e: unknown) => {
    if (e instanceof DatabaseTargetError) fail(e.message);
    throw e;
  });
  const ds = new DataSource(dataSourceOptions({ url }));
  try {
    await ds.initialize();
    const applied = await migrate(ds);
    process.stdout.write(
      applied.length === 0
        ? 'No pending migrations: the database is up to date.\n'
        : `Applied ${applied.length} migrations:\n${applied.map((m) => `  ${m.name}\n`).join('')}`,
    );
  } finally {
    await ds.destroy().catch(() => undefined);
    await embedded?.stop();
  }
}

main().catch((e: unknown) => fail((e as Error)?.stack ?? String(e)));
