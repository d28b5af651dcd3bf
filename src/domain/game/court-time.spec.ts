import fc from 'fast-check';
import { DomainError } from '../shared/domain-error.js';
import { boxScore, playerGameLines } from './box-score.js';
import { foldLog } from './fixtures/fold.js';
import { playScript } from './fixtures/play-script.js';
import { simpleGame } from './fixtures/teams.js';
import type { GameContext } from './game-settings.js';
import { replay } from './reducer.js';

function play(context: GameContext, lines: readonly string[]) {
  const script = playScript(context);
  script.addAll(lines);
  // Event by event as the service applies them (corrections checked against later plays), then replayed.
  const folded = foldLog(script.log, context);
  const state = replay(script.log, context);
  expect(folded).toEqual(state);
  return { state, script, box: boxScore(state) };
}

function refusal(context: GameContext, lines: readonly string[]): DomainError {
  try {
    play(context, lines);
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

const tracked = simpleGame({ tracked: true });
const line = (box: ReturnType<typeof boxScore>, side: 0 | 1, jersey: string) =>
  box.teams[side].players.find((p) => p.jerseyNumber === Number(jersey))!;

describe('who is on court: a play by a player on the bench is refused', () => {
  it.each([
    ['a made basket by a substitute who never came in', 'H 9 2+', 'playerId'],
    ['a miss', 'H 9 3-', 'playerId'],
    ['a free throw', 'H 9 ft+', 'playerId'],
    ['a rebound', 'A 12 dr', 'playerId'],
    ['a steal', 'A 12 st', 'playerId'],
    ['a block', 'A 12 bk', 'playerId'],
    ['a turnover', 'H 9 to', 'playerId'],
    ['a personal foul', 'H 9 pf', 'playerId'],
    ['an unsportsmanlike foul', 'H 9 uf', 'playerId'],
    ['score-only points for a player', 'H 9 +3', 'playerId'],
    ['an assist from the bench', 'H 4 2+ a9', 'assistPlayerId'],
  ])('%s', (_name, text, field) => {
    const err = refusal(tracked, ['start', text]);
    expect(err.code).toBe('PLAYER_NOT_ON_COURT');
    expect(err.kind).toBe('invalid');
    const side = text.startsWith('H') ? 'home' : 'away';
    const jersey = field === 'assistPlayerId' ? '9' : text.split(' ')[1]!;
    expect(err.details).toEqual([{ field: `event.${field}`, reason: expect.stringContaining(`${side}-${jersey}`) }]);
    expect(err.context).toMatchObject({ playerId: `${side}-${jersey}`, teamId: side, field: `event.${field}` });
  });

  it('the same play is accepted once the substitution is recorded', () => {
    const { state } = play(tracked, ['start', 'H 9>4', 'H 9 2+ a5']);
    expect(state.score['home']).toBe(2);
    expect(state.flags).toEqual([]);
  });

  it('a technical or disqualifying foul may be charged to a substitute on the bench (FIBA Art. 36, 39)', () => {
    const { state } = play(tracked, ['start', 'H 9 tf', 'A 12 df']);
    expect(state.lines['home-9']!.pf).toBe(1);
    expect(state.players['away-12']!.out).toBe('disqualified');
  });

  it('team rebounds, team turnovers and team points need nobody on court', () => {
    const { state } = play(tracked, ['start', 'H dr', 'H to', 'H +2']);
    expect(state.score['home']).toBe(2);
  });

  it('score-only games (no starting fives) are exempt', () => {
    const { state } = play(simpleGame(), ['start', 'H 13 3+', 'A 12 +2']);
    expect(state.score).toEqual({ home: 3, away: 2 });
  });

  it('a replacement that would credit a bench player is refused with the same code', () => {
    const err = refusal(tracked, ['start', 'H 4 2+ !shot', 'replace !shot => H 9 2+']);
    expect(err.code).toBe('PLAYER_NOT_ON_COURT');
  });

  it('voiding the substitution a later basket depends on is refused, naming that basket', () => {
    const err = refusal(tracked, ['start', 'H 9>4 !sub', 'H 9 2+', 'void !sub']);
    expect(err.code).toBe('GAME_CORRECTION_CONFLICTS');
    expect(err.context).toMatchObject({ failingSeq: 3, causeCode: 'PLAYER_NOT_ON_COURT' });
  });

  it('replacing a substitution so that another player came in is refused when a later play needs the first', () => {
    const err = refusal(tracked, ['start', 'H 9>4 !sub', 'H 9 2+', 'replace !sub => H 10>4']);
    expect(err.code).toBe('GAME_CORRECTION_CONFLICTS');
  });
});

describe('minutes played from substitutions and the game clock', () => {
  it('a starter subbed out at 6:30 and back at 2:00 of a 10-minute period plays 5:30', () => {
    const { box } = play(tracked, [
      'start',
      '@10:00 clock start',
      '@6:30 clock stop',
      '@6:30 H 9>4',
      '@6:30 clock start',
      '@2:00 clock stop',
      '@2:00 H 4>9',
      '@2:00 clock start',
      '@0:00 clock stop',
      'end',
    ]);
    expect(line(box, 0, '4').secondsPlayed).toBe(330);
    expect(line(box, 0, '9').secondsPlayed).toBe(270);
    expect(line(box, 0, '5').secondsPlayed).toBe(600);
    expect(line(box, 0, '13').secondsPlayed).toBe(0);
    // Five players on court for the whole period: 5 × 10 minutes per team.
    const total = box.teams[0].players.reduce((n, p) => n + (p.secondsPlayed ?? 0), 0);
    expect(total).toBe(3000);
  });

  it('the stint in progress counts up to the last clock reading (a live box score)', () => {
    const { box } = play(tracked, ['start', '@10:00 clock start', '@7:15 clock stop']);
    expect(line(box, 1, '8').secondsPlayed).toBe(165);
  });

  it('a substitution between periods moves no time; the new five starts the next period', () => {
    const { box } = play(tracked, ['start', '@0:00 clock stop', 'end', 'H 9>4', 'start', '@5:00 clock stop', 'end']);
    expect(line(box, 0, '4').secondsPlayed).toBe(600);
    expect(line(box, 0, '9').secondsPlayed).toBe(600);
  });

  it('overtime counts with its own length', () => {
    const ctx = simpleGame({ tracked: true, settings: { periods: 1, periodMinutes: 10, overtimeMinutes: 5 } });
    const { box } = play(ctx, ['start', '@0:00 clock stop', 'end', 'start', '@0:00 clock stop', 'H 4 2+', 'end']);
    expect(line(box, 0, '4').secondsPlayed).toBe(900);
  });

  it('a game whose events never carried the clock has no minutes, only plus/minus', () => {
    const { box, state } = play(tracked, ['start', 'H 9>4', 'H 9 2+', 'end']);
    expect(line(box, 0, '9').secondsPlayed).toBeNull();
    expect(line(box, 0, '9').plusMinus).toBe(2);
    expect(playerGameLines(state).every((l) => l.secondsPlayed === null)).toBe(true);
  });

  it('untracked teams have neither minutes nor plus/minus', () => {
    const { box } = play(simpleGame(), ['start', '@9:00 H 4 2+', 'end']);
    expect(line(box, 0, '4').secondsPlayed).toBeNull();
    expect(line(box, 0, '4').plusMinus).toBeNull();
  });

  it('the kept player lines carry the minutes', () => {
    const { state } = play(tracked, ['start', '@10:00 clock start', '@4:00 H 4 2+', '@0:00 clock stop', 'end']);
    expect(playerGameLines(state).find((l) => l.playerId === 'home-4')!.secondsPlayed).toBe(600);
  });
});

describe('plus/minus: the score while a player is on court', () => {
  it('a 7-0 run with #9 on the bench, then 3-2 with him on court', () => {
    const { box } = play(tracked, ['start', 'H 4 2+', 'H 5 3+', 'H 6 2+', 'H 9>4', 'H 9 3+', 'A 4 2+', 'end']);
    expect(line(box, 0, '4').plusMinus).toBe(7);
    expect(line(box, 0, '9').plusMinus).toBe(1);
    expect(line(box, 0, '5').plusMinus).toBe(8);
    expect(line(box, 1, '4').plusMinus).toBe(-8);
    expect(line(box, 1, '13').plusMinus).toBe(0);
  });

  it('free throws after a substitution count for the players then on court', () => {
    const { box } = play(tracked, ['start', 'A 4 pf', 'H 9>8', 'H 5 ft+ 1/2', 'H 5 ft+ 2/2']);
    expect(line(box, 0, '9').plusMinus).toBe(2);
    expect(line(box, 0, '8').plusMinus).toBe(0);
  });

  it('a voided basket takes its plus/minus away', () => {
    const { box } = play(tracked, ['start', 'H 4 3+ !three', 'void !three']);
    expect(line(box, 0, '4').plusMinus).toBe(0);
    expect(line(box, 1, '4').plusMinus).toBe(0);
  });
});

describe('minutes and plus/minus: invariants over random games', () => {
  // Random substitutions and baskets at falling clock readings through two periods.
  const step = fc.record({ clock: fc.nat(400), sub: fc.boolean(), side: fc.nat(1), a: fc.nat(9), b: fc.nat(9) });

  it('each team’s minutes add up to five players × the time played; plus/minus to five × the margin', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const context = simpleGame({ tracked: true });
        const script = playScript(context);
        let state = replay(script.log, context);
        const apply = (line: string) => {
          script.add(line);
          state = replay(script.log, context);
        };
        for (const period of [1, 2]) {
          apply('start');
          let clock = 6000;
          apply(`@${mmss(clock)} clock start`);
          for (const s of steps.slice(period === 1 ? 0 : 20, period === 1 ? 20 : 40)) {
            clock = Math.max(0, clock - s.clock);
            const side = s.side === 0 ? 'H' : 'A';
            const teamId = side === 'H' ? 'home' : 'away';
            const court = state.onCourt[teamId]!;
            if (s.sub) {
              const bench = context.teams[s.side]!.players.map((p) => p.playerId).filter((id) => !court.includes(id));
              const out = court[s.a % 5]!.split('-')[1]!;
              const into = bench[s.b % bench.length]!.split('-')[1]!;
              apply(`@${mmss(clock)} ${side} ${into}>${out}`);
            } else {
              apply(`@${mmss(clock)} ${side} ${court[s.a % 5]!.split('-')[1]} 2+`);
            }
          }
          apply('@0:00 clock stop');
          apply('end');
        }
        const box = boxScore(state);
        for (const [i, team] of box.teams.entries()) {
          const seconds = team.players.reduce((n, p) => n + (p.secondsPlayed ?? 0), 0);
          // Each player's seconds are rounded from tenths: at most half a second off per stint.
          expect(Math.abs(seconds - 5 * 2 * 600)).toBeLessThanOrEqual(team.players.length * 20);
          const margin = team.score - box.teams[1 - i]!.score;
          expect(team.players.reduce((n, p) => n + (p.plusMinus ?? 0), 0)).toBe(5 * margin);
        }
      }),
      { numRuns: 40 },
    );
  });
});

const mmss = (tenths: number) =>
  `${Math.floor(tenths / 600)}:${String(Math.floor((tenths % 600) / 10)).padStart(2, '0')}`;
