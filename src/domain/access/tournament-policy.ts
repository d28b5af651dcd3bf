import { forbidden } from '../shared/domain-error.js';
import type { Principal } from './principal.js';

/** How an account takes part in running one tournament (null: it does not). */
export type OrganiserRole = 'owner' | 'co_organiser';

/**
 * Everything about a tournament is its organisers' (owner and co-organisers) and nobody
 * else's. Administrators may act on any tournament: they are the support desk, and every
 * such write is in the audit log like any other.
 */
export function canManageTournament(principal: Principal, membership: OrganiserRole | null): boolean {
  if (principal.role === 'admin') return true;
  return principal.role === 'organiser' && principal.kind === 'password' && membership !== null;
}

export function assertCanManageTournament(principal: Principal, membership: OrganiserRole | null): void {
  if (!canManageTournament(principal, membership)) {
    throw forbidden('TOURNAMENT_FORBIDDEN', 'Only the organisers of this tournament may do this');
  }
}

/** Only the owner (or an administrator) decides who else organises the tournament. */
export function assertCanChangeOrganisers(principal: Principal, membership: OrganiserRole | null): void {
  if (principal.role === 'admin') return;
  if (principal.role === 'organiser' && membership === 'owner') return;
  throw forbidden('TOURNAMENT_OWNER_ONLY', "Only the tournament's owner may invite or remove co-organisers");
}

/** Who can create a tournament (and so become its owner). */
export function canCreateTournament(principal: Principal): boolean {
  return principal.role === 'admin' || (principal.role === 'organiser' && principal.kind === 'password');
}

/**
 * A co-organiser must be an enabled organiser account; the owner cannot be removed (the
 * tournament would have nobody to answer for it).
 */
export function assertCanBecomeCoOrganiser(
  candidate: { role: string; disabled: boolean },
  current: OrganiserRole | null,
): void {
  if (candidate.role !== 'organiser' || candidate.disabled) {
    throw forbidden('ORGANISER_ACCOUNT_REQUIRED', 'Only an enabled organiser account can co-organise a tournament');
  }
  if (current === 'owner') throw forbidden('TOURNAMENT_OWNER_ONLY', 'The owner already organises this tournament');
}
