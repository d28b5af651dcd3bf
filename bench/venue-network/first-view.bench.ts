/**
 * A fan's first view of a live game page on the hall's Wi-Fi or a phone link (issue 12).
 *
 * The compiled server runs in production mode on a scratch database with a game in its third
 * period (about 60 plays). Debian's Chromium opens `/g/<id>` by a LAN name (venue.test) with a
 * fresh profile each time (nothing cached), throttled through the DevTools protocol, and we
 * measure the bytes over the wire (every response's encoded length, headers included), the
 * requests, and the time from navigation until the score is on screen.
 *
 *   npx tsx bench/venue-network/first-view.bench.ts [--runs 5]
 *
 * Goals: at most 60 KB transferred; score visible within 2.5 s on 400 kbps / 300 ms RTT.
 */
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../test/support/browser.js';
import { buildOnce, FIRST_ADMIN, freePort, runServer, waitForHealth } from '../../test/support/server-process.js';
import { apiCall, benchServerEnv, recreateDatabase } from '../support/server.js';

const RUNS = Number(process.argv[process.argv.indexOf('--runs') + 1] || 5);
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/courtside_bench_venue';

/** Link profiles: throughput in kbit/s each way and the round trip added to every request. */
const LINKS = [
  { name: '400 kbps / 300 ms RTT', kbps: 400, rttMs: 300 },
  { name: '1.6 Mbps / 150 ms RTT', kbps: 1600, rttMs: 150 },
];

async function seedGame(base: string): Promise<string> {
  const admin = (await apiCall(base, 'POST', '/auth/login', {
    username: FIRST_ADMIN.ADMIN_USERNAME,
    password: FIRST_ADMIN.ADMIN_PASSWORD,
  })) as { accessToken: string };
  const as = (method: string, path: string, body?: unknown) => apiCall(base, method, path, body, admin.accessToken);
  const tournament = await as('POST', '/tournaments', {
    name: '2024年湖州市职工篮球赛',
    season: '2024',
    startsOn: '2024-05-11',
    endsOn: '2024-05-19',
  });
  const team = async (name: string, players: string[], first: number) => {
    const unit = await as('POST', '/units', { name: `${name}单位`, kind: 'enterprise' });
    const t = await as('POST', `/tournaments/${tournament.id}/teams`, { name, unitId: unit.id });
    const ids: string[] = [];
    for (const [i, p] of players.entries())
      ids.push((await as('POST', `/teams/${t.id}/players`, { name: p, jerseyNumber: first + i })).id);
    return { id: t.id as string, ids };
  };
  const home = await team(
    '南浔彩蝶队',
    ['沈建华', '钱志强', '姚晓东', '陆海峰', '费春雨', '潘天宇', '闵子豪', '严文斌', '褚国庆', '卫振宇'],
    4,
  );
  const away = await team(
    '德清依蓄队',
    ['朱浩然', '俞宇轩', '施俊杰', '邱家豪', '吴志远', '沈明', '蔡磊', '金涛', '方毅', '戴鹏'],
    11,
  );
  const game = await as('POST', `/tournaments/${tournament.id}/games`, {
    homeTeamId: home.id,
    awayTeamId: away.id,
    court: '1号场',
    scheduledAt: '2024-05-19T14:00',
  });
  const code = await as('POST', `/tournaments/${tournament.id}/game-codes`, { gameId: game.id });
  const device = (await apiCall(base, 'POST', '/auth/game-code', { code: code.code })) as { accessToken: string };
  const scorer = (method: string, path: string, body?: unknown) =>
    apiCall(base, method, path, body, device.accessToken);
  await scorer('POST', `/games/${game.id}/transitions`, {
    to: 'ready',
    homeStartingFive: home.ids.slice(0, 5),
    awayStartingFive: away.ids.slice(0, 5),
  });
  let seq = 0;
  const play = async (event: Record<string, unknown>) => {
    const r = await scorer('POST', `/games/${game.id}/events`, {
      clientEventId: randomUUID(),
      expectedSeq: seq,
      event,
    });
    seq = r.seq;
  };
  for (let period = 1; period <= 3; period++) {
    await play({ type: 'period_start', period });
    for (let i = 0; i < 18; i++) {
      const side = i % 2 === 0 ? home : away;
      await play({
        type: 'field_goal_made',
        teamId: side.id,
        playerId: side.ids[i % 5],
        points: 2 + (i % 3 === 0 ? 1 : 0),
      });
    }
    if (period < 3) await play({ type: 'period_end' });
  }
  return game.id as string;
}

interface Run {
  bytes: number;
  requests: number;
  scoreMs: number;
}

async function firstView(browser: Browser, url: string, link: (typeof LINKS)[number]): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const bytesPerSecond = (link.kbps * 1000) / 8;
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: link.rttMs,
    downloadThroughput: bytesPerSecond,
    uploadThroughput: bytesPerSecond,
  });
  let bytes = 0;
  let requests = 0;
  const started = Date.now();
  cdp.on('Network.requestWillBeSent', () => (requests += 1));
  const urls = new Map<string, string>();
  cdp.on('Network.requestWillBeSent', (e: { requestId: string; request: { url: string } }) =>
    urls.set(e.requestId, e.request.url),
  );
  cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => {
    bytes += e.encodedDataLength;
    if (process.env.BENCH_VERBOSE)
      console.error(
        `  ${Date.now() - started} ms ${(e.encodedDataLength / 1024).toFixed(1)} KB ${urls.get(e.requestId)}`,
      );
  });
  await page.goto(url, { waitUntil: 'commit' });
  // A function, not a string: the page's CSP allows no eval. The DOM is not in this file's types.
  const scoreShown = () => {
    const doc = (
      globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }
    ).document;
    return /^\d+$/.test(doc.querySelector('[data-testid="home-score"]')?.textContent?.trim() ?? '');
  };
  await page.waitForFunction(scoreShown, undefined, { timeout: 60_000, polling: 20 });
  const scoreMs = Date.now() - started;
  if (process.env.BENCH_VERBOSE) console.error(`  score at ${scoreMs} ms`);
  // Everything the first view loads (the socket.io client comes after the score), then count.
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  await context.close();
  return { bytes, requests, scoreMs };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  buildOnce();
  await recreateDatabase(DATABASE_URL);
  const port = freePort();
  const server = runServer({ ...benchServerEnv(DATABASE_URL), PORT: String(port) });
  try {
    await waitForHealth(port, server);
    const base = `http://127.0.0.1:${port}`;
    const gameId = await seedGame(base);
    const tb = await launchBrowser({ args: ['--host-resolver-rules=MAP venue.test 127.0.0.1'] });
    const browser = tb.browser;
    const url = `http://venue.test:${port}/g/${gameId}`;
    await firstView(browser, url, { name: 'warm-up', kbps: 100_000, rttMs: 0 });
    console.log(`First view of /g/<id> (fresh profile each run, ${RUNS} runs per link; median, max)\n`);
    console.log('| Link | KB over the wire | Requests | Score visible (ms) median | max |');
    console.log('| --- | ---: | ---: | ---: | ---: |');
    for (const link of LINKS) {
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await firstView(browser, url, link));
      const kb = (median(runs.map((r) => r.bytes)) / 1024).toFixed(1);
      const scores = runs.map((r) => r.scoreMs);
      console.log(
        `| ${link.name} | ${kb} | ${median(runs.map((r) => r.requests))} | ${median(scores)} | ${Math.max(...scores)} |`,
      );
    }
    await tb.close();
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
  }
}

await main();
