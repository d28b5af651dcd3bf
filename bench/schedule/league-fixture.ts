/**
 * A 1,000-game league for the scheduler benchmark: 4 divisions of 16 teams playing a double
 * round robin (4 × 240 = 960 games, 30 rounds), then per division the top 8 play
 * quarter-finals, 5th–8th classification, semi-finals, a 3rd-place game and a final
 * (4 × 10 = 40 games). 20 courts, open 08:00–22:00 every day.
 */
import type { CourtWindow, ScheduleGame, ScheduleInput } from '../../src/domain/schedule/index.js';

export interface LeagueOptions {
  /** Chain each round to the previous one with dependsOn (true), or order rounds by number only. */
  chainRounds: boolean;
  /** Fix each division's final on court C01 on 10 May (13:00, 14:30, 16:00, 19:30). */
  fixedFinals?: boolean;
  days?: number;
}

export function leagueOf1000Games({ chainRounds, fixedFinals = false, days = 21 }: LeagueOptions): ScheduleInput {
  const games: ScheduleGame[] = [];
  for (const division of ['A', 'B', 'C', 'D']) {
    const teams = Array.from({ length: 16 }, (_, i) => `${division}${String(i + 1).padStart(2, '0')}`);
    const rounds = doubleRoundRobin(teams);
    let previous: string[] = [];
    rounds.forEach((pairs, r) => {
      const ids = pairs.map(([home, away], k) => {
        const id = `${division}-R${r + 1}-${k + 1}`;
        games.push({ id, teamIds: [home, away], dependsOn: chainRounds ? previous : [], round: r + 1 });
        return id;
      });
      previous = ids;
    });
    const lastRound = previous;
    const ko = (id: string, dependsOn: string[], round: number, preferredCourtIds?: string[]) =>
      games.push({
        id: `${division}-${id}`,
        teamIds: [],
        dependsOn,
        round,
        ...(preferredCourtIds ? { preferredCourtIds } : {}),
      });
    ['QF1', 'QF2', 'QF3', 'QF4'].forEach((qf) =>
      ko(qf, chainRounds ? lastRound : games.filter((g) => g.id.startsWith(`${division}-R`)).map((g) => g.id), 31),
    );
    ko('P5-8a', [`${division}-QF1`, `${division}-QF2`], 32);
    ko('P5-8b', [`${division}-QF3`, `${division}-QF4`], 32);
    ko('SF1', [`${division}-QF1`, `${division}-QF2`], 32);
    ko('SF2', [`${division}-QF3`, `${division}-QF4`], 32);
    ko('3rd', [`${division}-SF1`, `${division}-SF2`], 33);
    ko('F', [`${division}-SF1`, `${division}-SF2`], 33, ['C01']);
    if (fixedFinals) games[games.length - 1].fixed = { courtId: 'C01', start: `2024-05-10T${FINAL_TIMES[division]}` };
  }
  const courts = Array.from({ length: 20 }, (_, i) => ({
    id: `C${String(i + 1).padStart(2, '0')}`,
    name: `${i + 1}号场`,
  }));
  const windows: CourtWindow[] = [];
  for (let day = 0; day < days; day++) {
    const date = new Date(Date.UTC(2024, 4, 1 + day)).toISOString().slice(0, 10);
    for (const court of courts) windows.push({ courtId: court.id, start: `${date}T08:00`, end: `${date}T22:00` });
  }
  return { games, courts, windows, settings: { slotMinutes: 90, minRestMinutes: 60, dependencyBufferMinutes: 0 } };
}

const FINAL_TIMES: Record<string, string> = { A: '13:00', B: '14:30', C: '16:00', D: '19:30' };

/** Circle method: team 0 stays, the others rotate; the second half repeats with home and away swapped. */
function doubleRoundRobin(teams: string[]): Array<Array<[string, string]>> {
  const n = teams.length;
  const ring = teams.slice(1);
  const first: Array<Array<[string, string]>> = [];
  for (let r = 0; r < n - 1; r++) {
    const order = [teams[0], ...ring.slice(r), ...ring.slice(0, r)];
    first.push(Array.from({ length: n / 2 }, (_, k) => [order[k], order[n - 1 - k]] as [string, string]));
  }
  return [...first, ...first.map((round) => round.map(([home, away]) => [away, home] as [string, string]))];
}
