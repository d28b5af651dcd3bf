/**
 * Checks a ScheduleInput once and turns it into indexed facts the scheduler, the move check
 * and the audit share: durations, dependency gaps, the teams each game's rest rule protects,
 * dependency levels and the latest end a fixed game downstream allows.
 */
import { invalid, type ErrorDetail } from '../shared/domain-error.js';
import { MINUTES_PER_DAY, toMinutes } from './local-time.js';
import type { Court, ScheduleGame, ScheduleInput } from './types.js';

export interface PreparedGame {
  index: number;
  game: ScheduleGame;
  id: string;
  duration: number;
  deps: number[];
  dependents: number[];
  /** Interned team numbers (see PreparedInput.teamIds) the rest rule protects. */
  guardedTeams: number[];
  /** Minutes after a dependency ends before this game may start. */
  gap: number;
  /** 0 for games with no dependencies, else 1 + the deepest dependency. */
  level: number;
  fixedCourt: number | null;
  fixedStart: number | null;
  preferredCourts: number[];
  /** Latest end that still lets every fixed game downstream keep its slot (Infinity if none). */
  latestEnd: number;
  /** The game that sets `latestEnd`: a fixed game downstream, or one whose days end then (-1 if none). */
  deadlineGame: number;
  /** Earliest start its days allow (-Infinity if any day). */
  notBefore: number;
  /** Games of the earlier stages it waits for: it starts on a later day than they end (newDayForNewStage). */
  newDayAfter: number[];
  /** The game this one is played before on the same day (index), or null. */
  beforeOnSameDay: number | null;
  /** Interned exclusive key (-1: none): games sharing it never share a team. */
  exclusive: number;
}

export interface PreparedInput {
  games: PreparedGame[];
  gameIndex: Map<string, number>;
  courts: Court[];
  courtIndex: Map<string, number>;
  /** Per court, the merged open periods [start, end) in minutes, sorted. */
  windows: Array<Array<[number, number]>>;
  teamIds: string[];
  minRest: number;
  buffer: number;
  step: number;
  /** Game indexes in scheduling priority: dependency level, round, deadline, input order. */
  order: number[];
}

export function prepareInput(input: ScheduleInput): PreparedInput {
  const problems: ErrorDetail[] = [];
  const problem = (field: string, reason: string) => problems.push({ field, reason });
  const { settings } = input;

  const slot = settings.slotMinutes;
  const minRest = settings.minRestMinutes;
  const buffer = settings.dependencyBufferMinutes ?? 0;
  const step = settings.startStepMinutes ?? 5;
  if (!isWhole(slot) || slot <= 0) problem('settings.slotMinutes', 'must be a whole number of minutes above 0');
  if (!isWhole(minRest) || minRest < 0)
    problem('settings.minRestMinutes', 'must be a whole number of minutes, 0 or more');
  if (!isWhole(buffer) || buffer < 0)
    problem('settings.dependencyBufferMinutes', 'must be a whole number of minutes, 0 or more');
  if (!isWhole(step) || step < 1 || step > 720)
    problem('settings.startStepMinutes', 'must be a whole number of minutes from 1 to 720');

  const courtIndex = new Map<string, number>();
  input.courts.forEach((court, i) => {
    if (courtIndex.has(court.id)) problem(`courts[${i}].id`, `court '${court.id}' is listed twice`);
    else courtIndex.set(court.id, i);
  });

  const raw: Array<Array<[number, number]>> = input.courts.map(() => []);
  input.windows.forEach((window, i) => {
    const court = courtIndex.get(window.courtId);
    if (court === undefined) return problem(`windows[${i}].courtId`, `unknown court '${window.courtId}'`);
    const start = guardTime(window.start, `windows[${i}].start`, problems);
    const end = guardTime(window.end, `windows[${i}].end`, problems);
    if (start === null || end === null) return;
    if (end <= start) return problem(`windows[${i}]`, 'a window must end after it starts');
    raw[court].push([start, end]);
  });

  const gameIndex = new Map<string, number>();
  input.games.forEach((game, i) => {
    if (gameIndex.has(game.id)) problem(`games[${i}].id`, `game '${game.id}' is listed twice`);
    else gameIndex.set(game.id, i);
  });

  const teamIndex = new Map<string, number>();
  const teamIds: string[] = [];
  const intern = (team: string) => {
    let n = teamIndex.get(team);
    if (n === undefined) {
      n = teamIds.length;
      teamIndex.set(team, n);
      teamIds.push(team);
    }
    return n;
  };

  const keys = new Map<string, number>();
  const internKey = (key: string) => {
    if (!keys.has(key)) keys.set(key, keys.size);
    return keys.get(key)!;
  };

  const sides: number[] = [];
  const games: PreparedGame[] = input.games.map((game, i) => {
    const field = `games[${i}]`;
    if (game.teamIds.length > 2) problem(`${field}.teamIds`, `game '${game.id}' has more than two teams`);
    if (new Set(game.teamIds).size !== game.teamIds.length)
      problem(`${field}.teamIds`, `game '${game.id}' lists a team twice`);
    const duration = game.durationMinutes ?? slot;
    if (!isWhole(duration) || duration <= 0)
      problem(`${field}.durationMinutes`, 'must be a whole number of minutes above 0');
    const deps: number[] = [];
    for (const dep of game.dependsOn) {
      const d = gameIndex.get(dep);
      if (d === undefined) problem(`${field}.dependsOn`, `game '${game.id}' depends on unknown game '${dep}'`);
      else if (d === i) problem(`${field}.dependsOn`, `game '${game.id}' depends on itself`);
      else if (!deps.includes(d)) deps.push(d);
    }
    let fixedCourt: number | null = null;
    let fixedStart: number | null = null;
    if (game.fixed) {
      fixedCourt = courtIndex.get(game.fixed.courtId) ?? null;
      if (fixedCourt === null) problem(`${field}.fixed.courtId`, `unknown court '${game.fixed.courtId}'`);
      fixedStart = guardTime(game.fixed.start, `${field}.fixed.start`, problems);
    }
    const preferredCourts: number[] = [];
    (game.preferredCourtIds ?? []).forEach((courtId) => {
      const c = courtIndex.get(courtId);
      if (c === undefined) problem(`${field}.preferredCourtIds`, `unknown court '${courtId}'`);
      else preferredCourts.push(c);
    });
    sides.push(game.teamIds.length + (game.possibleTeamIds?.length ?? 0));
    let notBefore = -Infinity;
    let dayEnd = Infinity;
    if (game.days) {
      const first = guardTime(`${game.days.first}T00:00`, `${field}.days.first`, problems);
      const last = guardTime(`${game.days.last}T00:00`, `${field}.days.last`, problems);
      if (first !== null && last !== null) {
        if (last < first) problem(`${field}.days`, `game '${game.id}': the last day is before the first`);
        notBefore = first;
        dayEnd = last + MINUTES_PER_DAY;
      }
    }
    return {
      index: i,
      game,
      id: game.id,
      duration,
      deps,
      dependents: [],
      guardedTeams: [],
      // The winner of the earlier game may be a team of this one: it gets its rest too.
      gap: game.teamIds.length < 2 ? Math.max(buffer, minRest) : buffer,
      level: 0,
      fixedCourt,
      fixedStart,
      preferredCourts,
      latestEnd: dayEnd,
      deadlineGame: dayEnd === Infinity ? -1 : i,
      notBefore,
      newDayAfter: [],
      beforeOnSameDay: null,
      exclusive: game.exclusiveKey === undefined ? -1 : internKey(game.exclusiveKey),
    };
  });
  games.forEach((g, i) => {
    const target = g.game.beforeOnSameDay;
    if (target === undefined) return;
    const t = gameIndex.get(target);
    if (t === undefined || t === i)
      return problem(`games[${i}].beforeOnSameDay`, `game '${g.id}' is to be played before unknown game '${target}'`);
    g.beforeOnSameDay = t;
    // Played before it: an ordering dependency, so moves and delays see it too.
    if (!games[t].deps.includes(i)) games[t].deps.push(i);
  });
  if (settings.newDayForNewStage) {
    // A stage starts after the whole earlier stage it waits for, not only the games it depends on.
    const byStage = new Map<string, number[]>();
    for (const g of games)
      if (g.game.stage !== undefined) byStage.set(g.game.stage, [...(byStage.get(g.game.stage) ?? []), g.index]);
    for (const g of games) {
      const stage = g.game.stage;
      if (stage === undefined) continue;
      const earlier = new Set(g.deps.map((d) => games[d].game.stage).filter((s) => s !== undefined && s !== stage));
      g.newDayAfter = [...earlier].flatMap((s) => byStage.get(s!)!);
    }
  }
  for (const g of games) for (const d of g.deps) games[d].dependents.push(g.index);

  const topo = topologicalOrder(games);
  if (topo.length < games.length) {
    const stuck = games.filter((g) => !topo.includes(g.index)).map((g) => g.id);
    problem('games', `dependencies form a cycle among: ${stuck.join(', ')}`);
  }
  if (problems.length > 0) throw invalid('SCHEDULE_INVALID_INPUT', 'The schedule input is not valid', problems);

  for (const i of topo) {
    const g = games[i];
    g.level = g.deps.reduce((level, d) => Math.max(level, games[d].level + 1), 0);
    const guarded = new Set<number>(g.game.teamIds.map(intern));
    // Once both teams are known, the guesses about who might play no longer hold anyone back.
    const possible = g.game.teamIds.length < 2 ? (g.game.possibleTeamIds ?? []) : [];
    for (const side of possible) for (const team of side) guarded.add(intern(team));
    // A side nobody described could be filled by anyone who plays in the games before it.
    if (sides[i] < 2) for (const d of g.deps) for (const team of games[d].guardedTeams) guarded.add(team);
    g.guardedTeams = [...guarded];
  }
  for (let k = topo.length - 1; k >= 0; k--) {
    const g = games[topo[k]];
    for (const s of g.dependents) {
      const next = games[s];
      const latestStart = next.fixedStart ?? next.latestEnd - next.duration;
      if (latestStart - next.gap < g.latestEnd) {
        g.latestEnd = latestStart - next.gap;
        g.deadlineGame = next.fixedStart !== null ? s : next.deadlineGame;
      }
    }
  }

  const order = [...topo].sort(
    (a, b) =>
      games[a].level - games[b].level ||
      (games[a].game.round ?? 0) - (games[b].game.round ?? 0) ||
      compareDeadlines(games[a].latestEnd - games[a].duration, games[b].latestEnd - games[b].duration) ||
      a - b,
  );

  return {
    games,
    gameIndex,
    courts: input.courts,
    courtIndex,
    windows: raw.map(mergeWindows),
    teamIds,
    minRest,
    buffer,
    step,
    order,
  };
}

function topologicalOrder(games: PreparedGame[]): number[] {
  const waiting = games.map((g) => g.deps.length);
  const queue = games.filter((g) => g.deps.length === 0).map((g) => g.index);
  for (let head = 0; head < queue.length; head++) {
    for (const s of games[queue[head]].dependents) if (--waiting[s] === 0) queue.push(s);
  }
  return queue;
}

function mergeWindows(windows: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...windows].sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

function guardTime(value: string, field: string, problems: ErrorDetail[]): number | null {
  try {
    return toMinutes(value, field);
  } catch {
    problems.push({ field, reason: `'${String(value)}' is not a local date-time 'YYYY-MM-DDTHH:mm'` });
    return null;
  }
}

const compareDeadlines = (a: number, b: number) => (a === b ? 0 : a < b ? -1 : 1);
const isWhole = (n: number) => Number.isInteger(n);
