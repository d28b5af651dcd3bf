import type { EntityManager } from 'typeorm';
import { PASSWORD_MAX, PASSWORD_MIN, USERNAME, USERNAME_RULE } from '../../config/credentials.js';
import { AuditEntryEntity } from '../audit/audit-entry.entity.js';
import { AccountEntity } from './account.entity.js';
import { hashPassword } from './password-hasher.js';

export class AdminSetupError extends Error {}

export function checkAdminCredentials(username: string, password: string): void {
  if (!USERNAME.test(username)) throw new AdminSetupError(`the username must be ${USERNAME_RULE}`);
  if (password.length < PASSWORD_MIN)
    throw new AdminSetupError(`the password must be at least ${PASSWORD_MIN} characters`);
  if (password.length > PASSWORD_MAX)
    throw new AdminSetupError(`the password must be at most ${PASSWORD_MAX} characters`);
}

/**
 * Creates an administrator account (used by the start-up bootstrap and `npm run admin:create`).
 * Plain TypeORM, no Nest, so the command line can run it against the database directly.
 * `origin` goes into the audit log's request id (startup, cli): nobody is logged in.
 */
export async function createAdministrator(
  manager: EntityManager,
  username: string,
  password: string,
  origin: string,
): Promise<AccountEntity> {
  checkAdminCredentials(username, password);
  const repo = manager.getRepository(AccountEntity);
  if (await repo.existsBy({ username })) throw new AdminSetupError(`an account named ${username} already exists`);
  const account = await repo.save(
    repo.create({
      username,
      displayName: username,
      role: 'admin',
      passwordHash: await hashPassword(password),
      createdBy: null,
      disabledAt: null,
    }),
  );
  await audit(manager, 'account.create', account, origin);
  return account;
}

/** Sets a new password for an existing administrator and ends its sessions (lost-password recovery). */
export async function resetAdministratorPassword(
  manager: EntityManager,
  username: string,
  password: string,
  origin: string,
): Promise<AccountEntity> {
  checkAdminCredentials(username, password);
  const repo = manager.getRepository(AccountEntity);
  const account = await repo.findOneBy({ username });
  if (!account || account.role !== 'admin') throw new AdminSetupError(`there is no administrator named ${username}`);
  account.passwordHash = await hashPassword(password);
  account.disabledAt = null;
  await repo.save(account);
  // The server may not be running, so this cannot go through SessionsService; a running server
  // refuses the revoked sessions on their next request all the same.
  await manager.query(
    `UPDATE session SET revoked_at = now(), revoked_reason = 'password_changed' WHERE account_id = $1 AND revoked_at IS NULL`,
    [account.id],
  );
  await audit(manager, 'account.password_reset', account, origin);
  return account;
}

async function audit(manager: EntityManager, action: string, account: AccountEntity, origin: string) {
  await manager.getRepository(AuditEntryEntity).insert({
    accountId: null,
    role: null,
    sessionId: null,
    tournamentId: null,
    action,
    entity: 'account',
    entityId: account.id,
    before: null,
    after: { username: account.username, role: account.role },
    requestId: origin,
  });
}

export async function administratorExists(manager: EntityManager): Promise<boolean> {
  return manager.getRepository(AccountEntity).existsBy({ role: 'admin' });
}
