import { validateAwardDecisions, type AwardDecision } from './decided-awards.js';

const code = (run: () => void) => {
  try {
    run();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return 'no error';
};
const five = ['p1', 'p2', 'p3', 'p4', 'p5'].map((id) => ({ type: 'player' as const, id }));

describe('validateAwardDecisions', () => {
  it('best organising unit must be a unit, not a team', () => {
    const decision: AwardDecision = {
      key: 'best_organising_unit',
      recipients: [{ type: 'team', id: '吴兴新凤鸣队' }],
    };
    expect(code(() => validateAwardDecisions([decision]))).toBe('AWARDS_RECIPIENT_KIND_MISMATCH');
  });

  it('a team id passed off as a unit is caught by the registry', () => {
    const decision: AwardDecision = { key: 'best_organising_unit', recipients: [{ type: 'unit', id: '吴兴新凤鸣队' }] };
    const registry = { teamIds: ['吴兴新凤鸣队'], unitIds: ['南太湖新区总工会'] };
    expect(code(() => validateAwardDecisions([decision], registry))).toBe('AWARDS_RECIPIENT_KIND_MISMATCH');
    const unknown: AwardDecision = { key: 'best_organising_unit', recipients: [{ type: 'unit', id: '外省总工会' }] };
    expect(code(() => validateAwardDecisions([unknown], registry))).toBe('AWARDS_UNKNOWN_RECIPIENT');
    const right: AwardDecision = {
      key: 'best_organising_unit',
      recipients: [{ type: 'unit', id: '南太湖新区总工会' }],
    };
    expect(code(() => validateAwardDecisions([right], registry))).toBe('no error');
  });

  it('the sportsmanship team award goes to teams, possibly several', () => {
    expect(
      code(() =>
        validateAwardDecisions([
          {
            key: 'sportsmanship',
            recipients: [
              { type: 'team', id: '吴兴新凤鸣队' },
              { type: 'team', id: '安吉队' },
            ],
          },
        ]),
      ),
    ).toBe('no error');
    expect(
      code(() => validateAwardDecisions([{ key: 'sportsmanship', recipients: [{ type: 'player', id: 'p1' }] }])),
    ).toBe('AWARDS_RECIPIENT_KIND_MISMATCH');
    expect(code(() => validateAwardDecisions([{ key: 'sportsmanship', recipients: [] }]))).toBe(
      'AWARDS_RECIPIENT_COUNT',
    );
  });

  it('the all-tournament team is exactly five distinct players', () => {
    expect(code(() => validateAwardDecisions([{ key: 'all_tournament_team', recipients: five }]))).toBe('no error');
    expect(code(() => validateAwardDecisions([{ key: 'all_tournament_team', recipients: five.slice(0, 4) }]))).toBe(
      'AWARDS_ALL_TOURNAMENT_TEAM_SIZE',
    );
    expect(
      code(() =>
        validateAwardDecisions([{ key: 'all_tournament_team', recipients: [...five, { type: 'player', id: 'p6' }] }]),
      ),
    ).toBe('AWARDS_ALL_TOURNAMENT_TEAM_SIZE');
    const repeated = [...five.slice(0, 4), { type: 'player' as const, id: 'p1' }];
    expect(code(() => validateAwardDecisions([{ key: 'all_tournament_team', recipients: repeated }]))).toBe(
      'AWARDS_DUPLICATE_RECIPIENT',
    );
    const withTeam = [...five.slice(0, 4), { type: 'team' as const, id: 'T' }];
    expect(code(() => validateAwardDecisions([{ key: 'all_tournament_team', recipients: withTeam }]))).toBe(
      'AWARDS_RECIPIENT_KIND_MISMATCH',
    );
  });

  it('the MVP is one player, decided once', () => {
    expect(code(() => validateAwardDecisions([{ key: 'mvp', recipients: five.slice(0, 2) }]))).toBe(
      'AWARDS_RECIPIENT_COUNT',
    );
    expect(code(() => validateAwardDecisions([{ key: 'mvp', recipients: [{ type: 'team', id: 'T' }] }]))).toBe(
      'AWARDS_RECIPIENT_KIND_MISMATCH',
    );
    const mvp: AwardDecision = { key: 'mvp', recipients: five.slice(0, 1) };
    expect(code(() => validateAwardDecisions([mvp, mvp]))).toBe('AWARDS_DUPLICATE_DECISION');
  });

  it('an award the organisers do not decide is refused', () => {
    const decision = { key: 'top_scorer', recipients: five.slice(0, 1) } as unknown as AwardDecision;
    expect(code(() => validateAwardDecisions([decision]))).toBe('AWARDS_UNKNOWN_AWARD');
  });

  it('errors are DomainErrors of kind invalid with the offending field', () => {
    try {
      validateAwardDecisions([{ key: 'best_organising_unit', recipients: [{ type: 'team', id: 'T' }] }]);
      throw new Error('expected a DomainError');
    } catch (e) {
      expect(e).toMatchObject({
        name: 'DomainError',
        kind: 'invalid',
        details: [{ field: 'decisions[0].recipients[0].type', reason: 'must be unit' }],
      });
    }
  });
});
