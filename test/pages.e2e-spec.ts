import type { BrowserContext, Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser, screenshot, type TestBrowser } from './support/browser.js';
import { watchedPages } from './support/watched-pages.js';
import { scoredGame } from './support/live.js';
import { factories } from './support/factories.js';
import { startTestApp, type TestContext } from './support/test-app.js';

/**
 * The pages in a real browser (Debian's Chromium through playwright-core): a fan's game page
 * updating from the scorekeeper console in another context, the console's offline outbox and
 * its conflict with another scorekeeper, escaping of hostile names, basic accessibility, the
 * size of a game page's first view, and screenshots of the main pages under test/screenshots/.
 */
const LONG = 300_000;
const XSS = '<img src=x onerror=alert(1)>';
/** Runs in the page: unlabelled controls, text below 4.5:1 contrast (3:1 large), the page's width. */
const AUDIT = readFileSync(path.join(import.meta.dirname, 'support/page-audit.js'), 'utf8');

const roster = (name: string, first: number, names: string[]) => ({
  name,
  players: names.map((n, i) => ({ jersey: String(first + i), name: n })),
});
const HOME = roster('南浔彩蝶队', 4, ['沈建华', '钱志强', '姚晓东', '陆海峰', '费春雨', '潘天宇', '闵子豪']);
const AWAY = roster('德清依蓄队', 11, ['朱浩然', '俞宇轩', '施俊杰', '邱家豪', '吴志远', '沈明', '蔡磊']);

describe('pages in a browser (fan scoreboard, scorekeeper console, organiser desk)', () => {
  let ctx: TestContext;
  let browser: TestBrowser;
  let setup: Awaited<ReturnType<typeof scoredGame>>;
  const { open } = watchedPages(() => ctx.baseUrl);

  beforeAll(async () => {
    browser = await launchBrowser();
    ctx = await startTestApp();
    setup = await scoredGame(ctx, HOME, AWAY, { game: { competitionKey: 'F' } });
    const five = (side: typeof setup.home) => [...side.ids.values()].slice(0, 5);
    await setup.f.ok('POST', `/api/v1/games/${setup.game.id}/transitions`, {
      to: 'ready',
      homeStartingFive: five(setup.home),
      awayStartingFive: five(setup.away),
    });
  }, LONG);
  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });

  /** A scorekeeper's phone logged in with a fresh game code. */
  async function consoleFor(context: BrowserContext): Promise<Page> {
    const code = await setup.f.ok('POST', `/api/v1/tournaments/${setup.tournament.id}/game-codes`, {
      gameId: setup.game.id,
    });
    const page = await open(context, `/score?code=${code.code}`);
    await page.waitForURL(`**/score/${setup.game.id}`);
    await page.getByRole('button', { name: '撤销上一步' }).waitFor();
    return page;
  }

  const plays = async () =>
    (await ctx.anon('GET', `/api/v1/games/${setup.game.id}/plays?limit=500`)).body.items as Array<{
      seq: number;
      clientEventId: string;
      event: { type: string; points?: number; playerId?: string };
    }>;
  const player = (page: Page, jersey: number) => page.getByRole('button', { name: new RegExp(`^#${jersey} `) });
  const sent = (page: Page) => page.getByTestId('outbox').getByText('全部已发送').waitFor({ timeout: 15_000 });

  it('the server answers the page for every shareable address, under the CSP, beside the API', async () => {
    const t = setup.tournament.id;
    for (const path of [
      '/',
      `/t/${t}`,
      `/t/${t}/standings`,
      `/g/${setup.game.id}`,
      `/teams/${setup.home.id}`,
      `/players/${setup.home.ids.get('4')}`,
      '/score',
      `/score/${setup.game.id}`,
      '/desk',
      `/desk/t/${t}/scorers`,
    ]) {
      const res = await fetch(ctx.baseUrl + path);
      expect([path, res.status, res.headers.get('content-type')]).toEqual([path, 200, 'text/html; charset=utf-8']);
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      // No script runs from the HTML itself; only data the page reads (type="application/json").
      expect(await res.text()).not.toMatch(/<script(?![^>]*\b(src=|type="application\/json"))/);
    }
    for (const path of ['/g/not-a-game', '/t/123/standings', '/teams/x'])
      expect((await fetch(ctx.baseUrl + path)).status).toBe(404);
    expect((await fetch(`${ctx.baseUrl}/api/docs-json`)).status).toBe(200);
    expect((await fetch(`${ctx.baseUrl}/api/docs`)).status).toBe(200);
    expect((await fetch(`${ctx.baseUrl}/api/v1/games/${setup.game.id}`)).status).toBe(200);
  });

  it(
    'a fan page updates when the scorekeeper console records a basket in another browser context',
    async () => {
      const fans = await browser.newContext();
      const scorers = await browser.newContext();
      const fan = await open(fans, `/g/${setup.game.id}`);
      await fan.getByTestId('home-score').getByText('0').waitFor();

      const sk = await consoleFor(scorers);
      await sk.getByRole('button', { name: '开始下一节' }).click();
      await player(sk, 4).click();
      await sk.getByRole('button', { name: '+2', exact: true }).click();
      await sent(sk);

      // No reload: the socket delivers the play.
      await fan.getByTestId('home-score').getByText('2', { exact: true }).waitFor({ timeout: 10_000 });
      await fan.getByTestId('plays').getByText('沈建华 2分命中').waitFor();
      await sk.getByRole('button', { name: '开表' }).click();
      await sent(sk);
      // The box score and the score by period follow a moment later (spread over fans).
      await fan.waitForTimeout(3000);
      await screenshot(fan, 'game-fan');
      await screenshot(sk, 'score-console');
      await fans.close();
      await scorers.close();
    },
    LONG,
  );

  it(
    'the offline outbox sends in order once the connection returns, with no duplicates (even when an answer is lost)',
    async () => {
      const scorers = await browser.newContext();
      const fans = await browser.newContext();
      const sk = await consoleFor(scorers);
      const fan = await open(fans, `/g/${setup.game.id}`);
      await fan.getByTestId('plays').waitFor();
      const before = await plays();

      await scorers.setOffline(true);
      await player(sk, 11).click();
      await sk.getByRole('button', { name: '+3', exact: true }).click();
      await player(sk, 5).click();
      await sk.getByRole('button', { name: '2分不中' }).click();
      // After a miss the console offers the rebound: tapping #12 records his defensive rebound.
      await player(sk, 12).click();
      await sk.getByTestId('outbox').getByText('待发送 3 条').waitFor();
      // The outbox survives a reload of the page's state: it is on the device.
      const stored = await sk.evaluate(
        `JSON.parse(localStorage.getItem('courtside.outbox.${setup.game.id}') ?? '{}').items.length`,
      );
      expect(stored).toBe(3);
      expect((await plays()).length).toBe(before.length);

      // The first answer after reconnecting is lost on the way back: the device sends the same
      // event again with the same clientEventId, and the server records it once.
      let dropped = 0;
      await sk.route('**/api/v1/games/*/events', async (route) => {
        if (dropped++ > 0) return route.continue();
        await route.fetch();
        await route.abort('connectionreset');
      });
      await scorers.setOffline(false);
      await sent(sk);

      const after = await plays();
      const added = after.slice(before.length);
      expect(added.map((p) => [p.event.type, p.event.points ?? null])).toEqual([
        ['field_goal_made', 3],
        ['field_goal_missed', 2],
        ['rebound', null],
      ]);
      expect(new Set(after.map((p) => p.clientEventId)).size).toBe(after.length);
      expect(dropped).toBeGreaterThan(1);
      await fan.getByTestId('away-score').getByText('3', { exact: true }).waitFor({ timeout: 10_000 });
      await scorers.close();
      await fans.close();
    },
    LONG,
  );

  it(
    'a conflict with another scorekeeper is shown and resolved by the user, nothing dropped',
    async () => {
      const scorers = await browser.newContext();
      const sk = await consoleFor(scorers);
      const before = await plays();
      await scorers.setOffline(true);
      await player(sk, 6).click();
      await sk.getByRole('button', { name: '抢断' }).click();
      await sk.getByTestId('outbox').getByText('待发送 1 条').waitFor();

      // Meanwhile the other scorekeeper (the assigned account) records a time-out.
      const other = ctx.as(setup.scorekeeper.accessToken);
      const last = before[before.length - 1]!.seq;
      const theirs = await other('POST', `/api/v1/games/${setup.game.id}/events`, {
        clientEventId: randomUUID(),
        expectedSeq: last,
        event: { type: 'timeout', teamId: setup.away.id },
      });
      expect(theirs.status).toBe(201);

      await scorers.setOffline(false);
      const conflict = sk.getByTestId('conflict');
      await conflict.waitFor({ timeout: 15_000 });
      await conflict.getByText('德清依蓄队 暂停').waitFor();
      await conflict.getByText('姚晓东 抢断').waitFor();
      await screenshot(sk, 'score-conflict');
      await conflict.getByRole('button', { name: '在最新记录之后继续发送我的操作' }).click();
      await sent(sk);

      const added = (await plays()).slice(before.length).map((p) => p.event.type);
      expect(added).toEqual(['timeout', 'steal']);
      await scorers.close();
    },
    LONG,
  );

  it(
    `a team named ${XSS} shows as text everywhere`,
    async () => {
      const f = factories(ctx);
      const tour = await f.newTournament({ name: '工BA 名称转义测试' });
      const teams = [];
      for (const name of [XSS, '吴兴新凤鸣队', '安吉白茶队', '长兴太湖湾队']) {
        const team = await f.newTeam(tour.id, { name });
        for (let j = 0; j < 5; j++)
          await f.newPlayer(team.id, { name: `${name === XSS ? XSS : '球员'}${j}`, jerseyNumber: j + 4 });
        teams.push(team);
      }
      await f.ok('PUT', `/api/v1/tournaments/${tour.id}/competition`, {
        template: { teamCount: 4, groupCount: 1, advancePerGroup: 2, knockout: { thirdPlaceGame: false } },
      });
      await f.ok('POST', `/api/v1/tournaments/${tour.id}/competition/draw`, { method: 'random', seed: 1 });
      const games = await f.ok('POST', `/api/v1/tournaments/${tour.id}/competition/games`);
      const xssGame = games.games.find((g: any) => g.home?.name === XSS || g.away?.name === XSS);
      const fans = await browser.newContext();
      for (const path of [
        `/t/${tour.id}`,
        `/t/${tour.id}/teams`,
        `/t/${tour.id}/standings`,
        `/t/${tour.id}/bracket`,
        `/g/${xssGame.id}`,
        `/teams/${teams[0].id}`,
      ]) {
        const page = await open(fans, path);
        await page.getByText(XSS).first().waitFor();
        expect(await page.locator('img').count()).toBe(0);
        if (path.endsWith('/bracket')) await screenshot(page, 'tournament-bracket');
        if (path.endsWith('/standings')) await screenshot(page, 'tournament-standings');
        await page.close();
      }
      await fans.close();
    },
    LONG,
  );

  it(
    'pages are usable at phone width: labelled controls, readable contrast, no sideways scroll, 中文 then English',
    async () => {
      const phone = await browser.newContext({ width: 375, height: 740 });
      const t = setup.tournament.id;
      const pages: Array<[string, string]> = [
        ['home', '/'],
        ['tournament', `/t/${t}`],
        ['game', `/g/${setup.game.id}`],
        ['team', `/teams/${setup.home.id}`],
        ['player', `/players/${setup.home.ids.get('4')}`],
        ['score-login', '/score'],
        ['desk-login', '/desk'],
        ['not-found', '/nowhere-at-all'.replace('nowhere-at-all', 'g/not-a-uuid')],
      ];
      for (const [name, path] of pages) {
        const page = await open(phone, path);
        await page.locator('#main > :not(p.muted:only-child)').first().waitFor();
        await page.waitForTimeout(300);
        const report = (await page.evaluate(AUDIT)) as Record<string, unknown>;
        expect({ name, ...report }).toEqual({ name, unlabelled: [], lowContrast: [], scrollWidth: 375 });
        await screenshot(page, name);
        await page.close();
      }

      // The language switch, remembered on the device.
      const page = await open(phone, `/t/${t}`);
      await page.getByText('正在直播').waitFor();
      await page.getByRole('button', { name: 'Switch to English' }).click();
      await page.getByText('Live now').waitFor();
      await page.reload();
      await page.getByText('Live now').waitFor();
      expect(await page.evaluate('document.documentElement.lang')).toBe('en');
      await page.getByRole('button', { name: '切换到中文' }).click();
      await page.getByText('正在直播').waitFor();
      await phone.close();
    },
    LONG,
  );

  it(
    'the first view of a game page transfers under 60 KB',
    async () => {
      const fresh = await browser.newContext();
      const page = await fresh.newPage();
      const cdp = await fresh.newCDPSession(page);
      await cdp.send('Network.enable');
      let bytes = 0;
      cdp.on('Network.loadingFinished', (e) => (bytes += e.encodedDataLength));
      await page.goto(`${ctx.baseUrl}/g/${setup.game.id}`, { waitUntil: 'networkidle' });
      await page.getByTestId('plays').waitFor();
      process.stdout.write(`[pages] first view of a game page: ${(bytes / 1024).toFixed(1)} KB\n`);
      expect(bytes).toBeLessThan(60 * 1024);
      await fresh.close();
    },
    LONG,
  );

  it(
    'the organiser desk: log in, create a tournament from a template, hand out a game code',
    async () => {
      const desk = await browser.newContext({ width: 1024, height: 900 });
      const page = await open(desk, '/desk');
      await page.getByLabel('用户名').fill(ctx.organiser.username);
      await page.getByLabel('密码').fill(ctx.organiser.password);
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByRole('heading', { name: '新建赛事' }).waitFor();
      await page.getByLabel('名称').fill('湖州市第二届职工篮球赛');
      await page.getByRole('button', { name: '创建' }).click();
      await page.waitForURL(/\/desk\/t\/[0-9a-f-]{36}$/);
      const id = page.url().split('/').pop()!;
      await page.getByRole('button', { name: '应用赛制' }).click();
      await page.getByText('已保存').waitFor();
      const competition = await ctx.anon('GET', `/api/v1/tournaments/${id}/competition`);
      expect(competition.body.format).toMatchObject({ kind: 'huzhou2024' });
      await screenshot(page, 'desk-setup');

      await page.goto(`${ctx.baseUrl}/desk/t/${setup.tournament.id}/scorers`);
      await page.getByRole('button', { name: '生成比赛码' }).click();
      const code = await page.getByTestId('game-code').textContent();
      expect(code).toMatch(/^\d{6}$/);
      await screenshot(page, 'desk-scorers');
      await desk.close();
    },
    LONG,
  );
});
