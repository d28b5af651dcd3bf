import fc from 'fast-check';
import { DomainError } from '../shared/domain-error.js';
import { boxScore } from './box-score.js';
import { InForceTracker, resolveCorrections, undoLast } from './corrections.js';
import { deepFreeze } from './fixtures/fold.js';
import { simpleGame } from './fixtures/teams.js';
import type { GameContext } from './game-settings.js';
import { type GameState, initialGameState } from './game-state.js';
import { isCorrection, type FoulKind, type PlayBody, type PlayEvent, type PlayEventBody } from './play-event.js';
import { applyEvent, replay } from './reducer.js';

/** One random intent; turned into a concrete event against the current state. */
const intent = fc.record({ kind: fc.nat(99), a: fc.nat(1000), b: fc.nat(1000), c: fc.nat(1000) });
type Intent = { kind: number; a: number; b: number; c: number };

function pickPlayer(state: GameState, context: GameContext, teamIndex: number, n: number): string {
  const teamId = context.teams[teamIndex]!.teamId;
  const court = state.onCourt[teamId];
  // Mostly players on court (when tracked), sometimes anyone on the roster: flags and refusals get exercised too.
  if (court && n % 7 !== 0) return court[n % court.length]!;
  const players = context.teams[teamIndex]!.players;
  return players[n % players.length]!.playerId;
}

function playFor(state: GameState, context: GameContext, { kind, a, b, c }: Intent): PlayBody & { gameClock?: number } {
  const t = a % 2;
  const teamId = context.teams[t]!.teamId;
  const player = pickPlayer(state, context, t, b);
  const clock = c % 3 === 0 ? { gameClock: Math.max(0, (state.clock.remaining ?? 6000) - (c % 200)) } : {};
  if (kind < 6) return { type: 'period_start' };
  if (kind < 10) return { type: 'period_end' };
  if (kind < 24) {
    const assist = c % 2 === 0 ? { assistPlayerId: pickPlayer(state, context, t, c) } : {};
    return { type: 'field_goal_made', teamId, playerId: player, points: b % 3 === 0 ? 3 : 2, ...assist, ...clock };
  }
  if (kind < 34) return { type: 'field_goal_missed', teamId, playerId: player, points: b % 3 === 0 ? 3 : 2, ...clock };
  if (kind < 42) {
    const numbering = c % 2 === 0 ? { attempt: 1 + (c % 3), of: 1 + (b % 3) } : {};
    return { type: a % 3 === 0 ? 'free_throw_missed' : 'free_throw_made', teamId, playerId: player, ...numbering };
  }
  if (kind < 50)
    return {
      type: 'rebound',
      teamId,
      kind: c % 3 === 0 ? 'offensive' : 'defensive',
      ...(b % 5 === 0 ? {} : { playerId: player }),
    };
  if (kind < 54) return { type: c % 2 === 0 ? 'steal' : 'block', teamId, playerId: player };
  if (kind < 58) return { type: 'turnover', teamId, ...(b % 4 === 0 ? {} : { playerId: player }) };
  if (kind < 68) {
    const kinds: FoulKind[] = [
      'personal',
      'personal',
      'personal',
      'personal',
      'technical',
      'unsportsmanlike',
      'disqualifying',
    ];
    const foulKind = kinds[c % kinds.length]!;
    if (b % 11 === 0) return { type: 'foul', teamId, committedBy: c % 2 === 0 ? 'coach' : 'bench', kind: foulKind };
    return { type: 'foul', teamId, committedBy: 'player', kind: foulKind, playerId: player };
  }
  if (kind < 72) return { type: 'timeout', teamId, ...clock };
  if (kind < 78) {
    const court = state.onCourt[teamId];
    const out = court ? court[b % court.length]! : player;
    return { type: 'substitution', teamId, playerOutId: out, playerInId: pickPlayer(state, context, t, c * 7 + 1) };
  }
  if (kind < 82)
    return {
      type: c % 2 === 0 ? 'clock_start' : 'clock_stop',
      gameClock: clock.gameClock ?? state.clock.remaining ?? 6000,
    };
  return {
    type: 'score_adjust',
    teamId,
    points: (1 + (c % 3)) as 1 | 2 | 3,
    ...(b % 2 === 0 ? { playerId: player } : {}),
  };
}

function correctionFor(
  log: readonly PlayEvent[],
  state: GameState,
  context: GameContext,
  i: Intent,
): PlayEventBody | null {
  if (log.length === 0) return null;
  if (i.kind < 92) return undoLast(log);
  const targetSeq = 1 + (i.b % log.length);
  if (i.kind < 96) return { type: 'void', targetSeq };
  return { type: 'replace', targetSeq, replacement: playFor(state, context, { ...i, kind: 10 + (i.c % 80) }) };
}

/** Builds a legal log: each intent becomes an event, which is kept only if the reducer accepts it. */
function buildGame(intents: readonly Intent[], tracked: boolean) {
  const context = simpleGame({ tracked, settings: { foulOutLimit: 3 } });
  const log: PlayEvent[] = [];
  let state = deepFreeze(initialGameState(context));
  let refused = 0;
  for (const i of intents) {
    const body = i.kind >= 88 ? correctionFor(log, state, context, i) : playFor(state, context, i);
    if (body === null) continue;
    const event = { ...body, seq: log.length + 1, clientEventId: `e${log.length + 1}` } as PlayEvent;
    try {
      state = deepFreeze(applyEvent(state, event, context, log));
      log.push(event);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err; // a TypeError here would mean the frozen input was mutated
      refused++;
    }
  }
  return { context, log, state, refused };
}

const games = fc.tuple(fc.array(intent, { minLength: 1, maxLength: 160 }), fc.boolean());

describe('reducer properties (random legal games with corrections)', () => {
  it('replay(log) deep-equals applying the events one by one; the state survives a JSON round trip', () => {
    fc.assert(
      fc.property(games, ([intents, tracked]) => {
        const { context, log, state } = buildGame(intents, tracked);
        expect(replay(log, context)).toEqual(state);
        expect(JSON.parse(JSON.stringify(state))).toStrictEqual(state);
      }),
      { numRuns: 150 },
    );
  });

  it('team score = player points + team points = sum of points by period = box-score total', () => {
    fc.assert(
      fc.property(games, ([intents, tracked]) => {
        const { state } = buildGame(intents, tracked);
        const box = boxScore(state);
        for (const team of box.teams) {
          const playerPts = team.players.reduce((n, p) => n + p.pts, 0);
          expect(playerPts + state.teamExtras[team.teamId]!.teamPoints).toBe(state.score[team.teamId]);
          expect(state.scoreByPeriod.reduce((n, p) => n + p.points[team.teamId]!, 0)).toBe(state.score[team.teamId]);
          expect(team.totals.pts).toBe(team.score);
          for (const p of team.players) {
            expect(p.pts).toBeGreaterThanOrEqual(2 * p.fgm2 + 3 * p.fgm3 + p.ftm);
            expect(p.fgm2).toBeLessThanOrEqual(p.fga2);
            expect(p.fgm3).toBeLessThanOrEqual(p.fga3);
            expect(p.ftm).toBeLessThanOrEqual(p.fta);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('team fouls are the players’ fouls; fouled-out and disqualified players follow the FIBA counts', () => {
    fc.assert(
      fc.property(games, ([intents, tracked]) => {
        const { state, context } = buildGame(intents, tracked);
        for (const { teamId } of state.teams) {
          const teamFouls = Object.values(state.teamFouls[teamId]!.byPeriod).reduce((n, x) => n + x, 0);
          const playerFouls = Object.values(state.lines)
            .filter((l) => l.teamId === teamId)
            .reduce((n, l) => n + l.pf, 0);
          expect(teamFouls).toBe(playerFouls);
          const t = state.timeouts[teamId]!;
          expect(t.used).toBeLessThanOrEqual(t.allowance);
        }
        for (const p of Object.values(state.players)) {
          const f = p.fouls;
          const dq = f.disqualifying > 0 || f.technical + f.unsportsmanlike >= 2;
          const total = f.personal + f.technical + f.unsportsmanlike + f.disqualifying;
          expect(p.out).toBe(dq ? 'disqualified' : total >= context.settings.foulOutLimit ? 'fouled_out' : null);
          expect(state.lines[p.playerId]!.pf).toBe(total);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('the in-force tracker, fed one event at a time, agrees at every step with the definition; a refused event changes nothing', () => {
    /** The definition, from the end back: an event is in force unless an in-force void after it targets it. */
    const definition = (log: readonly PlayEvent[]): boolean[] => {
      const inForce = [false, ...log.map(() => true)];
      for (let k = log.length; k >= 1; k--)
        inForce[k] = !log.some((e) => e.seq > k && e.type === 'void' && e.targetSeq === k && inForce[e.seq]);
      return inForce;
    };
    fc.assert(
      fc.property(games, fc.array(fc.nat(1000), { maxLength: 20 }), ([intents, tracked], tries) => {
        const { log } = buildGame(intents, tracked);
        const tracker = new InForceTracker();
        log.forEach((e, i) => {
          tracker.add(e);
          const prefix = log.slice(0, i + 1);
          expect(tracker.toArray()).toEqual(definition(prefix));
          expect(undoLast(prefix, tracker)).toEqual(undoLast(prefix));
        });
        expect(resolveCorrections(log).inForce).toEqual(definition(log));
        // Voids of events not in force, or of events that do not exist, and events out of order: refused, tracker unchanged.
        const before = tracker.toArray();
        for (const n of tries) {
          const targetSeq = (n % (log.length + 2)) + (n % 3 === 0 ? log.length : 0);
          const refused = { type: 'void', targetSeq, seq: log.length + 1 + (n % 2), clientEventId: 'x' } as PlayEvent;
          const acceptable =
            refused.seq === log.length + 1 && targetSeq >= 1 && targetSeq <= log.length && before[targetSeq];
          if (acceptable) continue;
          expect(() => tracker.add(refused)).toThrow(DomainError);
          expect(tracker.toArray()).toEqual(before);
          expect(tracker.length).toBe(log.length);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('undoing the last play gives the state without it', () => {
    fc.assert(
      fc.property(games, ([intents, tracked]) => {
        const { context, log } = buildGame(intents, tracked);
        const last = log.at(-1);
        fc.pre(last !== undefined && last.type !== 'void' && last.type !== 'replace');
        const undo = undoLast(log)!;
        expect(undo).toEqual({ type: 'void', targetSeq: log.length, undo: true });
        const undone = applyEvent(
          replay(log, context),
          { ...undo, seq: log.length + 1, clientEventId: 'u' },
          context,
          log,
        );
        expect({ ...undone, lastSeq: 0 }).toEqual({ ...replay(log.slice(0, -1), context), lastSeq: 0 });
        // Given the state before the last play, the undo is that state, equal to the replay's.
        const before = deepFreeze(replay(log.slice(0, -1), context));
        const shortcut = applyEvent(
          replay(log, context),
          { ...undo, seq: log.length + 1, clientEventId: 'u' },
          context,
          log,
          before,
        );
        expect(shortcut).toEqual(undone);
        expect(shortcut.lastSeq).toBe(log.length + 1);
      }),
      { numRuns: 100 },
    );
  });

  it('an undo of an earlier play, or of a correction, replays the log even when a state before is given', () => {
    fc.assert(
      fc.property(games, ([intents, tracked]) => {
        const { context, log } = buildGame(intents, tracked);
        fc.pre(log.length >= 3);
        const before = replay(log.slice(0, -1), context);
        const now = replay(log, context);
        // A void of the play before the last (when it is a play in force): the replay's answer.
        const { inForce } = resolveCorrections(log);
        const target = log.at(-2)!;
        fc.pre(!isCorrection(target) && inForce[target.seq] === true);
        const voidEarlier = {
          type: 'void',
          targetSeq: target.seq,
          seq: log.length + 1,
          clientEventId: 'v',
        } as PlayEvent;
        let expected: GameState | DomainError;
        try {
          expected = applyEvent(now, voidEarlier, context, log);
        } catch (e) {
          expected = e as DomainError;
        }
        let got: GameState | DomainError;
        try {
          got = applyEvent(now, voidEarlier, context, log, before);
        } catch (e) {
          got = e as DomainError;
        }
        expect(got).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });

  it('generated games are not trivial (the generator reaches overtime, corrections and fouls-out)', () => {
    const seen = { overtime: 0, corrections: 0, out: 0, refused: 0 };
    fc.assert(
      fc.property(fc.array(intent, { minLength: 150, maxLength: 160 }), fc.boolean(), (intents, tracked) => {
        const { state, log, refused } = buildGame(intents, tracked);
        if (state.period.current > 4) seen.overtime++;
        if (log.some((e) => e.type === 'void' || e.type === 'replace')) seen.corrections++;
        if (Object.values(state.players).some((p) => p.out !== null)) seen.out++;
        if (refused > 0) seen.refused++;
      }),
      { numRuns: 60, seed: 20240801 },
    );
    expect(seen.corrections).toBeGreaterThan(30);
    expect(seen.out).toBeGreaterThan(30);
    expect(seen.refused).toBeGreaterThan(30);
    expect(seen.overtime).toBeGreaterThan(0);
  });
});
