import { deepFreeze, foldLog } from './fixtures/fold.js';
import { playScript } from './fixtures/play-script.js';
import { simpleGame } from './fixtures/teams.js';
import type { GameContext } from './game-settings.js';
import { initialGameState } from './game-state.js';
import type { PlayEvent, PlayEventBody } from './play-event.js';
import { applyEvent, replay } from './reducer.js';

function stateAfter(context: GameContext, lines: readonly string[]) {
  const script = playScript(context);
  script.addAll(lines);
  return { state: replay(script.log, context), script };
}

const event = (seq: number, body: PlayEventBody, timing: { gameClock?: number; period?: number } = {}): PlayEvent =>
  ({ ...timing, ...body, seq, clientEventId: `e${seq}` }) as PlayEvent;

describe('applyEvent: refused events (rules the scorekeeper may not break)', () => {
  const context = simpleGame({ tracked: true });
  const { state } = stateAfter(context, ['start']);
  const refuse = (body: PlayEventBody, timing = {}) => {
    try {
      applyEvent(state, event(2, body, timing), context);
    } catch (err) {
      return { code: (err as { code: string }).code, kind: (err as { kind: string }).kind };
    }
    return null;
  };

  it.each<[string, PlayEventBody, string]>([
    [
      'a player of another team',
      { type: 'field_goal_made', teamId: 'home', playerId: 'away-4', points: 2 },
      'GAME_PLAYER_NOT_ON_ROSTER',
    ],
    ['an unknown player', { type: 'steal', teamId: 'home', playerId: 'nobody' }, 'GAME_PLAYER_NOT_ON_ROSTER'],
    ['a team not in the game', { type: 'timeout', teamId: 'elsewhere' }, 'GAME_TEAM_NOT_IN_GAME'],
    [
      'an assist by the shooter',
      { type: 'field_goal_made', teamId: 'home', playerId: 'home-4', points: 2, assistPlayerId: 'home-4' },
      'GAME_ASSIST_BY_SHOOTER',
    ],
    [
      'an assist by an opponent',
      { type: 'field_goal_made', teamId: 'home', playerId: 'home-4', points: 3, assistPlayerId: 'away-5' },
      'GAME_ASSIST_WRONG_TEAM',
    ],
    [
      'a 4-point shot',
      { type: 'field_goal_made', teamId: 'home', playerId: 'home-4', points: 4 as 2 },
      'GAME_INVALID_EVENT',
    ],
    [
      'free throw 3 of 2',
      { type: 'free_throw_made', teamId: 'home', playerId: 'home-4', attempt: 3, of: 2 },
      'GAME_INVALID_EVENT',
    ],
    ['a period start while one runs', { type: 'period_start' }, 'GAME_PERIOD_ALREADY_RUNNING'],
    [
      'a coach foul naming a player',
      { type: 'foul', teamId: 'home', committedBy: 'coach', kind: 'technical', playerId: 'home-4' },
      'GAME_INVALID_EVENT',
    ],
    [
      'a player foul without player',
      { type: 'foul', teamId: 'home', committedBy: 'player', kind: 'personal' },
      'GAME_INVALID_EVENT',
    ],
    ['an unknown event type', { type: 'dunk_contest' } as unknown as PlayEventBody, 'GAME_INVALID_EVENT'],
    [
      'a substitution of a bench player out',
      { type: 'substitution', teamId: 'home', playerInId: 'home-9', playerOutId: 'home-10' },
      'GAME_SUBSTITUTION_INVALID',
    ],
    [
      'a substitution of a player already on court in',
      { type: 'substitution', teamId: 'home', playerInId: 'home-5', playerOutId: 'home-4' },
      'GAME_SUBSTITUTION_INVALID',
    ],
    ['a clock event without clock', { type: 'clock_start' } as PlayEventBody, 'GAME_INVALID_EVENT'],
  ])('refuses %s', (_name, body, code) => {
    expect(refuse(body)).toEqual({ code, kind: 'invalid' });
  });

  it('refuses a game clock beyond the period length or negative', () => {
    expect(refuse({ type: 'clock_start', gameClock: 6001 })).toEqual({ code: 'GAME_INVALID_CLOCK', kind: 'invalid' });
    expect(refuse({ type: 'clock_stop', gameClock: -1 })).toEqual({ code: 'GAME_INVALID_CLOCK', kind: 'invalid' });
    expect(refuse({ type: 'clock_start', gameClock: 6000 })).toBeNull();
  });

  it('refuses scoring, rebounds and personal fouls before the game and between periods', () => {
    const pre = initialGameState(context);
    const shot = event(1, { type: 'field_goal_made', teamId: 'home', playerId: 'home-4', points: 2 });
    expect(() => applyEvent(pre, shot, context)).toThrow(expect.objectContaining({ code: 'GAME_PERIOD_NOT_RUNNING' }));
    const { state: interval } = stateAfter(context, ['start', 'end']);
    for (const body of [
      { type: 'rebound', teamId: 'home', kind: 'defensive' },
      { type: 'foul', teamId: 'home', committedBy: 'player', kind: 'personal', playerId: 'home-4' },
      { type: 'clock_start', gameClock: 6000 },
    ] as PlayEventBody[]) {
      expect(() => applyEvent(interval, event(3, body), context)).toThrow(
        expect.objectContaining({ code: 'GAME_PERIOD_NOT_RUNNING' }),
      );
    }
  });

  it('refuses a period start that skips a period', () => {
    const { state: interval } = stateAfter(context, ['start', 'end']);
    expect(() => applyEvent(interval, event(3, { type: 'period_start' }, { period: 3 }), context)).toThrow(
      expect.objectContaining({ code: 'GAME_PERIOD_OUT_OF_ORDER' }),
    );
    expect(applyEvent(interval, event(3, { type: 'period_start' }, { period: 2 }), context).period.current).toBe(2);
  });

  it('refuses an event whose seq is not the next one (conflict), and a correction without the log', () => {
    expect(() => applyEvent(state, event(3, { type: 'period_end' }), context)).toThrow(
      expect.objectContaining({ code: 'GAME_SEQ_OUT_OF_ORDER', kind: 'conflict' }),
    );
    expect(() => applyEvent(state, event(2, { type: 'void', targetSeq: 1 }), context)).toThrow(
      expect.objectContaining({ code: 'GAME_HISTORY_REQUIRED' }),
    );
  });

  it('a refused event leaves the (deep-frozen) input state unchanged', () => {
    const frozen = deepFreeze(stateAfter(context, ['start', 'H 4 2+', 'A 4 pf']).state);
    const before = JSON.stringify(frozen);
    expect(() =>
      applyEvent(frozen, event(4, { type: 'field_goal_made', teamId: 'home', playerId: 'away-4', points: 2 }), context),
    ).toThrow();
    expect(JSON.stringify(frozen)).toBe(before);
    // An accepted event does not mutate the input either (frozen input would throw on mutation).
    const next = applyEvent(
      frozen,
      event(4, { type: 'field_goal_made', teamId: 'home', playerId: 'home-5', points: 3, assistPlayerId: 'home-4' }),
      context,
    );
    expect(JSON.stringify(frozen)).toBe(before);
    expect(next.score).toEqual({ home: 5, away: 0 });
  });
});

describe('applyEvent: flags (allowed but unusual)', () => {
  const context = simpleGame({ tracked: true });
  const flagsOf = (lines: readonly string[]) => stateAfter(context, lines).state.flags.map((f) => f.code);

  it('points by a substitute once he has come in raise no flag (off court is refused: court-time.spec)', () => {
    expect(flagsOf(['start', 'H 9>4', 'H 9 2+'])).toEqual([]);
  });

  it('no on-court check when substitutions are not tracked', () => {
    const untracked = simpleGame();
    expect(stateAfter(untracked, ['start', 'H 13 2+']).state.flags).toEqual([]);
  });

  it('the game clock going up within a period', () => {
    expect(flagsOf(['start', '@8:00 H 4 2-', '@8:30 H 4 2-'])).toEqual(['CLOCK_WENT_UP']);
    expect(flagsOf(['start', '@8:00 H 4 2-', 'end', 'start', '@9:30 H 4 2-'])).toEqual([]);
  });

  it('a device period that differs from the period in progress', () => {
    const script = playScript(context);
    script.add('start');
    script.push({ type: 'rebound', teamId: 'home', kind: 'defensive' }, { period: 2 });
    expect(replay(script.log, context).flags.map((f) => f.code)).toEqual(['PERIOD_MISMATCH']);
  });

  it('free-throw sequences: 2 of 2 without 1 of 2, a series left unfinished, more than 3 in a row', () => {
    expect(flagsOf(['start', 'A 4 pf', 'H 4 ft+ 2/2'])).toEqual(['FREE_THROW_SEQUENCE_ANOMALY']);
    expect(flagsOf(['start', 'A 4 pf', 'H 4 ft+ 1/3', 'H 4 ft+ 2/3', 'A dr'])).toEqual(['FREE_THROW_SEQUENCE_ANOMALY']);
    expect(flagsOf(['start', 'A 4 pf', 'H 4 ft+', 'H 4 ft+', 'H 4 ft+', 'H 4 ft+'])).toEqual([
      'FREE_THROW_SEQUENCE_ANOMALY',
    ]);
    // A normal 3-shot series, a substitution and a time-out between shots are fine.
    expect(
      flagsOf(['start', 'A 4 pf', 'H 4 ft+ 1/3', 'H timeout', 'H 4 ft- 2/3', 'A 9>8', 'H 4 ft+ 3/3', 'A dr']),
    ).toEqual([]);
  });

  it('a substitution or time-out while the events say the clock is running', () => {
    expect(flagsOf(['start', '@10:00 clock start', 'H 9>4'])).toEqual(['CLOCK_RUNNING_DURING_STOPPAGE']);
    expect(flagsOf(['start', '@10:00 clock start', '@9:00 clock stop', 'H timeout', 'H 9>4'])).toEqual([]);
  });
});

describe('applyEvent: game state details', () => {
  const context = simpleGame({ tracked: true });

  it('tracks the clock as far as the events say', () => {
    const { state } = stateAfter(context, ['start', '@10:00 clock start', '@7:12 H 4 2+', '@6:58 clock stop']);
    expect(state.clock).toEqual({ running: false, remaining: 4180, asOfSeq: 4 });
    expect(stateAfter(context, ['start', '@10:00 clock start']).state.clock).toEqual({
      running: true,
      remaining: 6000,
      asOfSeq: 2,
    });
  });

  it('keeps the players on court through substitutions and marks who played', () => {
    const { state } = stateAfter(context, ['H 13>8', 'start', 'H 9>4']);
    expect(state.onCourt['home']).toEqual(['home-9', 'home-5', 'home-6', 'home-7', 'home-13']);
    expect(state.lines['home-8']!.played).toBe(false);
    expect(['home-4', 'home-9', 'home-13'].map((id) => state.lines[id]!.played)).toEqual([true, true, true]);
    expect(state.lines['home-10']!.played).toBe(false);
  });

  it('keeps the last plays with the score after each (clock events left out)', () => {
    const ctx = simpleGame({ settings: { recentPlaysKept: 2 } });
    const { state } = stateAfter(ctx, ['start', 'H 4 2+', '@9:00 clock start', 'A 4 3+']);
    expect(state.recentPlays).toEqual([
      {
        seq: 2,
        period: 1,
        gameClock: null,
        play: { type: 'field_goal_made', teamId: 'home', playerId: 'home-4', points: 2 },
        score: { home: 2, away: 0 },
      },
      {
        seq: 4,
        period: 1,
        gameClock: null,
        play: { type: 'field_goal_made', teamId: 'away', playerId: 'away-4', points: 3 },
        score: { home: 2, away: 3 },
      },
    ]);
  });

  it('is plain JSON: a jsonb round trip gives the same state, and the service can continue from it', () => {
    const script = playScript(context);
    script.addAll(['start', 'H 4 2+ a5', 'A 6 pf', 'H 4 ft+ 1/2']);
    const stored = JSON.parse(JSON.stringify(replay(script.log, context)));
    expect(stored).toStrictEqual(replay(script.log, context));
    script.add('H 4 ft- 2/2');
    expect(foldLog(script.log, context, stored)).toEqual(replay(script.log, context));
  });

  it('a starting five must be 5 distinct roster players', () => {
    const bad = simpleGame({ tracked: true });
    const teams = [
      { ...bad.teams[0], startingFive: ['home-4', 'home-4', 'home-5', 'home-6', 'home-7'] },
      bad.teams[1],
    ] as const;
    expect(() => initialGameState({ ...bad, teams })).toThrow(
      expect.objectContaining({ code: 'GAME_STARTING_FIVE_INVALID' }),
    );
  });
});
