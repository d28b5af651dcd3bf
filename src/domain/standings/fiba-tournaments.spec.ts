import {
  euroBasket2015GroupB,
  euroBasket2022GroupA,
  euroBasket2022GroupC,
  olympics2024MenGroupA,
  realGroups,
  worldCup2014GroupC,
  worldCup2019GroupK,
  type RealGroupFixture,
} from './fixtures/fiba-tournaments.js';
import { computeGroupStandings } from './group-standings.js';

const standingsOf = (fixture: RealGroupFixture) =>
  computeGroupStandings({ teamIds: fixture.teamIds, games: fixture.games });

/** Head-to-head point difference of each team in the mini-table that decided `teamId`. */
const deciderDifferences = (fixture: RealGroupFixture, teamId: string) => {
  const row = standingsOf(fixture).rows.find((r) => r.teamId === teamId)!;
  return Object.fromEntries(row.miniTable!.rows.map((r) => [r.teamId, r.pointDifference]));
};

describe('real FIBA groups: official final order', () => {
  it.each(realGroups.map((f) => [f.scenario, f] as const))('%s', (_scenario, fixture) => {
    const result = standingsOf(fixture);
    expect(result.rows.map((r) => r.teamId)).toEqual(fixture.officialOrder);
    expect(result.rows.map((r) => r.rank)).toEqual(fixture.officialOrder.map((_, i) => i + 1));
    const decided = Object.fromEntries(
      result.rows.filter((r) => r.teamId in fixture.decidedBy).map((r) => [r.teamId, r.decidedBy]),
    );
    expect(decided).toEqual(fixture.decidedBy);
    expect(result).toMatchObject({ complete: true, needsDraw: false, includesLive: false });
  });
});

describe('real FIBA groups: the mini-table behind the decision', () => {
  it('EuroBasket 2022 Group C: Ukraine +6, Croatia 0, Italy -6 among the three', () => {
    expect(deciderDifferences(euroBasket2022GroupC, 'Croatia')).toEqual({ Ukraine: 6, Croatia: 0, Italy: -6 });
    const croatia = standingsOf(euroBasket2022GroupC).rows[2];
    expect(croatia.tiedWith).toEqual(['Ukraine', 'Italy']);
    expect(croatia.miniTable!.gameIds).toHaveLength(3);
  });

  it('EuroBasket 2022 Group A: head-to-head points 4, 3, 2 — no point count needed', () => {
    const turkey = standingsOf(euroBasket2022GroupA).rows[1];
    expect(turkey.miniTable!.rows.map((r) => [r.teamId, r.classificationPoints])).toEqual([
      ['Turkey', 4],
      ['Montenegro', 3],
      ['Belgium', 2],
    ]);
    const georgia = standingsOf(euroBasket2022GroupA).rows[5];
    expect(georgia.miniTable!.gameIds).toEqual(['Georgia-Bulgaria']);
  });

  it('World Cup 2019 Group K: Czech Republic +15, Greece +6, Brazil -21; games outside the group counted', () => {
    expect(deciderDifferences(worldCup2019GroupK, 'Greece')).toEqual({
      'Czech Republic': 15,
      Greece: 6,
      Brazil: -21,
    });
    const rows = standingsOf(worldCup2019GroupK).rows;
    expect(rows.map((r) => [r.teamId, r.played, r.wins, r.classificationPoints])).toEqual([
      ['USA', 5, 5, 10],
      ['Czech Republic', 5, 3, 8],
      ['Greece', 5, 3, 8],
      ['Brazil', 5, 3, 8],
    ]);
  });

  it('Olympics 2024 Group A: Australia +6, Greece -1, Spain -5', () => {
    expect(deciderDifferences(olympics2024MenGroupA, 'Spain')).toEqual({ Australia: 6, Greece: -1, Spain: -5 });
  });

  it('World Cup 2014 Group C: Dominican Republic +3, New Zealand -1, Ukraine -2', () => {
    expect(deciderDifferences(worldCup2014GroupC, 'Ukraine')).toEqual({
      'Dominican Republic': 3,
      'New Zealand': -1,
      Ukraine: -2,
    });
  });

  it('EuroBasket 2015 Group B: Spain +20, Italy +5, Turkey -25', () => {
    expect(deciderDifferences(euroBasket2015GroupB, 'Italy')).toEqual({ Spain: 20, Italy: 5, Turkey: -25 });
  });
});
