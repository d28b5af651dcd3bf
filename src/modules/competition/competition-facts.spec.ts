import { buildCompetition, resolveSlots, type CompetitionStructure } from '../../domain/competition/index.js';
import type { GameStatus } from '../../domain/game/index.js';
import type { FixtureRow } from '../games/game-fixtures.service.js';
import { competitionPicture, competitionStatus, effectiveResults, emptyLots } from './competition-facts.js';

// A group of three (T1, T2, T3) whose winner and runner-up play a final.
const structure: CompetitionStructure = buildCompetition({
  stages: [
    {
      kind: 'group',
      id: 'S1',
      roundRobin: 'single',
      groups: [{ id: 'A', size: 3, entrants: ['T1', 'T2', 'T3'].map((teamId) => ({ kind: 'team' as const, teamId })) }],
    },
    {
      kind: 'knockout',
      id: 'KO',
      entrants: [
        { kind: 'group_place', groupId: 'A', place: 1 },
        { kind: 'group_place', groupId: 'A', place: 2 },
      ],
    },
  ],
});

function rows(scores: Record<string, [number, number, GameStatus?]>): Map<string, FixtureRow> {
  const resolution = resolveSlots(structure, { games: [], groups: [] });
  return new Map(
    structure.games.map((game, i) => {
      const [home, away, status = 'final'] = scores[game.id] ?? [0, 0, 'scheduled'];
      const decided = status === 'final' || status === 'official';
      const row: FixtureRow = {
        id: `uuid-${game.id}`,
        competitionKey: game.id,
        homeTeamId: resolution.games[i]!.home.teamId,
        awayTeamId: resolution.games[i]!.away.teamId,
        status,
        result: decided ? { kind: 'played', homeScore: home, awayScore: away, penalisedTeamId: null } : null,
        homeScore: home,
        awayScore: away,
        period: 4,
        court: null,
        scheduledAt: null,
        firstEventAt: null,
        lastEventAt: null,
      };
      return [game.id, row];
    }),
  );
}

const groupGames = structure.games.filter((g) => g.groupId === 'A').map((g) => g.id);

describe('competition facts from the games module', () => {
  it('maps game statuses: ready counts as started, postponed and cancelled do not', () => {
    expect(
      (['scheduled', 'ready', 'live', 'final', 'official', 'forfeit', 'postponed', 'cancelled'] as GameStatus[]).map(
        competitionStatus,
      ),
    ).toEqual(['scheduled', 'live', 'live', 'final', 'confirmed', 'final', 'scheduled', 'scheduled']);
  });

  it('group finished: FIBA standings decide the places and the final fills', () => {
    const played = rows(Object.fromEntries(groupGames.map((id, i) => [id, [70 + i, 60]])));
    const results = effectiveResults(structure, played, {});
    const picture = competitionPicture(structure, results, played, emptyLots());
    expect(picture.facts.groups[0]).toMatchObject({ groupId: 'A', isFinal: true });
    const final = resolveSlots(structure, picture.facts).games.find((g) => g.gameId === 'F')!;
    expect([final.home.state, final.away.state]).toEqual(['resolved', 'resolved']);
  });

  it('a game reopened for a correction keeps counting with its last result until it is decided again', () => {
    const played = rows(Object.fromEntries(groupGames.map((id) => [id, [70, 60]])));
    const applied = effectiveResults(structure, played, {});
    const reopened = new Map(played);
    reopened.set(groupGames[0]!, {
      ...played.get(groupGames[0]!)!,
      status: 'live',
      result: null,
      homeScore: 50,
      awayScore: 52,
    });
    expect(effectiveResults(structure, reopened, applied)).toEqual(applied);
    // A game that was never decided has no result to keep.
    const neverPlayed = rows({});
    expect(effectiveResults(structure, neverPlayed, {})).toEqual({});
  });
});
