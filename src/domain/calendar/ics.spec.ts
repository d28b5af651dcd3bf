import { calendarFeed, fold, local, text } from './ics.js';

describe('the calendar feed', () => {
  const game = {
    id: '7f0c8a52-3c1e-4d6b-9a57-1f2e3d4c5b6a',
    competitionKey: 'F',
    title: '决赛',
    homeTeam: '长兴天顺物流队',
    awayTeam: '德清乾元篮球队',
    court: '主场',
    scheduledAt: '2024-05-19T23:00',
    durationMinutes: 90,
    status: 'official',
    result: { homeScore: 78, awayScore: 65, kind: 'played' as const },
    version: 7,
    updatedAt: new Date('2024-05-19T16:30:05.123Z'),
  };
  const ics = calendarFeed({
    name: '湖州市首届非公企业职工篮球赛（工BA）',
    timeZone: 'Asia/Shanghai',
    vtimezone: 'BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai\r\nEND:VTIMEZONE',
    venue: '湖州市奥体中心, 体育馆',
    uidDomain: 'gba.example.org',
    games: [game, { ...game, id: 'unscheduled', scheduledAt: null }],
  });

  it('writes a final game with its result, a wall-clock time in the zone and an end past midnight', () => {
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain('UID:7f0c8a52-3c1e-4d6b-9a57-1f2e3d4c5b6a@gba.example.org\r\n');
    expect(unfolded).toContain('DTSTART;TZID=Asia/Shanghai:20240519T230000\r\n');
    expect(unfolded).toContain('DTEND;TZID=Asia/Shanghai:20240520T003000\r\n');
    expect(unfolded).toContain('SUMMARY:长兴天顺物流队 78:65 德清乾元篮球队\r\n');
    expect(unfolded).toContain('LOCATION:湖州市奥体中心\\, 体育馆 主场\r\n');
    expect(unfolded).toContain('SEQUENCE:7\r\nDTSTAMP:20240519T163005Z\r\n');
    // The round by name first, then the structure's id.
    expect(unfolded).toMatch(/DESCRIPTION:轮次：决赛\\n比赛编号：F\\n/);
    expect(unfolded.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('folds long lines at 75 octets without splitting a character, and escapes text', () => {
    const long = `SUMMARY:${'篮'.repeat(40)}`;
    const folded = fold(long).split('\r\n');
    expect(folded.every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    expect(folded.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(long);
    expect(text('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
    expect(local('2024-12-31T23:30', 45)).toBe('20250101T001500');
  });
});
