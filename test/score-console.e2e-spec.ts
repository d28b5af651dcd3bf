import type { BrowserContext, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { launchBrowser, screenshot, watchPage, type TestBrowser } from './support/browser.js';
import { scoredGame } from './support/live.js';
import { startTestApp, type TestContext } from './support/test-app.js';

/**
 * The scorer's console at the table (issue 14) in a real browser: one screen at three sizes, the
 * taps a real sequence of plays costs, the substitution a bench player's play needs, and the
 * pending score.
 */
const LONG = 300_000;
/** Runs in the page: the console's controls inside the viewport, uncovered, 44 px (support/console-layout.js). */
const LAYOUT = readFileSync(path.join(import.meta.dirname, 'support/console-layout.js'), 'utf8');
const roster = (name: string, first: number, names: string[]) => ({
  name,
  players: names.map((n, i) => ({ jersey: String(first + i), name: n })),
});
const HOME = roster('南浔彩蝶队', 4, ['沈建华', '钱志强', '姚晓东', '陆海峰', '费春雨', '潘天宇', '闵子豪', '郑伟']);
const AWAY = roster('德清依蓄队', 21, ['朱浩然', '俞宇轩', '施俊杰', '邱家豪', '吴志远', '沈明', '蔡磊', '金涛']);

type Setup = Awaited<ReturnType<typeof scoredGame>>;
type Play = { seq: number; clientEventId: string; inForce: boolean; event: Record<string, any> };

describe("the scorer's console at the table", () => {
  let ctx: TestContext;
  let browser: TestBrowser;
  const problems: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    ctx = await startTestApp();
  }, LONG);
  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });
  afterEach(() => {
    expect(problems).toEqual([]);
    problems.length = 0;
  });

  /** A game ready to play: starting fives #4–#8 and #11–#15, the first period started. */
  async function readyGame(): Promise<Setup> {
    const setup = await scoredGame(ctx, HOME, AWAY);
    const five = (side: Setup['home']) => [...side.ids.values()].slice(0, 5);
    await setup.f.ok('POST', `/api/v1/games/${setup.game.id}/transitions`, {
      to: 'ready',
      homeStartingFive: five(setup.home),
      awayStartingFive: five(setup.away),
    });
    return setup;
  }

  async function openConsole(setup: Setup, context: BrowserContext, base = ctx.baseUrl): Promise<Page> {
    const code = await setup.f.ok('POST', `/api/v1/tournaments/${setup.tournament.id}/game-codes`, {
      gameId: setup.game.id,
    });
    const page = await context.newPage();
    watchPage(page, problems);
    await page.goto(`${base}/score?code=${code.code}`);
    await page.waitForURL(`**/score/${setup.game.id}`);
    await page.getByTestId('console').waitFor();
    return page;
  }

  const plays = async (setup: Setup): Promise<Play[]> =>
    (await ctx.anon('GET', `/api/v1/games/${setup.game.id}/plays?limit=500`)).body.items;
  const sent = (page: Page) => page.getByTestId('outbox').getByText('全部已发送').waitFor({ timeout: 20_000 });
  const player = (page: Page, jersey: number) => page.getByRole('button', { name: new RegExp(`^#${jersey} `) });
  const action = (page: Page, name: string) => page.locator(`[data-action="${name}"]`);

  /** A ready game's console in a new browser context, its first period started and sent; `before` counts the plays then. */
  async function playingConsole(viewport: { width: number; height: number }) {
    const setup = await readyGame();
    const context = await browser.newContext(viewport);
    const page = await openConsole(setup, context);
    await page.getByRole('button', { name: '开始下一节' }).click();
    await sent(page);
    return { setup, context, page, before: (await plays(setup)).length };
  }

  /** The console opened at a venue laptop's plain-HTTP LAN address (no service worker there), at 390×844. */
  async function onVenueLan(setup: Setup, use: (page: Page, base: string) => Promise<void>): Promise<void> {
    const lan = await launchBrowser({ args: ['--host-resolver-rules=MAP venue.test 127.0.0.1'] });
    try {
      const context = await lan.newContext({ width: 390, height: 844 });
      const base = ctx.baseUrl.replace('127.0.0.1', 'venue.test');
      await use(await openConsole(setup, context, base), base);
    } finally {
      await lan.close();
    }
  }

  it(
    'everything a play needs is on one screen, 44 px or more, at 390×844, 844×390 and 1024×768',
    async () => {
      const setup = await readyGame();
      for (const [width, height] of [
        [390, 844],
        [844, 390],
        [1024, 768],
      ] as const) {
        const context = await browser.newContext({ width, height });
        const page = await openConsole(setup, context);
        if (width === 390) {
          await page.getByRole('button', { name: '开始下一节' }).click();
          await sent(page);
        }
        await page.getByRole('button', { name: '开表' }).waitFor();
        await player(page, 4).click();
        const report = (await page.evaluate(LAYOUT)) as Record<string, unknown>;
        expect({ size: `${width}x${height}`, ...report }).toEqual({
          size: `${width}x${height}`,
          problems: [],
          players: 10,
          pad: 15,
          scrollY: 0,
        });
        await screenshot(page, `score-console-${width}x${height}`);
        // A miss: the rebound's choices and the pending score fit as well.
        await action(page, 'miss2').click();
        await page.getByRole('button', { name: '跳过', exact: true }).waitFor();
        expect({ size: `${width}x${height}`, ...((await page.evaluate(LAYOUT)) as object) }).toMatchObject({
          problems: [],
        });
        await screenshot(page, `score-console-${width}x${height}-rebound`);
        await page.getByRole('button', { name: '跳过', exact: true }).click();
        // The bench, one tap away, and the keyboard help.
        await page.getByTestId('bench-home').click();
        expect(await page.getByTestId('players-home').locator('.pbtn').count()).toBe(3);
        await page.getByTestId('bench-home').click();
        await page.keyboard.press('?');
        await page.getByRole('heading', { name: '键盘快捷键' }).waitFor();
        if (width === 1024) await screenshot(page, 'score-console-keys');
        await page.keyboard.press('Escape');
        await context.close();
      }
      // In English the labels are longer: still one screen on the phone.
      const english = await browser.newContext({ width: 390, height: 844 });
      await english.addInitScript("localStorage.setItem('courtside.lang', 'en')");
      const page = await openConsole(setup, english);
      await page.getByRole('button', { name: 'Start clock' }).waitFor();
      await player(page, 4).click();
      expect((await page.evaluate(LAYOUT)) as object).toMatchObject({ problems: [], players: 10, pad: 15, scrollY: 0 });
      await screenshot(page, 'score-console-390x844-en');
      await english.close();
    },
    LONG,
  );

  it(
    'forty real plays: player then action, the rebound after a miss, the assist after a basket',
    async () => {
      const { setup, context, page, before } = await playingConsole({ width: 1024, height: 768 });
      let taps = 0;
      const tap = async (target: ReturnType<Page['locator']>) => {
        taps++;
        await target.click();
      };
      const p = (j: number) => tap(player(page, j));
      const act = (name: string) => tap(action(page, name));
      const button = (name: string) => tap(page.getByRole('button', { name, exact: true }));
      const made = async (j: number, points: 2 | 3, assist?: number | 'skip') => {
        await p(j);
        await act(`made${points}`);
        if (assist === 'skip') await button('无助攻');
        else if (assist) await p(assist);
      };
      const missed = async (j: number, points: 2 | 3, rebound: number | 'home' | 'away') => {
        await p(j);
        await act(`miss${points}`);
        if (typeof rebound === 'number') await p(rebound);
        else await button(`${rebound === 'home' ? HOME.name : AWAY.name} 全队篮板`);
      };
      const two = async (j: number, name: string) => {
        await p(j);
        await act(name);
      };
      const clock = () => tap(page.getByTestId('clock-button'));
      const script: Array<() => Promise<unknown>> = [
        clock,
        () => made(4, 2, 5),
        () => missed(21, 3, 22),
        () => made(22, 2),
        () => missed(6, 2, 23),
        () => two(23, 'turnover'),
        () => two(7, 'steal'),
        () => made(7, 2),
        () => missed(24, 2, 8),
        () => made(8, 3, 4),
        () => two(25, 'foul'),
        clock,
        () => two(4, 'made1'),
        () => two(4, 'miss1'),
        () => two(21, 'dreb'),
        clock,
        () => made(21, 2, 23),
        () => missed(5, 3, 'away'),
        () => made(24, 3, 25),
        () => missed(6, 2, 6),
        () => two(23, 'block'),
        () => made(6, 2),
        () => two(22, 'foul'),
        clock,
        async () => {
          await tap(page.getByTestId('bench-home'));
          await p(9);
          await p(5);
        },
        () => tap(page.getByTestId('timeout-away')),
        () => two(8, 'made1'),
        () => two(8, 'made1'),
        clock,
        () => missed(9, 2, 25),
        () => made(25, 2, 21),
        () => two(8, 'turnover'),
        () => two(24, 'steal'),
        () => made(24, 2),
        () => made(9, 3, 7),
        () => missed(23, 3, 'home'),
        () => made(4, 2, 6),
        () => two(21, 'foul'),
        () => made(22, 2, 'skip'),
        () => missed(7, 2, 24),
      ];
      expect(script).toHaveLength(40);
      const started = performance.now();
      for (const play of script) await play();
      const entered = performance.now() - started;
      await sent(page);
      const added = (await plays(setup)).slice(before).map((x) => x.event);
      const count = (type: string) => added.filter((e) => e.type === type).length;
      expect({
        events: added.length,
        made: count('field_goal_made'),
        assisted: added.filter((e) => e.assistPlayerId).length,
        missed: count('field_goal_missed'),
        rebounds: count('rebound'),
        teamRebounds: added.filter((e) => e.type === 'rebound' && !e.playerId).length,
        substitutions: count('substitution'),
        corrections: count('replace') + count('void'),
      }).toEqual({
        events: 48,
        made: 12,
        assisted: 7,
        missed: 8,
        rebounds: 9,
        teamRebounds: 2,
        substitutions: 1,
        corrections: 0,
      });
      // 91 taps for 40 plays: two per play, one more for an assist or a rebound, one for the clock.
      expect(taps).toBe(91);
      const board = await page.getByTestId('console-home-score').textContent();
      process.stdout.write(
        `[score-console] 40 plays: ${taps} taps (${(taps / 40).toFixed(2)} per play), ` +
          `${(entered / 40).toFixed(0)} ms per play entered (${(entered / 1000).toFixed(1)} s), home score ${board}\n`,
      );
      await screenshot(page, 'score-console-1024x768-after-40');
      await context.close();
    },
    LONG,
  );

  it(
    'a bench player tapped for a play comes in first; a refusal PLAYER_NOT_ON_COURT offers the substitution, in Chinese',
    async () => {
      const { setup, context, page, before } = await playingConsole({ width: 390, height: 844 });

      // Up front: #9 is on the bench; +2 for him asks who goes off, then records both.
      await page.getByTestId('bench-home').click();
      await player(page, 9).click();
      await action(page, 'made2').click();
      await page.getByTestId('hint').getByText('#9 潘天宇 不在场上').waitFor();
      await player(page, 5).click();
      await page.getByRole('button', { name: '无助攻', exact: true }).click();
      await sent(page);
      const added = (await plays(setup)).slice(before).map((x) => x.event);
      expect(added.map((e) => e.type)).toEqual(['substitution', 'field_goal_made']);
      expect(added[0]).toMatchObject({ playerInId: setup.home.ids.get('9'), playerOutId: setup.home.ids.get('5') });
      expect(added[1]).toMatchObject({ playerId: setup.home.ids.get('9'), points: 2 });

      // The server refuses a play by a player it does not have on court: one tap substitutes
      // him in, and the substitution goes out before the play.
      const sixId = setup.home.ids.get('6')!;
      const bodies: any[] = [];
      await page.route('**/api/v1/games/*/events', async (route) => {
        const body = route.request().postDataJSON();
        bodies.push(body.event);
        if (bodies.length === 1)
          return route.fulfill({
            status: 400,
            contentType: 'application/json',
            body: JSON.stringify({
              statusCode: 400,
              error: 'Bad Request',
              code: 'PLAYER_NOT_ON_COURT',
              message: '#6 姚晓东 is not on court',
              details: [{ field: 'event.playerId', reason: 'not on court', playerId: sixId, teamId: setup.home.id }],
            }),
          });
        return route.abort('connectionrefused');
      });
      await player(page, 6).click();
      await action(page, 'steal').click();
      const refused = page.getByTestId('refused');
      await refused.getByText('#6 姚晓东 不在场上').waitFor();
      expect(await refused.textContent()).not.toContain('is not on court');
      await screenshot(page, 'score-console-not-on-court');
      expect(await refused.getByRole('button', { name: '#6 姚晓东 下' }).count()).toBe(0);
      await refused.getByRole('button', { name: '#7 陆海峰 下' }).click();
      await page.getByTestId('outbox').getByText('待发送 2 条').waitFor();
      const waiting = await page.getByTestId('outbox').locator('li').allTextContents();
      expect(waiting).toEqual(['南浔彩蝶队 换人：#6 姚晓东 上，#7 陆海峰 下', '#6 姚晓东 抢断']);
      await page.waitForTimeout(500);
      expect(bodies[1]).toMatchObject({ type: 'substitution', playerInId: sixId });

      // This server still has #6 on court, so it refuses the substitution: the scorer reads why in
      // Chinese, drops it, and the steal goes out.
      await page.unroute('**/api/v1/games/*/events');
      await refused.getByText('换人无效').waitFor({ timeout: 20_000 });
      await refused.getByRole('button', { name: '移除这条' }).click();
      await sent(page);
      const last = (await plays(setup)).at(-1)!.event;
      expect(last).toMatchObject({ type: 'steal', playerId: sixId });
      await context.close();
    },
    LONG,
  );

  it(
    'keeps a play the server cannot record right now (503 while its database restarts) and sends it again, once, without asking',
    async () => {
      const { setup, context, page, before } = await playingConsole({ width: 390, height: 844 });

      // What the server answers while its database restarts (src/database/pg-errors.ts), twice.
      const attempts: string[] = [];
      await page.route('**/api/v1/games/*/events', async (route) => {
        attempts.push(route.request().postDataJSON().clientEventId);
        if (attempts.length > 2) return route.continue();
        return route.fulfill({
          status: 503,
          contentType: 'application/json',
          headers: { 'retry-after': '2' },
          body: JSON.stringify({
            statusCode: 503,
            error: 'Service Unavailable',
            code: 'DATABASE_UNAVAILABLE',
            message: 'The database does not answer at the moment: try again shortly',
            details: [],
            context: { retryAfterSeconds: 2 },
          }),
        });
      });
      await player(page, 5).click();
      await action(page, 'made3').click();
      await page.getByRole('button', { name: '无助攻', exact: true }).click();
      await page.getByTestId('send-state').getByText('服务器忙').waitFor();
      await page.getByTestId('outbox').getByText('服务器暂时无法记录').waitFor();
      expect(await page.getByTestId('refused').count()).toBe(0);
      await screenshot(page, 'score-console-server-busy');

      await sent(page);
      expect(attempts.length).toBe(3);
      expect(new Set(attempts).size).toBe(1);
      expect(await page.getByTestId('send-state').textContent()).not.toContain('服务器忙');
      const added = (await plays(setup)).slice(before).map((x) => x.event);
      expect(added).toEqual([expect.objectContaining({ type: 'field_goal_made', points: 3 })]);
      await context.close();
    },
    LONG,
  );

  it(
    'opens with no network after one visit (service worker), keeps plays through a reload and a closed browser, sends each once',
    async () => {
      const worker = await fetch(`${ctx.baseUrl}/sw.js`);
      expect([
        worker.status,
        worker.headers.get('cache-control'),
        worker.headers.get('service-worker-allowed'),
      ]).toEqual([200, 'no-cache', '/']);
      expect(await worker.text()).toMatch(/\/static\/js\/pages\/score-[A-Z0-9]+\.js/);
      const manifest = (await (await fetch(`${ctx.baseUrl}/manifest.webmanifest`)).json()) as any;
      expect(manifest).toMatchObject({ name: '记录台 · Courtside', start_url: '/score', display: 'standalone' });
      expect(manifest.icons).toEqual([expect.objectContaining({ src: '/icon.svg', sizes: 'any' })]);
      expect((await fetch(`${ctx.baseUrl}/icon.svg`)).headers.get('content-type')).toBe('image/svg+xml');
      // Only the console's page names the manifest.
      expect(await (await fetch(`${ctx.baseUrl}/score`)).text()).toContain('rel="manifest"');
      expect(await (await fetch(`${ctx.baseUrl}/`)).text()).not.toContain('rel="manifest"');

      const setup = await readyGame();
      const proxy = await tcpProxy(new URL(ctx.baseUrl));
      try {
        // localhost: a secure context, where the browser allows a service worker.
        const base = `http://localhost:${proxy.port}`;
        const viewport = { width: 390, height: 844 };
        const context = await browser.newContext(viewport);
        const page = await openConsole(setup, context, base);
        await page.getByRole('button', { name: '开始下一节' }).click();
        await sent(page);
        await untilTrue(page, `navigator.serviceWorker.controller !== null`);
        await untilTrue(
          page,
          `caches.open('courtside-scorer-data').then((c) => c.keys()).then((k) => k.some((r) => r.url.includes('/plays')) && k.some((r) => r.url.includes('/players')))`,
        );
        // A substitution just before the network goes: the reopened console must still know it.
        await page.getByTestId('bench-home').click();
        await player(page, 9).click();
        await player(page, 5).click();
        await sent(page);
        const before = (await plays(setup)).length;

        await proxy.offline();
        await page.reload();
        await page.getByTestId('console').waitFor();
        expect(await page.getByTestId('players-home').getByRole('button').allTextContents()).toEqual([
          '4沈建华',
          '6姚晓东',
          '7陆海峰',
          '8费春雨',
          '9潘天宇',
        ]);
        const ten: Array<[number, string]> = [
          [4, 'made1'],
          [21, 'made1'],
          [9, 'steal'],
          [22, 'turnover'],
          [23, 'foul'],
          [6, 'made1'],
          [24, 'oreb'],
          [7, 'block'],
          [8, 'foul'],
          [25, 'made1'],
        ];
        for (const [jersey, name] of ten) {
          await player(page, jersey).click();
          await action(page, name).click();
        }
        await page.getByTestId('outbox').getByText('待发送 10 条').waitFor();
        expect(await page.getByTestId('console-home-score').textContent()).toBe('2 (+2 待发送)');
        expect(await page.getByTestId('console-away-score').textContent()).toBe('2 (+2 待发送)');
        await screenshot(page, 'score-console-offline');
        expect((await plays(setup)).length).toBe(before);

        await proxy.online();
        await sent(page);
        const after = await plays(setup);
        expect(after.slice(before).map((x) => [x.event.type, x.event.playerId])).toEqual(
          ten.map(([jersey, name]) => [
            {
              made1: 'free_throw_made',
              steal: 'steal',
              turnover: 'turnover',
              foul: 'foul',
              oreb: 'rebound',
              block: 'block',
            }[name],
            (jersey < 20 ? setup.home : setup.away).ids.get(String(jersey)),
          ]),
        );
        expect(new Set(after.map((x) => x.clientEventId)).size).toBe(after.length);

        // Offline again: an undo of the last recorded play (25's free throw) and a free throw wait,
        // a steal undone on the device never leaves it; the browser is closed, and a new one with
        // the same storage sends what waits once the server is back.
        await proxy.offline();
        await page.getByRole('button', { name: '撤销上一步' }).click();
        await player(page, 4).click();
        await action(page, 'made1').click();
        await player(page, 21).click();
        await action(page, 'steal').click();
        await page.getByRole('button', { name: '撤销上一步' }).click();
        await page.getByTestId('outbox').getByText('待发送 2 条').waitFor();
        expect(await page.getByTestId('console-home-score').textContent()).toBe('3 (+1 待发送)');
        expect(await page.getByTestId('console-away-score').textContent()).toBe('1 (-1 待发送)');
        const storageState = await context.storageState();
        await context.close();
        await proxy.online();
        const again = await browser.browser.newContext({ viewport, storageState, locale: 'zh-CN' });
        const reopened = await again.newPage();
        watchPage(reopened, problems);
        await reopened.goto(`${base}/score/${setup.game.id}`);
        await sent(reopened);
        const final = await plays(setup);
        expect(final.slice(after.length).map((x) => [x.event.type, x.event.targetSeq ?? null])).toEqual([
          ['void', after.at(-1)!.seq],
          ['free_throw_made', null],
        ]);
        expect(new Set(final.map((x) => x.clientEventId)).size).toBe(final.length);
        expect(await reopened.getByTestId('console-home-score').textContent()).toBe('3');
        expect(await reopened.getByTestId('console-away-score').textContent()).toBe('1');
        await again.close();
      } finally {
        await proxy.close();
      }
    },
    LONG,
  );

  it(
    'keeps the newer score when a read of the game answers after a newer acknowledgement',
    async () => {
      const setup = await readyGame();
      // Plain HTTP by a LAN name: no service worker, so every read of the game passes the route below.
      await onVenueLan(setup, async (page, base) => {
        // From now on each read of the game is answered by the server at once but handed to the page
        // only when released: the answer of a read that crossed the next play.
        let release!: () => void;
        const released = new Promise<void>((resolve) => (release = resolve));
        let held = 0;
        await page.route(`${base}/api/v1/games/${setup.game.id}`, async (route) => {
          const response = await route.fetch({ url: route.request().url().replace('venue.test', '127.0.0.1') });
          held++;
          await released;
          await route.fulfill({ response });
        });
        // The first period takes the game live: the console reads the game again (held, at 0:0).
        await page.getByRole('button', { name: '开始下一节' }).click();
        await sent(page);
        for (const until = Date.now() + 20_000; held === 0; await page.waitForTimeout(50))
          if (Date.now() > until) throw new Error('the console did not read the game after the first period started');
        await player(page, 4).click();
        await action(page, 'made1').click();
        await sent(page);
        expect(await page.getByTestId('console-home-score').textContent()).toBe('1');
        const answered = page.waitForResponse(`${base}/api/v1/games/${setup.game.id}`);
        release();
        await answered;
        // What the page does with the old answer (before: 0, and the next play seen as a gap).
        await page.waitForTimeout(1500);
        expect(await page.getByTestId('console-home-score').textContent()).toBe('1');
        await page.unrouteAll({ behavior: 'wait' });
        await player(page, 21).click();
        await action(page, 'made1').click();
        await sent(page);
        expect(await page.getByTestId('console-away-score').textContent()).toBe('1');
        expect(await page.getByTestId('console-home-score').textContent()).toBe('1');
        expect((await plays(setup)).map((x) => x.event.type)).toEqual([
          'period_start',
          'free_throw_made',
          'free_throw_made',
        ]);
      });
    },
    LONG,
  );

  it(
    "at a venue laptop's plain-HTTP LAN address there is no service worker, and the console works all the same",
    async () => {
      const setup = await readyGame();
      await onVenueLan(setup, async (page) => {
        expect(await page.evaluate('window.isSecureContext')).toBe(false);
        await page.getByRole('button', { name: '开始下一节' }).click();
        await player(page, 4).click();
        await action(page, 'made1').click();
        await sent(page);
        expect(await page.evaluate('Boolean(navigator.serviceWorker && navigator.serviceWorker.controller)')).toBe(
          false,
        );
        expect((await plays(setup)).map((x) => x.event.type)).toEqual(['period_start', 'free_throw_made']);
      });
    },
    LONG,
  );
});

/** Polls an expression in the page (it may return a promise) until it is true. */
async function untilTrue(page: Page, expression: string, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${expression}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * A TCP proxy in front of the test server. `offline()` makes the server unreachable for real:
 * every open connection is cut and new ones are refused (Playwright's setOffline does not
 * reliably cover a service worker's fetches); `online()` listens on the same port again.
 */
async function tcpProxy(target: URL) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = net.createServer((client) => {
        const upstream = net.connect(Number(target.port), target.hostname);
        const end = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        sockets.add(client);
        sockets.add(upstream);
        client.pipe(upstream).pipe(client);
        for (const socket of [client, upstream]) {
          socket.on('error', end);
          socket.on('close', end);
        }
      });
      s.once('error', reject);
      s.listen(port, () => {
        port = (s.address() as net.AddressInfo).port;
        server = s;
        resolve();
      });
    });
  const offline = () =>
    new Promise<void>((resolve) => {
      const s = server;
      server = null;
      if (!s) return resolve();
      s.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });
  await listen();
  return { port, offline, online: listen, close: offline };
}
