import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { factories } from './support/factories.js';
import { startTestApp, type TestContext } from './support/test-app.js';

/** The names the server makes up (a preset's stages and groups) follow the tournament's language. */
describe('tournament language', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await startTestApp();
  });
  afterAll(() => ctx?.close());

  const presetNames = async (language?: string) => {
    const f = factories(ctx);
    const t = await f.newTournament(language ? { language } : {});
    for (let i = 0; i < 8; i++) await f.newTeam(t.id);
    await f.ok('PUT', `/api/v1/tournaments/${t.id}/competition`, {
      template: { groupCount: 2, advancePerGroup: 2, knockout: { thirdPlaceGame: true } },
    });
    const view = await f.ok('GET', `/api/v1/tournaments/${t.id}/competition`);
    return { tournament: t, stages: view.config.stages.map((s: any) => s.name), view };
  };

  it('names a preset in Chinese by default, and in English when the tournament says so', async () => {
    const zh = await presetNames();
    expect(zh.tournament.language).toBe('zh');
    expect(zh.stages).toEqual(['小组赛', '淘汰赛']);
    expect(zh.view.config.stages[0].groups.map((g: any) => g.name)).toEqual(['A组', 'B组']);

    const en = await presetNames('en');
    expect(en.tournament.language).toBe('en');
    expect(en.stages[0]).toMatch(/^Group/);
    expect(en.view.config.stages[0].groups.map((g: any) => g.name)).toEqual(['Group A', 'Group B']);
  });

  it('refuses a language it does not speak, naming the field', async () => {
    const res = await ctx.http('POST', '/api/v1/tournaments', {
      name: '工BA 语言',
      season: '2024',
      startsOn: '2024-05-11',
      endsOn: '2024-05-19',
      language: 'fr',
    });
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: any) => d.field)).toEqual(['language']);
    const t = await factories(ctx).newTournament();
    const changed = await ctx.http('PATCH', `/api/v1/tournaments/${t.id}`, { language: 'en' });
    expect(changed.status).toBe(200);
    expect(changed.body.language).toBe('en');
  });
});
