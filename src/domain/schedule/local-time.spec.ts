import { alignUp, describeTime, fromMinutes, toMinutes } from './local-time.js';

describe('local wall-clock times', () => {
  it('round-trips a venue time through minutes without any time-zone shift', () => {
    const m = toMinutes('2024-03-31T02:30'); // a daylight-saving change in much of Europe: irrelevant here
    expect(fromMinutes(m)).toBe('2024-03-31T02:30');
    expect(toMinutes('2024-05-02T19:30') - toMinutes('2024-05-01T19:30')).toBe(1440);
  });

  it('refuses impossible and badly written times', () => {
    for (const bad of ['2024-02-30T10:00', '2024-05-01T24:00', '2024-05-01 10:00', '2024-05-01T10:00:00', '']) {
      expect(() => toMinutes(bad, 'start')).toThrow(expect.objectContaining({ code: 'SCHEDULE_INVALID_TIME' }));
    }
  });

  it('aligns starts to clock multiples after midnight and shortens same-day times', () => {
    expect(fromMinutes(alignUp(toMinutes('2024-05-01T10:17'), 15))).toBe('2024-05-01T10:30');
    expect(fromMinutes(alignUp(toMinutes('2024-05-01T10:30'), 15))).toBe('2024-05-01T10:30');
    expect(fromMinutes(alignUp(toMinutes('2024-05-01T23:50'), 30))).toBe('2024-05-02T00:00');
    const t = toMinutes('2024-05-01T18:00');
    expect(describeTime(t, Math.floor(t / 1440))).toBe('18:00');
    expect(describeTime(t)).toBe('2024-05-01 18:00');
  });
});
