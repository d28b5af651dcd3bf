import { buildCompetition } from './build-structure.js';
import { computeFinalRanking } from './final-ranking.js';
import { playOut, teams } from './test-support.js';

/** 12 teams straight into a knockout (16-bracket, seeds 1–4 get byes), no classification games. */
const twelveTeamKnockout = () => buildCompetition({ stages: [{ kind: 'knockout', id: 'KO', entrants: teams(12) }] });

describe('final places of a 12-team knockout without classification games', () => {
  it('first-round losers share 9–12 and quarter-final losers 5–8, semi-final losers 3–4, none waiting for lots', () => {
    const s = twelveTeamKnockout();
    const places = computeFinalRanking(s, playOut(s), { ties: 'share' });
    expect(places.map((p) => [p.place, p.placeTo, p.decidedBy])).toEqual([
      [1, 1, 'placement_game'],
      [2, 2, 'placement_game'],
      [3, 4, 'shared'],
      [3, 4, 'shared'],
      [5, 8, 'shared'],
      [5, 8, 'shared'],
      [5, 8, 'shared'],
      [5, 8, 'shared'],
      [9, 12, 'shared'],
      [9, 12, 'shared'],
      [9, 12, 'shared'],
      [9, 12, 'shared'],
    ]);
    expect(places.some((p) => p.needsDraw)).toBe(false);
    // Home (the better seed) wins every game: seeds 9–12 go out in the first round.
    expect(new Set(places.slice(8).map((p) => p.teamId))).toEqual(new Set(['T9', 'T10', 'T11', 'T12']));
    expect(places[8].tiedWith).toHaveLength(3);
  });

  it('a drawing of lots the organiser recorded separates a shared block', () => {
    const s = twelveTeamKnockout();
    const places = computeFinalRanking(s, playOut(s), { ties: 'share', drawOrder: ['T12', 'T11', 'T10', 'T9'] });
    expect(places.slice(8).map((p) => [p.place, p.placeTo, p.teamId, p.decidedBy, p.needsDraw])).toEqual([
      [9, 9, 'T12', 'draw', false],
      [10, 10, 'T11', 'draw', false],
      [11, 11, 'T10', 'draw', false],
      [12, 12, 'T9', 'draw', false],
    ]);
    // The other blocks stay shared.
    expect(places[4]).toMatchObject({ place: 5, placeTo: 8, decidedBy: 'shared' });
  });

  it('asked to flag ties for a draw, the same block lists 9, 10, 11, 12 with needsDraw', () => {
    const s = twelveTeamKnockout();
    const places = computeFinalRanking(s, playOut(s));
    expect(places.slice(8).map((p) => [p.place, p.needsDraw])).toEqual([
      [9, true],
      [10, true],
      [11, true],
      [12, true],
    ]);
  });
});
