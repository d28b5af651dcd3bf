import { eventsOfStatusChange, eventsOfTopics } from './events.js';
import { MAX_ATTEMPTS, retryDelayMs } from './retry.js';
import { signDelivery, verifyDelivery } from './signature.js';
import { isPublicAddress, parseTargetUrl } from './target-url.js';

const result = (homeScore: number, awayScore: number) => ({
  kind: 'played' as const,
  homeScore,
  awayScore,
  penalisedTeamId: null,
});

describe('which webhook events a game step means', () => {
  it('a game starts once, from before tip-off', () => {
    expect(eventsOfStatusChange({ from: 'ready', to: 'live', resultBefore: null, resultAfter: null })).toEqual([
      'game.started',
    ]);
  });

  it('a first result is final; confirming it tells nothing new', () => {
    expect(
      eventsOfStatusChange({ from: 'live', to: 'final', resultBefore: null, resultAfter: result(78, 65) }),
    ).toEqual(['game.final']);
    expect(
      eventsOfStatusChange({
        from: 'final',
        to: 'official',
        resultBefore: result(78, 65),
        resultAfter: result(78, 65),
      }),
    ).toEqual([]);
  });

  it('a changed or withdrawn result is a correction; the same result again is not', () => {
    expect(
      eventsOfStatusChange({ from: 'live', to: 'final', resultBefore: result(78, 65), resultAfter: result(76, 65) }),
    ).toEqual(['result.corrected']);
    expect(
      eventsOfStatusChange({ from: 'final', to: 'live', resultBefore: result(78, 65), resultAfter: null }),
    ).toEqual(['result.corrected']);
    expect(
      eventsOfStatusChange({ from: 'live', to: 'final', resultBefore: result(78, 65), resultAfter: result(78, 65) }),
    ).toEqual([]);
  });

  it('standings and schedule come from the tournament’s change topics', () => {
    expect(eventsOfTopics(['standings', 'bracket', 'ranking'])).toEqual(['standings.changed']);
    expect(eventsOfTopics(['schedule', 'games'])).toEqual(['schedule.changed']);
    expect(eventsOfTopics(['awards'])).toEqual([]);
  });
});

describe('delivery signatures', () => {
  const body = '{"event":"game.final"}';
  it('verifies what was signed with the secret, within five minutes', () => {
    const now = 1_800_000_000;
    const signature = signDelivery('whsec_a', now, body);
    expect(signature).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(verifyDelivery('whsec_a', { timestamp: String(now), signature }, body, { now })).toBe(true);
    expect(verifyDelivery('whsec_b', { timestamp: String(now), signature }, body, { now })).toBe(false);
    expect(verifyDelivery('whsec_a', { timestamp: String(now), signature }, `${body} `, { now })).toBe(false);
    expect(verifyDelivery('whsec_a', { timestamp: String(now), signature }, body, { now: now + 301 })).toBe(false);
  });
});

describe('retries', () => {
  it('wait twice as long each time, with at most 10% jitter, up to the cap', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 1000, 6 * 3600_000, () => 0))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(2, 1000, 6 * 3600_000, () => 1)).toBe(2200);
    expect(retryDelayMs(MAX_ATTEMPTS, 30_000, 3600_000, () => 0)).toBe(3600_000);
  });
});

describe('receiver addresses', () => {
  it('takes http and https only, without credentials', () => {
    expect(parseTargetUrl('https://union.example.org/hook').hostname).toBe('union.example.org');
    for (const bad of ['ftp://x.org/', 'file:///etc/passwd', 'javascript:alert(1)', 'not a url', 'http://u:p@x.org/'])
      expect(() => parseTargetUrl(bad)).toThrow(expect.objectContaining({ code: 'WEBHOOK_URL_INVALID' }));
  });

  it('tells public addresses from loopback, private, link-local and mapped ones', () => {
    for (const a of ['8.8.8.8', '114.114.114.114', '2001:4860:4860::8888']) expect(isPublicAddress(a)).toBe(true);
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.10',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      '::',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      'localhost',
    ])
      expect(isPublicAddress(a)).toBe(false);
  });
});
