import { forbidden } from '../shared/domain-error.js';
import type { Principal, Role } from './principal.js';

/**
 * Administrators manage every account. Organisers create scorekeeper accounts for the people
 * at their scorer's tables and manage the ones they created; nobody else manages accounts.
 */
export function canCreateAccount(principal: Principal, role: Role): boolean {
  if (principal.role === 'admin') return true;
  return principal.role === 'organiser' && principal.kind === 'password' && role === 'scorekeeper';
}

export function assertCanCreateAccount(principal: Principal, role: Role): void {
  if (!canCreateAccount(principal, role)) {
    throw forbidden(
      'ACCOUNT_ROLE_FORBIDDEN',
      principal.role === 'organiser'
        ? 'Organisers may only create scorekeeper accounts'
        : 'Only administrators create accounts',
    );
  }
}

export interface ManagedAccount {
  id: string;
  role: Role;
  createdBy: string | null;
}

export function canManageAccount(principal: Principal, account: ManagedAccount): boolean {
  if (principal.role === 'admin') return true;
  return (
    principal.role === 'organiser' &&
    account.role === 'scorekeeper' &&
    account.createdBy !== null &&
    account.createdBy === principal.accountId
  );
}

export function assertCanManageAccount(principal: Principal, account: ManagedAccount): void {
  if (!canManageAccount(principal, account)) throw forbidden('ACCOUNT_FORBIDDEN', 'You may not manage this account');
}

/** An administrator cannot disable themself: the last administrator would lock everyone out. */
export function assertCanDisable(principal: Principal, account: ManagedAccount): void {
  assertCanManageAccount(principal, account);
  if (account.id === principal.accountId)
    throw forbidden('ACCOUNT_SELF_DISABLE', 'You cannot disable your own account');
}
