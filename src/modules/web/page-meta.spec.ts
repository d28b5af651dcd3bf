import { gameMeta, gameStanding, gameTitle, metaTags, type GameForMeta } from './page-meta.js';

const game = (over: Partial<GameForMeta> = {}): GameForMeta => ({
  id: 'g1',
  status: 'live',
  court: '1号场',
  scheduledAt: '2024-05-19T14:00',
  homeTeam: { name: '南浔彩蝶队' },
  awayTeam: { name: '德清依蓄队' },
  homeScore: 78,
  awayScore: 72,
  live: { lastSeq: 300, score: { home: 78, away: 72 }, period: { current: 4, label: '4', status: 'running' } },
  scoreByPeriod: [{ label: '1' }, { label: '2' }, { label: '3' }, { label: '4' }],
  ...over,
});

describe('what a shared link to a game says', () => {
  it('a live game: the score and the period, as in the issue', () => {
    expect(gameTitle(game())).toBe('南浔彩蝶队 78:72 德清依蓄队 · 第4节');
  });

  it('overtime and the break between periods', () => {
    const live = game().live!;
    expect(gameStanding(game({ live: { ...live, period: { current: 5, label: 'OT1', status: 'running' } } }))).toBe(
      '加时1',
    );
    expect(gameStanding(game({ live: { ...live, period: { current: 2, label: '2', status: 'ended' } } }))).toBe(
      '第2节结束',
    );
  });

  it('a finished game reads 终场, or 加时后终场 after overtime', () => {
    expect(gameTitle(game({ status: 'final' }))).toBe('南浔彩蝶队 78:72 德清依蓄队 · 终场');
    const ot = game({ status: 'official', scoreByPeriod: [{ label: '1' }, { label: '4' }, { label: 'OT1' }] });
    expect(gameStanding(ot)).toBe('加时后终场');
    expect(gameStanding(game({ status: 'forfeit' }))).toBe('终场（弃权）');
  });

  it('before tip-off: the teams and when, no score', () => {
    expect(gameTitle(game({ status: 'scheduled', homeScore: null, awayScore: null, live: null }))).toBe(
      '南浔彩蝶队 对 德清依蓄队 · 5月19日 14:00',
    );
    expect(gameTitle(game({ status: 'scheduled', homeTeam: null, live: null }))).toBe(
      '待定 对 德清依蓄队 · 5月19日 14:00',
    );
  });

  it('the picture address changes with the score; the tags are escaped and absolute', () => {
    const before = gameMeta(game(), '工BA');
    const after = gameMeta(game({ live: { ...game().live!, lastSeq: 301 } }), '工BA');
    expect(before.image).not.toBe(after.image);
    const tags = metaTags({ ...before, title: '"<x>" & 队' }, 'http://192.168.1.20:3000', '/g/g1');
    expect(tags).toContain('<meta property="og:title" content="&quot;&lt;x&gt;&quot; &amp; 队 · Courtside" />');
    expect(tags).toContain('<meta property="og:image" content="http://192.168.1.20:3000/g/g1/share.png?v=300-live" />');
    expect(tags).toContain('<meta property="og:url" content="http://192.168.1.20:3000/g/g1" />');
  });
});
