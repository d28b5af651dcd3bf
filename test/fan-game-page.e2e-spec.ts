import type { Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { launchBrowser, screenshot, type TestBrowser } from './support/browser.js';
import { watchedPages } from './support/watched-pages.js';
import { scoredGame } from './support/live.js';
import { startTestApp, type Http, type TestContext } from './support/test-app.js';

/**
 * The fan's game page on a phone (360 and 390 px): a play-by-play that says which team did what
 * with the score apart from the clock, corrections rewriting their row, filters, a box score that
 * scrolls inside itself with the names pinned, a pinned scoreboard, a finished game reading
 * "终场"; and what a shared link carries without any script: the title with the live score, Open
 * Graph tags, a PNG picture that changes with the score, and a QR code of the page.
 */
const LONG = 300_000;

const roster = (name: string, first: number, names: string[]) => ({
  name,
  players: names.map((n, i) => ({ jersey: String(first + i), name: n })),
});
const HOME = roster('南浔彩蝶队', 4, ['沈建华', '钱志强', '姚晓东', '陆海峰', '费春雨', '潘天宇']);
const AWAY = roster('德清依蓄队', 11, ['朱浩然', '俞宇轩', '施俊杰', '邱家豪', '吴志远', '沈明']);

type Setup = Awaited<ReturnType<typeof scoredGame>>;

/** Marks the game ready with each side's first five and returns a scorer that tracks the seq. */
async function startScoring(ctx: TestContext, setup: Setup) {
  const five = (side: Setup['home']) => [...side.ids.values()].slice(0, 5);
  await setup.f.ok('POST', `/api/v1/games/${setup.game.id}/transitions`, {
    to: 'ready',
    homeStartingFive: five(setup.home),
    awayStartingFive: five(setup.away),
  });
  const device: Http = ctx.as(setup.deviceToken);
  let seq = 0;
  const send = async (event: Record<string, unknown>) => {
    const res = await device('POST', `/api/v1/games/${setup.game.id}/events`, {
      clientEventId: randomUUID(),
      expectedSeq: seq,
      event,
    });
    if (res.status !== 201) throw new Error(`event -> ${res.status} ${JSON.stringify(res.body)}`);
    seq = res.body.seq;
    return seq;
  };
  const home = (jersey: number) => ({ teamId: setup.home.id, playerId: setup.home.ids.get(String(jersey))! });
  const away = (jersey: number) => ({ teamId: setup.away.id, playerId: setup.away.ids.get(String(jersey))! });
  return { send, home, away, seq: () => seq };
}

/** The raw HTML's <meta property|name="key" content="…">. */
const metaOf = (html: string, key: string) =>
  new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1]?.replace(/&amp;/g, '&') ?? null;

/** A PNG's width and height from its IHDR chunk (after checking the signature). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('the fan game page on a phone, and its shared link', () => {
  let ctx: TestContext;
  let browser: TestBrowser;
  let setup: Setup;
  let scorer: Awaited<ReturnType<typeof startScoring>>;
  const seqs: Record<string, number> = {};
  const { open } = watchedPages(() => ctx.baseUrl);

  beforeAll(async () => {
    browser = await launchBrowser();
    ctx = await startTestApp();
    setup = await scoredGame(ctx, HOME, AWAY);
    await setup.f.ok('PATCH', `/api/v1/teams/${setup.home.id}`, { shortName: '南浔彩蝶', primaryColor: '#F2C500' });
    await setup.f.ok('PATCH', `/api/v1/teams/${setup.away.id}`, { shortName: '德清依蓄', primaryColor: '#1E4FA0' });
    scorer = await startScoring(ctx, setup);
    const { send, home, away } = scorer;
    await send({ type: 'period_start', period: 1 });
    seqs.clockStart = await send({ type: 'clock_start', period: 1, gameClock: 6000 });
    seqs.basket = await send({ type: 'field_goal_made', ...home(4), points: 2, period: 1, gameClock: 5800 });
    seqs.three = await send({ type: 'field_goal_made', ...away(11), points: 3, period: 1, gameClock: 5500 });
    // The assist is entered after the basket: a correction of that play.
    seqs.assist = await send({
      type: 'replace',
      targetSeq: seqs.basket,
      replacement: { type: 'field_goal_made', ...home(4), points: 2, assistPlayerId: home(5).playerId },
    });
    seqs.undone = await send({ type: 'field_goal_made', ...home(6), points: 2, period: 1, gameClock: 5000 });
    seqs.undo = await send({ type: 'void', targetSeq: seqs.undone });
    seqs.clockStop = await send({ type: 'clock_stop', period: 1, gameClock: 4400 });
    seqs.freeThrow = await send({ type: 'free_throw_made', ...away(12), period: 1, gameClock: 4400 });
  }, LONG);
  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });

  const rows = (page: Page) =>
    page.evaluate(`[...document.querySelectorAll('[data-testid=plays] > li')].map((li) => ({
      seq: Number(li.dataset.seq),
      side: li.dataset.side ?? null,
      team: li.querySelector('[data-testid=play-team]')?.textContent ?? null,
      text: li.textContent,
      score: li.querySelector('[data-testid=play-score]')?.textContent ?? null,
      scoring: li.classList.contains('scoring'),
    }))`) as Promise<
      Array<{
        seq: number;
        side: string | null;
        team: string | null;
        text: string;
        score: string | null;
        scoring: boolean;
      }>
    >;
  const overflow = (page: Page) =>
    page.evaluate('({ scroll: document.documentElement.scrollWidth, inner: innerWidth })') as Promise<{
      scroll: number;
      inner: number;
    }>;

  for (const width of [360, 390]) {
    it(
      `at ${width} px: readable plays with filters, a box score that scrolls inside itself, a pinned scoreboard, a QR code`,
      async () => {
        const phone = await browser.newContext({ width, height: 780 });
        const page = await open(phone, `/g/${setup.game.id}`);
        await page.getByTestId('plays').waitFor();
        await page.getByTestId('box-table').first().waitFor();

        // The default list: no clock rows, no undo and nothing it undid, no "更正" row; the
        // basket and its later assist are one line; each row names its team.
        const shown = await rows(page);
        expect(shown.map((r) => r.seq)).toEqual([seqs.freeThrow, seqs.three, seqs.basket, 1]);
        const basket = shown.find((r) => r.seq === seqs.basket)!;
        expect(basket.team).toBe('南浔彩蝶');
        expect(basket.text).toContain('#4 沈建华 2分命中（#5 钱志强 助攻）');
        expect(basket.text).toContain('已更正');
        expect(basket.score).toBe('2-0');
        expect(shown.find((r) => r.seq === seqs.three)).toMatchObject({ team: '德清依蓄', side: 'away', score: '2-3' });
        expect(shown.find((r) => r.seq === seqs.freeThrow)).toMatchObject({ score: '2-4' });
        for (const r of shown) expect(r.text).not.toMatch(/更正第|撤销第|计时/);
        // Each row is marked in its team's colour (the dot beside the short name).
        const dots = await page.evaluate(
          `[${seqs.basket}, ${seqs.three}].map((s) => getComputedStyle(document.querySelector('[data-seq="' + s + '"] .pbp-dot')).backgroundColor)`,
        );
        expect(dots).toEqual(['rgb(242, 197, 0)', 'rgb(30, 79, 160)']);
        // The clock is in its own column, apart from the score.
        expect(await page.locator(`[data-seq="${seqs.three}"] .pbp-time`).textContent()).toBe('第1节9:10');

        // Filters: scoring plays only; one team; clock and undo on request.
        await page.getByRole('button', { name: '只看得分' }).click();
        expect((await rows(page)).filter((r) => r.seq !== 1).every((r) => r.scoring)).toBe(true);
        await page.getByRole('button', { name: '德清依蓄' }).click();
        const away = (await rows(page)).filter((r) => r.seq !== 1);
        expect(away.map((r) => r.seq)).toEqual([seqs.freeThrow, seqs.three]);
        await page.getByRole('button', { name: '全部' }).click();
        await page.getByLabel('显示计时和撤销').check();
        const all = (await rows(page)).map((r) => r.seq);
        expect(all).toEqual(expect.arrayContaining([seqs.clockStart, seqs.clockStop, seqs.undone, seqs.undo]));
        expect(all).not.toContain(seqs.assist);
        await page.getByLabel('显示计时和撤销').uncheck();

        // The page itself never scrolls sideways.
        const o = await overflow(page);
        expect(o.scroll).toBeLessThanOrEqual(o.inner);

        // Box score: minutes to +/- in view beside the names; the rest scrolls inside the table,
        // under the pinned name column.
        const box = (await page.evaluate(`(() => {
          const wrap = document.querySelector('[data-testid=box-table]');
          const right = wrap.getBoundingClientRect().right;
          const cols = ['colMin', 'colPts', 'colReb', 'colAst', 'colPf', 'colPlusMinus'].map((c) => {
            const th = wrap.querySelector('th[data-col=' + c + ']');
            return [th.textContent, th.getBoundingClientRect().right <= right + 0.5];
          });
          const scrolls = wrap.scrollWidth > wrap.clientWidth;
          wrap.scrollLeft = wrap.scrollWidth;
          const pin = wrap.querySelector('tbody th.pin').getBoundingClientRect().left - wrap.getBoundingClientRect().left;
          return { cols, scrolls, pin, totals: [...wrap.querySelectorAll('tr.total td')].map((td) => td.textContent) };
        })()`)) as { cols: Array<[string, boolean]>; scrolls: boolean; pin: number; totals: string[] };
        expect(box.cols).toEqual([
          ['时间', true],
          ['得分', true],
          ['篮板', true],
          ['助攻', true],
          ['犯规', true],
          ['+/-', true],
        ]);
        expect(box.scrolls).toBe(true);
        expect(Math.abs(box.pin)).toBeLessThan(2);
        expect(box.totals[1]).toBe('2');
        // The game's leaders above the tables.
        await page.getByTestId('game-leaders').getByText('朱浩然').waitFor();

        // The scoreboard stays on screen at the bottom of the page.
        await page.evaluate('window.scrollTo(0, document.body.scrollHeight)');
        await page.waitForTimeout(100);
        const pinned = (await page.evaluate(
          `(() => { const r = document.querySelector('[data-testid=scoreboard]').getBoundingClientRect(); return { top: r.top, y: scrollY }; })()`,
        )) as { top: number; y: number };
        expect(pinned.y).toBeGreaterThan(200);
        expect(pinned.top).toBeGreaterThanOrEqual(0);
        expect(pinned.top).toBeLessThan(120);
        await page.evaluate('window.scrollTo(0, 0)');

        // A QR code of the page's own address.
        await page.getByRole('button', { name: '分享' }).click();
        const qr = page.getByTestId('share-qr').locator('img');
        await qr.waitFor();
        expect(await qr.getAttribute('data-qr')).toBe(`${ctx.baseUrl}/g/${setup.game.id}`);
        // The server draws it: an SVG with the code's modules, for exactly this address.
        const src = (await qr.getAttribute('src'))!;
        expect(new URL(src, ctx.baseUrl).searchParams.get('text')).toBe(`${ctx.baseUrl}/g/${setup.game.id}`);
        const svg = await fetch(new URL(src, ctx.baseUrl));
        expect(svg.headers.get('content-type')).toBe('image/svg+xml');
        expect(await svg.text()).toMatch(/^<svg [^>]*viewBox="0 0 (\d+) \1".*<path d="M\d/);
        // …and the browser shows it (under the page's CSP).
        await page.waitForFunction(
          "(() => { const img = document.querySelector('[data-testid=share-qr] img'); return img.complete && img.naturalWidth > 0; })()",
        );
        const o2 = await overflow(page);
        expect(o2.scroll).toBeLessThanOrEqual(o2.inner);
        await screenshot(page, `game-fan-${width}`);
        await phone.close();
      },
      LONG,
    );
  }

  it(
    'a correction arriving live rewrites its row; the shared link carries the score, Open Graph tags and a fresh picture',
    async () => {
      const url = `${ctx.baseUrl}/g/${setup.game.id}`;
      const before = await (await fetch(url)).text();
      // Without any script: the title and og:title carry the live score and the period.
      expect(metaOf(before, 'og:title')).toBe('南浔彩蝶队 2:4 德清依蓄队 · 第1节 · Courtside');
      expect(before).toContain('<title>南浔彩蝶队 2:4 德清依蓄队 · 第1节 · Courtside</title>');
      expect(metaOf(before, 'og:description')).toContain('1号场');
      expect(metaOf(before, 'og:url')).toBe(url);
      const imageBefore = metaOf(before, 'og:image')!;
      expect(imageBefore).toMatch(new RegExp(`^${ctx.baseUrl}/g/${setup.game.id}/share\\.png\\?v=`));
      const pngBefore = Buffer.from(await (await fetch(imageBefore)).arrayBuffer());
      expect(pngSize(pngBefore)).toEqual({ width: 1200, height: 630 });
      expect([metaOf(before, 'og:image:width'), metaOf(before, 'og:image:height')]).toEqual(['1200', '630']);

      const phone = await browser.newContext({ width: 390, height: 844 });
      const page = await open(phone, `/g/${setup.game.id}`);
      await page.getByTestId('plays').waitFor();
      const basket = await scorer.send({
        type: 'field_goal_made',
        ...scorer.home(4),
        points: 2,
        period: 1,
        gameClock: 4000,
      });
      await page.locator(`[data-testid=plays] > li[data-seq="${basket}"]`).waitFor({ timeout: 10_000 });
      await scorer.send({
        type: 'replace',
        targetSeq: basket,
        replacement: { type: 'field_goal_made', ...scorer.home(4), points: 2, assistPlayerId: scorer.home(6).playerId },
      });
      const row = page.locator(`[data-testid=plays] > li[data-seq="${basket}"]`);
      await row.getByText('（#6 姚晓东 助攻）').waitFor({ timeout: 10_000 });
      expect(await page.locator('[data-testid=plays] > li').count()).toBe(5);
      expect(await row.getByTestId('play-score').textContent()).toBe('4-4');
      expect(await page.title()).toBe('南浔彩蝶队 4:4 德清依蓄队 · 第1节 · Courtside');
      await phone.close();

      // The link now says 4:4, with a new picture address and a different picture.
      const after = await (await fetch(url)).text();
      expect(metaOf(after, 'og:title')).toBe('南浔彩蝶队 4:4 德清依蓄队 · 第1节 · Courtside');
      const imageAfter = metaOf(after, 'og:image')!;
      expect(imageAfter).not.toBe(imageBefore);
      const image = await fetch(imageAfter);
      expect(image.headers.get('content-type')).toBe('image/png');
      const pngAfter = Buffer.from(await image.arrayBuffer());
      expect(pngSize(pngAfter)).toEqual({ width: 1200, height: 630 });
      expect(pngAfter.equals(pngBefore)).toBe(false);
      // The same state is not drawn twice: its ETag answers 304.
      const again = await fetch(imageAfter, { headers: { 'if-none-match': image.headers.get('etag')! } });
      expect(again.status).toBe(304);
      expect((await fetch(`${ctx.baseUrl}/g/${randomUUID()}/share.png`)).status).toBe(404);
    },
    LONG,
  );

  it('every fan page sends its own title, description and Open Graph tags in the HTML', async () => {
    const t = setup.tournament;
    const pages: Array<[string, string]> = [
      [`/t/${t.id}`, t.name],
      [`/t/${t.id}/standings`, t.name],
      [`/teams/${setup.home.id}`, `南浔彩蝶队 · ${t.name}`],
      [`/players/${setup.home.ids.get('4')}`, `#4 沈建华 · 南浔彩蝶队`],
      ['/', '工BA 赛事'],
    ];
    for (const [path, title] of pages) {
      const html = await (await fetch(ctx.baseUrl + path)).text();
      expect([path, metaOf(html, 'og:title')]).toEqual([path, `${title} · Courtside`]);
      expect(html).toContain(`<title>${title} · Courtside</title>`);
      expect(metaOf(html, 'description')?.length).toBeGreaterThan(5);
      expect(metaOf(html, 'og:url')).toBe(ctx.baseUrl + path);
    }
    // The tournament's picture: its name, dates and what is on.
    const tournamentHtml = await (await fetch(`${ctx.baseUrl}/t/${t.id}`)).text();
    const picture = await fetch(metaOf(tournamentHtml, 'og:image')!);
    expect(picture.headers.get('content-type')).toBe('image/png');
    expect(pngSize(Buffer.from(await picture.arrayBuffer()))).toEqual({ width: 1200, height: 630 });
    expect((await fetch(`${ctx.baseUrl}/teams/${randomUUID()}`)).status).toBe(404);
    expect((await fetch(`${ctx.baseUrl}/players/${randomUUID()}`)).status).toBe(404);
    expect((await fetch(`${ctx.baseUrl}/qr.svg?text=${'x'.repeat(501)}`)).status).toBe(400);
    expect((await fetch(`${ctx.baseUrl}/qr.svg`)).status).toBe(400);
  });

  it(
    'tournament, team, player and home pages offer a QR code of their own address, within the phone',
    async () => {
      const phone = await browser.newContext({ width: 360, height: 780 });
      const pages = [
        `/t/${setup.tournament.id}`,
        `/teams/${setup.home.id}`,
        `/players/${setup.home.ids.get('4')}`,
        '/',
      ];
      for (const path of pages) {
        const page = await open(phone, path);
        await page.getByRole('button', { name: '分享' }).click();
        const qr = page.getByTestId('share-qr').locator('img');
        await qr.waitFor();
        expect(await qr.getAttribute('data-qr')).toBe(ctx.baseUrl + path);
        const o = await overflow(page);
        expect({ path, ...o }).toEqual({ path, scroll: 360, inner: 360 });
        // A score arrives while the panel is open: the page draws itself again (a new heading),
        // and the same panel stays open under the new button, the focus still on its close button.
        await page.evaluate(`(() => {
          document.querySelector('main h1').dataset.before = '1';
          document.querySelector('[data-testid=share-panel]').dataset.before = '1';
        })()`);
        expect(await page.evaluate('document.activeElement?.className')).toBe('share-close');
        await scorer.send({ type: 'free_throw_made', ...scorer.away(12), period: 1, gameClock: 4400 });
        await page.locator('main h1:not([data-before])').waitFor();
        expect([
          path,
          await page.evaluate(`(() => {
          const panels = document.querySelectorAll('[data-testid=share-panel]');
          return {
            panels: panels.length,
            same: panels[0]?.dataset.before === '1',
            inDocument: panels[0]?.isConnected,
            expanded: document.querySelector('[data-testid=share]')?.getAttribute('aria-expanded'),
            focus: document.activeElement?.className,
          };
        })()`),
        ]).toEqual([path, { panels: 1, same: true, inDocument: true, expanded: 'true', focus: 'share-close' }]);
        await expect(qr.isVisible()).resolves.toBe(true);
        // Closing it still works, and gives the focus back to the (new) share button.
        await page.getByRole('button', { name: '关闭' }).click();
        expect(await page.getByTestId('share-panel').count()).toBe(0);
        expect(await page.evaluate('document.activeElement?.dataset.testid')).toBe('share');
        await page.close();
      }
      await phone.close();
    },
    LONG,
  );

  it(
    "the desk's game code comes with a QR code that opens the console for that game",
    async () => {
      const desk = await browser.newContext({ width: 390, height: 844 });
      const page = await open(desk, '/desk');
      await page.getByLabel('用户名').fill(ctx.organiser.username);
      await page.getByLabel('密码').fill(ctx.organiser.password);
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByRole('heading', { name: '新建赛事' }).waitFor();
      await page.goto(`${ctx.baseUrl}/desk/t/${setup.tournament.id}/scorers`);
      await page.getByRole('button', { name: '生成比赛码' }).click();
      const code = await page.getByTestId('game-code').textContent();
      const qr = page.getByTestId('qr').locator('img');
      await qr.waitFor();
      const link = (await qr.getAttribute('data-qr'))!;
      expect(link).toBe(`${ctx.baseUrl}/score?code=${code}`);
      expect(await qr.getAttribute('alt')).toBe('扫码打开这场比赛的记录台');
      await desk.close();

      // What the phone opens from it: the console of this game.
      const phone = await browser.newContext({ width: 390, height: 844 });
      const sk = await open(phone, link.slice(ctx.baseUrl.length));
      await sk.waitForURL(`**/score/${setup.game.id}`);
      await phone.close();
    },
    LONG,
  );

  it(
    'a finished game reads as finished: 终场, the winner, top performers, no fouls or time-outs',
    async () => {
      const done = await scoredGame(ctx, roster('安吉白茶队', 4, ['李强', '王伟', '张磊', '刘洋', '陈杰']), {
        ...roster('长兴太湖湾队', 8, ['赵军', '孙涛', '周斌', '吴昊', '郑凯']),
      });
      const s = await startScoring(ctx, done);
      await s.send({ type: 'period_start', period: 1 });
      await s.send({ type: 'field_goal_made', ...s.home(4), points: 3, assistPlayerId: s.home(5).playerId });
      await s.send({ type: 'field_goal_made', ...s.away(8), points: 2 });
      await s.send({ type: 'period_end' });
      for (let period = 2; period <= 4; period++) {
        await s.send({ type: 'period_start', period });
        await s.send({ type: 'period_end' });
      }
      await done.f.ok('POST', `/api/v1/games/${done.game.id}/transitions`, { to: 'final' });

      const html = await (await fetch(`${ctx.baseUrl}/g/${done.game.id}`)).text();
      expect(metaOf(html, 'og:title')).toBe('安吉白茶队 3:2 长兴太湖湾队 · 终场 · Courtside');

      const phone = await browser.newContext({ width: 360, height: 780 });
      const page = await open(phone, `/g/${done.game.id}`);
      await page.getByTestId('final').getByText('终场', { exact: true }).waitFor();
      await page.getByText('全场最佳').waitFor();
      await page.getByTestId('game-leaders').getByText('李强').first().waitFor();
      expect(await page.getByText('全队犯规').count()).toBe(0);
      expect(await page.getByText('剩余暂停').count()).toBe(0);
      expect(await page.getByTestId('clock').count()).toBe(0);
      expect(await page.getByTestId('home-score').textContent()).toBe('3');
      const o = await overflow(page);
      expect(o.scroll).toBeLessThanOrEqual(o.inner);
      await screenshot(page, 'game-fan-final');
      await phone.close();
    },
    LONG,
  );
});
