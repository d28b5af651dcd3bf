import { canonicalJson, sameEventContent, scorekeeperMayMove, statusAfterEvent } from './live-scoring.js';

describe('live scoring rules', () => {
  it('a retried body is the same whatever its key order or undefined fields', () => {
    expect(
      sameEventContent(
        { type: 'field_goal_made', teamId: 't', playerId: 'p', points: 2 },
        { points: 2, playerId: 'p', teamId: 't', type: 'field_goal_made', assistPlayerId: undefined },
      ),
    ).toBe(true);
    expect(canonicalJson({ b: [{ d: 1, c: 2 }], a: null })).toBe('{"a":null,"b":[{"c":2,"d":1}]}');
  });

  it('any other difference makes it another event', () => {
    expect(
      sameEventContent(
        { type: 'field_goal_made', teamId: 't', playerId: 'p', points: 2 },
        { type: 'field_goal_made', teamId: 't', playerId: 'p', points: 3 },
      ),
    ).toBe(false);
    expect(sameEventContent({ type: 'period_start' }, { type: 'period_end' })).toBe(false);
  });

  it('the first period start of a ready game starts it; nothing else moves the status', () => {
    expect(statusAfterEvent('ready', { type: 'period_start' })).toBe('live');
    expect(statusAfterEvent('ready', { type: 'foul' })).toBe('ready');
    expect(statusAfterEvent('live', { type: 'period_start' })).toBe('live');
    expect(statusAfterEvent('live', { type: 'period_end' })).toBe('live');
  });

  it('the scorer’s table confirms, starts and ends a game; the rest is the organisers’', () => {
    expect(scorekeeperMayMove('scheduled', 'ready')).toBe(true);
    expect(scorekeeperMayMove('ready', 'live')).toBe(true);
    expect(scorekeeperMayMove('live', 'final')).toBe(true);
    expect(scorekeeperMayMove('final', 'official')).toBe(false);
    expect(scorekeeperMayMove('final', 'live')).toBe(false);
    expect(scorekeeperMayMove('live', 'forfeit')).toBe(false);
    expect(scorekeeperMayMove('scheduled', 'cancelled')).toBe(false);
  });
});
