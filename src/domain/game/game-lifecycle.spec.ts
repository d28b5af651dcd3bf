import {
  DEFAULT_LIFECYCLE_SETTINGS,
  gameLifecycle,
  type GameRecord,
  type ReadinessFacts,
  readinessProblems,
  shouldAutoConfirm,
  transitionGame,
} from './game-lifecycle.js';
import { gameOutcome } from './game-outcome.js';

const game = (status: GameRecord['status'], result: GameRecord['result'] = null): GameRecord => ({
  id: 'g1',
  homeTeamId: 'nanxun',
  awayTeamId: 'deqing',
  status,
  result,
});

const five = (team: string) => [1, 2, 3, 4, 5].map((n) => `${team}-${n}`);
const ready: ReadinessFacts = {
  teams: [
    { teamId: 'nanxun', eligiblePlayerIds: [...five('nanxun'), 'nanxun-6'], startingFive: five('nanxun') },
    { teamId: 'deqing', eligiblePlayerIds: five('deqing'), startingFive: five('deqing') },
  ],
  scorekeeperAssigned: true,
};

const refusal = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (err) {
    const e = err as { code: string; kind: string; message: string };
    return e;
  }
};

describe('game lifecycle', () => {
  it('goes scheduled -> ready -> live -> final -> official', () => {
    let g = transitionGame(game('scheduled'), { to: 'ready', readiness: ready });
    g = transitionGame(g, { to: 'live' });
    g = transitionGame(g, { to: 'final', end: { lastPeriodEnded: true, score: { nanxun: 61, deqing: 58 } } });
    expect(g.result).toEqual({ kind: 'played', homeScore: 61, awayScore: 58, penalisedTeamId: null });
    g = transitionGame(g, { to: 'official' });
    expect(g).toMatchObject({ status: 'official', result: { kind: 'played', homeScore: 61 } });
  });

  it('ready needs 5 eligible players and a confirmed starting five per team, and a scorekeeper', () => {
    const bad: ReadinessFacts = {
      teams: [
        { teamId: 'nanxun', eligiblePlayerIds: five('nanxun').slice(0, 4), startingFive: null },
        {
          teamId: 'deqing',
          eligiblePlayerIds: five('deqing'),
          startingFive: [...five('deqing').slice(0, 4), 'deqing-1'],
        },
      ],
      scorekeeperAssigned: false,
    };
    expect(readinessProblems(bad)).toEqual([
      'team nanxun has 4 eligible players, needs at least 5',
      'team nanxun has not confirmed its starting five',
      "team deqing's starting five must be 5 distinct eligible roster players",
      'no scorekeeper is assigned',
    ]);
    const err = refusal(() => transitionGame(game('scheduled'), { to: 'ready', readiness: bad }));
    expect(err).toMatchObject({ code: 'GAME_ILLEGAL_TRANSITION', kind: 'conflict' });
    expect(err!.message).toContain('scheduled -> ready');
    expect(err!.message).toContain('no scorekeeper');
  });

  it('live -> final only when the last period ended and the score is not tied', () => {
    const tied = refusal(() =>
      transitionGame(game('live'), { to: 'final', end: { lastPeriodEnded: true, score: { nanxun: 60, deqing: 60 } } }),
    );
    expect(tied!.message).toMatch(/live -> final: the score is tied 60:60/);
    const early = refusal(() =>
      transitionGame(game('live'), { to: 'final', end: { lastPeriodEnded: false, score: { nanxun: 60, deqing: 50 } } }),
    );
    expect(early!.message).toMatch(/has not ended/);
  });

  it('refuses transitions that are not in the table, naming from and to', () => {
    const err = refusal(() => transitionGame(game('scheduled'), { to: 'live' }));
    expect(err).toMatchObject({ code: 'GAME_ILLEGAL_TRANSITION', kind: 'conflict' });
    expect(err!.message).toBe(
      'Illegal game transition scheduled -> live: live cannot follow scheduled (allowed: ready, postponed, cancelled, forfeit)',
    );
    expect(
      refusal(() =>
        transitionGame(game('official', { kind: 'played', homeScore: 1, awayScore: 0, penalisedTeamId: null }), {
          to: 'live',
        }),
      )!.message,
    ).toMatch(/official is final/);
    expect(refusal(() => transitionGame(game('cancelled'), { to: 'scheduled' }))).not.toBeNull();
  });

  it('postponed goes back to scheduled; cancelled is terminal', () => {
    const p = transitionGame(game('ready'), { to: 'postponed' });
    expect(transitionGame(p, { to: 'scheduled' }).status).toBe('scheduled');
    expect(gameLifecycle.nextStates('cancelled')).toEqual([]);
  });

  it('forfeit: 20:0 for the opponent (setting), 0 classification points for the forfeiting team', () => {
    const f = transitionGame(game('scheduled'), { to: 'forfeit', forfeitingTeamId: 'nanxun' });
    expect(f.result).toEqual({ kind: 'forfeit', homeScore: 0, awayScore: 20, penalisedTeamId: 'nanxun' });
    expect(gameOutcome(f)).toMatchObject({
      kind: 'forfeit',
      winnerTeamId: 'deqing',
      loserTeamId: 'nanxun',
      classificationPoints: { deqing: 2, nanxun: 0 },
    });
    const custom = transitionGame(
      game('live'),
      { to: 'forfeit', forfeitingTeamId: 'deqing' },
      { ...DEFAULT_LIFECYCLE_SETTINGS, forfeitScore: 15 },
    );
    expect(custom.result).toMatchObject({ homeScore: 15, awayScore: 0 });
    expect(gameOutcome(transitionGame(f, { to: 'official' }))).toMatchObject({ kind: 'forfeit', official: true });
  });

  it('lost by default: the score stands if the winner is ahead, otherwise 2:0; the loser keeps 1 point', () => {
    const ahead = transitionGame(game('live'), {
      to: 'lost_by_default',
      losingTeamId: 'deqing',
      score: { nanxun: 41, deqing: 30 },
    });
    expect(ahead.result).toEqual({ kind: 'default', homeScore: 41, awayScore: 30, penalisedTeamId: 'deqing' });
    const behind = transitionGame(game('live'), {
      to: 'lost_by_default',
      losingTeamId: 'deqing',
      score: { nanxun: 30, deqing: 41 },
    });
    expect(behind.result).toEqual({ kind: 'default', homeScore: 2, awayScore: 0, penalisedTeamId: 'deqing' });
    const level = transitionGame(game('live'), {
      to: 'lost_by_default',
      losingTeamId: 'nanxun',
      score: { nanxun: 30, deqing: 30 },
    });
    expect(level.result).toMatchObject({ homeScore: 0, awayScore: 2 });
    expect(gameOutcome(behind)).toMatchObject({
      kind: 'default',
      winnerTeamId: 'nanxun',
      classificationPoints: { nanxun: 2, deqing: 1 },
    });
    expect(
      refusal(() => transitionGame(game('ready'), { to: 'lost_by_default', losingTeamId: 'deqing', score: {} })),
    ).not.toBeNull();
  });

  it('autoConfirm lets the service confirm a final game at once', () => {
    const final = game('final', { kind: 'played', homeScore: 50, awayScore: 49, penalisedTeamId: null });
    expect(shouldAutoConfirm(final, { ...DEFAULT_LIFECYCLE_SETTINGS, autoConfirm: true })).toBe(true);
    expect(shouldAutoConfirm(final, DEFAULT_LIFECYCLE_SETTINGS)).toBe(false);
    expect(shouldAutoConfirm(game('forfeit'), { ...DEFAULT_LIFECYCLE_SETTINGS, autoConfirm: true })).toBe(false);
  });

  it('a final game can be reopened for corrections, which clears its result', () => {
    const final = game('final', { kind: 'played', homeScore: 50, awayScore: 49, penalisedTeamId: null });
    expect(transitionGame(final, { to: 'live' })).toMatchObject({ status: 'live', result: null });
  });

  it('gameOutcome: none before a result; a played win is 2 points, a loss 1', () => {
    expect(gameOutcome(game('live'))).toBeNull();
    expect(gameOutcome(game('final', { kind: 'played', homeScore: 48, awayScore: 55, penalisedTeamId: null }))).toEqual(
      {
        gameId: 'g1',
        kind: 'played',
        winnerTeamId: 'deqing',
        loserTeamId: 'nanxun',
        homeScore: 48,
        awayScore: 55,
        winnerScore: 55,
        loserScore: 48,
        classificationPoints: { deqing: 2, nanxun: 1 },
        official: false,
      },
    );
    expect(
      refusal(() => gameOutcome(game('final', { kind: 'played', homeScore: 1, awayScore: 1, penalisedTeamId: null }))),
    ).toMatchObject({
      code: 'GAME_RESULT_TIED',
    });
  });
});
