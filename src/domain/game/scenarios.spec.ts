import { boxScore } from './box-score.js';
import { foldLog } from './fixtures/fold.js';
import { playScript } from './fixtures/play-script.js';
import { simpleGame } from './fixtures/teams.js';
import type { GameContext } from './game-settings.js';
import type { GameState } from './game-state.js';
import { applyEvent, assertGameCanEnd, replay } from './reducer.js';

/** Scripts `lines`, checks incremental == replay, returns the state and the script. */
function play(context: GameContext, lines: readonly string[]) {
  const script = playScript(context);
  script.addAll(lines);
  const state = replay(script.log, context);
  expect(foldLog(script.log, context)).toEqual(state);
  return { state, script };
}

/** Tries one more scripted line on top of a state; returns the error code or null. */
function refusal(context: GameContext, lines: readonly string[], next: string): string | null {
  const { state, script } = play(context, lines);
  script.add(next);
  try {
    applyEvent(state, script.log.at(-1)!, context, script.log.slice(0, -1));
    return null;
  } catch (err) {
    return (err as { code: string }).code;
  }
}

const fours = (side: 'H' | 'A', jersey: string, n: number, kind = 'pf') =>
  Array.from({ length: n }, () => `${side} ${jersey} ${kind}`);

describe('player fouls out on fifth foul', () => {
  const context = simpleGame({ tracked: true });

  it('plays on with four fouls and is out of the game with the fifth', () => {
    const four = play(context, ['start', ...fours('H', '4', 4)]).state;
    expect(four.players['home-4']).toMatchObject({ out: null, fouls: { personal: 4 } });
    const five = play(context, ['start', ...fours('H', '4', 5)]).state;
    expect(five.players['home-4']).toMatchObject({ out: 'fouled_out', outAtSeq: 6 });
    expect(five.lines['home-4']!.pf).toBe(5);
    expect(five.flags).toEqual([]);
  });

  it('a technical foul counts toward the five', () => {
    const { state } = play(context, ['start', ...fours('H', '4', 4), 'H 4 tf']);
    expect(state.players['home-4']).toMatchObject({ out: 'fouled_out', fouls: { personal: 4, technical: 1 } });
  });

  it('refuses any further event by the player, but the player may be substituted out, not back in', () => {
    const lines = ['start', ...fours('H', '4', 5)];
    expect(refusal(context, lines, 'H 4 2+')).toBe('GAME_PLAYER_FOULED_OUT');
    expect(refusal(context, lines, 'H 5 2+ a4')).toBe('GAME_PLAYER_FOULED_OUT');
    expect(refusal(context, lines, 'H 4 dr')).toBe('GAME_PLAYER_FOULED_OUT');
    expect(refusal(context, lines, 'H 9>4')).toBeNull();
    expect(refusal(context, [...lines, 'H 9>4'], 'H 4>9')).toBe('GAME_PLAYER_FOULED_OUT');
  });

  it('the foul-out limit is a tournament setting', () => {
    const six = simpleGame({ settings: { foulOutLimit: 6 } });
    expect(play(six, ['start', ...fours('H', '4', 5)]).state.players['home-4']!.out).toBeNull();
  });
});

describe('disqualifying foul removes player at once', () => {
  const context = simpleGame({ tracked: true });

  it('one disqualifying foul: out at once, flagged for the organiser', () => {
    const { state } = play(context, ['start', 'A 6 df']);
    expect(state.players['away-6']).toMatchObject({ out: 'disqualified', outAtSeq: 2 });
    expect(state.flags).toEqual([expect.objectContaining({ code: 'PLAYER_DISQUALIFIED', playerId: 'away-6', seq: 2 })]);
    expect(refusal(context, ['start', 'A 6 df'], 'A 6 3+')).toBe('GAME_PLAYER_DISQUALIFIED');
  });

  it.each([
    ['2 technical fouls', ['A 6 tf', 'A 6 tf']],
    ['2 unsportsmanlike fouls', ['A 6 uf', 'A 6 uf']],
    ['1 technical and 1 unsportsmanlike foul', ['A 6 uf', 'A 6 pf', 'A 6 tf']],
  ])('FIBA Art. 40: %s disqualify', (_name, fouls) => {
    const { state } = play(context, ['start', ...fouls]);
    expect(state.players['away-6']!.out).toBe('disqualified');
  });

  it('one technical or one unsportsmanlike foul alone does not', () => {
    expect(play(context, ['start', 'A 6 tf', 'A 7 uf']).state.players['away-6']!.out).toBeNull();
  });

  it('a disqualifying foul may be charged between periods; it is a team foul of the next period', () => {
    const { state } = play(context, ['start', 'end', 'A 6 df']);
    expect(state.players['away-6']!.out).toBe('disqualified');
    expect(state.teamFouls['away']!.byPeriod).toEqual({ '2': 1 });
  });

  it('head coach: two "C" technicals disqualify; coach and bench fouls are not team fouls and cannot be personal', () => {
    const { state } = play(context, ['start', 'H coach tf', 'H bench tf', 'H coach tf']);
    expect(state.teamExtras['home']).toMatchObject({ coachTechnicals: 2, benchTechnicals: 1, coachDisqualified: true });
    expect(state.flags.map((f) => f.code)).toEqual(['COACH_DISQUALIFIED']);
    expect(state.teamFouls['home']!.current).toBe(0);
    const ctx = playScript(context);
    ctx.addAll(['start']);
    const s = replay(ctx.log, context);
    const personal = {
      seq: 2,
      clientEventId: 'c',
      type: 'foul',
      teamId: 'home',
      committedBy: 'coach',
      kind: 'personal',
    } as const;
    expect(() => applyEvent(s, personal, context)).toThrow(
      expect.objectContaining({ code: 'GAME_FOUL_KIND_NOT_ALLOWED' }),
    );
  });
});

describe('team in penalty from fifth team foul; overtime fouls count with fourth period', () => {
  const context = simpleGame();
  const fouls = (n: number) => Array.from({ length: n }, (_, i) => `A ${4 + (i % 5)} pf`);

  it('after 4 team fouls the team is in the penalty: its 5th and later fouls give free throws', () => {
    expect(play(context, ['start', ...fouls(3)]).state.teamFouls['away']).toMatchObject({
      current: 3,
      inPenalty: false,
    });
    expect(play(context, ['start', ...fouls(4)]).state.teamFouls['away']).toMatchObject({
      current: 4,
      inPenalty: true,
    });
    expect(play(context, ['start', ...fouls(5)]).state.teamFouls['away']).toMatchObject({
      current: 5,
      inPenalty: true,
    });
  });

  it('a new regulation period starts from zero; coach technicals do not count', () => {
    const { state } = play(context, ['start', ...fouls(5), 'end', 'start', 'A coach tf', 'A 4 pf']);
    expect(state.teamFouls['away']).toEqual({ byPeriod: { '1': 5, '2': 1 }, current: 1, inPenalty: false });
  });

  it('overtime continues the 4th-period count', () => {
    const tiedRegulation = ['start', 'end', 'start', 'end', 'start', 'end', 'start', ...fouls(3), 'end'];
    const ot = play(context, [...tiedRegulation, 'start']).state;
    expect(ot.teamFouls['away']).toMatchObject({ current: 3, inPenalty: false });
    const otFoul = play(context, [...tiedRegulation, 'start', 'A 9 pf']).state;
    expect(otFoul.teamFouls['away']).toEqual({ byPeriod: { '4': 3, OT1: 1 }, current: 4, inPenalty: true });
  });

  it('the penalty threshold is a tournament setting', () => {
    const ctx = simpleGame({ settings: { teamFoulPenaltyFrom: 8 } });
    expect(play(ctx, ['start', ...fouls(6)]).state.teamFouls['away']!.inPenalty).toBe(false);
    expect(play(ctx, ['start', ...fouls(7)]).state.teamFouls['away']!.inPenalty).toBe(true);
  });
});

describe('time-out allowance per half and overtime', () => {
  const context = simpleGame();
  const tiedRegulation = ['start', 'end', 'start', 'end', 'start', 'end', 'start', 'end'];

  it('2 in the first half; a third is refused', () => {
    const lines = ['start', 'H timeout', 'end', 'start', 'H timeout'];
    expect(play(context, lines).state.timeouts['home']).toMatchObject({ segment: 'H1', used: 2, left: 0 });
    expect(refusal(context, lines, 'H timeout')).toBe('GAME_NO_TIMEOUTS_LEFT');
    expect(refusal(context, lines, 'A timeout')).toBeNull();
  });

  it('3 in the second half, first-half time-outs not carried over', () => {
    const lines = [
      'start',
      'end',
      'start',
      'end',
      'start',
      'H timeout',
      'H timeout',
      'end',
      'start',
      '@5:00 H timeout',
    ];
    expect(play(context, lines).state.timeouts['home']).toMatchObject({
      segment: 'H2',
      allowance: 3,
      used: 3,
      left: 0,
      total: 3,
    });
    expect(refusal(context, lines, 'H timeout')).toBe('GAME_NO_TIMEOUTS_LEFT');
  });

  it('at most 2 in the last 2 minutes of the 4th period', () => {
    const lines = ['start', 'end', 'start', 'end', 'start', 'end', 'start', '@2:00 H timeout', '@1:30 H timeout'];
    const state = play(context, lines).state;
    expect(state.timeouts['home']).toMatchObject({ used: 2, usedInLastTwoMinutes: 2, left: 0 });
    expect(refusal(context, lines, '@1:00 H timeout')).toBe('GAME_NO_TIMEOUTS_LEFT');
    // Before 2:00 the third one was still available.
    const early = play(context, ['start', 'end', 'start', 'end', 'start', 'end', 'start', '@2:01 H timeout']).state;
    expect(early.timeouts['home']).toMatchObject({ used: 1, usedInLastTwoMinutes: 0, left: 2 });
  });

  it('the last-two-minutes cap shows in `left` once the clock says so', () => {
    const state = play(context, ['start', 'end', 'start', 'end', 'start', 'end', 'start', '@1:59 H 4 2-']).state;
    expect(state.timeouts['home']!.left).toBe(2);
  });

  it('1 per overtime; unused ones do not carry over', () => {
    const lines = [...tiedRegulation, 'start', 'H timeout'];
    expect(play(context, lines).state.timeouts['home']).toMatchObject({ segment: 'OT1', allowance: 1, left: 0 });
    expect(refusal(context, lines, 'H timeout')).toBe('GAME_NO_TIMEOUTS_LEFT');
    const ot2 = play(context, [...lines, 'end', 'start']).state;
    expect(ot2.timeouts['home']).toMatchObject({ segment: 'OT2', used: 0, left: 1, total: 1 });
  });

  it('no time-out while no period is in progress', () => {
    expect(refusal(context, [], 'H timeout')).toBe('GAME_PERIOD_NOT_RUNNING');
    expect(refusal(context, ['start', 'end'], 'H timeout')).toBe('GAME_PERIOD_NOT_RUNNING');
  });

  it('a 6th time-out in a game is flagged (possible with overtime)', () => {
    const ctx = simpleGame({ settings: { timeouts: { secondHalf: 4, lastTwoMinutesMax: 4 } } });
    const lines = [
      'start',
      'H timeout',
      'H timeout',
      'end',
      'start',
      'end',
      'start',
      'H timeout',
      'H timeout',
      'H timeout',
      'H timeout',
    ];
    const { state } = play(ctx, lines);
    expect(state.flags).toEqual([expect.objectContaining({ code: 'MANY_TIMEOUTS', teamId: 'home', seq: 11 })]);
  });
});

describe('score-only mode mixed with full stats keeps totals consistent', () => {
  const context = simpleGame();
  const lines = ['start', 'H +2', 'H 7 +3', 'H 7 2+ a5', 'H 7 ft-', 'A 4 3+', 'A +1', 'H 5 +2', 'end'];

  it('team score = player points + team points; score-only points are PTS, not shots', () => {
    const { state } = play(context, lines);
    expect(state.score).toEqual({ home: 9, away: 4 });
    expect(state.lines['home-7']).toMatchObject({ pts: 5, fgm2: 1, fga2: 1, fta: 1, ftm: 0 });
    expect(state.teamExtras['home']!.teamPoints).toBe(2);
    const box = boxScore(state);
    const home = box.teams[0];
    expect(home.totals).toMatchObject({ pts: 9, teamPoints: 2, fgm: 1, fga: 1, ftm: 0, fta: 1 });
    expect(home.players.reduce((n, p) => n + p.pts, 0) + home.totals.teamPoints).toBe(home.score);
    const seven = home.players.find((p) => p.playerId === 'home-7')!;
    expect(seven).toMatchObject({ scoreOnlyPts: 3, pts: 5 });
    // EFF: 5 PTS - 1 missed FT (score-only points carry no missed-shot penalty).
    expect(seven.eff).toBe(4);
    expect(box.scoreByPeriod[0]!.points).toEqual({ home: 9, away: 4 });
  });

  it('only 1, 2 or 3 points at a time, and only while a period is in progress', () => {
    expect(refusal(context, ['start'], 'H +4')).toBe('GAME_INVALID_EVENT');
    expect(refusal(context, [], 'H +2')).toBe('GAME_PERIOD_NOT_RUNNING');
  });
});

describe('double overtime', () => {
  const context = simpleGame();
  const lines = [
    'start',
    'H 4 2+',
    'A 4 2+',
    'end',
    'start',
    'end',
    'start',
    'end',
    'start',
    'A 5 2+',
    'H 5 2+',
    'end', // 4:4
    'start',
    'A 9 pf',
    'H 6 3+',
    'A 6 3+',
    'end', // OT1 3:3 -> 7:7
    'start',
    'A 9 pf',
    'H 7 2+',
    'end', // OT2 2:0 -> 9:7
  ];

  it('plays as many 5-minute overtimes as needed, scores carry over, labels OT1, OT2', () => {
    const { state } = play(context, lines);
    expect(state.score).toEqual({ home: 9, away: 7 });
    expect(state.scoreByPeriod.map((p) => p.label)).toEqual(['1', '2', '3', '4', 'OT1', 'OT2']);
    expect(state.scoreByPeriod.map((p) => [p.points['home'], p.points['away']])).toEqual([
      [2, 2],
      [0, 0],
      [0, 0],
      [2, 2],
      [3, 3],
      [2, 0],
    ]);
    expect(state.gameOver).toBe(true);
    expect(() => assertGameCanEnd(state, context)).not.toThrow();
  });

  it('after a tied first overtime the game can only go on to a second one', () => {
    const afterOt1 = play(context, lines.slice(0, 17)).state;
    expect(afterOt1).toMatchObject({ overtimeRequired: true, gameOver: false });
    expect(() => assertGameCanEnd(afterOt1, context)).toThrow(
      expect.objectContaining({ code: 'GAME_CANNOT_END_TIED' }),
    );
    const ot2: GameState = play(context, lines.slice(0, 18)).state;
    expect(ot2.period).toEqual({ current: 6, label: 'OT2', status: 'in_progress' });
    expect(ot2.clock.remaining).toBe(3000);
  });

  it('fouls of both overtimes count with the 4th period', () => {
    expect(play(context, lines).state.teamFouls['away']).toEqual({
      byPeriod: { OT1: 1, OT2: 1 },
      current: 2,
      inPenalty: false,
    });
  });

  it('no period after a decided game', () => {
    expect(refusal(context, lines, 'start')).toBe('GAME_ALREADY_OVER');
    expect(refusal(context, lines, 'H 7 2+')).toBe('GAME_PERIOD_NOT_RUNNING');
  });
});
