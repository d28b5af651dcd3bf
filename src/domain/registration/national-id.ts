import { invalid } from '../shared/domain-error.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/**
 * Validates an 18-character PRC resident identity number (GB 11643-1999): 17 digits, a
 * plausible birth date, and the ISO 7064 MOD 11-2 check character. Returns it normalised
 * (upper-case X). Throws a DomainError naming `field` otherwise.
 */
export function normaliseNationalId(raw: string, field = 'nationalId'): string {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) {
    throw invalid('PLAYER_NATIONAL_ID_INVALID', 'National ID number is not valid', [
      { field, reason: 'must be 18 characters: 17 digits and a digit or X' },
    ]);
  }
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) {
    throw invalid('PLAYER_NATIONAL_ID_INVALID', 'National ID number is not valid', [
      { field, reason: 'contains an impossible birth date' },
    ]);
  }
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  if (CHECK[sum % 11] !== id[17]) {
    throw invalid('PLAYER_NATIONAL_ID_INVALID', 'National ID number is not valid', [
      { field, reason: 'check character does not match (typing error?)' },
    ]);
  }
  return id;
}
