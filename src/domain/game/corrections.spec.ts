import { resolveCorrections, undoLast } from './corrections.js';
import { foldLog } from './fixtures/fold.js';
import { playScript } from './fixtures/play-script.js';
import { simpleGame } from './fixtures/teams.js';
import { applyEvent, replay } from './reducer.js';

const context = simpleGame({ tracked: true });

function scripted(lines: readonly string[]) {
  const script = playScript(context);
  script.addAll(lines);
  return script;
}

const codeOf = (fn: () => unknown): string | null => {
  try {
    fn();
    return null;
  } catch (err) {
    return (err as { code: string }).code;
  }
};

/** Applies the last scripted event on top of the state of the log before it; returns the error code or null. */
const lastEventRefusal = (lines: readonly string[]) => {
  const script = scripted(lines);
  const before = script.log.slice(0, -1);
  return codeOf(() => applyEvent(replay(before, context), script.log.at(-1)!, context, before));
};

describe('corrections: void and replace', () => {
  it('void takes an event out: every total recomputes', () => {
    const state = replay(scripted(['start', 'H 4 3+ a5 !x', 'H 5 dr', 'void !x']).log, context);
    expect(state.score['home']).toBe(0);
    expect(state.lines['home-4']).toMatchObject({ pts: 0, fga3: 0, fgm3: 0 });
    expect(state.lines['home-5']).toMatchObject({ ast: 0, dreb: 1 });
    expect(state.lastSeq).toBe(4);
  });

  it('replace reads the event as its new body, in its place in the game, keeping its clock unless given', () => {
    const script = scripted(['start', '@9:00 H 4 3+ !x', '@8:00 A 4 2+', 'replace !x => H 6 2+ a4']);
    const state = replay(script.log, context);
    expect(state.score).toEqual({ home: 2, away: 2 });
    expect(state.lines['home-6']).toMatchObject({ pts: 2, fgm2: 1 });
    expect(state.lines['home-4']).toMatchObject({ pts: 0, ast: 1 });
    expect(resolveCorrections(script.log).plays[1]).toMatchObject({ seq: 2, gameClock: 5400, playerId: 'home-6' });
    expect(state.recentPlays.map((p) => p.score['home'])).toEqual([0, 2, 2]);
  });

  it('the latest replace wins; voiding it restores the previous version; voiding a void reinstates', () => {
    const lines = ['start', 'H 4 2+ !x', 'replace !x => H 5 2+ !r1', 'replace !x => H 6 3+ !r2'];
    expect(replay(scripted(lines).log, context).lines['home-6']!.pts).toBe(3);
    const restored = replay(scripted([...lines, 'void !r2']).log, context);
    expect([restored.lines['home-5']!.pts, restored.lines['home-6']!.pts]).toEqual([2, 0]);
    const reinstated = replay(scripted(['start', 'H 4 2+ !x', 'void !x !v', 'void !v']).log, context);
    expect(reinstated.score['home']).toBe(2);
  });

  it('refuses a correction of an event that does not exist, is already voided, or a replace of a correction', () => {
    expect(lastEventRefusal(['start', 'void 9'])).toBe('GAME_EVENT_NOT_FOUND');
    expect(lastEventRefusal(['start', 'void 2'])).toBe('GAME_EVENT_NOT_FOUND');
    expect(lastEventRefusal(['start', 'H 4 2+ !x', 'void !x', 'void !x'])).toBe('GAME_EVENT_ALREADY_VOIDED');
    expect(lastEventRefusal(['start', 'H 4 2+ !x', 'void !x !v', 'replace !v => H 4 3+'])).toBe(
      'GAME_CORRECTION_TARGET_INVALID',
    );
  });

  it('refuses a replacement that breaks a rule itself, with the rule’s own code', () => {
    expect(lastEventRefusal(['start', 'H 4 2+ !x', 'replace !x => H 4 2+ a4'])).toBe('GAME_ASSIST_BY_SHOOTER');
  });

  it('refuses a correction that would make a later event invalid (GAME_CORRECTION_CONFLICTS)', () => {
    const script = scripted(['start', 'H 9>4 !sub', 'H 4>9', 'void !sub']);
    const before = script.log.slice(0, -1);
    const state = replay(before, context);
    expect(() => applyEvent(state, script.log.at(-1)!, context, before)).toThrow(
      expect.objectContaining({
        code: 'GAME_CORRECTION_CONFLICTS',
        context: { failingSeq: 3, causeCode: 'GAME_SUBSTITUTION_INVALID' },
      }),
    );
  });

  it('events that depended on a voided foul-out stand again once the foul is voided', () => {
    const fouls = Array.from({ length: 5 }, (_, i) => `H 4 pf${i === 4 ? ' !fifth' : ''}`);
    const state = replay(scripted(['start', ...fouls, 'void !fifth', 'H 4 2+']).log, context);
    expect(state.players['home-4']).toMatchObject({ out: null, fouls: { personal: 4 } });
    expect(state.score['home']).toBe(2);
  });
});

describe('undoLast', () => {
  it('voids the last event; repeated undos walk back', () => {
    const script = scripted(['start', 'H 4 2+', 'A 4 3+']);
    expect(undoLast(script.log)).toEqual({ type: 'void', targetSeq: 3, undo: true });
    script.add('undo');
    expect(undoLast(script.log)).toEqual({ type: 'void', targetSeq: 2, undo: true });
    script.add('undo');
    expect(replay(script.log, context).score).toEqual({ home: 0, away: 0 });
    expect(foldLog(script.log, context)).toEqual(replay(script.log, context));
  });

  it('undo of a correction reinstates what it corrected', () => {
    const script = scripted(['start', 'H 4 2+ !x', 'void !x']);
    expect(undoLast(script.log)).toEqual({ type: 'void', targetSeq: 3, undo: true });
    script.add('undo');
    expect(replay(script.log, context).score['home']).toBe(2);
    const replaced = scripted(['start', 'H 4 2+ !x', 'replace !x => H 4 3+']);
    replaced.add('undo');
    expect(replay(replaced.log, context).score['home']).toBe(2);
  });

  it('returns null when there is nothing to undo', () => {
    expect(undoLast([])).toBeNull();
    const script = scripted(['start']);
    script.add('undo');
    expect(undoLast(script.log)).toBeNull();
  });
});
