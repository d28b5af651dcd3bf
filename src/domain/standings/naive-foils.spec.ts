/**
 * Proof that the FIBA procedure matters: three plausible but wrong rankings, implemented here only as
 * foils, give a different order than the official one on real groups (or on a constructed group).
 */
import { gameWithId } from './fixtures/game.js';
import {
  euroBasket2015GroupB,
  euroBasket2022GroupA,
  euroBasket2022GroupC,
  olympics2024MenGroupA,
  worldCup2014GroupC,
  worldCup2019GroupK,
  type RealGroupFixture,
} from './fixtures/fiba-tournaments.js';
import { computeGroupStandings } from './group-standings.js';
import { miniTableOf } from './tally.js';
import type { GroupGame, TeamRecord } from './types.js';

interface Group {
  teamIds: string[];
  games: GroupGame[];
}

const totalsOf = (group: Group) =>
  new Map(computeGroupStandings(group).rows.map((r): [string, TeamRecord] => [r.teamId, r]));

/** Teams grouped by classification points, best first: every foil starts from the same first criterion. */
function levels(group: Group): string[][] {
  const totals = totalsOf(group);
  const points = [...new Set([...totals.values()].map((r) => r.classificationPoints))].sort((a, b) => b - a);
  return points.map((p) => group.teamIds.filter((id) => totals.get(id)!.classificationPoints === p).sort());
}

type Measure = (mini: TeamRecord, whole: TeamRecord) => number;
const MEASURES: Measure[] = [
  (m) => m.classificationPoints,
  (m) => m.pointDifference,
  (m) => m.pointsFor,
  (_m, w) => w.pointDifference,
  (_m, w) => w.pointsFor,
];

/** Foil 1, the spreadsheet ranking: classification points, then overall point difference, then points scored. */
function byOverallDifference(group: Group): string[] {
  const totals = totalsOf(group);
  return [...group.teamIds].sort((a, b) => {
    const [x, y] = [totals.get(a)!, totals.get(b)!];
    return (
      y.classificationPoints - x.classificationPoints ||
      y.pointDifference - x.pointDifference ||
      y.pointsFor - x.pointsFor
    );
  });
}

/**
 * Foil 2, "one team at a time": the first criterion with a single best team places that team, then the
 * procedure restarts for the rest, even when the criterion had already ordered all of them.
 */
function oneAtATime(group: Group): string[] {
  const totals = totalsOf(group);
  const place = (tied: string[]): string[] => {
    if (tied.length <= 1) return tied;
    const mini = new Map(miniTableOf(tied, group.games).rows.map((r) => [r.teamId, r]));
    for (const measure of MEASURES) {
      const value = (id: string) => measure(mini.get(id)!, totals.get(id)!);
      const best = Math.max(...tied.map(value));
      const leaders = tied.filter((id) => value(id) === best);
      if (leaders.length === 1) return [leaders[0], ...place(tied.filter((id) => id !== leaders[0]))];
    }
    return tied;
  };
  return levels(group).flatMap(place);
}

/** Foil 3, "never restart": all criteria as one sort key over the mini-table of the original tied teams. */
function neverRestart(group: Group): string[] {
  const totals = totalsOf(group);
  return levels(group).flatMap((tied) => {
    const mini = new Map(miniTableOf(tied, group.games).rows.map((r) => [r.teamId, r]));
    const key = (id: string) => MEASURES.map((m) => m(mini.get(id)!, totals.get(id)!));
    return [...tied].sort((a, b) => {
      const [ka, kb] = [key(a), key(b)];
      const i = ka.findIndex((v, j) => v !== kb[j]);
      return i === -1 ? 0 : kb[i] - ka[i];
    });
  });
}

const withScenario = (cases: Array<[RealGroupFixture, string[]]>) =>
  cases.map(([fixture, order]): [string, RealGroupFixture, string[]] => [fixture.scenario, fixture, order]);

const official = (fixture: RealGroupFixture) => computeGroupStandings(fixture).rows.map((r) => r.teamId);

describe('foil 1: ranking tied teams by overall point difference is wrong', () => {
  it.each(
    withScenario([
      [euroBasket2022GroupC, ['Greece', 'Italy', 'Croatia', 'Ukraine', 'Estonia', 'Great Britain']],
      [worldCup2014GroupC, ['USA', 'Turkey', 'Ukraine', 'New Zealand', 'Dominican Republic', 'Finland']],
      [euroBasket2022GroupA, ['Spain', 'Turkey', 'Montenegro', 'Belgium', 'Georgia', 'Bulgaria']],
      [olympics2024MenGroupA, ['Canada', 'Australia', 'Spain', 'Greece']],
    ]),
  )('%s', (_scenario, fixture, naiveOrder) => {
    expect(byOverallDifference(fixture)).toEqual(naiveOrder);
    expect(official(fixture)).toEqual(fixture.officialOrder);
    expect(naiveOrder).not.toEqual(fixture.officialOrder);
  });

  it('agrees with FIBA when head-to-head and overall figures point the same way', () => {
    expect(byOverallDifference(euroBasket2015GroupB)).toEqual(euroBasket2015GroupB.officialOrder);
  });
});

describe('foil 2: placing one team and restarting for the rest is wrong', () => {
  it.each(
    withScenario([
      [euroBasket2022GroupC, ['Greece', 'Ukraine', 'Italy', 'Croatia', 'Estonia', 'Great Britain']],
      [worldCup2019GroupK, ['USA', 'Czech Republic', 'Brazil', 'Greece']],
      [olympics2024MenGroupA, ['Canada', 'Australia', 'Spain', 'Greece']],
      [euroBasket2015GroupB, ['Serbia', 'Spain', 'Turkey', 'Italy', 'Germany', 'Iceland']],
    ]),
  )('%s', (_scenario, fixture, foilOrder) => {
    // Head-to-head difference had already separated all three; the foil re-decides the last two.
    expect(oneAtATime(fixture)).toEqual(foilOrder);
    expect(official(fixture)).toEqual(fixture.officialOrder);
    expect(foilOrder).not.toEqual(fixture.officialOrder);
  });

  it('agrees with FIBA when the last two happen to be ordered the same way by their own game', () => {
    expect(oneAtATime(worldCup2014GroupC)).toEqual(worldCup2014GroupC.officialOrder);
  });
});

describe('foil 3: never restarting for a sub-set still level is wrong', () => {
  // Double round robin, all 2-2. Among the three: A +20, B -10, C -10. B and C must restart on their
  // own two games (C +5); without the restart, points scored among all three puts B ahead.
  const constructed: Group = {
    teamIds: ['A', 'B', 'C'],
    games: [
      gameWithId('1', 'A', 80, 70, 'B'),
      gameWithId('2', 'B', 75, 70, 'A'),
      gameWithId('3', 'A', 70, 50, 'C'),
      gameWithId('4', 'C', 65, 60, 'A'),
      gameWithId('5', 'B', 70, 60, 'C'),
      gameWithId('6', 'C', 85, 70, 'B'),
    ],
  };

  it('a constructed double round robin', () => {
    expect(neverRestart(constructed)).toEqual(['A', 'B', 'C']);
    expect(computeGroupStandings(constructed).rows.map((r) => r.teamId)).toEqual(['A', 'C', 'B']);
  });

  it('agrees with FIBA on the real groups, where one criterion separated everybody', () => {
    for (const fixture of [euroBasket2022GroupC, worldCup2019GroupK, olympics2024MenGroupA]) {
      expect(neverRestart(fixture)).toEqual(fixture.officialOrder);
    }
  });
});
