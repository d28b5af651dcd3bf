import { DomainError } from '../shared/domain-error.js';
import { normaliseNationalId } from './national-id.js';

describe('normaliseNationalId', () => {
  it('accepts a valid number and upper-cases the check character', () => {
    // 11010519491231002X is the GB 11643 worked example
    expect(normaliseNationalId('11010519491231002x')).toBe('11010519491231002X');
    expect(normaliseNationalId(' 33050119900101123x ')).toBe('33050119900101123X');
  });

  it.each([
    ['11010519491231002', 'must be 18 characters'],
    ['110105194912310021', 'check character'],
    ['110105194902300020', 'impossible birth date'],
  ])('refuses %s (%s)', (id, reason) => {
    try {
      normaliseNationalId(id, 'players[2].nationalId');
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).details[0].field).toBe('players[2].nationalId');
      expect((e as DomainError).details[0].reason).toContain(reason);
    }
  });
});
