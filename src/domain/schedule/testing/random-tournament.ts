/**
 * For property specs: fast-check arbitraries for tournaments of groups and knockout games
 * with known, possible and undecided teams.
 */
import fc from 'fast-check';
import type { CourtWindow, ScheduleGame, ScheduleInput } from '../types.js';

export interface TournamentShape {
  groupSizes: number[];
  chainRounds: boolean;
  knockout: Array<{
    depPicks: number[];
    known: number | null;
    possible: 'none' | 'one' | 'two';
    duration: number | null;
  }>;
  courtCount: number;
  slotMinutes: number;
  minRestMinutes: number;
  dependencyBufferMinutes: number;
  startStepMinutes: number;
}

export const tournamentShape: fc.Arbitrary<TournamentShape> = fc.record({
  groupSizes: fc.array(fc.integer({ min: 2, max: 5 }), { minLength: 1, maxLength: 3 }),
  chainRounds: fc.boolean(),
  knockout: fc.array(
    fc.record({
      depPicks: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
      known: fc.option(fc.nat(), { nil: null }),
      possible: fc.constantFrom('none' as const, 'one' as const, 'two' as const),
      duration: fc.option(fc.constantFrom(40, 60, 75), { nil: null }),
    }),
    { maxLength: 6 },
  ),
  courtCount: fc.integer({ min: 1, max: 4 }),
  slotMinutes: fc.constantFrom(40, 60, 90),
  minRestMinutes: fc.constantFrom(0, 15, 60, 120),
  dependencyBufferMinutes: fc.constantFrom(0, 10, 30),
  startStepMinutes: fc.constantFrom(1, 5, 15, 30),
});

export function gamesOf(shape: TournamentShape): ScheduleGame[] {
  const games: ScheduleGame[] = [];
  const allTeams: string[] = [];
  shape.groupSizes.forEach((size, g) => {
    const teams = Array.from({ length: size }, (_, i) => `T${g}${i}`);
    allTeams.push(...teams);
    let previous: string | null = null;
    let round = 1;
    for (let i = 0; i < size; i++) {
      for (let j = i + 1; j < size; j++) {
        const id = `G${g}-${teams[i]}-${teams[j]}`;
        games.push({
          id,
          teamIds: [teams[i], teams[j]],
          dependsOn: shape.chainRounds && previous ? [previous] : [],
          round: round++,
        });
        previous = id;
      }
    }
  });
  shape.knockout.forEach((ko, k) => {
    const dependsOn = [...new Set(ko.depPicks.map((p) => games[p % games.length].id))];
    const teamIds = ko.known === null ? [] : [allTeams[ko.known % allTeams.length]];
    const pick = (offset: number) => allTeams.filter((_, i) => (i + offset + k) % 3 === 0);
    const sidesOpen = 2 - teamIds.length;
    const possibleTeamIds =
      ko.possible === 'none' ? undefined : ko.possible === 'one' || sidesOpen < 2 ? [pick(0)] : [pick(0), pick(1)];
    const sides = teamIds.length + (possibleTeamIds?.length ?? 0);
    games.push({
      id: `KO${k}`,
      teamIds,
      ...(possibleTeamIds && sides <= 2 ? { possibleTeamIds } : {}),
      dependsOn,
      ...(ko.duration === null ? {} : { durationMinutes: ko.duration }),
    });
  });
  return games;
}

const dateOf = (day: number) => new Date(Date.UTC(2024, 4, 1 + day)).toISOString().slice(0, 10);
const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** One 08:00–22:00 window per court on as many days as there are games: always enough, one game a day. */
export function roomyInput(shape: TournamentShape): ScheduleInput {
  const games = gamesOf(shape);
  const courts = Array.from({ length: shape.courtCount }, (_, i) => ({ id: `c${i}`, name: `${i + 1}号场` }));
  const windows: CourtWindow[] = [];
  for (let d = 0; d <= games.length; d++) {
    for (const c of courts) windows.push({ courtId: c.id, start: `${dateOf(d)}T08:00`, end: `${dateOf(d)}T22:00` });
  }
  return { games, courts, windows, settings: settingsOf(shape) };
}

export interface TightExtras {
  days: number;
  windows: Array<{ court: number; day: number; from: number; hours: number }>;
  fixed: Array<{ game: number; court: number; day: number; minute: number }>;
  preferred: Array<{ game: number; court: number }>;
}

export const tightExtras: fc.Arbitrary<TightExtras> = fc.record({
  days: fc.integer({ min: 1, max: 3 }),
  windows: fc.array(
    fc.record({
      court: fc.nat(3),
      day: fc.nat(2),
      from: fc.integer({ min: 16, max: 40 }),
      hours: fc.integer({ min: 1, max: 10 }),
    }),
    { minLength: 1, maxLength: 10 },
  ),
  fixed: fc.array(
    fc.record({ game: fc.nat(), court: fc.nat(3), day: fc.nat(2), minute: fc.integer({ min: 96, max: 270 }) }),
    {
      maxLength: 2,
    },
  ),
  preferred: fc.array(fc.record({ game: fc.nat(), court: fc.nat(3) }), { maxLength: 3 }),
});

/** Few, short windows, maybe fixed slots and preferred courts: feasible or not. */
export function tightInput(shape: TournamentShape, extras: TightExtras): ScheduleInput {
  const games = gamesOf(shape);
  const courts = Array.from({ length: shape.courtCount }, (_, i) => ({ id: `c${i}`, name: `${i + 1}号场` }));
  const windows = extras.windows.map((w) => {
    const from = w.from * 30; // 08:00 to 20:00 in half hours
    const to = Math.min(from + w.hours * 60, 23 * 60 + 55);
    const date = dateOf(w.day % extras.days);
    return { courtId: courts[w.court % courts.length].id, start: `${date}T${hhmm(from)}`, end: `${date}T${hhmm(to)}` };
  });
  for (const f of extras.fixed) {
    const game = games[f.game % games.length];
    game.fixed = {
      courtId: courts[f.court % courts.length].id,
      start: `${dateOf(f.day % extras.days)}T${hhmm(f.minute * 5)}`,
    };
  }
  for (const p of extras.preferred)
    games[p.game % games.length].preferredCourtIds = [courts[p.court % courts.length].id];
  return { games, courts, windows, settings: settingsOf(shape) };
}

const settingsOf = (shape: TournamentShape) => ({
  slotMinutes: shape.slotMinutes,
  minRestMinutes: shape.minRestMinutes,
  dependencyBufferMinutes: shape.dependencyBufferMinutes,
  startStepMinutes: shape.startStepMinutes,
});
