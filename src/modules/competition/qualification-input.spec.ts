import { buildCompetition, type Slot } from '../../domain/competition/index.js';
import { advancingPlacesOf } from './qualification-input.js';

const team = (teamId: string): Slot => ({ kind: 'team', teamId });
const place = (groupId: string, p: number): Slot => ({ kind: 'group_place', groupId, place: p });
const group = (id: string, prefix: string) => ({
  id,
  size: 4,
  entrants: [1, 2, 3, 4].map((i) => team(`${prefix}${i}`)),
});

describe('the places of a group that go through', () => {
  it('two groups of four, the top two into the semi-finals', () => {
    const structure = buildCompetition({
      stages: [
        { kind: 'group', id: 'S1', roundRobin: 'single', groups: [group('A', 'a'), group('B', 'b')] },
        {
          kind: 'knockout',
          id: 'KO',
          entrants: [place('A', 1), place('B', 1), place('B', 2), place('A', 2)],
          thirdPlaceGame: true,
        },
      ],
    });
    expect(advancingPlacesOf(structure, 'A')).toEqual({ advancing: 2, possible: 2 });
  });

  it('three groups, the winners and the best runner-up: 2nd place may go through', () => {
    const structure = buildCompetition({
      stages: [
        {
          kind: 'group',
          id: 'S1',
          roundRobin: 'single',
          groups: [group('A', 'a'), group('B', 'b'), group('C', 'c')],
        },
        {
          kind: 'knockout',
          id: 'KO',
          entrants: [
            place('A', 1),
            place('B', 1),
            place('C', 1),
            { kind: 'best_placed', stageId: 'S1', place: 2, rank: 1 },
          ],
        },
      ],
    });
    expect(advancingPlacesOf(structure, 'B')).toEqual({ advancing: 1, possible: 2 });
  });

  it('a league table with nothing after it marks nobody', () => {
    const structure = buildCompetition({
      stages: [{ kind: 'group', id: 'S1', roundRobin: 'single', groups: [group('A', 'a')] }],
    });
    expect(advancingPlacesOf(structure, 'A')).toBeNull();
  });

  it('places that only reach a consolation bracket (places 5–8) are not "through"', () => {
    const structure = buildCompetition({
      stages: [
        { kind: 'group', id: 'S1', roundRobin: 'single', groups: [group('A', 'a'), group('B', 'b')] },
        { kind: 'knockout', id: 'KO', entrants: [place('A', 1), place('B', 2), place('B', 1), place('A', 2)] },
        {
          kind: 'knockout',
          id: 'CO',
          entrants: [place('A', 3), place('B', 4), place('B', 3), place('A', 4)],
          placeOffset: 4,
          gameIdPrefix: 'C-',
        },
      ],
    });
    expect(advancingPlacesOf(structure, 'A')).toEqual({ advancing: 2, possible: 2 });
  });
});
