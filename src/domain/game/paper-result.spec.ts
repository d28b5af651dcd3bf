import { DomainError } from '../shared/domain-error.js';
import { boxScore, playerGameLines } from './box-score.js';
import { foldLog } from './fixtures/fold.js';
import { simpleGame } from './fixtures/teams.js';
import type { PaperResult, PlayEvent, PlayEventBody } from './play-event.js';
import { KEPT } from '../stats/kept.js';
import { paperKept, paperKeptByTeam, paperResultPath } from './paper-result.js';
import { gameEndFacts, replay } from './reducer.js';

const context = simpleGame();
const log = (...bodies: PlayEventBody[]): PlayEvent[] =>
  bodies.map((b, i) => ({ ...b, seq: i + 1, clientEventId: `e${i + 1}` }) as PlayEvent);

const paper = (home: PaperResult['home'], away: PaperResult['away']): PaperResult => ({
  type: 'paper_result',
  home,
  away,
});

function refused(body: PaperResult): DomainError {
  try {
    foldLog(log(body), context);
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('a result from a paper scoresheet', () => {
  it('final score only: the game is decided, no player has a line', () => {
    const state = foldLog(log(paper({ score: 62 }, { score: 58 })), context);
    expect(state.score).toEqual({ home: 62, away: 58 });
    expect(gameEndFacts(state, context)).toEqual({ lastPeriodEnded: true, tied: false, score: state.score });
    expect(state.gameOver).toBe(true);
    expect(playerGameLines(state)).toEqual([]);
    expect(boxScore(state).teams[0].totals.teamPoints).toBe(62);
  });

  it('score by period with two overtimes (the Huzhou 3rd-place game kind)', () => {
    const body = paper({ score: 80, periods: [18, 20, 15, 17, 5, 5] }, { score: 75, periods: [20, 16, 17, 17, 5, 0] });
    const state = foldLog(log(body), context);
    expect(state.scoreByPeriod.map((p) => p.label)).toEqual(['1', '2', '3', '4', 'OT1', 'OT2']);
    expect(state.period).toEqual({ current: 6, label: 'OT2', status: 'ended' });
  });

  it('players’ lines hold what was entered; the rest of the score is the team’s', () => {
    const body = paper(
      {
        score: 40,
        players: [
          { playerId: 'home-4', points: 21, fouls: 3, fgm3: 3, ftm: 4, fta: 6, reb: 7, oreb: 2, ast: 5 },
          { playerId: 'home-5', fouls: 5 },
        ],
      },
      { score: 38, players: [{ playerId: 'away-7', points: 12 }] },
    );
    const state = replay(log(body), context);
    const lines = playerGameLines(state);
    expect(lines.map((l) => l.playerId)).toEqual(['home-4', 'home-5', 'away-7']);
    expect(lines[0]).toMatchObject({ pts: 21, pf: 3, fgm3: 3, fga3: 3, ftm: 4, fta: 6, oreb: 2, dreb: 5, ast: 5 });
    expect(lines[1]).toMatchObject({ pts: 0, pf: 5 });
    expect(state.players['home-5']!.out).toBe('fouled_out');
    expect(boxScore(state).teams[0].totals).toMatchObject({ pts: 40, teamPoints: 19 });
    expect(lines.every((l) => l.secondsPlayed === null)).toBe(true);
  });

  it('keeps, per team, the columns the sheet gave for at least one player (and nothing without lines)', () => {
    const body = paper(
      {
        score: 40,
        players: [
          { playerId: 'home-4', points: 21, fouls: 3, reb: 7 },
          { playerId: 'home-5', ast: 2 },
        ],
      },
      { score: 38, players: [{ playerId: 'away-7', fgm2: 1, fgm3: 0, ftm: 0 }] },
    );
    expect(paperKept(body.home)).toBe(KEPT.pts | KEPT.pf | KEPT.dreb | KEPT.ast);
    expect(paperKept(body.away)).toBe(KEPT.pts | KEPT.fg2 | KEPT.fg3 | KEPT.ft);
    expect(paperKept({ score: 50 })).toBe(0);
    expect(paperKeptByTeam(replay(log(body), context))).toEqual(
      new Map([
        ['home', KEPT.pts | KEPT.pf | KEPT.dreb | KEPT.ast],
        ['away', KEPT.pts | KEPT.fg2 | KEPT.fg3 | KEPT.ft],
      ]),
    );
    expect(paperKeptByTeam(replay([], context))).toBeNull();
  });

  it.each<[string, PaperResult, string, string]>([
    ['a level final score', paper({ score: 60 }, { score: 60 }), 'GAME_PAPER_RESULT_TIED', 'away.score'],
    [
      'periods that do not add up',
      paper({ score: 60, periods: [15, 15, 15, 14] }, { score: 50, periods: [10, 10, 10, 20] }),
      'GAME_PAPER_RESULT_PERIODS_INVALID',
      'home.periods',
    ],
    [
      'overtime after a regulation that was not level',
      paper({ score: 65, periods: [15, 15, 15, 15, 5] }, { score: 58, periods: [15, 15, 15, 13, 0] }),
      'GAME_PAPER_RESULT_PERIODS_INVALID',
      'home.periods[4]',
    ],
    [
      'periods for one team only',
      paper({ score: 60, periods: [15, 15, 15, 15] }, { score: 50 }),
      'GAME_PAPER_RESULT_PERIODS_INVALID',
      'away.periods',
    ],
    [
      'a player of the other team',
      paper({ score: 60, players: [{ playerId: 'away-4', points: 2 }] }, { score: 50 }),
      'GAME_PAPER_RESULT_PLAYER_NOT_ON_ROSTER',
      'home.players[0].playerId',
    ],
    [
      'a player entered twice',
      paper({ score: 60, players: [{ playerId: 'home-4' }, { playerId: 'home-4' }] }, { score: 50 }),
      'GAME_PAPER_RESULT_PLAYER_TWICE',
      'home.players[1].playerId',
    ],
    [
      'six fouls',
      paper({ score: 60 }, { score: 50, players: [{ playerId: 'away-4', fouls: 6 }] }),
      'GAME_PAPER_RESULT_TOO_MANY_FOULS',
      'away.players[0].fouls',
    ],
    [
      'more players’ points than the team scored',
      paper(
        {
          score: 10,
          players: [
            { playerId: 'home-4', points: 8 },
            { playerId: 'home-5', points: 4 },
          ],
        },
        { score: 5 },
      ),
      'GAME_PAPER_RESULT_PLAYER_POINTS_EXCEED',
      'home.players',
    ],
    [
      'more free throws made than attempted',
      paper({ score: 60, players: [{ playerId: 'home-4', ftm: 5, fta: 4 }] }, { score: 50 }),
      'GAME_PAPER_RESULT_LINE_INCONSISTENT',
      'home.players[0].ftm',
    ],
    [
      'three-pointers worth more than the points',
      paper({ score: 60, players: [{ playerId: 'home-4', points: 6, fgm3: 3 }] }, { score: 50 }),
      'GAME_PAPER_RESULT_LINE_INCONSISTENT',
      'home.players[0].points',
    ],
    ['a negative score', paper({ score: -1 }, { score: 50 }), 'GAME_PAPER_RESULT_NUMBER_INVALID', 'home.score'],
  ])('refused: %s', (_name, body, code, field) => {
    const err = refused(body);
    expect(err.code).toBe(code);
    expect(err.details.map((d) => d.field)).toContain(field);
  });

  it('is the only play of its game', () => {
    expect(() => foldLog(log({ type: 'period_start' }, paper({ score: 2 }, { score: 0 })), context)).toThrow(
      expect.objectContaining({ code: 'GAME_PAPER_RESULT_AFTER_PLAYS' }) as Error,
    );
  });

  it('no play may follow it', () => {
    expect(() => foldLog(log(paper({ score: 2 }, { score: 0 }), { type: 'period_start' }), context)).toThrow(
      expect.objectContaining({ code: 'GAME_ALREADY_OVER' }) as Error,
    );
  });

  it('a correction replaces it with another paper result, and everything follows', () => {
    const first = paper({ score: 62, players: [{ playerId: 'home-4', points: 20 }] }, { score: 58 });
    const second = paper({ score: 58, players: [{ playerId: 'home-4', points: 18 }] }, { score: 62 });
    const events = log(first, { type: 'replace', targetSeq: 1, replacement: second });
    const state = foldLog(events, context);
    expect(state).toEqual(replay(events, context));
    expect(state.score).toEqual({ home: 58, away: 62 });
    expect(playerGameLines(state)[0]).toMatchObject({ playerId: 'home-4', pts: 18 });
  });

  it('a correction to an invalid paper result is refused with the result’s own code', () => {
    const events = log(paper({ score: 62 }, { score: 58 }), {
      type: 'replace',
      targetSeq: 1,
      replacement: paper({ score: 60 }, { score: 60 }),
    });
    expect(() => foldLog(events, context)).toThrow(
      expect.objectContaining({ code: 'GAME_PAPER_RESULT_TIED' }) as Error,
    );
  });
});

describe('when a paper result may be entered', () => {
  const sheet = paper({ score: 62 }, { score: 58 });
  const code = (fn: () => unknown) => {
    try {
      fn();
    } catch (err) {
      return (err as DomainError).code;
    }
    return null;
  };

  it('a game not yet played, nothing recorded at the table: as its first play', () => {
    expect(paperResultPath('scheduled', [])).toEqual({ kind: 'first' });
    expect(paperResultPath('ready', [])).toEqual({ kind: 'first' });
  });

  it('a final game decided on paper: as a correction of that play', () => {
    expect(paperResultPath('final', log(sheet))).toMatchObject({ kind: 'correction', target: { seq: 1 } });
    const corrected = log(sheet, { type: 'replace', targetSeq: 1, replacement: paper({ score: 1 }, { score: 0 }) });
    expect(paperResultPath('final', corrected)).toMatchObject({ kind: 'correction', target: { home: { score: 1 } } });
  });

  it.each<[string, Parameters<typeof paperResultPath>[0], PlayEvent[]]>([
    ['plays recorded while ready', 'ready', log({ type: 'period_start' })],
    ['a game being scored live', 'live', log({ type: 'period_start' })],
    ['a game scored live and ended', 'final', log({ type: 'period_start' }, { type: 'period_end' })],
    ['a confirmed paper result', 'official', log(sheet)],
    ['a forfeit', 'forfeit', []],
    ['a cancelled game', 'cancelled', []],
  ])('refused: %s', (_name, status, events) => {
    expect(code(() => paperResultPath(status, events))).toBe('GAME_PAPER_RESULT_NOT_ALLOWED');
  });
});
