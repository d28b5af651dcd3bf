import { buildCompetition } from './build-structure.js';
import { planCorrection } from './corrections.js';
import { teams } from './test-support.js';
import type { CompetitionFacts, GameResultFact } from './types.js';

// 4-team knockout with a 3rd-place game: SF1 T1 v T4, SF2 T2 v T3.
const structure = buildCompetition({
  stages: [{ kind: 'knockout', id: 'KO', entrants: teams(4), thirdPlaceGame: true }],
});
const result = (
  gameId: string,
  winnerTeamId: string,
  loserTeamId: string,
  status: GameResultFact['status'] = 'final',
): GameResultFact => ({
  gameId,
  status,
  winnerTeamId,
  loserTeamId,
});
const semisPlayed: CompetitionFacts = { groups: [], games: [result('SF1', 'T1', 'T4'), result('SF2', 'T2', 'T3')] };

describe('planCorrection', () => {
  it('a corrected semi-final moves the winner into the final and the loser into the 3rd-place game', () => {
    const plan = planCorrection(structure, semisPlayed, { kind: 'game_result', result: result('SF1', 'T4', 'T1') });
    expect(plan.affectedGames.map((a) => [a.gameId, a.side, a.before.teamId, a.after.teamId])).toEqual([
      ['F', 'home', 'T1', 'T4'],
      ['3P', 'home', 'T4', 'T1'],
    ]);
    expect(plan.overriddenStartedGames).toEqual([]);
    expect(plan.facts.games.find((g) => g.gameId === 'SF1')?.winnerTeamId).toBe('T4');
  });

  it('refuses a correction to a game or group the competition does not have', () => {
    expect(() =>
      planCorrection(structure, semisPlayed, { kind: 'game_result', result: result('QF9', 'T1', 'T2') }),
    ).toThrow(expect.objectContaining({ code: 'COMPETITION_UNKNOWN_GAME', kind: 'not_found' }));
    expect(() =>
      planCorrection(structure, semisPlayed, {
        kind: 'group_outcome',
        outcome: { groupId: 'Z', isFinal: true, ranking: [] },
      }),
    ).toThrow(expect.objectContaining({ code: 'COMPETITION_UNKNOWN_GROUP' }));
  });

  it('a correction that does not change the winner touches no other game', () => {
    const plan = planCorrection(structure, semisPlayed, {
      kind: 'game_result',
      result: result('SF1', 'T1', 'T4', 'confirmed'),
    });
    expect(plan.affectedGames).toEqual([]);
  });

  it('refuses when a dependent game is already live, naming that game', () => {
    const facts = {
      ...semisPlayed,
      games: [...semisPlayed.games, { gameId: 'F', status: 'live' as const, winnerTeamId: null, loserTeamId: null }],
    };
    expect(() => planCorrection(structure, facts, { kind: 'game_result', result: result('SF1', 'T4', 'T1') })).toThrow(
      expect.objectContaining({
        code: 'COMPETITION_DEPENDENT_GAME_STARTED',
        kind: 'conflict',
        message: expect.stringContaining('Game F'),
      }),
    );
  });

  it('the organiser can force it: the plan lists the overridden games and drops results that no longer fit', () => {
    const facts = { ...semisPlayed, games: [...semisPlayed.games, result('F', 'T1', 'T2'), result('3P', 'T3', 'T4')] };
    const plan = planCorrection(
      structure,
      facts,
      { kind: 'game_result', result: result('SF1', 'T4', 'T1') },
      { force: true },
    );
    expect(plan.overriddenStartedGames).toEqual(['F', '3P']);
    expect(plan.invalidatedResults).toEqual(['F', '3P']);
    expect(plan.facts.games.map((g) => g.gameId).sort()).toEqual(['SF1', 'SF2']);
  });

  it('a corrected group outcome changes the quarter-final it feeds', () => {
    const groupsThenKnockout = buildCompetition({
      stages: [
        {
          kind: 'group',
          id: 'S1',
          roundRobin: 'single',
          groups: [
            { id: 'A', size: 2, entrants: teams(2, 'a') },
            { id: 'B', size: 2, entrants: teams(2, 'b') },
          ],
        },
        {
          kind: 'knockout',
          id: 'KO',
          entrants: [
            { kind: 'group_place', groupId: 'A', place: 1 },
            { kind: 'group_place', groupId: 'B', place: 1 },
            { kind: 'group_place', groupId: 'A', place: 2 },
            { kind: 'group_place', groupId: 'B', place: 2 },
          ],
        },
      ],
    });
    const row = (teamId: string, rank: number) => ({
      teamId,
      rank,
      played: 1,
      wins: 2 - rank,
      losses: rank - 1,
      classificationPoints: 3 - rank + 1,
      pointsFor: 70,
      pointsAgainst: 70,
    });
    const facts: CompetitionFacts = {
      groups: [
        { groupId: 'A', isFinal: true, ranking: [row('a1', 1), row('a2', 2)] },
        { groupId: 'B', isFinal: true, ranking: [row('b1', 1), row('b2', 2)] },
      ],
      games: [result('SF1', 'a1', 'b2', 'live')],
    };
    const correction = {
      kind: 'group_outcome' as const,
      outcome: { groupId: 'A', isFinal: true, ranking: [row('a2', 1), row('a1', 2)] },
    };
    expect(() => planCorrection(groupsThenKnockout, facts, correction)).toThrow(
      expect.objectContaining({ code: 'COMPETITION_DEPENDENT_GAME_STARTED' }),
    );
    const scheduled = { ...facts, games: [] };
    const plan = planCorrection(groupsThenKnockout, scheduled, correction);
    expect(plan.affectedGames.map((a) => [a.gameId, a.side, a.after.teamId])).toEqual([
      ['SF1', 'home', 'a2'],
      ['SF2', 'away', 'a1'],
    ]);
  });
});
