import { startTestApp, type TestContext } from './support/test-app.js';

describe('smoke', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await startTestApp();
  });
  afterAll(() => ctx?.close());

  it('health answers with the database up', async () => {
    const res = await ctx.http('GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body.info.database.status).toBe('up');
  });

  it('creates a unit', async () => {
    const res = await ctx.http('POST', '/api/v1/units', { name: '长兴县总工会', kind: 'county_union' });
    expect(res.status).toBe(201);
    expect(res.body.name).toBe('长兴县总工会');
  });
});
