import { buildCompetition } from './build-structure.js';
import { teams } from './test-support.js';
import type { CompetitionConfig, GroupStageConfig, KnockoutStageConfig, Slot } from './types.js';

const groupStage = (sizes: number[]): GroupStageConfig => ({
  kind: 'group',
  id: 'S1',
  roundRobin: 'single',
  groups: sizes.map((size, i) => ({ id: 'ABCD'[i], size, entrants: teams(size, 'ABCD'[i]) })),
});
const knockout = (entrants: Slot[], extra: Partial<KnockoutStageConfig> = {}): KnockoutStageConfig => ({
  kind: 'knockout',
  id: 'KO',
  entrants,
  ...extra,
});
const place = (groupId: string, p: number): Slot => ({ kind: 'group_place', groupId, place: p });
const code = (c: string) => expect.objectContaining({ code: c, kind: 'invalid' });

describe('buildCompetition', () => {
  const config: CompetitionConfig = {
    stages: [
      groupStage([4, 3]),
      knockout([place('A', 1), place('B', 1), place('A', 2), place('B', 2)], { thirdPlaceGame: true }),
    ],
  };

  it('is plain JSON: it survives a round trip through JSON unchanged', () => {
    const structure = buildCompetition(config);
    expect(JSON.parse(JSON.stringify(structure))).toEqual(structure);
    expect(structure.formatVersion).toBe(1);
  });

  it('gives every game a stable id and its direct dependencies', () => {
    const structure = buildCompetition(config);
    expect(structure.games.map((g) => g.id)).toEqual([
      'S1-A-R1-G1',
      'S1-A-R1-G2',
      'S1-B-R1-G1',
      'S1-A-R2-G1',
      'S1-A-R2-G2',
      'S1-B-R2-G1',
      'S1-A-R3-G1',
      'S1-A-R3-G2',
      'S1-B-R3-G1',
      'SF1',
      'SF2',
      'F',
      '3P',
    ]);
    const sf1 = structure.games.find((g) => g.id === 'SF1')!;
    expect(sf1.dependsOn.sort()).toEqual([
      'S1-A-R1-G1',
      'S1-A-R1-G2',
      'S1-A-R2-G1',
      'S1-A-R2-G2',
      'S1-A-R3-G1',
      'S1-A-R3-G2',
      'S1-B-R1-G1',
      'S1-B-R2-G1',
      'S1-B-R3-G1',
    ]);
    expect(structure.games.find((g) => g.id === '3P')!.dependsOn).toEqual(['SF1', 'SF2']);
    expect(structure.games[0].dependsOn).toEqual([]);
  });

  it('records each group’s round count: 3 rounds for 4 teams and for 3 teams (one bye each)', () => {
    const stage = buildCompetition(config).stages[0];
    expect(stage.kind === 'group' && stage.groups.map((g) => g.rounds)).toEqual([3, 3]);
  });

  it('a double round robin plays every pair twice, second leg mirrored', () => {
    const structure = buildCompetition({ stages: [{ ...groupStage([4]), roundRobin: 'double' }] });
    expect(structure.games).toHaveLength(12);
    expect(structure.games.filter((g) => g.leg === 2)).toHaveLength(6);
  });

  it('refuses references that could never be filled', () => {
    expect(() => buildCompetition({ stages: [groupStage([4, 3]), knockout([place('A', 1), place('Z', 1)])] })).toThrow(
      code('COMPETITION_UNKNOWN_GROUP'),
    );
    expect(() => buildCompetition({ stages: [groupStage([4, 3]), knockout([place('A', 1), place('B', 4)])] })).toThrow(
      code('COMPETITION_PLACE_OUT_OF_RANGE'),
    );
    expect(() => buildCompetition({ stages: [groupStage([4, 3]), knockout([place('A', 1), place('A', 1)])] })).toThrow(
      code('COMPETITION_SLOT_USED_TWICE'),
    );
    expect(() => buildCompetition({ stages: [knockout([place('A', 1), place('B', 1)]), groupStage([4, 3])] })).toThrow(
      code('COMPETITION_UNKNOWN_GROUP'),
    );
  });

  it('refuses a "best runner-up" next to a runner-up taken by group (one team could be picked twice)', () => {
    const best: Slot = { kind: 'best_placed', stageId: 'S1', place: 2, rank: 1 };
    expect(() =>
      buildCompetition({ stages: [groupStage([4, 3]), knockout([place('A', 1), place('B', 2), best])] }),
    ).toThrow(code('COMPETITION_OVERLAPPING_SLOTS'));
    const tooDeep: Slot = { kind: 'best_placed', stageId: 'S1', place: 4, rank: 2 };
    expect(() => buildCompetition({ stages: [groupStage([4, 3]), knockout([place('A', 1), tooDeep])] })).toThrow(
      code('COMPETITION_PLACE_OUT_OF_RANGE'),
    );
  });

  it('refuses an undrawn group, a team entered twice and a one-team knockout', () => {
    const undrawn = groupStage([4]);
    undrawn.groups[0].entrants = undefined;
    expect(() => buildCompetition({ stages: [undrawn] })).toThrow(code('COMPETITION_GROUP_NOT_DRAWN'));
    expect(() => buildCompetition({ stages: [knockout([...teams(3), ...teams(1)])] })).toThrow(
      code('COMPETITION_SLOT_USED_TWICE'),
    );
    expect(() => buildCompetition({ stages: [knockout(teams(1))] })).toThrow(code('COMPETITION_KNOCKOUT_TOO_SMALL'));
    expect(() => buildCompetition({ stages: [] })).toThrow(code('COMPETITION_NO_STAGES'));
  });

  it('two knockout stages need a game-id prefix to keep ids unique', () => {
    const winners = knockout([place('A', 1), place('B', 1)]);
    const consolation = knockout([place('A', 3), place('B', 3)], { id: 'KO2', placeOffset: 4 });
    expect(() => buildCompetition({ stages: [groupStage([4, 3]), winners, consolation] })).toThrow(
      code('COMPETITION_DUPLICATE_GAME_ID'),
    );
    const ok = buildCompetition({ stages: [groupStage([4, 3]), winners, { ...consolation, gameIdPrefix: 'C-' }] });
    expect(ok.games.filter((g) => g.stageId === 'KO2').map((g) => [g.id, g.winnerPlaces])).toEqual([['C-F', [5, 5]]]);
  });

  it('static entrants from the same group are swapped apart at build time', () => {
    const structure = buildCompetition({
      stages: [groupStage([4, 3]), knockout([place('A', 1), place('B', 1), place('B', 2), place('A', 2)])],
    });
    const sf1 = structure.games.find((g) => g.id === 'SF1')!;
    expect([sf1.home, sf1.away]).toEqual([place('A', 1), place('B', 2)]);
  });
});
