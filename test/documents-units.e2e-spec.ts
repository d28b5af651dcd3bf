import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { launchBrowser, watchPage, type TestBrowser } from './support/browser.js';
import { factories } from './support/factories.js';
import { startTestApp, type TestContext } from './support/test-app.js';

/*
 * Issue 16 item 1: the 秩序册 names the tournament's host and organising units. A tournament names
 * its 承办单位 (organiser units) and 协办单位 (co-organiser units) besides the 主办单位; the
 * programme and results book print them on their covers; the organiser desk links the printable
 * documents (秩序册, 成绩册, each game's 记录表).
 */
const LONG = 300_000;
const tag = () => randomUUID().slice(0, 4);

describe('organising units and the desk’s print links (issue 16)', () => {
  let ctx: TestContext;
  let browser: TestBrowser;
  let f: ReturnType<typeof factories>;
  const units: Record<'host' | 'org1' | 'org2' | 'co1', { id: string; name: string }> = {} as never;
  let tournamentId: string;
  const problems: string[] = [];

  beforeAll(async () => {
    ctx = await startTestApp();
    browser = await launchBrowser();
    f = factories(ctx);
    units.host = await f.newUnit({ name: `湖州市总工会${tag()}`, kind: 'federation' });
    units.org1 = await f.newUnit({ name: `湖州市体育局${tag()}` });
    units.org2 = await f.newUnit({ name: `吴兴区总工会${tag()}`, kind: 'district_union' });
    units.co1 = await f.newUnit({ name: `湖州银行${tag()}` });
    const created = await f.newTournament({
      hostUnitId: units.host.id,
      organiserUnitIds: [units.org2.id, units.org1.id],
      coOrganiserUnitIds: [units.co1.id],
    });
    tournamentId = created.id;
    expect(created).toMatchObject({
      hostUnitId: units.host.id,
      organiserUnitIds: [units.org2.id, units.org1.id],
      coOrganiserUnitIds: [units.co1.id],
    });
  }, LONG);
  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });
  afterEach(() => {
    expect(problems).toEqual([]);
    problems.length = 0;
  });

  it('puts the units, in the order given, in the programme’s and the results book’s data', async () => {
    for (const kind of ['programme', 'results']) {
      const res = await ctx.anon('GET', `/api/v1/tournaments/${tournamentId}/documents/${kind}`);
      expect(res.status).toBe(200);
      expect(res.body.hostUnit.name).toBe(units.host.name);
      expect(res.body.organiserUnits.map((u: { name: string }) => u.name)).toEqual([units.org2.name, units.org1.name]);
      expect(res.body.coOrganiserUnits.map((u: { name: string }) => u.name)).toEqual([units.co1.name]);
    }
    const read = await ctx.anon('GET', `/api/v1/tournaments/${tournamentId}`);
    expect(read.body.organiserUnitIds).toEqual([units.org2.id, units.org1.id]);
  });

  it('refuses unknown, repeated, malformed or too many unit ids, naming the field, and writes nothing', async () => {
    const url = `/api/v1/tournaments/${tournamentId}`;
    const unknown = await ctx.http('PATCH', url, { organiserUnitIds: [units.org1.id, randomUUID()] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toEqual([{ field: 'organiserUnitIds[1]', reason: 'no unit with this id' }]);

    const twice = await ctx.http('PATCH', url, { coOrganiserUnitIds: [units.co1.id, units.co1.id] });
    expect(twice.status).toBe(400);
    expect(twice.body.details).toEqual([
      expect.objectContaining({ field: 'coOrganiserUnitIds', reason: 'must not list the same unit twice' }),
    ]);

    const malformed = await ctx.http('PATCH', url, { coOrganiserUnitIds: ['湖州银行'] });
    expect(malformed.status).toBe(400);
    expect(malformed.body.details).toEqual([
      expect.objectContaining({ field: 'coOrganiserUnitIds', reason: 'each element must be a unit id (uuid)' }),
    ]);

    const many = await ctx.http('PATCH', url, {
      organiserUnitIds: Array.from({ length: 21 }, () => randomUUID()),
    });
    expect(many.status).toBe(400);
    expect(many.body.details).toEqual([
      expect.objectContaining({ field: 'organiserUnitIds', reason: 'must list at most 20 units' }),
    ]);

    const nulled = await ctx.http('PATCH', url, { organiserUnitIds: null });
    expect(nulled.status).toBe(400);
    expect(nulled.body.details[0].field).toBe('organiserUnitIds');

    const onCreate = await ctx.http('POST', '/api/v1/tournaments', {
      name: `工BA ${tag()}`,
      season: '2024',
      startsOn: '2024-05-11',
      endsOn: '2024-05-19',
      coOrganiserUnitIds: [randomUUID()],
    });
    expect(onCreate.status).toBe(400);
    expect(onCreate.body.details).toEqual([{ field: 'coOrganiserUnitIds[0]', reason: 'no unit with this id' }]);

    // Nothing of a refused change was written.
    const after = (await ctx.anon('GET', url)).body;
    expect(after.organiserUnitIds).toEqual([units.org2.id, units.org1.id]);
    expect(after.coOrganiserUnitIds).toEqual([units.co1.id]);
  });

  /** A print page, rendered. */
  async function openPrint(path: string): Promise<Page> {
    const context = await browser.newContext({ width: 900, height: 1200 });
    const page = await context.newPage();
    watchPage(page, problems);
    await page.goto(ctx.baseUrl + path);
    await page.waitForSelector('html[data-print]', { state: 'attached' });
    expect(await page.getAttribute('html', 'data-print')).toBe('ready');
    return page;
  }

  /** The cover's facts as term → definition. */
  const coverFacts = (page: Page) =>
    page
      .locator('.doc-cover .doc-facts')
      .evaluate((dl) =>
        Object.fromEntries(
          [...dl.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]),
        ),
      );

  it(
    'prints 主办, 承办 and 协办 on the covers of the 秩序册 and the 成绩册',
    async () => {
      for (const kind of ['programme', 'results']) {
        const page = await openPrint(`/print/${kind}/${tournamentId}`);
        expect(await coverFacts(page)).toMatchObject({
          主办单位: units.host.name,
          承办单位: `${units.org2.name}、${units.org1.name}`,
          协办单位: units.co1.name,
        });
        await page.context().close();
      }
      // A tournament without them has no empty lines on its cover.
      const plain = await f.newTournament();
      const page = await openPrint(`/print/programme/${plain.id}`);
      const facts = await coverFacts(page);
      expect(Object.keys(facts)).not.toContain('承办单位');
      expect(Object.keys(facts)).not.toContain('协办单位');
      await page.context().close();
    },
    LONG,
  );

  /** A desk page logged in as the organiser, at `path`. */
  async function desk(path: string): Promise<Page> {
    const context = await browser.newContext({ width: 1024, height: 900 });
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

  it(
    'sets the host and organising units on the desk, registering a unit not yet known',
    async () => {
      const plain = await f.newTournament();
      const page = await desk(`/desk/t/${plain.id}`);
      const form = page.getByRole('form', { name: '主办、承办、协办单位' });
      await form.getByLabel('主办单位').fill(units.host.name);
      const newcomer = `湖州市篮球协会${tag()}`;
      await form.getByLabel('承办单位').fill(`${units.org1.name}\n${newcomer}\n\n${units.org1.name}`);
      await form.getByLabel('协办单位').fill(units.co1.name);
      await form.getByRole('button', { name: '保存单位' }).click();
      await page.getByText(`已保存；新登记的单位：${newcomer}`).waitFor();
      const saved = (await ctx.anon('GET', `/api/v1/tournaments/${plain.id}`)).body;
      expect(saved.hostUnitId).toBe(units.host.id);
      expect(saved.coOrganiserUnitIds).toEqual([units.co1.id]);
      expect(saved.organiserUnitIds).toHaveLength(2);
      expect(saved.organiserUnitIds[0]).toBe(units.org1.id);
      const programme = (await ctx.anon('GET', `/api/v1/tournaments/${plain.id}/documents/programme`)).body;
      expect(programme.organiserUnits.map((u: { name: string }) => u.name)).toEqual([units.org1.name, newcomer]);
      // Drawn again from the server: the names as saved.
      expect(await form.getByLabel('承办单位').inputValue()).toBe(`${units.org1.name}\n${newcomer}`);
      await page.context().close();
    },
    LONG,
  );

  it(
    'links the 秩序册 and 成绩册 from the desk, and each game’s 记录表 where the desk lists games',
    async () => {
      const [home, away] = [(await f.newTeam(tournamentId)).id, (await f.newTeam(tournamentId)).id];
      const comp = `/api/v1/tournaments/${tournamentId}/competition`;
      await f.ok('PUT', comp, {
        stages: [
          {
            kind: 'knockout',
            id: 'KO',
            name: '决赛',
            entrants: [
              { kind: 'team', teamId: home },
              { kind: 'team', teamId: away },
            ],
          },
        ],
      });
      await f.ok('PUT', `${comp}/courts`, {
        courts: [{ id: 'main', name: '主场', windows: [{ start: '2024-05-11T08:00', end: '2024-05-11T22:00' }] }],
      });
      await f.ok('POST', `${comp}/schedule`, { slotMinutes: 60, minRestMinutes: 30 });
      const [game] = (await f.ok('POST', `${comp}/games`)).games as Array<{ id: string; gameId: string }>;
      await f.ok('POST', `/api/v1/games/${game!.id}/transitions`, { to: 'postponed' });

      const page = await desk(`/desk/t/${tournamentId}/results`);
      const context = page.context();
      const programme = page.getByRole('link', { name: '秩序册', exact: true });
      await programme.waitFor();
      expect(await programme.getAttribute('href')).toBe(`/print/programme/${tournamentId}`);
      expect(await page.getByRole('link', { name: '成绩册', exact: true }).getAttribute('href')).toBe(
        `/print/results/${tournamentId}`,
      );
      const sheet = page.getByRole('link', { name: /记录表$/ });
      expect(await sheet.count()).toBe(1);
      expect(await sheet.getAttribute('href')).toBe(`/print/scoresheet/${game!.id}`);

      await page.goto(`${ctx.baseUrl}/desk/t/${tournamentId}/schedule`);
      // Named as people name the game (the final), not by its key in the structure.
      const scheduled = page.getByRole('link', { name: '决赛 记录表' });
      await scheduled.waitFor();
      expect(await scheduled.getAttribute('href')).toBe(`/print/scoresheet/${game!.id}`);

      // The link opens a printable page.
      const [opened] = await Promise.all([context.waitForEvent('page'), scheduled.click()]);
      await opened.waitForSelector('html[data-print]', { state: 'attached' });
      expect(await opened.getAttribute('html', 'data-print')).toBe('ready');
      await context.close();
    },
    LONG,
  );
});
