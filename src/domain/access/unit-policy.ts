import { forbidden } from '../shared/domain-error.js';
import type { Principal } from './principal.js';

/**
 * Units (unions and enterprises) are a registry shared by every tournament: any organiser may
 * add one, but only its creator or an administrator may change it, because a renamed unit
 * changes every other organiser's tournaments too. Units from before accounts existed have
 * no creator and are the administrators' to edit.
 */
export function canCreateUnit(principal: Principal): boolean {
  return principal.role === 'admin' || (principal.role === 'organiser' && principal.kind === 'password');
}

export function canEditUnit(principal: Principal, unit: { createdBy: string | null }): boolean {
  if (principal.role === 'admin') return true;
  return principal.role === 'organiser' && unit.createdBy !== null && unit.createdBy === principal.accountId;
}

export function assertCanEditUnit(principal: Principal, unit: { createdBy: string | null }): void {
  if (!canEditUnit(principal, unit)) {
    throw forbidden(
      'UNIT_FORBIDDEN',
      'Only the organiser who registered this unit, or an administrator, may change it',
    );
  }
}
