import type { Page } from 'playwright-core';
import { launchBrowser, screenshot, watchPage, type TestBrowser } from './support/browser.js';
import { factories } from './support/factories.js';
import { startTestApp, type TestContext } from './support/test-app.js';

/**
 * Issue 17 in a browser: the organiser's desk for a whole tournament — a format that stays as
 * chosen, the draw by hand, units picked from the registry, players added, edited and removed
 * one by one, refusals in words (the CSV line and column), scorekeeper accounts created and
 * picked, patterns that Chromium accepts, and the day's tabs at phone width.
 */
const LONG = 300_000;
/** The structure's own game ids (S1-A-R1-G1, SF1, 3P): the desk names games in words. */
const STRUCTURE_CODE = /(?<![A-Za-z0-9])(?:S\d-[A-Z]-R\d|SF\d|QF\d|3P)(?![0-9])/;
/** An input's own validity (its `pattern`, `required`, …), read in the page. */
const valid = (el: unknown) => (el as { checkValidity(): boolean }).checkValidity();
const TEAMS = ['南浔彩蝶队', '德清依蓄队', '长兴天顺物流队', '德清乾元篮球队', '吴兴新凤鸣队', '安吉白茶队'];

describe('the organiser desk (issue 17)', () => {
  let ctx: TestContext;
  let browser: TestBrowser;
  let f: ReturnType<typeof factories>;
  let tournamentId: string;
  const teamIds = new Map<string, string>();
  const problems: string[] = [];

  /** A desk page logged in as the organiser, at `path`. */
  async function desk(path: string, size = { width: 1024, height: 900 }): Promise<Page> {
    const context = await browser.newContext(size);
    const page = await context.newPage();
    watchPage(page, problems);
    await page.goto(`${ctx.baseUrl}/desk`);
    await page.getByLabel('用户名').fill(ctx.organiser.username);
    await page.getByLabel('密码').fill(ctx.organiser.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '新建赛事' }).waitFor();
    await page.goto(`${ctx.baseUrl}${path}`);
    return page;
  }

  /** Waits for `text` on the page; on a timeout, says what the page shows instead. */
  async function see(page: Page, text: string | RegExp): Promise<void> {
    try {
      await page.getByText(text).first().waitFor({ timeout: 60_000 });
    } catch (e) {
      const shown = await page
        .locator('main')
        .textContent()
        .catch(() => '(no main)');
      throw new Error(`${String(text)} not shown; the page shows: ${shown}`, { cause: e });
    }
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    ctx = await startTestApp();
    f = factories(ctx);
    tournamentId = (await f.newTournament({ rules: { rosterMax: 15 } })).id;
    for (const name of TEAMS) teamIds.set(name, (await f.newTeam(tournamentId, { name })).id);
  }, LONG);
  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });
  afterEach(() => {
    // Console errors included: an invalid `pattern` attribute logs one when a field is checked.
    expect(problems).toEqual([]);
    problems.length = 0;
  });

  it(
    'keeps the chosen format, says the progress in words, and draws the groups by hand',
    async () => {
      const page = await desk(`/desk/t/${tournamentId}`);
      await page.getByRole('combobox', { name: /^模板/ }).selectOption('custom');
      await page.getByLabel('球队数').fill('6');
      await page.getByLabel('小组数').fill('2');
      await page.getByLabel('每组出线').fill('2');
      // A refusal the desk has no words of its own for reads in the shared words of its code.
      await page.getByLabel('最佳小组第二出线数').fill('1');
      await page.getByRole('button', { name: '应用赛制' }).click();
      await page.getByRole('alert').getByText('择优出线的设置不成立').waitFor();
      expect(await page.getByRole('alert').textContent()).not.toMatch(/代码|COMPETITION_|Cannot take/);
      await page.getByLabel('最佳小组第二出线数').fill('0');
      await page.getByRole('button', { name: '应用赛制' }).click();
      await see(page, '已保存');
      // Drawn again from the server: still the custom format with two groups, not the Huzhou preset.
      expect(await page.getByRole('combobox', { name: /^模板/ }).inputValue()).toBe('custom');
      expect(await page.getByLabel('小组数').inputValue()).toBe('2');
      await expect(page.getByTestId('phase').textContent()).resolves.toContain('已设置赛制，待分组抽签');

      const hand = page.getByTestId('hand-draw');
      for (const [i, name] of TEAMS.entries())
        await hand.getByLabel(`${name} 的小组`).selectOption(i % 2 === 0 ? 'A' : 'B');
      await hand.getByRole('button', { name: '按此分组' }).click();
      await see(page, '分组已完成');
      await expect(page.getByTestId('phase').textContent()).resolves.toContain('已分组，待生成比赛');
      const competition = (await ctx.http('GET', `/api/v1/tournaments/${tournamentId}/competition`)).body;
      const groups = Object.fromEntries(
        competition.draw.groups.map((g: any) => [g.groupId, g.teams.map((x: any) => x.name).sort()]),
      );
      expect(groups).toEqual({
        A: [TEAMS[0], TEAMS[2], TEAMS[4]].sort(),
        B: [TEAMS[1], TEAMS[3], TEAMS[5]].sort(),
      });
      await screenshot(page, 'desk-hand-draw');
      await page.context().close();
    },
    LONG,
  );

  it(
    'picks an existing unit by searching instead of retyping it, also when its full name is typed',
    async () => {
      const union = await f.newUnit({ name: '南太湖新区总工会', kind: 'district_union' });
      const page = await desk(`/desk/t/${tournamentId}/teams`);
      await page.getByLabel('名称').fill('南太湖骑手队');
      await page.getByLabel('单位（输入搜索）').fill('太湖');
      await page.getByRole('option').getByRole('button', { name: '南太湖新区总工会' }).click();
      await see(page, '已选：南太湖新区总工会');
      await page.getByRole('button', { name: '添加球队' }).click();
      await see(page, '已添加球队 南太湖骑手队');

      await page.getByLabel('名称').fill('南太湖快递队');
      await page.getByLabel('单位（输入搜索）').fill('南太湖新区总工会');
      await page.getByRole('button', { name: '添加球队' }).click();
      await see(page, '已添加球队 南太湖快递队');
      const teams = (await ctx.http('GET', `/api/v1/tournaments/${tournamentId}/teams?pageSize=100`)).body.items;
      const added = teams.filter((x: any) => x.name.startsWith('南太湖'));
      expect(added.map((x: any) => x.unitId)).toEqual([union.id, union.id]);
      const units = (await ctx.http('GET', `/api/v1/units?q=${encodeURIComponent('南太湖新区总工会')}`)).body.items;
      expect(units).toHaveLength(1);
      await page.context().close();
    },
    LONG,
  );

  it(
    'adds, edits and removes one player; says so when no file is chosen; names the CSV line and column',
    async () => {
      const team = TEAMS[2];
      const teamId = teamIds.get(team)!;
      const page = await desk(`/desk/t/${tournamentId}/teams`);
      const card = page.locator('li.card', { hasText: team });
      await card.getByText(/名单 · 0/).click();
      await card.getByLabel(`${team} 姓名`).fill('王磊');
      await card.getByLabel(`${team} 号码`).fill('7');
      await card.getByLabel(`${team} 位置`).selectOption('PG');
      await card.getByRole('button', { name: '添加球员', exact: true }).click();
      await see(page, '已保存球员 王磊');
      const roster = async () =>
        (await ctx.http('GET', `/api/v1/teams/${teamId}/players`)).body.items.map((p: any) => [p.name, p.jerseyNumber]);
      expect(await roster()).toEqual([['王磊', 7]]);

      // The roster stays open after the change; edit the player's number.
      await card.getByRole('button', { name: '修改 王磊' }).click();
      await card.getByLabel('王磊 号码').fill('8');
      await card.getByRole('button', { name: '保存' }).click();
      await see(page, '已保存球员 王磊');
      await card.getByText('#8 王磊').waitFor();
      expect(await roster()).toEqual([['王磊', 8]]);

      // A number twice is refused in words, and what was typed stays.
      await card.getByLabel(`${team} 姓名`).fill('李强');
      await card.getByLabel(`${team} 号码`).fill('8');
      await card.getByRole('button', { name: '添加球员', exact: true }).click();
      await page.getByRole('alert').getByText('这个号码已有人用').waitFor();
      expect(await card.getByLabel(`${team} 姓名`).inputValue()).toBe('李强');

      await card.getByRole('button', { name: '移除 王磊' }).click();
      await card.getByRole('button', { name: '确定把 王磊 移出名单？' }).click();
      await see(page, '已移除球员 王磊');
      expect(await roster()).toEqual([]);

      await card.getByRole('button', { name: '导入名单（CSV）', exact: true }).click();
      await page.getByRole('alert').getByText('请先选择一个 CSV 文件').waitFor();
      expect(await page.getByText('完成', { exact: true }).count()).toBe(0);

      const csv = '姓名,号码,位置\n张三,4,PG\n李四,5,SG\n王五,6,SF\n,7,PF\n赵六,一百,C\n';
      await card.getByLabel(`导入名单（CSV） · ${team}`).setInputFiles({
        name: 'roster.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv, 'utf8'),
      });
      await card.getByRole('button', { name: '导入名单（CSV）', exact: true }).click();
      const alert = page.getByRole('alert');
      await alert.getByText('名单没有导入').waitFor();
      expect(await alert.locator('li').allTextContents()).toEqual(['第5行「姓名」不能为空', '第6行「号码」须为整数']);
      expect(await alert.textContent()).not.toMatch(/must|rows\[/);
      await screenshot(page, 'desk-csv-refused');

      // English when chosen.
      await page.getByRole('button', { name: 'Switch to English' }).click();
      const cardEn = page.locator('li.card', { hasText: team });
      await cardEn.getByLabel(`Import roster (CSV) · ${team}`).setInputFiles({
        name: 'roster.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv, 'utf8'),
      });
      await cardEn.getByRole('button', { name: 'Import roster (CSV)', exact: true }).click();
      await page.getByRole('alert').getByText('Line 5, “姓名”: must not be empty').waitFor();
      await page.getByRole('button', { name: '切换到中文' }).click();
      expect(await roster()).toEqual([]);
      await page.context().close();
    },
    LONG,
  );

  it(
    'creates a scorekeeper account on the desk and assigns it by picking, with working patterns',
    async () => {
      const [home, away] = [teamIds.get(TEAMS[0])!, teamIds.get(TEAMS[1])!];
      const game = await f.newGame(tournamentId, {
        homeTeamId: home,
        awayTeamId: away,
        court: '1号场',
        scheduledAt: '2024-05-12T14:00',
      });
      const page = await desk(`/desk/t/${tournamentId}/scorers`);
      await see(page, '还没有记录员账号');
      const username = page.getByLabel('用户名');
      // The pattern works (an invalid one would make every value valid, and log a console error).
      await username.fill('Zhang San');
      expect(await username.evaluate(valid)).toBe(false);
      await username.fill('zhang-san.01');
      expect(await username.evaluate(valid)).toBe(true);
      await page.getByLabel('显示名').fill('张三');
      await page.getByLabel('密码').fill('a long enough password');
      await page.getByRole('button', { name: '创建账号' }).click();
      await see(page, '已新建记录员账号 zhang-san.01');

      const picker = page.getByLabel('记录员');
      expect(await picker.inputValue()).toBe('zhang-san.01');
      await page.getByRole('button', { name: '指派', exact: true }).click();
      await see(page, '已指派');
      const assignments = (await ctx.http('GET', `/api/v1/tournaments/${tournamentId}/scorekeepers`)).body;
      expect(assignments).toEqual([expect.objectContaining({ username: 'zhang-san.01', gameId: game.id })]);

      // The court id field of the schedule tab: its pattern works too.
      await page.goto(`${ctx.baseUrl}/desk/t/${tournamentId}/schedule`);
      const courtId = page.getByLabel('场地编号', { exact: true }).first();
      await courtId.fill('1号场');
      expect(await courtId.evaluate(valid)).toBe(false);
      await courtId.fill('court-1_a');
      expect(await courtId.evaluate(valid)).toBe(true);
      await page.context().close();
    },
    LONG,
  );

  it(
    'works at phone width: schedule moves, game codes and results without the page scrolling sideways',
    async () => {
      const comp = `/api/v1/tournaments/${tournamentId}/competition`;
      await f.ok('PUT', `${comp}/courts`, {
        courts: [
          { id: 'main', name: '主场', windows: [{ start: '2024-05-11T08:00', end: '2024-05-11T22:00' }] },
          { id: 'side', name: '副场', windows: [{ start: '2024-05-12T08:00', end: '2024-05-12T22:00' }] },
        ],
      });
      const built = await f.ok('POST', `${comp}/schedule`, { slotMinutes: 60, minRestMinutes: 30 });
      for (const width of [360, 390]) {
        const page = await desk(`/desk/t/${tournamentId}/schedule`, { width, height: 800 });
        const overflow = () =>
          page.evaluate(
            'document.documentElement.scrollWidth - document.documentElement.clientWidth',
          ) as Promise<number>;
        await page.getByRole('region', { name: '赛程' }).waitFor();
        expect(await overflow()).toBeLessThanOrEqual(0);
        // Games and open places named as on the fan pages and the paperwork, not by structure ids.
        const games = await page.getByRole('region', { name: '赛程' }).innerText();
        for (const words of ['A组 第1轮', 'B组 第3轮', '半决赛1', 'A组第1']) expect(games).toContain(words);
        expect(games).not.toMatch(STRUCTURE_CODE);
        // The schedule's quality figures, as the API reports them, in words.
        const quality = page.getByTestId('schedule-quality');
        await expect(quality.getByRole('heading', { name: '赛程质量' }).isVisible()).resolves.toBe(true);
        const figures = await quality.locator('dl').innerText();
        expect(figures).toContain(`比赛天数\n${built.quality.daysUsed} 天`);
        expect(figures).toContain(`连场次数\n${built.quality.backToBackCount}`);
        expect(await quality.getByRole('region', { name: '各队最短休息' }).locator('tbody tr').count()).toBe(
          built.quality.teams.length,
        );
        // A game's move controls are on the screen, not in a column scrolled out of sight.
        const move = await page.getByRole('button', { name: '调整' }).first().boundingBox();
        expect(move!.x + move!.width).toBeLessThanOrEqual(width);
        if (width === 360) await screenshot(page, 'desk-phone-schedule');
        await page.goto(`${ctx.baseUrl}/desk/t/${tournamentId}/scorers`);
        await page.getByRole('button', { name: '生成比赛码' }).waitFor();
        const choices = await page.locator('select option').allTextContents();
        expect(choices.join('\n')).not.toMatch(STRUCTURE_CODE);
        await page.getByRole('button', { name: '生成比赛码' }).click();
        await page.getByTestId('game-code').waitFor();
        expect(await overflow()).toBeLessThanOrEqual(0);
        await page.goto(`${ctx.baseUrl}/desk/t/${tournamentId}/results`);
        await page.getByRole('heading', { name: '录入纸质记分表成绩' }).waitFor();
        expect(
          (await page.locator('#main').innerText()) + (await page.locator('select option').allTextContents()),
        ).not.toMatch(STRUCTURE_CODE);
        expect(await overflow()).toBeLessThanOrEqual(0);
        await page.context().close();
      }
    },
    LONG,
  );
});
