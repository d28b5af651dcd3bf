import { applyEvent, gameContext, initialGameState, type GameState, type PlayEvent } from '../game/index.js';
import { conductOf } from './conduct.js';
import { sportsmanshipIndicators } from './sportsmanship.js';

describe('conduct facts for the sportsmanship indicators', () => {
  const roster = (teamId: string) => ({
    teamId,
    name: teamId,
    players: [1, 2, 3, 4, 5].map((n) => ({
      playerId: `${teamId}${n}`,
      teamId,
      jerseyNumber: n,
      name: `${teamId}${n}`,
    })),
    startingFive: [1, 2, 3, 4, 5].map((n) => `${teamId}${n}`),
  });
  const context = gameContext({ gameId: 'g1', teams: [roster('A'), roster('B')] });
  let seq = 0;
  const play = (state: GameState, body: Record<string, unknown>) =>
    applyEvent(state, { ...body, seq: ++seq, clientEventId: `e${seq}` } as PlayEvent, context);

  it('counts players’, coaches’ and bench misconduct by team, and forfeits, with games played', () => {
    let state = play(initialGameState(context), { type: 'period_start', period: 1 });
    state = play(state, { type: 'foul', teamId: 'A', kind: 'technical', committedBy: 'player', playerId: 'A1' });
    state = play(state, { type: 'foul', teamId: 'A', kind: 'unsportsmanlike', committedBy: 'player', playerId: 'A2' });
    state = play(state, { type: 'foul', teamId: 'B', kind: 'technical', committedBy: 'coach' });
    const facts = conductOf(
      ['A', 'B', 'C'],
      [
        { gameId: 'g1', homeTeamId: 'A', awayTeamId: 'B', result: null, state },
        {
          gameId: 'g2',
          homeTeamId: 'C',
          awayTeamId: 'B',
          result: { kind: 'forfeit', homeScore: 0, awayScore: 20, penalisedTeamId: 'C' },
          state: null,
        },
      ],
    );
    expect(facts.teams).toEqual([
      { teamId: 'A', gamesPlayed: 1 },
      { teamId: 'B', gamesPlayed: 2 },
      { teamId: 'C', gamesPlayed: 1 },
    ]);
    const indicators = sportsmanshipIndicators(facts.teams, facts.fouls, facts.forfeits);
    expect(indicators.map((r) => [r.teamId, r.technical, r.unsportsmanlike, r.forfeits, r.penaltyPoints])).toEqual([
      ['B', 1, 0, 0, 1],
      ['A', 1, 1, 0, 3],
      ['C', 0, 0, 1, 10],
    ]);
  });
});
