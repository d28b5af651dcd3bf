/**
 * A game's result entered from a paper scoresheet: the checks (the same rules a live game obeys
 * at its end) and the reducer case. The result is one play in the log, so corrections (a replace
 * by another paper result), the audit and replay work as for a live game; the box score and the
 * players' lines hold exactly what was entered and nothing else.
 *
 * Checks (every problem is reported, each naming its field as the API names it):
 * - the final score is not level (FIBA Art. 8.7);
 * - periods, when given, are given for both teams, at least the regulation number, each team's
 *   sum equals its score, regulation ends level exactly when overtime follows, and every
 *   overtime but the last ends level;
 * - each player is on that team's roster, at most once, with at most the foul-out limit of fouls;
 *   made <= attempted; 2·FGM2 + 3·FGM3 + FTM = points when all are given (<= otherwise);
 *   oreb + dreb = reb when all are given;
 * - the players' points add up to at most the team's score (the rest is the team's).
 */
import { conflict, type ErrorDetail, invalid } from '../shared/domain-error.js';
import { resolveCorrections } from './corrections.js';
import type { GameStatus } from './game-lifecycle.js';
import type { PlayerGameLine } from '../stats/box-score-line.js';
import { KEPT } from '../stats/kept.js';
import type { GameState } from './game-state.js';
import { type Draft, patchExtras, patchLine, patchPlayer } from './game-draft.js';
import { type GameContext, periodLabel } from './game-settings.js';
import type { EffectivePlay, PaperPlayerLine, PaperResult, PaperTeamResult, PlayEvent } from './play-event.js';
import { rosterLookup } from './play-rules.js';

interface Problem extends ErrorDetail {
  code: string;
}

const SIDES = ['home', 'away'] as const;
const COUNTS = [
  'points',
  'fouls',
  'fgm2',
  'fga2',
  'fgm3',
  'fga3',
  'ftm',
  'fta',
  'oreb',
  'dreb',
  'reb',
  'ast',
  'stl',
  'blk',
  'tov',
] as const satisfies ReadonlyArray<keyof PaperPlayerLine>;

const count = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= 999;

/** Every problem of a paper result for this game (empty when it may be recorded). */
export function paperResultProblems(body: PaperResult, context: GameContext): Problem[] {
  const problems: Problem[] = [];
  const add = (code: string, field: string, reason: string) => problems.push({ code, field, reason });
  const sides = SIDES.map((side) => body[side] as PaperTeamResult | undefined);
  sides.forEach((team, i) => {
    if (team === undefined || !count(team.score))
      add('GAME_PAPER_RESULT_NUMBER_INVALID', `${SIDES[i]}.score`, 'must be a whole number from 0 to 999');
  });
  if (problems.length > 0) return problems;
  const [home, away] = sides as [PaperTeamResult, PaperTeamResult];
  if (home.score === away.score)
    add('GAME_PAPER_RESULT_TIED', 'away.score', 'a game cannot end level: overtime is played until one team leads');
  periodProblems(home, away, context, add);
  sides.forEach((team, i) => playerProblems(team!, SIDES[i]!, context.teams[i]!.teamId, context, add));
  return problems;
}

function periodProblems(
  home: PaperTeamResult,
  away: PaperTeamResult,
  context: GameContext,
  add: (code: string, field: string, reason: string) => void,
): void {
  if (home.periods === undefined && away.periods === undefined) return;
  const code = 'GAME_PAPER_RESULT_PERIODS_INVALID';
  if (home.periods === undefined || away.periods === undefined) {
    add(
      code,
      home.periods === undefined ? 'home.periods' : 'away.periods',
      'give the periods of both teams or of neither',
    );
    return;
  }
  const { periods: regulation } = context.settings;
  if (home.periods.length !== away.periods.length) {
    add(code, 'away.periods', `must have as many periods as home.periods (${home.periods.length})`);
    return;
  }
  if (home.periods.length < regulation) {
    add(code, 'home.periods', `needs at least the ${regulation} regulation periods`);
    return;
  }
  for (const side of SIDES) {
    const team = side === 'home' ? home : away;
    const bad = team.periods!.findIndex((n) => !count(n));
    if (bad >= 0) {
      add('GAME_PAPER_RESULT_NUMBER_INVALID', `${side}.periods[${bad}]`, 'must be a whole number from 0 to 999');
      return;
    }
    const sum = team.periods!.reduce((a, b) => a + b, 0);
    if (sum !== team.score) add(code, `${side}.periods`, `add up to ${sum}, but the score is ${team.score}`);
  }
  let h = 0;
  let a = 0;
  for (let p = 0; p < home.periods.length; p++) {
    h += home.periods[p]!;
    a += away.periods[p]!;
    const number = p + 1;
    const last = p === home.periods.length - 1;
    if (number < regulation || last) continue;
    if (h !== a) {
      add(
        code,
        `home.periods[${p + 1}]`,
        `${periodLabel(number, context.settings)} ended ${h}:${a}, so no further period is played`,
      );
      return;
    }
  }
}

function playerProblems(
  team: PaperTeamResult,
  side: 'home' | 'away',
  teamId: string,
  context: GameContext,
  add: (code: string, field: string, reason: string) => void,
): void {
  const seen = new Set<string>();
  let points = 0;
  (team.players ?? []).forEach((line, i) => {
    const at = `${side}.players[${i}]`;
    const player = rosterLookup(context).players.get(line.playerId);
    if (player === undefined || player.teamId !== teamId) {
      add('GAME_PAPER_RESULT_PLAYER_NOT_ON_ROSTER', `${at}.playerId`, `is not on the ${side} team's roster`);
      return;
    }
    if (seen.has(line.playerId)) {
      add('GAME_PAPER_RESULT_PLAYER_TWICE', `${at}.playerId`, 'this player already has a line');
      return;
    }
    seen.add(line.playerId);
    const bad = COUNTS.find((k) => line[k] !== undefined && !count(line[k]));
    if (bad !== undefined) {
      add('GAME_PAPER_RESULT_NUMBER_INVALID', `${at}.${bad}`, 'must be a whole number from 0 to 999');
      return;
    }
    const limit = context.settings.foulOutLimit;
    if ((line.fouls ?? 0) > limit)
      add('GAME_PAPER_RESULT_TOO_MANY_FOULS', `${at}.fouls`, `a player leaves the game at ${limit} fouls`);
    const inconsistent = (field: string, reason: string) =>
      add('GAME_PAPER_RESULT_LINE_INCONSISTENT', `${at}.${field}`, reason);
    for (const [made, tried] of [
      ['fgm2', 'fga2'],
      ['fgm3', 'fga3'],
      ['ftm', 'fta'],
    ] as const) {
      if (line[made] !== undefined && line[tried] !== undefined && line[made] > line[tried])
        inconsistent(made, `more made than attempted (${tried} ${line[tried]})`);
    }
    const fromShots = 2 * (line.fgm2 ?? 0) + 3 * (line.fgm3 ?? 0) + (line.ftm ?? 0);
    const allShots = line.fgm2 !== undefined && line.fgm3 !== undefined && line.ftm !== undefined;
    if (line.points !== undefined && (allShots ? fromShots !== line.points : fromShots > line.points))
      inconsistent('points', `the made shots give ${fromShots} points`);
    if (line.reb !== undefined && (line.oreb ?? 0) + (line.dreb ?? 0) > line.reb)
      inconsistent('reb', 'fewer than oreb + dreb');
    if (
      line.reb !== undefined &&
      line.oreb !== undefined &&
      line.dreb !== undefined &&
      line.oreb + line.dreb !== line.reb
    )
      inconsistent('reb', 'must equal oreb + dreb');
    points += pointsOf(line);
  });
  if (points > team.score)
    add(
      'GAME_PAPER_RESULT_PLAYER_POINTS_EXCEED',
      `${side}.players`,
      `the players' points add up to ${points}, more than the score ${team.score}`,
    );
}

const pointsOf = (line: PaperPlayerLine) =>
  line.points ?? 2 * (line.fgm2 ?? 0) + 3 * (line.fgm3 ?? 0) + (line.ftm ?? 0);

/** Throws GAME_PAPER_RESULT_* (the first problem's code) with every problem in `details`. */
export function assertPaperResult(body: PaperResult, context: GameContext): void {
  const problems = paperResultProblems(body, context);
  if (problems.length === 0) return;
  const first = problems[0]!;
  throw invalid(
    first.code,
    `The paper result cannot be recorded: ${problems.map((p) => `${p.field} ${p.reason}`).join('; ')}`,
    problems.map(({ field, reason }) => ({ field, reason })),
  );
}

/** The line a paper entry gives (what was not entered stays 0). */
export function paperLine(line: PaperPlayerLine): Partial<PlayerGameLine> {
  const oreb = line.oreb ?? 0;
  return {
    pts: pointsOf(line),
    fgm2: line.fgm2 ?? 0,
    fga2: line.fga2 ?? line.fgm2 ?? 0,
    fgm3: line.fgm3 ?? 0,
    fga3: line.fga3 ?? line.fgm3 ?? 0,
    ftm: line.ftm ?? 0,
    fta: line.fta ?? line.ftm ?? 0,
    oreb,
    dreb: line.dreb ?? (line.reb !== undefined ? line.reb - oreb : 0),
    ast: line.ast ?? 0,
    stl: line.stl ?? 0,
    blk: line.blk ?? 0,
    tov: line.tov ?? 0,
    pf: line.fouls ?? 0,
  };
}

/**
 * The categories one team's side of the sheet kept (src/domain/stats/kept.ts): a column counts
 * as kept when the sheet gives it for at least one of the team's players, and a player of that
 * team with the box left empty then has 0 in it (a blank on a sheet that keeps the column).
 * Points are kept when given, or derivable from all three made-shot columns of one line. A side
 * without players' lines keeps nothing — and its players have no lines, so no games.
 */
export function paperKept(team: PaperTeamResult): number {
  const lines = team.players ?? [];
  const given = (...keys: Array<keyof PaperPlayerLine>) => lines.some((l) => keys.some((k) => l[k] !== undefined));
  let kept = 0;
  if (given('points') || lines.some((l) => l.fgm2 !== undefined && l.fgm3 !== undefined && l.ftm !== undefined))
    kept |= KEPT.pts;
  if (given('fgm2', 'fga2')) kept |= KEPT.fg2;
  if (given('fgm3', 'fga3')) kept |= KEPT.fg3;
  if (given('ftm', 'fta')) kept |= KEPT.ft;
  if (given('oreb')) kept |= KEPT.oreb;
  // A total without the split counts as defensive (paperLine), so it keeps the defensive column.
  if (given('dreb', 'reb')) kept |= KEPT.dreb;
  if (given('ast')) kept |= KEPT.ast;
  if (given('stl')) kept |= KEPT.stl;
  if (given('blk')) kept |= KEPT.blk;
  if (given('tov')) kept |= KEPT.tov;
  if (given('fouls')) kept |= KEPT.pf;
  return kept;
}

/**
 * For a game decided by a paper result: the categories kept per team id (paperKept). Null for a
 * game scored live (everything kept). The result is read from the state's recent plays, where the
 * game's only play (the paper result in force, after any correction) is kept.
 */
export function paperKeptByTeam(state: GameState): Map<string, number> | null {
  const plays = state.recentPlays;
  const last = plays.length === 1 ? plays[0]!.play : undefined;
  if (last?.type !== 'paper_result') return null;
  return new Map(SIDES.map((side, i) => [state.teams[i]!.teamId, paperKept(last[side])]));
}

/** The reducer case: the game's only play, which decides it. */
export function applyPaperResult(d: Draft, e: PaperResult): void {
  const { before, context } = d;
  if (before.period.status !== 'not_started' || before.recentPlays.length > 0) {
    throw invalid(
      'GAME_PAPER_RESULT_AFTER_PLAYS',
      'A paper result is the only play of its game: this game already has plays',
    );
  }
  assertPaperResult(e, context);
  const { settings } = context;
  const [homeId, awayId] = [context.teams[0].teamId, context.teams[1].teamId];
  const periods = e.home.periods ?? [];
  const last = Math.max(periods.length, settings.periods);
  d.next.score = { [homeId]: e.home.score, [awayId]: e.away.score };
  d.next.scoreByPeriod = periods.map((points, i) => ({
    period: i + 1,
    label: periodLabel(i + 1, settings),
    points: { [homeId]: points, [awayId]: e.away.periods![i]! },
  }));
  d.next.period = { current: last, label: periodLabel(last, settings), status: 'ended' };
  d.next.overtimeRequired = false;
  d.next.gameOver = true;
  d.next.clock = { running: false, remaining: 0, asOfSeq: d.seq };
  SIDES.forEach((side, i) => {
    const team = e[side];
    const teamId = context.teams[i]!.teamId;
    let points = 0;
    for (const line of team.players ?? []) {
      const player = rosterLookup(context).players.get(line.playerId)!;
      const entered = paperLine(line);
      points += entered.pts!;
      patchLine(d, player, () => entered);
      const fouls = line.fouls ?? 0;
      const out = fouls >= settings.foulOutLimit ? 'fouled_out' : null;
      patchPlayer(d, player, (p) => ({
        fouls: { ...p.fouls, personal: fouls },
        out,
        outAtSeq: out === null ? null : d.seq,
      }));
    }
    patchExtras(d, teamId, () => ({ teamPoints: team.score - points }));
  });
}

/**
 * How a paper result may enter a game's log: as its first play (a game not yet played, nothing
 * recorded at the table), or as a correction of the paper result that decided it (while final,
 * before the organiser confirms it). Anything else is GAME_PAPER_RESULT_NOT_ALLOWED (409): a
 * game scored live is corrected the usual way, play by play.
 */
export function paperResultPath(
  status: GameStatus,
  log: readonly PlayEvent[],
): { kind: 'first' } | { kind: 'correction'; target: EffectivePlay & PaperResult } {
  const refuse = (reason: string) =>
    conflict(
      'GAME_PAPER_RESULT_NOT_ALLOWED',
      `A paper result cannot be recorded: ${reason}`,
      [{ field: 'status', reason }],
      { status },
    );
  const plays = resolveCorrections(log).plays;
  const paper =
    plays.length === 1 && plays[0]!.type === 'paper_result' ? (plays[0] as EffectivePlay & PaperResult) : null;
  if (status === 'scheduled' || status === 'ready') {
    if (log.length > 0) throw refuse('plays were recorded at the scorer’s table for this game; correct them there');
    return { kind: 'first' };
  }
  if (status === 'final' && paper !== null) return { kind: 'correction', target: paper };
  if (status === 'live' || status === 'final')
    throw refuse(`the game was scored live (${status}); correct its plays the usual way`);
  if (status === 'official' && paper !== null)
    throw refuse('the result has been confirmed (official) and can no longer be changed');
  throw refuse(`the game is ${status}`);
}
