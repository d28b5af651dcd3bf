import { boxScore } from './box-score.js';
import { expected, overtime, regulation, thirdPlaceContext } from './fixtures/huzhou-third-place.js';
import { foldLog } from './fixtures/fold.js';
import { playScript, type Side } from './fixtures/play-script.js';
import { gameOutcome } from './game-outcome.js';
import { transitionGame, type GameRecord } from './game-lifecycle.js';
import { applyEvent, assertGameCanEnd, gameEndFacts, replay } from './reducer.js';

describe('3rd-place game decided in overtime (Huzhou 2024: 长兴天顺物流队 vs 德清乾元篮球队)', () => {
  const context = thirdPlaceContext();
  const script = playScript(context);
  regulation.forEach((period) => script.addAll(period));
  const endOfRegulation = script.log.length;
  script.addAll(overtime);
  const H = script.teamId('H');
  const A = script.teamId('A');
  const side = (s: Side) => (s === 'H' ? H : A);
  const liveGame: GameRecord = { id: context.gameId, homeTeamId: H, awayTeamId: A, status: 'live', result: null };

  it('is tied 48:48 at the end of regulation, and the game cannot end tied', () => {
    const state = replay(script.log.slice(0, endOfRegulation), context);
    expect(state.score).toEqual({ [H]: 48, [A]: 48 });
    expect(state.overtimeRequired).toBe(true);
    expect(state.gameOver).toBe(false);
    expect(() => assertGameCanEnd(state, context)).toThrow(expect.objectContaining({ code: 'GAME_CANNOT_END_TIED' }));
    expect(() => transitionGame(liveGame, { to: 'final', end: gameEndFacts(state, context) })).toThrow(
      expect.objectContaining({ code: 'GAME_ILLEGAL_TRANSITION', kind: 'conflict' }),
    );
    // No play until the overtime starts.
    const shot = {
      seq: endOfRegulation + 1,
      clientEventId: 'x',
      type: 'field_goal_made',
      teamId: H,
      playerId: script.playerId('H', '7'),
      points: 2,
    } as const;
    expect(() => applyEvent(state, shot, context)).toThrow(
      expect.objectContaining({ code: 'GAME_PERIOD_NOT_RUNNING' }),
    );
  });

  it('overtime is 5 minutes and 德清乾元篮球队 starts it in the penalty (overtime fouls count with the 4th period)', () => {
    const state = replay(script.log.slice(0, endOfRegulation + 1), context);
    expect(state.period).toEqual({ current: 5, label: 'OT1', status: 'in_progress' });
    expect(state.clock.remaining).toBe(3000);
    expect(state.teamFouls[A]).toMatchObject({ current: 4, inPenalty: true });
    expect(state.players[script.playerId('A', '11')]!.out).toBe('fouled_out');
  });

  it('ends 55:52 for 长兴天顺物流队 with the hand-counted score by period', () => {
    const state = replay(script.log, context);
    expect(state.gameOver).toBe(true);
    expect(state.score).toEqual({ [H]: expected.final.H, [A]: expected.final.A });
    expect(state.scoreByPeriod.map((p) => ({ label: p.label, H: p.points[H], A: p.points[A] }))).toEqual(
      expected.scoreByPeriod,
    );
    expect(() => assertGameCanEnd(state, context)).not.toThrow();
    const final = transitionGame(liveGame, { to: 'final', end: gameEndFacts(state, context) });
    expect(gameOutcome(final)).toMatchObject({
      kind: 'played',
      winnerTeamId: H,
      loserTeamId: A,
      winnerScore: 55,
      loserScore: 52,
      classificationPoints: { [H]: 2, [A]: 1 },
    });
  });

  it('has the hand-counted box score (corrections applied: #8 credited, phantom basket gone)', () => {
    const box = boxScore(replay(script.log, context));
    for (const [key, want] of Object.entries(expected.lines)) {
      const [s, jersey] = key.split(' ') as [Side, string];
      const team = box.teams.find((t) => t.teamId === side(s))!;
      const line = team.players.find((p) => p.jerseyNumber === Number(jersey))!;
      expect({ who: key, ...line }).toMatchObject({ who: key, ...want });
    }
    for (const s of ['H', 'A'] as const) {
      const team = box.teams.find((t) => t.teamId === side(s))!;
      expect(team.totals).toMatchObject(expected.shooting[s]);
      expect(team.totals.pts).toBe(expected.final[s]);
      expect(team.players.reduce((n, p) => n + p.pts, 0)).toBe(expected.final[s]);
    }
    const h = box.teams[0];
    expect(h.percentages).toEqual({ fg: 54.1, fg2: 64, fg3: 33.3, ft: 68.8 });
    expect(h.players.slice(0, 5).map((p) => p.jerseyNumber)).toEqual([4, 7, 9, 11, 23]);
  });

  it('keeps team fouls, fouled-out players and time-outs as the scoresheet would', () => {
    const state = replay(script.log, context);
    expect(state.teamFouls[H]!.byPeriod).toEqual(expected.teamFouls.H);
    expect(state.teamFouls[A]!.byPeriod).toEqual(expected.teamFouls.A);
    expect(state.teamFouls[A]).toMatchObject({ current: 6, inPenalty: true });
    expect(state.players[script.playerId('A', '11')]).toMatchObject({ out: 'fouled_out', fouls: { personal: 5 } });
    // The mistaken 长兴 time-out in overtime was undone: its one overtime time-out is still there.
    expect(state.timeouts[H]).toMatchObject({ segment: 'OT1', used: 0, left: 1, total: 3 });
    expect(state.timeouts[A]).toMatchObject({ segment: 'OT1', used: 1, left: 0, total: 3 });
    expect(state.onCourt[A]).toEqual([
      'deqing-qianyuan-3',
      'deqing-qianyuan-6',
      'deqing-qianyuan-10',
      'deqing-qianyuan-8',
      'deqing-qianyuan-32',
    ]);
    expect(state.flags).toEqual([]);
  });

  it('rebuilds exactly the same state event by event as by replay', () => {
    expect(foldLog(script.log, context)).toEqual(replay(script.log, context));
  });

  it('the correction, the void and the undo are in the log, never edits', () => {
    const types = script.log.map((e) => e.type);
    expect(types.filter((t) => t === 'replace')).toHaveLength(1);
    expect(script.log.filter((e) => e.type === 'void').map((e) => ('undo' in e ? e.undo === true : false))).toEqual([
      false,
      true,
    ]);
    const recent = replay(script.log, context).recentPlays;
    expect(recent).toHaveLength(10);
    expect(recent.at(-1)).toMatchObject({ play: { type: 'period_end' }, score: { [H]: 55, [A]: 52 } });
  });
});
