import type { DomainError } from '../shared/domain-error.js';
import {
  assertCanChangeOrganisers,
  assertCanCreateAccount,
  assertCanDisable,
  assertCanBecomeCoOrganiser,
  assignmentTargetProblem,
  canCreateAccount,
  canCreateTournament,
  canCreateUnit,
  canEditUnit,
  canManageAccount,
  canManageTournament,
  scoreDecision,
  type Principal,
  type ScorableGame,
} from './index.js';

const principal = (over: Partial<Principal> = {}): Principal => ({
  accountId: 'acc-1',
  sessionId: 's-1',
  role: 'organiser',
  kind: 'password',
  scope: {},
  ...over,
});
const admin = principal({ accountId: 'adm', role: 'admin' });
const organiser = principal();
const scorekeeper = principal({ accountId: 'sk-1', role: 'scorekeeper' });
const device = principal({
  accountId: null,
  role: 'scorekeeper',
  kind: 'game_code',
  scope: { tournamentId: 't-1', gameIds: ['g-1'] },
});

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as DomainError).code;
  }
  return null;
};

describe('tournament access', () => {
  it('belongs to its owner and co-organisers, and to administrators', () => {
    expect(canManageTournament(organiser, 'owner')).toBe(true);
    expect(canManageTournament(organiser, 'co_organiser')).toBe(true);
    expect(canManageTournament(organiser, null)).toBe(false);
    expect(canManageTournament(admin, null)).toBe(true);
  });

  it('is never a scorekeeper’s, assigned or not', () => {
    expect(canManageTournament(scorekeeper, 'co_organiser')).toBe(false);
    expect(canManageTournament(device, null)).toBe(false);
  });

  it('lets only the owner (or an administrator) change who organises', () => {
    expect(codeOf(() => assertCanChangeOrganisers(organiser, 'owner'))).toBeNull();
    expect(codeOf(() => assertCanChangeOrganisers(admin, null))).toBeNull();
    expect(codeOf(() => assertCanChangeOrganisers(organiser, 'co_organiser'))).toBe('TOURNAMENT_OWNER_ONLY');
    expect(codeOf(() => assertCanChangeOrganisers(organiser, null))).toBe('TOURNAMENT_OWNER_ONLY');
  });

  it('accepts only enabled organiser accounts as co-organisers', () => {
    expect(codeOf(() => assertCanBecomeCoOrganiser({ role: 'organiser', disabled: false }, null))).toBeNull();
    expect(codeOf(() => assertCanBecomeCoOrganiser({ role: 'scorekeeper', disabled: false }, null))).toBe(
      'ORGANISER_ACCOUNT_REQUIRED',
    );
    expect(codeOf(() => assertCanBecomeCoOrganiser({ role: 'organiser', disabled: true }, null))).toBe(
      'ORGANISER_ACCOUNT_REQUIRED',
    );
    expect(codeOf(() => assertCanBecomeCoOrganiser({ role: 'organiser', disabled: false }, 'owner'))).toBe(
      'TOURNAMENT_OWNER_ONLY',
    );
  });

  it('is created by organisers and administrators only', () => {
    expect(canCreateTournament(organiser)).toBe(true);
    expect(canCreateTournament(admin)).toBe(true);
    expect(canCreateTournament(scorekeeper)).toBe(false);
    expect(canCreateTournament(device)).toBe(false);
  });
});

describe('units: a shared registry', () => {
  it('any organiser adds units; only the creator or an administrator edits them', () => {
    expect(canCreateUnit(organiser)).toBe(true);
    expect(canCreateUnit(scorekeeper)).toBe(false);
    expect(canEditUnit(organiser, { createdBy: 'acc-1' })).toBe(true);
    expect(canEditUnit(organiser, { createdBy: 'someone-else' })).toBe(false);
    expect(canEditUnit(admin, { createdBy: 'someone-else' })).toBe(true);
  });

  it('units from before accounts existed are the administrators’ to edit', () => {
    expect(canEditUnit(organiser, { createdBy: null })).toBe(false);
    expect(canEditUnit(principal({ accountId: null }), { createdBy: null })).toBe(false);
    expect(canEditUnit(admin, { createdBy: null })).toBe(true);
  });
});

describe('accounts', () => {
  it('administrators create any role; organisers only scorekeepers; nobody else anything', () => {
    expect(canCreateAccount(admin, 'admin')).toBe(true);
    expect(canCreateAccount(admin, 'organiser')).toBe(true);
    expect(canCreateAccount(organiser, 'scorekeeper')).toBe(true);
    expect(canCreateAccount(organiser, 'organiser')).toBe(false);
    expect(codeOf(() => assertCanCreateAccount(organiser, 'admin'))).toBe('ACCOUNT_ROLE_FORBIDDEN');
    expect(canCreateAccount(scorekeeper, 'scorekeeper')).toBe(false);
  });

  it('organisers manage the scorekeepers they created, and no other account', () => {
    expect(canManageAccount(organiser, { id: 'sk', role: 'scorekeeper', createdBy: 'acc-1' })).toBe(true);
    expect(canManageAccount(organiser, { id: 'sk', role: 'scorekeeper', createdBy: 'acc-2' })).toBe(false);
    expect(canManageAccount(organiser, { id: 'o', role: 'organiser', createdBy: 'acc-1' })).toBe(false);
    expect(canManageAccount(admin, { id: 'o', role: 'organiser', createdBy: null })).toBe(true);
  });

  it('nobody disables their own account', () => {
    expect(codeOf(() => assertCanDisable(admin, { id: 'adm', role: 'admin', createdBy: null }))).toBe(
      'ACCOUNT_SELF_DISABLE',
    );
    expect(codeOf(() => assertCanDisable(admin, { id: 'other', role: 'admin', createdBy: null }))).toBeNull();
  });
});

describe('scoring a game', () => {
  const game = (over: Partial<ScorableGame> = {}): ScorableGame => ({
    id: 'g-1',
    tournamentId: 't-1',
    status: 'live',
    court: '1号场',
    day: '2024-05-11',
    ...over,
  });
  const none = { organisesTournament: false, assignments: [] };

  it('a device with a game code scores that game only', () => {
    expect(scoreDecision(device, game(), none)).toEqual({ allowed: true, via: 'game_code' });
    expect(scoreDecision(device, game({ id: 'g-2' }), none)).toMatchObject({ allowed: false, code: 'SCORE_FORBIDDEN' });
    expect(scoreDecision(device, game({ tournamentId: 't-2' }), none)).toMatchObject({
      allowed: false,
      code: 'SCORE_FORBIDDEN',
    });
  });

  it('a scorekeeper scores games assigned to them, or any game on their court that day', () => {
    const byGame = {
      organisesTournament: false,
      assignments: [{ tournamentId: 't-1', gameId: 'g-1', court: null, day: null }],
    };
    expect(scoreDecision(scorekeeper, game(), byGame)).toEqual({ allowed: true, via: 'assignment' });
    expect(scoreDecision(scorekeeper, game({ id: 'g-2' }), byGame).allowed).toBe(false);
    const byCourt = {
      organisesTournament: false,
      assignments: [{ tournamentId: 't-1', gameId: null, court: '1号场', day: '2024-05-11' }],
    };
    expect(scoreDecision(scorekeeper, game({ id: 'g-9' }), byCourt).allowed).toBe(true);
    expect(scoreDecision(scorekeeper, game({ court: '2号场' }), byCourt).allowed).toBe(false);
    expect(scoreDecision(scorekeeper, game({ day: '2024-05-12' }), byCourt).allowed).toBe(false);
    expect(scoreDecision(scorekeeper, game({ court: null, day: null }), byCourt).allowed).toBe(false);
    // An assignment in another tournament never counts.
    expect(scoreDecision(scorekeeper, game({ tournamentId: 't-2' }), byGame).allowed).toBe(false);
  });

  it('organisers of the tournament and administrators may score; other organisers may not', () => {
    expect(scoreDecision(organiser, game(), { organisesTournament: true, assignments: [] }).allowed).toBe(true);
    expect(scoreDecision(organiser, game(), none).allowed).toBe(false);
    expect(scoreDecision(admin, game(), none).allowed).toBe(true);
  });

  it('only while the game is ready or live', () => {
    for (const status of ['scheduled', 'final', 'official', 'postponed', 'cancelled', 'forfeit'] as const) {
      expect(scoreDecision(device, game({ status }), none)).toMatchObject({
        allowed: false,
        code: 'GAME_NOT_SCORABLE',
      });
    }
    expect(scoreDecision(device, game({ status: 'ready' }), none).allowed).toBe(true);
  });

  it('an assignment names one game, or a court and a day', () => {
    expect(assignmentTargetProblem({ gameId: 'g-1' })).toBeNull();
    expect(assignmentTargetProblem({ court: '1号场', day: '2024-05-11' })).toBeNull();
    expect(assignmentTargetProblem({ gameId: 'g-1', court: '1号场' })).toContain('not both');
    expect(assignmentTargetProblem({ court: '1号场' })).toContain('both court and day');
    expect(assignmentTargetProblem({})).toContain('gameId');
  });
});
