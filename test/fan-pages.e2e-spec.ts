import type { Page } from 'playwright-core';
import { launchBrowser, screenshot, type TestBrowser } from './support/browser.js';
import { watchedPages } from './support/watched-pages.js';
import { gameBetween, newKit, ok, playGame, setupCompetition, teamSlots, type Kit } from './support/played-games.js';
import { startTestApp, type TestContext } from './support/test-app.js';

/**
 * Issue 15 in a real browser at phone widths (360 and 390 px): the tournament's tabs, the team,
 * player and home pages never scroll sideways (wide tables scroll in their box, the name pinned);
 * standings, bracket, leaders and the team page follow a play or a result within 2 s on whichever
 * tab is open; the bracket is drawn in columns with a live badge and the running score; open places
 * read "A组第1" / "半决赛1胜者" on the bracket and the game lists alike; qualification marks and one
 * explanation per set of tied teams.
 */
const LONG = 300_000;
/** The bound for a play or a result to reach whichever tab is open. */
const LIVE_MS = 2_000;

const players = (prefix: string) => [1, 2, 3, 4, 5].map((i) => `${prefix}${i}`);
const GROUP_A = ['湖州银行队', '南浔彩蝶队', '德清依蓄队', '长兴天顺物流队'];
const GROUP_B = ['安吉白茶队', '吴兴新凤鸣队', '长兴太湖湾队', '湖州供电公司职工篮球队'];
const KNOCKOUT = ['织里童装队', '练市船厂队', '菱湖渔业队', '双林绫绢队'];
/** Six teams in a bracket of eight: seeds 1 and 2 have byes into the semi-finals. */
const SIX = ['八里店队', '妙西队', '道场乡队', '环渚队', '埭溪队', '东林队'];
/** Four teams in a double elimination. */
const DOUBLE = ['仁皇山队', '龙溪队', '月河队', '康山队'];

describe('fans’ pages on a phone (issue 15)', () => {
  let ctx: TestContext;
  let browser: TestBrowser;
  let groups: Kit;
  let cup: Kit;
  let six: Kit;
  let double: Kit;
  const { open } = watchedPages(
    () => ctx.baseUrl,
    (page) => page.locator('#main > :not(p.muted:only-child)').first().waitFor(),
  );

  /** A result from the paper scoresheet, recorded by the organiser (decides the game at once). */
  const paper = async (kit: Kit, home: string, homeScore: number, awayScore: number, away: string) => {
    const key = await gameBetween(ctx, kit, home, away);
    const gameId = kit.games.get(key)!;
    const game = await ok(ctx.http, 'GET', `/api/v1/games/${gameId}`);
    const flip = game.homeTeam.id !== kit.teams.get(home);
    await ok(ctx.http, 'POST', `/api/v1/games/${gameId}/paper-result`, {
      home: { score: flip ? awayScore : homeScore },
      away: { score: flip ? homeScore : awayScore },
    });
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    ctx = await startTestApp();
    const scorekeeper = await ctx.newAccount('scorekeeper');
    groups = await newKit(
      ctx,
      [...GROUP_A, ...GROUP_B].map((name, i) => ({ name, players: players(`甲${i}号`) })),
      scorekeeper,
    );
    await setupCompetition(ctx, groups, [
      {
        kind: 'group',
        id: 'S1',
        roundRobin: 'single',
        groups: [
          { id: 'A', size: 4, entrants: teamSlots(groups, GROUP_A) },
          { id: 'B', size: 4, entrants: teamSlots(groups, GROUP_B) },
        ],
      },
      {
        kind: 'knockout',
        id: 'KO',
        entrants: [
          { kind: 'group_place', groupId: 'A', place: 1 },
          { kind: 'group_place', groupId: 'B', place: 1 },
          { kind: 'group_place', groupId: 'B', place: 2 },
          { kind: 'group_place', groupId: 'A', place: 2 },
        ],
        thirdPlaceGame: true,
      },
    ]);
    cup = await newKit(
      ctx,
      KNOCKOUT.map((name, i) => ({ name, players: players(`乙${i}号`) })),
      scorekeeper,
    );
    await setupCompetition(ctx, cup, [
      { kind: 'knockout', id: 'KO', entrants: teamSlots(cup, KNOCKOUT), thirdPlaceGame: true },
    ]);
    six = await newKit(
      ctx,
      SIX.map((name, i) => ({ name, players: players(`丙${i}号`) })),
      scorekeeper,
    );
    await setupCompetition(ctx, six, [{ kind: 'knockout', id: 'KO', entrants: teamSlots(six, SIX) }]);
    double = await newKit(
      ctx,
      DOUBLE.map((name, i) => ({ name, players: players(`丁${i}号`) })),
      scorekeeper,
    );
    await setupCompetition(ctx, double, [
      {
        kind: 'knockout',
        id: 'KO',
        format: 'double_elimination',
        grandFinalReset: true,
        entrants: teamSlots(double, DOUBLE),
      },
    ]);
  }, LONG);
  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });

  /** The page's own width and every table box: does it scroll inside, is its name column pinned. */
  const widths = (page: Page) =>
    page.evaluate(`(() => ({
      page: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
      tables: Array.from(document.querySelectorAll('.table-wrap')).map((el) => {
        const name = el.querySelector('td.name');
        return { scrolls: el.scrollWidth > el.clientWidth, pinned: name ? getComputedStyle(name).position : null };
      }),
    }))()`) as Promise<{ page: number; viewport: number; tables: Array<{ scrolls: boolean; pinned: string | null }> }>;

  it(
    'standings: 出线/淘汰 as soon as certain, one explanation per tied set, and a recorded result on screen within 2 s',
    async () => {
      const [bank, butterfly, yixu, tianshun] = GROUP_A;
      // 湖州银行 beat everybody; 南浔彩蝶 and 德清依蓄 each beat 长兴天顺; they have not met.
      await paper(groups, bank, 70, 60, butterfly);
      await paper(groups, bank, 71, 60, yixu);
      await paper(groups, bank, 72, 60, tianshun);
      await paper(groups, butterfly, 66, 60, tianshun);

      const phone = await browser.newContext({ width: 360, height: 780 });
      const page = await open(phone, `/t/${groups.tournamentId}/standings`);
      const groupA = page.locator('section[data-group="A"]');
      const row = (team: string) => groupA.locator(`tr[data-team="${groups.teams.get(team)}"]`).first();
      await row(bank).getByText('出线').waitFor();
      expect(await row(tianshun).locator('[data-qualification]').count()).toBe(0);

      // 德清依蓄 beats 长兴天顺: 长兴天顺 (3 points, all played) cannot reach 2nd any more.
      await paper(groups, yixu, 68, 60, tianshun);
      await row(tianshun).getByText('淘汰').waitFor({ timeout: LIVE_MS });
      await expect(row(yixu).locator('td').nth(2).textContent()).resolves.toBe('2');
      // The tie between 彩蝶 and 依蓄 is explained once, not under each of them.
      const ties = groupA.locator('.explain li');
      await expect(ties.count()).resolves.toBe(1);
      // 长兴天顺 (0–3) has 3 points too: one line for the three, ordered by the games among them.
      const tie = (await ties.first().textContent()) ?? '';
      expect(tie).toContain(`${yixu}、${butterfly}、${tianshun}同积3分`);
      expect(tie).toContain('相互间比赛净胜分');
      expect(await row(butterfly).locator('[data-qualification]').count()).toBe(0);

      // The same marks in the API, beside the places that go through.
      const api = await ok(ctx.anon, 'GET', `/api/v1/tournaments/${groups.tournamentId}/competition/standings`);
      const a = api.groups.find((g: { groupId: string }) => g.groupId === 'A');
      expect(a.advancingPlaces).toBe(2);
      expect(
        Object.fromEntries(
          a.official.map((r: { team: { name: string }; qualification: string }) => [r.team.name, r.qualification]),
        ),
      ).toEqual({ [bank]: 'clinched', [butterfly]: 'open', [yixu]: 'open', [tianshun]: 'eliminated' });

      const sized = await widths(page);
      expect(sized.page).toBeLessThanOrEqual(sized.viewport);
      expect(sized.tables.some((t) => t.scrolls)).toBe(true);
      expect(sized.tables.filter((t) => t.pinned).every((t) => t.pinned === 'sticky')).toBe(true);
      await screenshot(page, 'fan-standings-360');
      await phone.close();
    },
    LONG,
  );

  it(
    'open places read "A组第1" and "半决赛1胜者" on the bracket and the game list; no structure codes',
    async () => {
      const phone = await browser.newContext({ width: 390, height: 800 });
      for (const [kit, words] of [
        [groups, ['A组第1', 'B组第2']],
        [cup, ['半决赛1胜者', '半决赛2负者', '第3名决赛']],
      ] as const) {
        for (const path of [`/t/${kit.tournamentId}/bracket`, `/t/${kit.tournamentId}`]) {
          const page = await open(phone, path);
          for (const word of words) await page.getByText(word).first().waitFor();
          const text = (await page.locator('#main').textContent()) ?? '';
          expect(text).not.toMatch(/S1-[A-Z]-R\d|\bSF\d|\b3P\b|待定\s*对\s*待定/);
          await page.close();
        }
      }
      // The API's labels for open places say the same words.
      const bracket = await ok(ctx.anon, 'GET', `/api/v1/tournaments/${cup.tournamentId}/competition/bracket`);
      const game = (id: string) => bracket.games.find((g: { id: string }) => g.id === id);
      expect([game('F').home.label, game('F').away.label, game('3P').home.label]).toEqual([
        '半决赛1胜者',
        '半决赛2胜者',
        '半决赛1负者',
      ]);
      await phone.close();
    },
    LONG,
  );

  it(
    'the bracket in columns: a live semi-final badged with its running score, following each basket within 2 s',
    async () => {
      // Seeds 1 and 4 meet in the first semi-final.
      const [a, , , b] = KNOCKOUT;
      const key = await gameBetween(ctx, cup, a, b);
      const live = await playGame(ctx, cup, key, [['fg', '乙0号1', 2]], { end: false });
      const gameId = cup.games.get(key)!;

      const phone = await browser.newContext({ width: 360, height: 780 });
      const page = await open(phone, `/t/${cup.tournamentId}/bracket`);
      await expect(page.locator('.bround').count()).resolves.toBe(2);
      const badge = page.locator(`[data-live-badge="${gameId}"]`);
      await badge.waitFor();
      await expect(badge.textContent()).resolves.toContain('进行中');
      const box = page.locator(`.bgame:has([data-live-badge="${gameId}"])`);
      await expect(box.locator('.bscore').allTextContents()).resolves.toEqual(
        (await homeFirst(gameId, a, 2, 0)).map(String),
      );

      await live.send({ type: 'field_goal_made', ...scorer(cup, '乙3号1'), points: 3 });
      const want = (await homeFirst(gameId, a, 2, 3)).map(String);
      await until(
        page,
        `Array.from(document.querySelectorAll('[data-bracket-game] .bscore[data-score-side^="${gameId}"]'))
          .map((e) => e.textContent).join() === ${JSON.stringify(want.join())}`,
        LIVE_MS,
      );
      const sized = await widths(page);
      expect(sized.page).toBeLessThanOrEqual(sized.viewport);
      await screenshot(page, 'fan-bracket-360');

      // The leaders tab counts the game in progress and follows the next basket.
      const leaders = await open(phone, `/t/${cup.tournamentId}/leaders`);
      const shooter = cup.players.get('乙3号2')!.id;
      const points = leaders.locator(`tr[data-player="${shooter}"] td[data-value="points"]`).first();
      const before = await points.textContent({ timeout: 10_000 }).catch(() => null);
      await live.send({ type: 'field_goal_made', ...scorer(cup, '乙3号2'), points: 3 });
      await until(
        leaders,
        `(() => {
          const cell = document.querySelector('tr[data-player="${shooter}"] td[data-value="points"]');
          return cell !== null && cell.textContent !== ${JSON.stringify(before)};
        })()`,
        LIVE_MS,
      );

      // The team page: the live game's running score follows the play.
      const team = await open(phone, `/teams/${cup.teams.get(b)}`);
      await live.send({ type: 'field_goal_made', ...scorer(cup, '乙3号3'), points: 2 });
      const [h, w] = await homeFirst(gameId, a, 2, 8);
      await team.locator(`[data-score="${gameId}"]`).getByText(`${h}:${w}`).waitFor({ timeout: LIVE_MS });
      await phone.close();
    },
    LONG,
  );

  it(
    'a bracket with byes: a seed that skips the first round is drawn there going straight through, and every line meets the game it leads to',
    async () => {
      const bracket = await ok(ctx.anon, 'GET', `/api/v1/tournaments/${six.tournamentId}/competition/bracket`);
      type Side = { slot: { kind: string; gameId?: string }; team: { name: string } | null };
      const slots = new Map<string, Side[]>(
        bracket.games.map((g: { id: string; home: Side; away: Side }) => [g.id, [g.home, g.away]]),
      );
      for (const width of [360, 1024]) {
        const browserContext = await browser.newContext({ width, height: 800 });
        const page = await open(browserContext, `/t/${six.tournamentId}/bracket`);
        await page.locator('.bgame.bye').first().waitFor();
        // Each column's cells and pairs, top to bottom, with where they sit on the page.
        const columns = (await page.evaluate(`Array.from(document.querySelectorAll('.bround')).map((round) => ({
          title: round.querySelector('h3').textContent,
          cells: Array.from(round.querySelectorAll('.bslot')).map((cell) => {
            const box = cell.getBoundingClientRect();
            const bye = cell.querySelector('[data-bye]');
            const game = cell.querySelector('[data-bracket-game]');
            return {
              kind: bye ? 'bye' : game ? 'game' : 'empty',
              id: bye ? bye.dataset.bye : game ? game.dataset.bracketGame : null,
              text: cell.textContent,
              middle: box.top + box.height / 2,
              line: getComputedStyle(cell, '::before').borderTopStyle,
            };
          }),
          pairs: Array.from(round.querySelectorAll('.bpair')).map((pair) => {
            const box = pair.getBoundingClientRect();
            const joint = getComputedStyle(pair, '::after');
            return { middle: box.top + box.height / 2, joint: joint.display !== 'none' && joint.content !== 'none' };
          }),
        }))`)) as Array<{
          title: string;
          cells: Array<{ kind: string; id: string | null; text: string; middle: number; line: string }>;
          pairs: Array<{ middle: number; joint: boolean }>;
        }>;
        expect(columns.map((c) => c.title)).toEqual(['1/4决赛', '半决赛', '决赛']);
        expect(columns.map((c) => c.cells.length)).toEqual([4, 2, 1]);
        expect(columns.slice(1).every((c) => c.cells.every((cell) => cell.kind === 'game'))).toBe(true);
        // Each semi-final: a seed with a bye against the winner of a quarter-final.
        const first = columns[0]!.cells.map((cell) => cell.kind);
        expect([first.slice(0, 2).sort(), first.slice(2).sort()]).toEqual([
          ['bye', 'game'],
          ['bye', 'game'],
        ]);
        // The byes name the two top seeds, going straight through.
        const byes = columns[0]!.cells.filter((c) => c.kind === 'bye');
        expect(byes.map((c) => c.text)).toEqual([`${SIX[0]}轮空`, `${SIX[1]}轮空`]);
        for (let i = 0; i < columns.length - 1; i++) {
          const [here, next] = [columns[i]!, columns[i + 1]!];
          next.cells.forEach((into, k) => {
            // The pair feeding cell k: its joint ends level with that cell…
            expect(Math.abs(here.pairs[k]!.middle - into.middle)).toBeLessThan(2);
            expect(here.pairs[k]!.joint).toBe(true);
            // …and is what that game's two sides come from: a game's winner, or a team with a bye.
            const fedBy = slots.get(into.id!)!;
            [here.cells[2 * k]!, here.cells[2 * k + 1]!].forEach((cell, side) => {
              if (cell.kind === 'game') expect(fedBy[side]!.slot).toEqual({ kind: 'game_winner', gameId: cell.id });
              else {
                expect(cell.id).toBe(into.id);
                expect(fedBy[side]!.slot.kind).not.toBe('game_winner');
                expect(cell.text).toContain(fedBy[side]!.team!.name);
              }
            });
          });
        }
        // No line runs into a bye from the left: nothing comes before it.
        expect(columns[0]!.cells.every((c) => c.line === 'none')).toBe(true);
        expect(columns[1]!.cells.every((c) => c.line === 'solid')).toBe(true);
        const sized = await widths(page);
        expect(sized.page).toBeLessThanOrEqual(sized.viewport);
        await screenshot(page, `fan-bracket-byes-${width}`);
        await browserContext.close();
      }
    },
    LONG,
  );

  it('a double elimination: the winners’ bracket in columns, the losers’ bracket and the grand final under their own names', async () => {
    const phone = await browser.newContext({ width: 390, height: 800 });
    const page = await open(phone, `/t/${double.tournamentId}/bracket`);
    await page.locator('[data-bracket-part]').first().waitFor();
    await expect(page.locator('.bround h3').allTextContents()).resolves.toEqual(['胜者组 半决赛', '胜者组决赛']);
    await expect(page.locator('[data-bracket-part] > h3').allTextContents()).resolves.toEqual(['败者组', '总决赛']);
    const text = (await page.locator('#main').textContent()) ?? '';
    for (const words of ['胜者组决赛负者', '总决赛 第2场']) expect(text).toContain(words);
    expect(text).not.toMatch(/排位赛|WB|LB-|\bGF\d?\b/);
    await phone.close();
  });

  it('GET /home: live now, the day’s games and the latest results across tournaments; a bad date is named', async () => {
    const feed = await ok(ctx.anon, 'GET', '/api/v1/home?date=2024-05-18');
    expect(feed.date).toBe('2024-05-18');
    const tournaments = new Set(feed.recent.map((g: { tournament: { id: string } }) => g.tournament.id));
    expect(tournaments.has(groups.tournamentId)).toBe(true);
    expect(
      feed.recent.every((g: { status: string }) =>
        ['final', 'official', 'forfeit', 'lost_by_default'].includes(g.status),
      ),
    ).toBe(true);
    // The semi-final left running by the bracket test above.
    expect(feed.live.map((g: { tournament: { id: string } }) => g.tournament.id)).toContain(cup.tournamentId);
    const bad = await ctx.anon('GET', '/api/v1/home?date=18.05.2024');
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['date']);
  });

  it(
    'no sideways scrolling at 360 and 390 px on every tab, the team, player and home pages',
    async () => {
      const t = groups.tournamentId;
      const paths = [
        `/t/${t}`,
        `/t/${t}/standings`,
        `/t/${t}/bracket`,
        `/t/${t}/leaders`,
        `/t/${t}/awards`,
        `/t/${t}/teams`,
        `/teams/${groups.teams.get(GROUP_A[0])}`,
        `/players/${groups.players.get('甲0号1')!.id}`,
        '/',
      ];
      for (const width of [360, 390]) {
        const phone = await browser.newContext({ width, height: 780 });
        for (const path of paths) {
          const page = await open(phone, path);
          await page.waitForTimeout(200);
          const sized = await widths(page);
          expect({ path, width: sized.page }).toEqual({ path, width });
          // All six tabs are in view, none clipped.
          if (path.startsWith('/t/')) {
            const clipped = await page.evaluate(`Array.from(document.querySelectorAll('.tabs .tab')).filter((el) => {
                const r = el.getBoundingClientRect();
                return r.right > window.innerWidth || r.left < 0 || el.scrollWidth > el.clientWidth;
              }).length`);
            expect({ path, clipped }).toEqual({ path, clipped: 0 });
          }
          if (width === 360 && !path.startsWith('/t/'))
            await screenshot(page, `fan-${path.split('/')[1] || 'home'}-360`);
          await page.close();
        }
        await phone.close();
      }
    },
    LONG,
  );

  /** [home, away] of a game, given the points of team `first` and of its opponent. */
  async function homeFirst(gameId: string, first: string, firstPoints: number, otherPoints: number) {
    const game = await ok(ctx.anon, 'GET', `/api/v1/games/${gameId}`);
    return game.homeTeam.name === first ? [firstPoints, otherPoints] : [otherPoints, firstPoints];
  }
});

/**
 * Waits until `expression` (run in the page) is true. Polled from here rather than with
 * waitForFunction, which evaluates a string with eval and the pages' CSP forbids that.
 */
async function until(page: Page, expression: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if ((await page.evaluate(expression)) === true) return;
    if (Date.now() > deadline) throw new Error(`not true within ${timeoutMs} ms: ${expression}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const scorer = (kit: Kit, name: string) => {
  const p = kit.players.get(name)!;
  return { teamId: p.teamId, playerId: p.id };
};
