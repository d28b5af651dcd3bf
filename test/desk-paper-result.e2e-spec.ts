import type { Page } from 'playwright-core';
import { launchBrowser, screenshot, watchPage, type TestBrowser } from './support/browser.js';
import { scoredGame } from './support/live.js';
import { startTestApp, type TestContext } from './support/test-app.js';

/**
 * Issue 14 in a browser: the organiser desk's paper-result form (a refusal shown in Chinese from
 * its code and field, then the result saved), and the fan page's box score with MIN and +/-.
 */
const LONG = 300_000;
const roster = (name: string, first: number, names: string[]) => ({
  name,
  players: names.map((n, i) => ({ jersey: String(first + i), name: n })),
});
const HOME = roster('南浔彩蝶队', 4, ['沈建华', '钱志强', '姚晓东', '陆海峰', '费春雨']);
// Four players: a paper result needs no minimum roster.
const AWAY = roster('德清依蓄队', 11, ['朱浩然', '俞宇轩', '施俊杰', '邱家豪']);

describe('the desk’s paper-result form and the box score’s minutes (issue 14)', () => {
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

  it(
    'an organiser enters a game from its paper scoresheet; a level score is refused in Chinese',
    async () => {
      const setup = await scoredGame(ctx, HOME, AWAY, { game: { competitionKey: 'A1' } });
      const desk = await browser.newContext({ width: 1024, height: 900 });
      const page: Page = await desk.newPage();
      watchPage(page, problems);
      await page.goto(`${ctx.baseUrl}/desk`);
      await page.getByLabel('用户名').fill(ctx.organiser.username);
      await page.getByLabel('密码').fill(ctx.organiser.password);
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByRole('heading', { name: '新建赛事' }).waitFor();
      await page.goto(`${ctx.baseUrl}/desk/t/${setup.tournament.id}/results`);
      await page.getByRole('heading', { name: '录入纸质记分表成绩' }).waitFor();
      await page.getByLabel('比赛', { exact: true }).selectOption(setup.game.id);
      const score = (team: string) => page.getByLabel(`${team} 最终比分`, { exact: true });
      await score(HOME.name).fill('60');
      await score(AWAY.name).fill('60');
      await page.getByTestId('paper-submit').click();
      await page.getByText('最终比分不能打平').waitFor();
      await page.getByText(`${AWAY.name} · 最终比分`, { exact: true }).last().waitFor();
      await screenshot(page, 'desk-paper-result-refused');

      await score(AWAY.name).fill('58');
      await page.getByLabel(`${HOME.name} 每节得分（逗号分隔）`).fill('15,14,16,15');
      await page.getByLabel(`${AWAY.name} 每节得分（逗号分隔）`).fill('12,16,14,16');
      await page.getByText('球员数据（空格为未录入）', { exact: true }).click();
      await page.getByLabel('沈建华 得分').fill('21');
      await page.getByLabel('沈建华 犯规').fill('3');
      await page.getByTestId('paper-submit').click();
      await page.getByText('成绩已保存').waitFor();
      await screenshot(page, 'desk-paper-result');

      const game = (await ctx.anon('GET', `/api/v1/games/${setup.game.id}`)).body;
      expect(game).toMatchObject({ status: 'final', homeScore: 60, awayScore: 58 });
      expect(game.scoreByPeriod.map((p: any) => [p.home, p.away])).toEqual([
        [15, 12],
        [14, 16],
        [16, 14],
        [15, 16],
      ]);

      // The fan page: the box score has MIN and +/- (dashes: a paper game tracks neither).
      const fan = await browser.newContext();
      const fanPage = await fan.newPage();
      watchPage(fanPage, problems);
      await fanPage.goto(`${ctx.baseUrl}/g/${setup.game.id}`);
      const box = fanPage.getByRole('region', { name: `技术统计 ${HOME.name}` });
      await box.waitFor();
      const headers = await box.locator('th').allTextContents();
      expect(headers).toEqual(expect.arrayContaining(['时间', '+/-']));
      const row = box.locator('tr', { hasText: '沈建华' });
      expect(await row.locator('td').allTextContents()).toEqual(expect.arrayContaining(['–', '21']));
      await fan.close();
      await desk.close();
    },
    LONG,
  );
});
