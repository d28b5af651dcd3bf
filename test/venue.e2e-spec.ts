import type { Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { launchBrowser, watchPage, type TestBrowser } from './support/browser.js';
import { scoredGame } from './support/live.js';
import { startTestApp, type TestContext } from './support/test-app.js';

/**
 * The pages as a venue meets them: a laptop at the hall serves plain HTTP, phones open it by a
 * LAN name (here `venue.test`, mapped to the server by Chromium's host resolver rules, so the
 * origin is neither localhost nor 127.0.0.1 and gets no "potentially trustworthy" exemptions),
 * and every byte counts on the Wi-Fi.
 */
const LONG = 300_000;
const HOME = { name: '南浔彩蝶队', players: ['沈建华', '钱志强', '姚晓东', '陆海峰', '费春雨'] };
const AWAY = { name: '德清依蓄队', players: ['朱浩然', '俞宇轩', '施俊杰', '邱家豪', '吴志远'] };
const roster = (spec: typeof HOME, first: number) => ({
  name: spec.name,
  players: spec.players.map((name, i) => ({ jersey: String(first + i), name })),
});

describe('at the venue: plain HTTP by a LAN name, compressed, cached', () => {
  let ctx: TestContext;
  let browser: TestBrowser;
  let setup: Awaited<ReturnType<typeof scoredGame>>;
  let venue: string;
  let seq = 0;
  const problems: string[] = [];

  beforeAll(async () => {
    ctx = await startTestApp();
    browser = await launchBrowser({ args: ['--host-resolver-rules=MAP venue.test 127.0.0.1'] });
    venue = ctx.baseUrl.replace('127.0.0.1', 'venue.test');
    setup = await scoredGame(ctx, roster(HOME, 4), roster(AWAY, 11));
    const five = (side: typeof setup.home) => [...side.ids.values()];
    await setup.f.ok('POST', `/api/v1/games/${setup.game.id}/transitions`, {
      to: 'ready',
      homeStartingFive: five(setup.home),
      awayStartingFive: five(setup.away),
    });
    await record({ type: 'period_start', period: 1 });
  }, LONG);
  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });
  afterEach(() => {
    expect(problems).toEqual([]);
    problems.length = 0;
  });

  async function record(event: Record<string, unknown>) {
    const res = await ctx.as(setup.deviceToken)('POST', `/api/v1/games/${setup.game.id}/events`, {
      clientEventId: randomUUID(),
      expectedSeq: seq,
      event,
    });
    if (res.status !== 201) throw new Error(`event -> ${res.status} ${JSON.stringify(res.body)}`);
    seq = res.body.seq;
  }

  /** A page opened by the LAN name; every request it makes must reach the server over plain HTTP. */
  async function openByName(path: string, phone = { width: 390, height: 844 }) {
    const context = await browser.newContext(phone);
    const page = await context.newPage();
    watchPage(page, problems);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
    await page.goto(venue + path);
    return { page, requests, close: () => context.close() };
  }

  const rendered = (page: Page) => page.locator('#main > :not(p.muted:only-child)').first().waitFor();

  it(
    'every page opens by the LAN name over plain HTTP, with nothing upgraded to HTTPS',
    async () => {
      const t = setup.tournament.id;
      for (const path of [
        '/',
        `/t/${t}`,
        `/t/${t}/standings`,
        `/t/${t}/bracket`,
        `/g/${setup.game.id}`,
        `/teams/${setup.home.id}`,
        `/players/${setup.home.ids.get('4')}`,
        '/score',
        '/desk',
      ]) {
        const { page, requests, close } = await openByName(path);
        await rendered(page);
        const elsewhere = requests.filter((u) => !u.startsWith(venue) && !u.startsWith('data:'));
        expect({ path, elsewhere }).toEqual({ path, elsewhere: [] });
        await close();
      }
    },
    LONG,
  );

  it(
    'the live score appears and follows the game on a phone that opened the LAN address',
    async () => {
      const { page, close } = await openByName(`/g/${setup.game.id}`);
      await page.getByTestId('home-score').getByText('0', { exact: true }).waitFor();
      await record({ type: 'field_goal_made', teamId: setup.home.id, playerId: setup.home.ids.get('4'), points: 3 });
      await page.getByTestId('home-score').getByText('3', { exact: true }).waitFor({ timeout: 10_000 });
      await record({ type: 'field_goal_made', teamId: setup.away.id, playerId: setup.away.ids.get('11'), points: 2 });
      await page.getByTestId('away-score').getByText('2', { exact: true }).waitFor({ timeout: 10_000 });
      await close();
    },
    LONG,
  );

  it(
    "the game page's first view needs no API round trip: the server sends the answers with the page",
    async () => {
      const { page, requests, close } = await openByName(`/g/${setup.game.id}`);
      await page.getByTestId('home-score').waitFor();
      await page.getByTestId('plays').waitFor();
      expect(requests.filter((u) => u.includes('/api/'))).toEqual([]);
      // The title names the game as it stands (score and period), for a link shared in a group chat.
      expect(await page.evaluate('document.title')).toMatch(
        /^南浔彩蝶队 \d+:\d+ 德清依蓄队 · (第\d+节|加时\d+)(结束)? · Courtside$/,
      );
      await close();

      // The tournament page too, on each tab a link can open (the live refresh comes later).
      for (const tab of ['', '/standings', '/bracket', '/leaders', '/awards', '/teams']) {
        const t = await openByName(`/t/${setup.tournament.id}${tab}`);
        await rendered(t.page);
        const atRender = t.requests.filter((u) => u.includes('/api/'));
        expect({ tab, atRender }).toEqual({ tab, atRender: [] });
        await t.close();
      }
    },
    LONG,
  );

  it(
    'no security header tells the browser to switch to HTTPS unless PUBLIC_URL is https',
    async () => {
      const plain = await fetch(`${ctx.baseUrl}/g/${setup.game.id}`);
      const csp = plain.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(plain.headers.get('strict-transport-security')).toBeNull();

      const behindHttps = await startTestApp({ env: { PUBLIC_URL: 'https://gba.example.org' } });
      try {
        const res = await fetch(`${behindHttps.baseUrl}/`);
        expect(res.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
        expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      } finally {
        await behindHttps.close();
      }
    },
    LONG,
  );

  it('pages, scripts, styles and JSON go out compressed; hashed assets are cached for a year', async () => {
    const get = (path: string, headers: Record<string, string> = {}) =>
      fetch(ctx.baseUrl + path, { headers: { 'accept-encoding': 'br, gzip', ...headers } });

    const html = await get(`/g/${setup.game.id}`);
    expect([html.status, html.headers.get('content-encoding'), html.headers.get('cache-control')]).toEqual([
      200,
      'br',
      'no-cache',
    ]);
    const text = await html.text();
    const assets = [...text.matchAll(/(?:src|href)="(\/static\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.some((a) => /^\/static\/js\/pages\/game-[A-Z0-9]+\.js$/.test(a))).toBe(true);
    expect(assets.some((a) => /^\/static\/css\/app-[A-Z0-9]+\.css$/.test(a))).toBe(true);

    for (const asset of assets) {
      const br = await get(asset);
      expect([asset, br.status, br.headers.get('content-encoding'), br.headers.get('cache-control')]).toEqual([
        asset,
        200,
        'br',
        'public, max-age=31536000, immutable',
      ]);
      const body = await br.text();
      const gzip = await get(asset, { 'accept-encoding': 'gzip' });
      expect(gzip.headers.get('content-encoding')).toBe('gzip');
      expect(await gzip.text()).toBe(body);
      const plain = await get(asset, { 'accept-encoding': 'identity' });
      expect(plain.headers.get('content-encoding')).toBeNull();
      expect(await plain.text()).toBe(body);
      const again = await get(asset, { 'if-none-match': br.headers.get('etag')! });
      expect(again.status).toBe(304);
    }
    expect((await get('/static/js/pages/game-OLDHASH0.js')).status).toBe(404);
    expect((await get('/static/../package.json')).status).toBe(404);

    // A page without server data revalidates by its ETag.
    const desk = await get('/desk');
    const etag = desk.headers.get('etag');
    expect(etag).toBeTruthy();
    expect((await get('/desk', { 'if-none-match': etag! })).status).toBe(304);

    const json = await get(`/api/v1/games/${setup.game.id}`);
    expect([json.status, json.headers.get('content-encoding')]).toEqual([200, 'br']);
    const gz = await get(`/api/v1/games/${setup.game.id}`, { 'accept-encoding': 'gzip' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(await gz.json()).toEqual(await json.json());
  });

  it('a game that does not exist answers the not-found page with 404', async () => {
    const res = await fetch(`${ctx.baseUrl}/g/${randomUUID()}`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('页面不存在');
  });
});
