import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source.js';
import { migrate } from '../database/migrate.js';
import { connectTarget, DatabaseTargetError } from './database-target.js';
import {
  AdminSetupError,
  checkAdminCredentials,
  createAdministrator,
  resetAdministratorPassword,
} from '../modules/accounts/first-admin.js';

const USAGE = `usage: npm run admin:create -- <username> [--reset-password]

Creates an administrator (or, with --reset-password, sets a new password for an existing one
and ends its sessions). The password is read from ADMIN_PASSWORD, or from standard input
(typed twice, hidden, on a terminal). The database is DATABASE_URL, or the embedded one under
DATA_DIR (the running server's if it is up).`;

function fail(message: string, code = 1): never {
  process.stderr.write(`admin:create: ${message}\n`);
  process.exit(code);
}

async function main() {
  const args = process.argv.slice(2);
  const reset = args.includes('--reset-password');
  const positional = args.filter((a) => !a.startsWith('--'));
  if (positional.length !== 1 || args.some((a) => a.startsWith('--') && a !== '--reset-password')) fail(USAGE, 2);
  const username = positional[0].trim().toLowerCase();
  const password = process.env.ADMIN_PASSWORD ?? (await readPassword());
  try {
    checkAdminCredentials(username, password);
  } catch (e) {
    if (e instanceof AdminSetupError) fail(e.message, 2);
    throw e;
  }

  const { url, embedded } = await connectTarget().catch((e: unknown) => {
    if (e instanceof DatabaseTargetError) fail(e.message);
    throw e;
  });
  const ds = new DataSource(dataSourceOptions({ url }));
  let refused: string | undefined;
  try {
    await ds.initialize();
    await migrate(ds);
    const account = await ds.transaction((manager) =>
      reset
        ? resetAdministratorPassword(manager, username, password, 'cli')
        : createAdministrator(manager, username, password, 'cli'),
    );
    process.stdout.write(
      reset
        ? `New password set for administrator ${account.username}; their sessions ended.\n`
        : `Created administrator ${account.username}. Log in at POST /api/v1/auth/login.\n`,
    );
  } catch (e) {
    if (!(e instanceof AdminSetupError)) throw e;
    refused = e.message;
  } finally {
    await ds.destroy().catch(() => undefined);
    await embedded?.stop();
  }
  if (refused) fail(refused);
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let input = '';
    for await (const chunk of process.stdin) input += chunk;
    return input.replace(/\r?\n$/, '');
  }
  const first = await promptHidden('Password: ');
  const second = await promptHidden('Again: ');
  if (first !== second) fail('the two passwords differ', 2);
  return first;
}

/** Reads one line from the terminal without echoing it. */
function promptHidden(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    process.stdout.write(prompt);
    const stdin = process.stdin;
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let value = '';
    const onData = (key: string) => {
      for (const ch of key) {
        if (ch === '\u0003') {
          stdin.setRawMode(false);
          process.stdout.write('\n');
          process.exit(130);
        } else if (ch === '\r' || ch === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stdout.write('\n');
          resolve(value);
          return;
        } else if (ch === '\u007f' || ch === '\b') {
          value = value.slice(0, -1);
        } else {
          value += ch;
        }
      }
    };
    stdin.on('data', onData);
  });
}

main().catch((e: unknown) => fail((e as Error)?.stack ?? String(e)));
