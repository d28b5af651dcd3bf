import { jest } from '@jest/globals';
import { get } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { GamesService } from '../src/modules/games/games.service.js';
import { startInstance, type Instance } from './support/instances.js';
import { waitFor } from './support/live.js';
import { gameBetween, newKit, playGame, setupCompetition, teamSlots, type Kit } from './support/played-games.js';
import { startTestApp, type Http, type HttpResult, type LoggedIn, type TestContext } from './support/test-app.js';

/*
 * Issue 18, public reads: ETag and If-None-Match (304), Cache-Control, answers kept per version of
 * the rows they come from (and recomputed the moment a result commits, through either of two
 * instances on one database), credentialed reads never cacheable by others, and the short set of
 * headers on JSON answers.
 */

const LONG = 300_000;
const TEAMS = ['湖州丝绸队', '长兴电力队', '德清钢铁队', '安吉竹业队'];
const players = (team: string) => [1, 2, 3, 4, 5].map((i) => `${team.slice(0, 2)}${i}号`);

/** The same anonymous GET sent to an instance by its base URL. */
const anonAt =
  (baseUrl: string): Http =>
  async (method, url, body, headers = {}) => {
    const res = await fetch(baseUrl + url, { method, headers });
    const text = await res.text();
    return {
      status: res.status,
      body: text ? JSON.parse(text) : undefined,
      headers: Object.fromEntries(res.headers.entries()),
    };
  };

describe('public reads: versions, ETags and caching (issue 18)', () => {
  let ctx: TestContext;
  let second: Instance;
  let scorekeeper: LoggedIn;
  let kit: Kit;
  let anonB: Http;
  const standingsUrl = () => `/api/v1/tournaments/${kit.tournamentId}/competition/standings`;
  const leadersUrl = () => `/api/v1/tournaments/${kit.tournamentId}/leaders?category=points`;

  beforeAll(async () => {
    ctx = await startTestApp();
    second = await startInstance(ctx.databaseUrl, {});
    anonB = anonAt(second.baseUrl);
    scorekeeper = await ctx.newAccount('scorekeeper');
    kit = await newKit(
      ctx,
      TEAMS.map((name) => ({ name, players: players(name) })),
      scorekeeper,
    );
    await setupCompetition(ctx, kit, [
      {
        kind: 'group',
        id: 'S1',
        name: '小组赛',
        roundRobin: 'single',
        groups: [{ id: 'A', size: 4, entrants: teamSlots(kit, TEAMS) }],
      },
    ]);
  }, LONG);
  afterAll(async () => {
    await second?.close();
    await ctx?.close();
  });

  /** A game between two teams, live after a basket of 2 by `scorer`, and its public address. */
  const liveGame = async (home: string, away: string, scorer: string) => {
    const live = await playGame(ctx, kit, await gameBetween(ctx, kit, home, away), [['fg', scorer, 2]], { end: false });
    return { live, url: `/api/v1/games/${live.gameId}` };
  };
  const played = (res: HttpResult, team: string) =>
    res.body.groups[0].official.find((r: { team: { name: string } }) => r.team.name === team).played as number;

  it(
    'standings: ETag, 304 for the same version, and a result recorded through one instance shows at once on the other',
    async () => {
      const first = await anonB('GET', standingsUrl());
      expect(first.status).toBe(200);
      expect(first.headers['cache-control']).toBe('public, no-cache');
      expect(first.headers['vary']).toMatch(/authorization/i);
      const etag = first.headers['etag']!;
      expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
      expect(played(first, TEAMS[0]!)).toBe(0);

      // Same version: the kept answer, same tag; with the tag, no body at all.
      const again = await anonB('GET', standingsUrl());
      expect(again.headers['etag']).toBe(etag);
      expect(again.body).toEqual(first.body);
      const notModified = await anonB('GET', standingsUrl(), undefined, { 'if-none-match': etag });
      expect(notModified.status).toBe(304);
      expect(notModified.body).toBeUndefined();
      // The other instance computes the same version's tag: a fan moved between them still gets 304.
      const viaA = await ctx.anon('GET', standingsUrl(), undefined, { 'if-none-match': etag });
      expect(viaA.status).toBe(304);

      // A result committed through instance A (the scorer's table and the organiser there).
      const gameId = await gameBetween(ctx, kit, TEAMS[0]!, TEAMS[1]!);
      await playGame(ctx, kit, gameId, [
        ['team', TEAMS[0]!, 61],
        ['team', TEAMS[1]!, 55],
      ]);

      const after = await anonB('GET', standingsUrl(), undefined, { 'if-none-match': etag });
      expect(after.status).toBe(200);
      expect(after.headers['etag']).not.toBe(etag);
      expect(played(after, TEAMS[0]!)).toBe(1);
      const winner = after.body.groups[0].official.find((r: any) => r.team.name === TEAMS[0]);
      expect([winner.wins, winner.pointsFor, winner.pointsAgainst]).toEqual([1, 61, 55]);
    },
    LONG,
  );

  it(
    'leaders: a finished game’s points show on both instances as soon as it is final, and the old tag is refused',
    async () => {
      const before = await anonB('GET', leadersUrl());
      expect(before.status).toBe(200);
      const beforeA = await ctx.anon('GET', leadersUrl());
      const etag = before.headers['etag']!;
      expect(beforeA.headers['etag']).toBe(etag);
      const scorer = players(TEAMS[2]!)[0]!;
      const pointsOf = (res: HttpResult) =>
        res.body.boards[0].entries.find((e: { player: { name: string } }) => e.player.name === scorer)?.total ?? 0;
      expect(pointsOf(before)).toBe(0);

      const gameId = await gameBetween(ctx, kit, TEAMS[2]!, TEAMS[3]!);
      await playGame(ctx, kit, gameId, [
        ['fg', scorer, 3],
        ['fg', scorer, 3],
        ['fg', scorer, 2],
        ['fg', players(TEAMS[3]!)[0]!, 2],
      ]);

      for (const read of [anonB, ctx.anon]) {
        const after = await read('GET', leadersUrl(), undefined, { 'if-none-match': etag });
        expect(after.status).toBe(200);
        expect(after.headers['etag']).not.toBe(etag);
        expect(pointsOf(after)).toBe(8);
      }
    },
    LONG,
  );

  it(
    'a game: every play gives a new tag; the tag of the current version answers 304',
    async () => {
      const { live, url } = await liveGame(TEAMS[0]!, TEAMS[2]!, players(TEAMS[0]!)[1]!);
      const first = await anonB('GET', url);
      expect({ status: first.status, error: first.body.code }).toEqual({ status: 200, error: undefined });
      expect(first.body.homeScore + first.body.awayScore).toBe(2);
      const etag = first.headers['etag']!;
      expect((await anonB('GET', url, undefined, { 'if-none-match': etag })).status).toBe(304);
      expect((await ctx.anon('GET', url, undefined, { 'if-none-match': `"x", ${etag}` })).status).toBe(304);

      const leaders = await anonB('GET', leadersUrl());
      const liveLeadersUrl = `${leadersUrl()}&live=true`;
      const liveLeaders = await anonB('GET', liveLeadersUrl);

      await live.send({
        type: 'field_goal_made',
        teamId: kit.teams.get(TEAMS[2]!),
        playerId: kit.players.get(players(TEAMS[2]!)[1]!)!.id,
        points: 3,
      });
      const after = await anonB('GET', url, undefined, { 'if-none-match': etag });
      expect(after.status).toBe(200);
      expect(after.body.homeScore + after.body.awayScore).toBe(5);
      // Decided games' leaders do not change with a play (kept); those counting live games do.
      expect((await anonB('GET', leadersUrl(), undefined, { 'if-none-match': leaders.headers['etag']! })).status).toBe(
        304,
      );
      const liveAfter = await anonB('GET', liveLeadersUrl, undefined, {
        'if-none-match': liveLeaders.headers['etag']!,
      });
      expect(liveAfter.status).toBe(200);
      expect(liveAfter.body.liveGameIds).toEqual([live.gameId]);
    },
    LONG,
  );

  it(
    'after a play, fans’ reads that find the new version while it is computed share that computation, and all get the play',
    async () => {
      const { live, url } = await liveGame(TEAMS[1]!, TEAMS[3]!, players(TEAMS[1]!)[2]!);
      const before = await ctx.anon('GET', url);
      expect(before.body.homeScore + before.body.awayScore).toBe(2);

      await live.send({
        type: 'field_goal_made',
        teamId: kit.teams.get(TEAMS[3]!),
        playerId: kit.players.get(players(TEAMS[3]!)[2]!)!.id,
        points: 3,
      });
      // The game's own read (the database and the answer's assembly), counted and made as slow as
      // standings of a large tournament are, so the reads arrive while it runs.
      const games = ctx.app.get(GamesService);
      const read = games.get.bind(games);
      const computed = jest
        .spyOn(games, 'get')
        .mockImplementation(async (id) => (await new Promise((r) => setTimeout(r, 150)), read(id)));
      // Until the game's read has been called `n` times: its reader has found its version by then.
      const calledTimes = (n: number) =>
        waitFor(() => computed.mock.calls.length >= n, `the game's read called ${n} times`);
      try {
        const first = ctx.anon('GET', url);
        await calledTimes(1);
        const others = Array.from({ length: 19 }, () => ctx.anon('GET', url));
        const reads = await Promise.all([first, ...others]);
        expect(reads.map((r) => r.status)).toEqual(reads.map(() => 200));
        expect(new Set(reads.map((r) => r.body.homeScore + r.body.awayScore))).toEqual(new Set([5]));
        expect(new Set(reads.map((r) => r.headers['etag'])).size).toBe(1);
        expect(reads[0]!.headers['etag']).not.toBe(before.headers['etag']);
        // One computation for the one new version (reads shared by address alone waited for a second).
        expect(computed).toHaveBeenCalledTimes(1);

        // A read that finds a newer version than the one being computed gets its own computation.
        const basket = (team: string, points: number) =>
          live.send({
            type: 'field_goal_made',
            teamId: kit.teams.get(team),
            playerId: kit.players.get(players(team)[2]!)!.id,
            points,
          });
        await basket(TEAMS[1]!, 2);
        const older = ctx.anon('GET', url);
        await calledTimes(2);
        await basket(TEAMS[3]!, 2);
        const newer = await ctx.anon('GET', url);
        const olderRead = await older;
        // Never older than the version it found (here newer: its computation read after the basket).
        expect(olderRead.body.homeScore + olderRead.body.awayScore).toBeGreaterThanOrEqual(7);
        expect(newer.body.homeScore + newer.body.awayScore).toBe(9);
        expect(newer.headers['etag']).not.toBe(olderRead.headers['etag']);
        expect(computed).toHaveBeenCalledTimes(3);
      } finally {
        computed.mockRestore();
      }
    },
    LONG,
  );

  it(
    'standings are compressed once per version: brotli and gzip decode to the plain answer, and the tag is the same for all three',
    async () => {
      const url = second.baseUrl + standingsUrl();
      const plain = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
      const text = await plain.text();
      expect(plain.headers.get('content-encoding')).toBeNull();
      expect(plain.headers.get('vary')).toMatch(/accept-encoding/i);
      const raw = (encoding: string) =>
        new Promise<{ headers: import('node:http').IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
          // node:http, not fetch: fetch would decode the body itself.
          get(url, { headers: { 'accept-encoding': encoding } }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
          }).on('error', reject);
        });
      const [br, gzip] = await Promise.all([raw('br'), raw('gzip')]);
      expect(br.headers['content-encoding']).toBe('br');
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(brotliDecompressSync(br.body).toString()).toBe(text);
      expect(gunzipSync(gzip.body).toString()).toBe(text);
      expect(br.body.length).toBeLessThan(text.length / 3);
      expect(new Set([plain.headers.get('etag'), br.headers.etag, gzip.headers.etag]).size).toBe(1);
      // The tag answers 304 whatever the encoding asked, with nothing that describes a body.
      const notModified = await fetch(url, {
        headers: { 'accept-encoding': 'br', 'if-none-match': plain.headers.get('etag')! },
      });
      expect(notModified.status).toBe(304);
      expect(notModified.headers.get('content-encoding')).toBeNull();
    },
    LONG,
  );

  it(
    'reads with credentials are never stored by a shared cache, nor answered 304 from a public tag',
    async () => {
      const anon = await ctx.anon('GET', standingsUrl());
      const etag = anon.headers['etag']!;
      const organiser = await ctx.http('GET', standingsUrl(), undefined, { 'if-none-match': etag });
      expect(organiser.status).toBe(200);
      expect(organiser.headers['cache-control']).toBe('private, no-store');
      expect(organiser.headers['etag']).toBeUndefined();
      expect(organiser.body).toEqual(anon.body);
      // Errors are not kept either.
      const missing = await ctx.anon(
        'GET',
        `/api/v1/tournaments/00000000-0000-4000-8000-000000000000/competition/standings`,
      );
      expect(missing.status).toBe(404);
      expect(missing.headers['cache-control']).toBe('no-store');
      expect(missing.headers['etag']).toBeUndefined();
    },
    LONG,
  );

  it(
    'JSON answers carry a short set of security headers; the pages keep the full set',
    async () => {
      const api = await ctx.anon('GET', standingsUrl());
      expect(api.headers['x-content-type-options']).toBe('nosniff');
      expect(api.headers['content-security-policy']).toBe("default-src 'self'; frame-ancestors 'none'");
      for (const page of ['x-dns-prefetch-control', 'x-download-options', 'x-permitted-cross-domain-policies'])
        expect(api.headers[page]).toBeUndefined();

      const html = await fetch(`${ctx.baseUrl}/t/${kit.tournamentId}`);
      expect(html.status).toBe(200);
      expect(html.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(html.headers.get('x-dns-prefetch-control')).toBe('off');
      expect(html.headers.get('x-permitted-cross-domain-policies')).toBe('none');
    },
    LONG,
  );
});
