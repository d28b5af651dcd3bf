import { DomainError } from '../shared/domain-error.js';
import { game, gameWithId } from './fixtures/game.js';
import { rulebookExample1, rulebookExample2 } from './fixtures/rulebook.js';
import { computeGroupStandings } from './group-standings.js';
import type { GroupGame } from './types.js';

const order = (result: ReturnType<typeof computeGroupStandings>) => result.rows.map((r) => r.teamId);
const row = (result: ReturnType<typeof computeGroupStandings>, teamId: string) =>
  result.rows.find((r) => r.teamId === teamId)!;

describe('FIBA Appendix D rulebook examples', () => {
  it('example 1: two pairs level on points, each decided by its own game', () => {
    const result = computeGroupStandings(rulebookExample1);
    expect(order(result)).toEqual(rulebookExample1.order);
    expect(result.rows.map((r) => [r.classificationPoints, r.decidedBy, r.tiedWith])).toEqual([
      [5, 'head_to_head_points', ['B']],
      [5, 'head_to_head_points', ['A']],
      [4, 'head_to_head_points', ['D']],
      [4, 'head_to_head_points', ['C']],
    ]);
    // B is ahead of C despite a far worse point difference (-35 against -5): points come first.
    expect(row(result, 'B').pointDifference).toBe(-35);
    expect(row(result, 'C').pointDifference).toBe(-5);
  });

  it('example 2: circle broken by difference among B, C, D, then C and D restart on their own game', () => {
    const result = computeGroupStandings(rulebookExample2);
    expect(order(result)).toEqual(rulebookExample2.order);
    expect(result.rows.map((r) => r.decidedBy)).toEqual([
      'classification_points',
      'head_to_head_difference',
      'head_to_head_points',
      'head_to_head_points',
    ]);
    const b = row(result, 'B');
    expect(b.tiedWith).toEqual(['C', 'D']);
    expect(b.miniTable!.rows.map((r) => [r.teamId, r.classificationPoints, r.pointsFor, r.pointsAgainst])).toEqual([
      ['B', 3, 175, 165],
      ['C', 3, 150, 155],
      ['D', 3, 135, 140],
    ]);
    // The restart uses only the game between C and D.
    expect(row(result, 'C').miniTable!.gameIds).toEqual(['C-D']);
    expect(result.tieBreakSteps.map((s) => [s.amongTeamIds.join(''), s.criterion, s.groups])).toEqual([
      ['BCD', 'head_to_head_points', [['B', 'C', 'D']]],
      ['BCD', 'head_to_head_difference', [['B'], ['C', 'D']]],
      ['CD', 'head_to_head_points', [['C'], ['D']]],
    ]);
  });
});

describe('classification points', () => {
  it('a forfeit gives the forfeiting team 0 points and the score stands at 20:0', () => {
    const forfeit: GroupGame = { ...game('A', 20, 0, 'B'), outcome: 'forfeit', forfeitingTeamId: 'B' };
    const result = computeGroupStandings({ teamIds: ['A', 'B'], games: [forfeit] });
    expect(row(result, 'B')).toMatchObject({ classificationPoints: 0, losses: 1, forfeitLosses: 1, pointsFor: 0 });
    expect(row(result, 'A')).toMatchObject({ classificationPoints: 2, wins: 1, pointDifference: 20 });
  });

  it('a team lost by default still gets 1 point, with the score as recorded', () => {
    const byDefault: GroupGame = { ...game('A', 2, 0, 'B'), outcome: 'default', defaultedTeamId: 'B' };
    const result = computeGroupStandings({ teamIds: ['A', 'B'], games: [byDefault] });
    expect(row(result, 'B')).toMatchObject({ classificationPoints: 1, losses: 1, forfeitLosses: 0 });
  });

  it('a forfeit drops a team below a team with the same record that lost on the court', () => {
    // All three are 1-1, but B forfeited to A: B has 2 points, A and C 3 (C beat A).
    const result = computeGroupStandings({
      teamIds: ['A', 'B', 'C'],
      games: [
        { ...game('A', 20, 0, 'B'), outcome: 'forfeit', forfeitingTeamId: 'B' },
        game('B', 70, 60, 'C'),
        game('C', 80, 75, 'A'),
      ],
    });
    expect(result.rows.map((r) => [r.teamId, r.wins, r.classificationPoints, r.decidedBy])).toEqual([
      ['C', 1, 3, 'head_to_head_points'],
      ['A', 1, 3, 'head_to_head_points'],
      ['B', 1, 2, 'classification_points'],
    ]);
  });
});

describe('tie-break paths not covered by the rulebook examples', () => {
  it('head-to-head points scored decides when the difference among them is equal', () => {
    // Circle with equal margins: every team +0 among them; A scored most in those games.
    const result = computeGroupStandings({
      teamIds: ['A', 'B', 'C'],
      games: [game('A', 90, 80, 'B'), game('B', 70, 60, 'C'), game('C', 75, 65, 'A')],
    });
    expect(result.rows.map((r) => [r.teamId, r.decidedBy])).toEqual([
      ['A', 'head_to_head_scored'],
      ['B', 'head_to_head_scored'],
      ['C', 'head_to_head_scored'],
    ]);
  });

  it('point difference in all group games decides when the games among them are identical', () => {
    const result = computeGroupStandings({
      teamIds: ['A', 'B', 'C', 'D'],
      games: [
        game('A', 70, 60, 'B'),
        game('B', 70, 60, 'C'),
        game('C', 70, 60, 'A'),
        game('A', 90, 60, 'D'),
        game('B', 80, 60, 'D'),
        game('C', 65, 60, 'D'),
      ],
    });
    expect(order(result)).toEqual(['A', 'B', 'C', 'D']);
    expect(result.rows.slice(0, 3).map((r) => r.decidedBy)).toEqual(Array(3).fill('group_difference'));
  });

  it('points scored in all group games decides when every difference is equal', () => {
    const result = computeGroupStandings({
      teamIds: ['A', 'B', 'C', 'D'],
      games: [
        game('A', 70, 60, 'B'),
        game('B', 70, 60, 'C'),
        game('C', 70, 60, 'A'),
        game('A', 90, 80, 'D'),
        game('B', 70, 60, 'D'),
        game('C', 80, 70, 'D'),
      ],
    });
    expect(order(result)).toEqual(['A', 'C', 'B', 'D']);
    expect(result.rows.slice(0, 3).map((r) => r.decidedBy)).toEqual(Array(3).fill('group_scored'));
  });
});

describe('draw and shared ranks', () => {
  // A and B split two games by the same margin and score; group figures identical: only lots separate them.
  const identical = {
    teamIds: ['A', 'B'],
    games: [gameWithId('g1', 'A', 70, 60, 'B'), gameWithId('g2', 'B', 70, 60, 'A')],
  };

  it('before all games are played, teams level on every criterion share the rank', () => {
    const result = computeGroupStandings({
      ...identical,
      unplayedGames: [{ id: 'g3', homeTeamId: 'A', awayTeamId: 'B' }],
    });
    expect(result.complete).toBe(false);
    expect(result.rows.map((r) => [r.rank, r.sharedRank, r.decidedBy, r.needsDraw])).toEqual([
      [1, true, 'shared', false],
      [1, true, 'shared', false],
    ]);
    expect(result.needsDraw).toBe(false);
  });

  it('at the end of the group the tie is flagged for a draw, listing the teams', () => {
    const result = computeGroupStandings(identical);
    expect(result.complete).toBe(true);
    expect(result.needsDraw).toBe(true);
    expect(result.drawsNeeded).toEqual([['A', 'B']]);
    expect(result.rows.map((r) => [r.rank, r.decidedBy, r.needsDraw, r.tiedWith])).toEqual([
      [1, 'draw', true, ['B']],
      [1, 'draw', true, ['A']],
    ]);
  });

  it('a recorded draw orders the teams only lots could separate', () => {
    const result = computeGroupStandings(identical, { drawOrder: ['B', 'A'] });
    expect(result.rows.map((r) => [r.teamId, r.rank, r.decidedBy, r.needsDraw])).toEqual([
      ['B', 1, 'draw', false],
      ['A', 2, 'draw', false],
    ]);
    expect(result.needsDraw).toBe(false);
  });

  it('a recorded draw never overrides a criterion that separates the teams', () => {
    const result = computeGroupStandings(rulebookExample1, { drawOrder: ['D', 'C', 'B', 'A'] });
    expect(order(result)).toEqual(['A', 'B', 'C', 'D']);
  });

  it('a group with nothing played yet is not complete: everyone shares first place, no draw asked', () => {
    const result = computeGroupStandings({ teamIds: ['A', 'B', 'C'], games: [] });
    expect(result.complete).toBe(false);
    expect(result.rows.map((r) => [r.rank, r.decidedBy, r.needsDraw])).toEqual(Array(3).fill([1, 'shared', false]));
  });

  it('the complete flag given by the caller wins over the derived one', () => {
    expect(computeGroupStandings(identical, { complete: false }).rows[0].decidedBy).toBe('shared');
  });

  it('a shared rank skips the places it covers', () => {
    const result = computeGroupStandings({
      teamIds: ['A', 'B', 'C'],
      games: [...identical.games, game('A', 80, 60, 'C'), game('B', 80, 60, 'C')],
      unplayedGames: [{ id: 'x', homeTeamId: 'C', awayTeamId: 'A' }],
    });
    expect(result.rows.map((r) => r.rank)).toEqual([1, 1, 3]);
  });
});

describe('live and official standings', () => {
  const finalGame = game('A', 80, 70, 'B');
  const liveGame: GroupGame = { ...game('B', 50, 40, 'C'), state: 'live' };

  it('official standings leave games in progress out and say the group is not complete', () => {
    const result = computeGroupStandings({ teamIds: ['A', 'B', 'C'], games: [finalGame, liveGame] });
    expect(result.includesLive).toBe(false);
    expect(result.complete).toBe(false);
    expect(row(result, 'B')).toMatchObject({ played: 1, classificationPoints: 1, includesLive: false });
  });

  it('live standings count a game in progress at its current score and say so on the rows concerned', () => {
    const result = computeGroupStandings(
      { teamIds: ['A', 'B', 'C'], games: [finalGame, liveGame] },
      { includeLive: true },
    );
    expect(result.includesLive).toBe(true);
    expect(row(result, 'B')).toMatchObject({ played: 2, classificationPoints: 3, includesLive: true });
    expect(row(result, 'C')).toMatchObject({ played: 1, classificationPoints: 1, includesLive: true });
    expect(row(result, 'A').includesLive).toBe(false);
  });

  it('a live game level at the moment has no result yet and is listed, not counted', () => {
    const level: GroupGame = { ...liveGame, homeScore: 45, awayScore: 45 };
    const result = computeGroupStandings(
      { teamIds: ['A', 'B', 'C'], games: [finalGame, level] },
      { includeLive: true },
    );
    expect(result.levelLiveGameIds).toEqual(['B-C']);
    expect(row(result, 'C').played).toBe(0);
  });
});

describe('games carried over and double round robin', () => {
  it('teams that never met are compared on the games that exist between them', () => {
    // Second-round group: A and B met in round one (carried over); C met neither yet.
    const result = computeGroupStandings({
      teamIds: ['A', 'B', 'C'],
      games: [game('A', 60, 70, 'B'), game('A', 90, 70, 'X'), game('C', 80, 75, 'Y'), game('C', 60, 65, 'Z')],
    });
    // A 1-1 (3), C 1-1 (3), B 1-0 (2): A and C have no game between them, so group difference decides.
    expect(result.rows.map((r) => [r.teamId, r.classificationPoints, r.decidedBy])).toEqual([
      ['A', 3, 'group_difference'],
      ['C', 3, 'group_difference'],
      ['B', 2, 'classification_points'],
    ]);
    expect(row(result, 'A').miniTable!.gameIds).toEqual([]);
  });

  it('double round robin: all games between a pair count, several per pair', () => {
    const result = computeGroupStandings({
      teamIds: ['A', 'B', 'C'],
      games: [
        gameWithId('1', 'A', 80, 70, 'B'),
        gameWithId('2', 'B', 75, 70, 'A'),
        gameWithId('3', 'A', 70, 50, 'C'),
        gameWithId('4', 'C', 65, 60, 'A'),
        gameWithId('5', 'B', 70, 60, 'C'),
        gameWithId('6', 'C', 85, 70, 'B'),
      ],
    });
    // Everyone 2-2 (6 points). Among all three: A +20, B -10, C -10.
    const mini = row(result, 'A').miniTable!;
    expect(mini.gameIds).toHaveLength(6);
    expect(mini.rows.map((r) => [r.teamId, r.played, r.classificationPoints, r.pointDifference])).toEqual([
      ['A', 4, 6, 20],
      ['C', 4, 6, -10],
      ['B', 4, 6, -10],
    ]);
    // B and C restart on their own two games: 1-1 each, C +5 over them.
    expect(result.rows.map((r) => [r.teamId, r.decidedBy])).toEqual([
      ['A', 'head_to_head_difference'],
      ['C', 'head_to_head_difference'],
      ['B', 'head_to_head_difference'],
    ]);
    expect(row(result, 'C').miniTable!.gameIds).toEqual(['5', '6']);
    expect(row(result, 'C').miniTable!.rows.map((r) => [r.teamId, r.pointDifference])).toEqual([
      ['C', 5],
      ['B', -5],
    ]);
  });
});

describe('input that cannot be ranked is refused', () => {
  const refuse =
    (games: GroupGame[], extra: object = {}) =>
    () =>
      computeGroupStandings({ teamIds: ['A', 'B'], games }, extra);

  it.each([
    ['a level final score', [game('A', 70, 70, 'B')]],
    ['a forfeit without the forfeiting team', [{ ...game('A', 20, 0, 'B'), outcome: 'forfeit' as const }]],
    [
      'a forfeit scored for the forfeiting team',
      [{ ...game('A', 20, 0, 'B'), outcome: 'forfeit' as const, forfeitingTeamId: 'A' }],
    ],
    [
      'a default naming a team not in the game',
      [{ ...game('A', 2, 0, 'B'), outcome: 'default' as const, defaultedTeamId: 'Q' }],
    ],
    [
      'a live forfeit',
      [{ ...game('A', 20, 0, 'B'), state: 'live' as const, outcome: 'forfeit' as const, forfeitingTeamId: 'B' }],
    ],
    ['a negative score', [game('A', -2, 0, 'B')]],
    ['a game between two teams outside the group', [game('X', 70, 60, 'Y')]],
    ['the same game twice', [game('A', 70, 60, 'B'), game('A', 70, 60, 'B')]],
  ])('%s', (_name, games) => {
    expect(refuse(games as GroupGame[])).toThrow(DomainError);
    expect(refuse(games as GroupGame[])).toThrow(expect.objectContaining({ code: 'STANDINGS_INVALID_GROUP' }));
  });

  it('a draw order naming a team outside the group', () => {
    expect(refuse([game('A', 70, 60, 'B')], { drawOrder: ['A', 'Q'] })).toThrow(DomainError);
  });
});
