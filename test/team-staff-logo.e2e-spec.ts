import { factories } from './support/factories.js';
import { startTestApp, type TestContext } from './support/test-app.js';

/** Issue 16 item 6: team staff (领队, 教练, 助理教练, 队医) and the team logo. */

// A real 1×1 PNG and a 1×1 WebP (lossless).
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const WEBP = Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64');
const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  Buffer.from('JFIF\0'),
  Buffer.alloc(64),
]);
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="4"/></svg>');

describe('team staff and logo', () => {
  let ctx: TestContext;
  let f: ReturnType<typeof factories>;
  let tournamentId: string;

  beforeAll(async () => {
    ctx = await startTestApp();
    f = factories(ctx);
    tournamentId = (await f.newTournament()).id;
  });
  afterAll(() => ctx?.close());

  const upload = async (teamId: string, body: Buffer, contentType: string, token = ctx.organiser.accessToken) => {
    const res = await fetch(`${ctx.baseUrl}/api/v1/teams/${teamId}/logo`, {
      method: 'PUT',
      headers: { 'content-type': contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: new Uint8Array(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  };

  it('enters, changes and clears the staff, in Chinese, with each bad field named', async () => {
    const team = await f.newTeam(tournamentId, {
      name: '长兴天顺物流队',
      leaderName: ' 王建国 ',
      coachName: '李志强',
      assistantCoachName: '欧阳𠮷祥',
    });
    expect(team).toMatchObject({
      leaderName: '王建国',
      coachName: '李志强',
      assistantCoachName: '欧阳𠮷祥',
      doctorName: null,
      logoUrl: null,
    });
    const changed = await ctx.http('PATCH', `/api/v1/teams/${team.id}`, { doctorName: '陈静', coachName: null });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ leaderName: '王建国', coachName: null, doctorName: '陈静' });
    expect((await ctx.anon('GET', `/api/v1/teams/${team.id}`)).body).toMatchObject({ doctorName: '陈静' });

    const bad = await ctx.http('PATCH', `/api/v1/teams/${team.id}`, {
      leaderName: '长'.repeat(51),
      coachName: '   ',
      doctorName: 7,
      assistantCoachName: '张\u0007伟',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    const reasons = (field: string) => bad.body.details.filter((d: any) => d.field === field).map((d: any) => d.reason);
    expect(reasons('leaderName')).toEqual(['must be at most 50 characters']);
    expect(reasons('coachName')).toEqual(['must not be empty']);
    expect(reasons('doctorName')).toEqual(expect.arrayContaining([expect.stringMatching(/string/)]));
    expect(reasons('assistantCoachName')).toEqual(['must not contain control characters']);
    // Nothing of the refused change was written.
    expect((await ctx.anon('GET', `/api/v1/teams/${team.id}`)).body).toMatchObject({
      leaderName: '王建国',
      doctorName: '陈静',
      assistantCoachName: '欧阳𠮷祥',
    });
    // Fans cannot change staff.
    expect((await ctx.anon('PATCH', `/api/v1/teams/${team.id}`, { coachName: '某人' })).status).toBe(401);
  });

  it('takes a PNG logo and serves it at an address with its hash, cached for a year, with ETag', async () => {
    const team = await f.newTeam(tournamentId);
    const done = await upload(team.id, PNG, 'image/png');
    expect(done.status).toBe(200);
    expect(done.body.logoUrl).toMatch(new RegExp(`^/api/v1/teams/${team.id}/logo/[A-Za-z0-9_-]{22}$`));
    expect((await ctx.anon('GET', `/api/v1/teams/${team.id}`)).body.logoUrl).toBe(done.body.logoUrl);

    const res = await fetch(ctx.baseUrl + done.body.logoUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{22}"$/);
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);
    const again = await fetch(ctx.baseUrl + done.body.logoUrl, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);

    // A new image gets a new address; the old one leads to it.
    const webp = await upload(team.id, WEBP, 'image/webp');
    expect(webp.status).toBe(200);
    expect(webp.body.logoUrl).not.toBe(done.body.logoUrl);
    const stale = await fetch(ctx.baseUrl + done.body.logoUrl, { redirect: 'manual' });
    expect(stale.status).toBe(307);
    expect(stale.headers.get('location')).toBe(webp.body.logoUrl);
    expect((await fetch(ctx.baseUrl + webp.body.logoUrl)).headers.get('content-type')).toBe('image/webp');

    // octet-stream takes what the bytes say; removing it clears the address.
    expect((await upload(team.id, JPEG, 'application/octet-stream')).body.logoUrl).toEqual(expect.any(String));
    expect((await ctx.http('DELETE', `/api/v1/teams/${team.id}/logo`)).status).toBe(204);
    expect((await ctx.anon('GET', `/api/v1/teams/${team.id}`)).body.logoUrl).toBeNull();
    expect((await fetch(ctx.baseUrl + webp.body.logoUrl)).status).toBe(404);
  });

  it('refuses an oversize file, SVG, a spoofed type and other files, keeping the logo it had', async () => {
    const team = await f.newTeam(tournamentId);
    const kept = (await upload(team.id, PNG, 'image/png')).body.logoUrl;

    const big = Buffer.concat([PNG, Buffer.alloc(512 * 1024)]);
    const oversize = await upload(team.id, big, 'image/png');
    expect(oversize.status).toBe(413);
    expect(oversize.body).toMatchObject({ code: 'TEAM_LOGO_TOO_LARGE', details: [{ field: 'body' }] });

    const svg = await upload(team.id, SVG, 'image/svg+xml');
    expect(svg.status).toBe(415);
    expect(svg.body.code).toBe('TEAM_LOGO_SVG_NOT_ALLOWED');
    // SVG renamed to PNG: the bytes decide.
    expect((await upload(team.id, SVG, 'image/png')).body.code).toBe('TEAM_LOGO_SVG_NOT_ALLOWED');
    // A JPEG declared as PNG.
    const spoofed = await upload(team.id, JPEG, 'image/png');
    expect(spoofed.status).toBe(415);
    expect(spoofed.body).toMatchObject({ code: 'TEAM_LOGO_TYPE_MISMATCH', details: [{ field: 'content-type' }] });
    const gif = await upload(team.id, Buffer.from('GIF89a\x01\x00\x01\x00'), 'image/gif');
    expect(gif.status).toBe(415);
    expect(gif.body.code).toBe('TEAM_LOGO_TYPE_NOT_ALLOWED');
    expect((await upload(team.id, Buffer.alloc(0), 'image/png')).status).toBe(400);

    // Only organisers of the tournament upload.
    expect((await upload(team.id, PNG, 'image/png', '')).status).toBe(401);
    const other = await ctx.newAccount('organiser');
    expect((await upload(team.id, PNG, 'image/png', other.accessToken)).status).toBe(403);

    expect((await ctx.anon('GET', `/api/v1/teams/${team.id}`)).body.logoUrl).toBe(kept);
  });
});
