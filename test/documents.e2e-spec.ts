import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { launchBrowser, screenshot, watchPage, type TestBrowser } from './support/browser.js';
import { factories, nationalId } from './support/factories.js';
import { newKit, ok, playGame, times, type Kit, type Play } from './support/played-games.js';
import { startTestApp, type TestContext } from './support/test-app.js';

/*
 * Issue 16 item 1: the printable documents (秩序册, 成绩册, scoresheet) of a Huzhou-like tournament
 * (six of its teams, two groups, semi-finals, final and 3rd place), printed by the server to PDF and
 * read back with pdf.js: page count, headings, table headers repeated, no roster row cut.
 */
const LONG = 300_000;
const TEAMS = ['南浔彩蝶队', '德清依蓄队', '长兴天顺物流队', '德清乾元篮球队', '吴兴新凤鸣队', '安吉白茶队'];
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const SECRET_ID = nationalId(417);
/** The structure's own ids (SF1, 3P, R2, S1-A-R1-G1): never printed; paper names games as the fan pages do. */
const STRUCTURE_CODE = /(?<![A-Za-z0-9])(?:SF\d|QF\d|R\d|3P|S\d-[A-Z]-R)(?![0-9])/;

// CJK Radicals Supplement forms that fonts' text layers use and NFKC leaves alone.
const RADICALS: Record<string, string> = {
  '\u2ED3': '长',
  '\u2EDB': '风',
  '\u2EDA': '页',
  '\u2EE2': '马',
  '\u2EC4': '西',
  '\u2EC5': '见',
  '\u2EC6': '角',
  '\u2ED4': '门',
  '\u2ED8': '青',
  '\u2EE9': '黄',
  '\u2EF0': '龙',
  '\u2EDC': '飞',
  '\u2E9F': '母',
  '\u2EA0': '民',
};
const readable = (text: string) => text.normalize('NFKC').replace(/[\u2E80-\u2EFF]/g, (c) => RADICALS[c] ?? c);

async function pdfPages(pdf: Buffer): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: true, isEvalSupported: false })
    .promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    // NFKC: CJK fonts map some characters to Kangxi radicals (⼀ for 一) in the PDF's text layer.
    pages.push(readable(content.items.map((item) => ('str' in item ? item.str : '')).join('')));
  }
  await doc.destroy();
  return pages;
}

describe('printable documents (issue 16)', () => {
  let ctx: TestContext;
  let kit: Kit;
  let browser: TestBrowser;
  let liveGameId: string;
  let staffTeamId: string;

  beforeAll(async () => {
    ctx = await startTestApp();
    browser = await launchBrowser();
    const f = factories(ctx);
    kit = await newKit(
      ctx,
      TEAMS.map((name) => ({ name, players: [1, 2, 3, 4, 5, 6, 7].map((n) => `${name}${n}号`) })),
    );
    // Employer names unique per player: the PDF check finds each roster row by them.
    for (const [name, p] of kit.players)
      await ok(ctx.http, 'PATCH', `/api/v1/players/${p.id}`, { employer: `${name}工作单位`, position: 'SF' });
    await ok(ctx.http, 'POST', `/api/v1/teams/${kit.teams.get(TEAMS[0])}/players`, {
      name: '身份证测试',
      jerseyNumber: 99,
      nationalId: SECRET_ID,
    });
    const host = await f.newUnit({ name: `湖州市总工会${randomUUID().slice(0, 4)}`, kind: 'federation' });
    await ok(ctx.http, 'PATCH', `/api/v1/tournaments/${kit.tournamentId}`, {
      name: `湖州市首届非公企业职工篮球赛（工BA）${randomUUID().slice(0, 4)}`,
      venue: '湖州市奥体中心',
      hostUnitId: host.id,
    });
    staffTeamId = kit.teams.get(TEAMS[2])!;
    await ok(ctx.http, 'PATCH', `/api/v1/teams/${staffTeamId}`, {
      leaderName: '王建国',
      coachName: '李志强',
      assistantCoachName: '张伟',
      doctorName: '陈静',
    });
    await fetch(`${ctx.baseUrl}/api/v1/teams/${staffTeamId}/logo`, {
      method: 'PUT',
      headers: { 'content-type': 'image/png', authorization: `Bearer ${ctx.organiser.accessToken}` },
      body: new Uint8Array(PNG),
    });

    const base = `/api/v1/tournaments/${kit.tournamentId}/competition`;
    const slot = (i: number) => ({ kind: 'team', teamId: kit.teams.get(TEAMS[i]!)! });
    await ok(ctx.http, 'PUT', base, {
      stages: [
        {
          kind: 'group',
          id: 'S1',
          name: '小组赛',
          roundRobin: 'single',
          groups: [
            { id: 'A', size: 3, entrants: [slot(0), slot(1), slot(2)] },
            { id: 'B', size: 3, entrants: [slot(3), slot(4), slot(5)] },
          ],
        },
        {
          kind: 'knockout',
          id: 'KO',
          name: '淘汰赛',
          thirdPlaceGame: true,
          entrants: [
            { kind: 'group_place', groupId: 'A', place: 1 },
            { kind: 'group_place', groupId: 'B', place: 2 },
            { kind: 'group_place', groupId: 'B', place: 1 },
            { kind: 'group_place', groupId: 'A', place: 2 },
          ],
        },
      ],
    });
    const windows = [
      { start: '2024-05-11T08:30', end: '2024-05-11T21:30' },
      { start: '2024-05-12T08:30', end: '2024-05-12T21:30' },
    ];
    await ok(ctx.http, 'PUT', `${base}/courts`, {
      courts: [
        { id: 'main', name: '主场', windows },
        { id: 'side', name: '副场', windows },
      ],
    });
    await ok(ctx.http, 'POST', `${base}/schedule`, { slotMinutes: 90, minRestMinutes: 60 });
    const generated = await ok(ctx.http, 'POST', `${base}/games`);
    for (const g of generated.games) kit.games.set(g.gameId, g.id);

    // One group game scored live, play by play: enough baskets for a running score over two pages,
    // fouls and time-outs.
    const bracket = await ok(ctx.anon, 'GET', `${base}/bracket`);
    const first =
      bracket.games.find(
        (g: any) => g.bracket === 'group' && g.home.team?.name === TEAMS[0] && g.away.team?.name === TEAMS[1],
      ) ?? bracket.games.find((g: any) => g.bracket === 'group' && g.groupId === 'A');
    const homeName = first.home.team.name as string;
    const awayName = first.away.team.name as string;
    const hp = (n: number) => `${homeName}${n}号`;
    const ap = (n: number) => `${awayName}${n}号`;
    const plays: Play[] = [];
    for (let i = 0; i < 45; i++) plays.push(['fg', hp((i % 5) + 1), i % 3 === 0 ? 3 : 2], ['fg', ap((i % 5) + 1), 2]);
    plays.push(...times(3, ['ft', hp(1)]));
    const played = await playGame(ctx, kit, first.id, plays, { end: false });
    liveGameId = played.gameId;
    const homeId = kit.teams.get(homeName)!;
    const awayId = kit.teams.get(awayName)!;
    await played.send({
      type: 'foul',
      teamId: homeId,
      playerId: kit.players.get(hp(2))!.id,
      kind: 'personal',
      committedBy: 'player',
    });
    await played.send({
      type: 'foul',
      teamId: awayId,
      playerId: kit.players.get(ap(3))!.id,
      kind: 'unsportsmanlike',
      committedBy: 'player',
    });
    await played.send({ type: 'timeout', teamId: awayId });
    await played.send({ type: 'period_end' });
    for (let period = 2; period <= 4; period++) {
      await played.send({ type: 'period_start', period });
      await played.send({ type: 'period_end' });
    }
    await ok(ctx.http, 'POST', `/api/v1/games/${liveGameId}/transitions`, { to: 'final' });

    // Every other game on paper, the home team winning, round after round until none is left.
    for (let round = 0; round < 10; round++) {
      const open = (await ok(ctx.anon, 'GET', `${base}/bracket`)).games.filter(
        (g: any) => g.home.team && g.away.team && g.game && g.game.status === 'scheduled',
      );
      if (open.length === 0) break;
      for (const [i, g] of open.entries()) {
        const home = 60 + i;
        const away = 48 + i;
        await ok(ctx.http, 'POST', `/api/v1/games/${g.game.id}/paper-result`, {
          home: { score: home, periods: [15, 15, 15, home - 45] },
          away: { score: away, periods: [12, 12, 12, away - 36] },
        });
      }
    }
  }, LONG);
  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });

  async function openPrint(path: string): Promise<Page> {
    // The layout checks below run script in the page, which its CSP (script-src 'self') forbids.
    const context = await browser.browser.newContext({
      viewport: { width: 900, height: 1200 },
      bypassCSP: true,
      locale: 'zh-CN',
    });
    const page = await context.newPage();
    const problems: string[] = [];
    watchPage(page, problems);
    await page.goto(ctx.baseUrl + path);
    await page.waitForSelector('html[data-print]', { state: 'attached' });
    expect(await page.getAttribute('html', 'data-print')).toBe('ready');
    expect(problems).toEqual([]);
    return page;
  }

  /** In print media every table row avoids a page break inside and every header repeats. */
  async function printLayout(page: Page) {
    await page.emulateMedia({ media: 'print' });
    return page.evaluate(`(() => {
      const rows = [...document.querySelectorAll('.doc table tr')];
      return {
        rows: rows.length,
        splittable: rows.filter((tr) => getComputedStyle(tr).breakInside !== 'avoid').length,
        heads: [...document.querySelectorAll('.doc table thead')].filter((t) => getComputedStyle(t).display !== 'table-header-group').length,
        sectionsOnNewPage: [...document.querySelectorAll('.doc-section')].every((s) => getComputedStyle(s).breakBefore === 'page'),
        toolbarHidden: getComputedStyle(document.querySelector('.doc-toolbar')).display === 'none',
        headings: [...document.querySelectorAll('.doc h1, .doc h2')].map((x) => x.textContent),
      };
    })()`) as Promise<{
      rows: number;
      splittable: number;
      heads: number;
      sectionsOnNewPage: boolean;
      toolbarHidden: boolean;
      headings: string[];
    }>;
  }

  async function pdfOf(url: string) {
    const res = await fetch(ctx.baseUrl + url);
    if (res.status !== 200) throw new Error(`${url} -> ${res.status} ${await res.text()}`);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    return { pdf, etag: res.headers.get('etag')!, pages: await pdfPages(pdf) };
  }

  it(
    'programme (秩序册): regulations, staff and rosters without ID numbers, groups, schedule by day and court; as PDF',
    async () => {
      const data = await ok(ctx.anon, 'GET', `/api/v1/tournaments/${kit.tournamentId}/documents/programme`);
      const text = JSON.stringify(data);
      expect(text).not.toContain(SECRET_ID);
      expect(text).not.toContain('hasNationalId');
      expect(data.teams.find((t: any) => t.id === staffTeamId)).toMatchObject({
        coachName: '李志强',
        logoUrl: expect.any(String),
      });

      const page = await openPrint(`/print/programme/${kit.tournamentId}`);
      const layout = await printLayout(page);
      expect(layout).toMatchObject({ splittable: 0, heads: 0, sectionsOnNewPage: true, toolbarHidden: true });
      expect(layout.rows).toBeGreaterThan(40);
      expect(layout.headings).toEqual(
        expect.arrayContaining(['秩 序 册', '一、竞赛规程', '三、参赛队名单', '四、分组情况', '五、竞赛日程']),
      );
      expect(await page.locator('.doc-team img.doc-logo').count()).toBe(1);
      await screenshot(page, 'print-programme');
      await page.context().close();

      const { pages, etag } = await pdfOf(`/api/v1/tournaments/${kit.tournamentId}/documents/programme.pdf`);
      expect(pages.length).toBeGreaterThanOrEqual(6);
      const all = pages.join('\n');
      for (const heading of [
        '一、竞赛规程',
        '二、组织机构',
        '三、参赛队名单',
        '四、分组情况',
        '五、竞赛日程',
        '领队：王建国',
        '每节 10 分钟',
        // The schedule's 阶段 column: group rounds, semi-finals, the 3rd-place game and the final.
        'A组 第1轮',
        'B组 第3轮',
        '半决赛1',
        '半决赛2',
        '第3名决赛',
      ])
        expect(all.replace(/\s/g, '')).toContain(heading.normalize('NFKC').replace(/\s/g, ''));
      expect(all).not.toMatch(STRUCTURE_CODE);
      expect(all).not.toContain(SECRET_ID);
      // No roster row is cut: each player's name and employer print on the same page.
      for (const [name] of kit.players) {
        const withName = pages.findIndex((p) => p.includes(`${name}工作单位`));
        expect(withName).toBeGreaterThanOrEqual(0);
        expect(pages[withName]).toContain(name);
      }
      // Unchanged document: the cached PDF, and a revalidation answers 304.
      const again = await fetch(`${ctx.baseUrl}/api/v1/tournaments/${kit.tournamentId}/documents/programme.pdf`, {
        headers: { 'if-none-match': etag },
      });
      expect(again.status).toBe(304);
    },
    LONG,
  );

  it(
    'results book (成绩册): places, awards, results by stage with periods, standings explained, bracket, leaders; as PDF',
    async () => {
      const page = await openPrint(`/print/results/${kit.tournamentId}`);
      const layout = await printLayout(page);
      expect(layout).toMatchObject({ splittable: 0, heads: 0, sectionsOnNewPage: true });
      expect(layout.headings).toEqual(
        expect.arrayContaining([
          '成 绩 册',
          '一、成绩公告',
          '二、比赛成绩',
          '三、小组积分表',
          '四、淘汰赛对阵',
          '五、个人技术统计',
        ]),
      );
      await screenshot(page, 'print-results');
      await page.context().close();

      const { pages } = await pdfOf(`/api/v1/tournaments/${kit.tournamentId}/documents/results.pdf`);
      expect(pages.length).toBeGreaterThanOrEqual(7);
      const all = pages.join('\n').replace(/\s/g, '');
      for (const text of ['冠军', '亚军', '季军', '第四名', 'A组', 'B组', '得分', '15:12']) expect(all).toContain(text);
      // Results and the bracket name games as the fan pages do: A组 第1轮, 半决赛1, 决赛, 第3名决赛.
      for (const text of ['A组第1轮', 'B组第2轮', '半决赛半决赛1', '决赛、第3名决赛', '第3名决赛'])
        expect(all).toContain(text);
      expect(pages.join('\n')).not.toMatch(STRUCTURE_CODE);
      const ranking = await ok(ctx.anon, 'GET', `/api/v1/tournaments/${kit.tournamentId}/competition/ranking`);
      expect(ranking.complete).toBe(true);
      expect(all).toContain(`冠军${ranking.places[0].team.name}`);
    },
    LONG,
  );

  it(
    'scoresheet: header and officials, players with fouls, time-outs, running score over pages with its header repeated, box score',
    async () => {
      const page = await openPrint(`/print/scoresheet/${liveGameId}`);
      const layout = await printLayout(page);
      expect(layout).toMatchObject({ splittable: 0, heads: 0 });
      expect(layout.headings).toEqual(
        expect.arrayContaining(['篮球比赛记录表', '累计分（Running Score）', '技术统计（Box Score）']),
      );
      expect(await page.locator('.doc-running tbody tr').count()).toBe(93);
      await screenshot(page, 'print-scoresheet');
      await page.context().close();

      const { pages } = await pdfOf(`/api/v1/games/${liveGameId}/documents/scoresheet.pdf`);
      expect(pages.length).toBeGreaterThanOrEqual(3);
      const all = pages.join('\n');
      for (const text of ['主裁判', '记录员', '计时员', '暂停', '全队犯规', 'U·1', '胜队'])
        expect(all).toContain(text.normalize('NFKC'));
      // The game is named as the fan pages name it, not by its id in the structure.
      const bracket = await ok(ctx.anon, 'GET', `/api/v1/tournaments/${kit.tournamentId}/competition/bracket`);
      const entry = bracket.games.find((g: any) => g.game?.id === liveGameId);
      const flat = all.replace(/\s/g, '');
      expect(flat).toContain('阶段小组赛');
      expect(flat).toContain(`场次A组第${entry.round}轮`);
      expect(flat).not.toContain(entry.id);
      // The running score spans pages and its column headers print on each of them.
      const withRunning = pages.filter((p) => /第1节[AB]\d+\+[123]/.test(p.replace(/\s/g, '')));
      expect(withRunning.length).toBeGreaterThanOrEqual(2);
      for (const p of withRunning) expect(p).toContain('A 队累计');
    },
    LONG,
  );

  it('a PDF without a browser to print with is a clear 503, not a hang or a 500', async () => {
    const previous = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      const other = await factories(ctx).newTournament();
      const res = await ctx.anon('GET', `/api/v1/tournaments/${other.id}/documents/programme.pdf`);
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({
        code: 'PDF_RENDERER_UNAVAILABLE',
        message: expect.stringContaining('Chromium'),
      });
    } finally {
      if (previous === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = previous;
    }
    expect((await ctx.anon('GET', `/api/v1/games/${randomUUID()}/documents/scoresheet.pdf`)).status).toBe(404);
  });

  it(
    'a public caller cannot make the server print without bound: new PDFs per address are limited, the queue is short',
    async () => {
      const games = (await ok(ctx.anon, 'GET', `/api/v1/tournaments/${kit.tournamentId}/games?pageSize=100`)).items
        .map((g: any) => g.id)
        .filter((id: string) => id !== liveGameId)
        .slice(0, 8);
      expect(games).toHaveLength(8);
      const answers = await Promise.all(
        games.map(async (id: string) => {
          const res = await fetch(`${ctx.baseUrl}/api/v1/games/${id}/documents/scoresheet.pdf`);
          const body = res.headers.get('content-type')?.includes('json') ? await res.json() : await res.arrayBuffer();
          return { status: res.status, code: (body as any).code, retryAfter: res.headers.get('retry-after') };
        }),
      );
      for (const a of answers) expect([200, 429, 503]).toContain(a.status);
      // At most 6 new prints a minute from one address (earlier tests used some of them).
      expect(answers.filter((a) => a.status === 200).length).toBeLessThanOrEqual(6);
      const refused = answers.filter((a) => a.status === 429);
      expect(refused.length).toBeGreaterThanOrEqual(2);
      for (const a of refused)
        expect(a).toMatchObject({ code: 'TOO_MANY_PDF_RENDERS', retryAfter: expect.stringMatching(/^\d+$/) });
      for (const a of answers.filter((x) => x.status === 503)) expect(a.code).toBe('PDF_RENDERER_BUSY');
    },
    LONG,
  );

  it('the team page shows the staff and the logo', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${ctx.baseUrl}/teams/${staffTeamId}`);
    await page.getByText('李志强').waitFor();
    const text = await page.locator('main').innerText();
    for (const s of ['领队', '王建国', '教练', '助理教练', '张伟', '队医', '陈静']) expect(text).toContain(s);
    expect(await page.locator('main img.team-logo').count()).toBe(1);
    await context.close();
  });
});
