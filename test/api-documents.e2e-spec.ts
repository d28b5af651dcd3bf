import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { Parser as AsyncApiParser } from '@asyncapi/parser';
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { ASYNCAPI_FILE, buildAsyncApiDocument, serialise } from './support/asyncapi/asyncapi-document.js';
import { connectSocket, waitFor } from './support/live.js';
import { gameBetween, newKit, ok, playGame, setupCompetition, teamSlots, type Kit } from './support/played-games.js';
import { startTestApp, type TestContext } from './support/test-app.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..');
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/** Calls `visit` on every object of a document with its path, leaving out examples (values, not schemas). */
function eachSchemaNode(node: unknown, where: string, visit: (node: any, where: string) => void): void {
  if (Array.isArray(node)) return node.forEach((n, i) => eachSchemaNode(n, `${where}/${i}`, visit));
  if (!node || typeof node !== 'object') return;
  visit(node, where);
  for (const [k, v] of Object.entries(node))
    if (k !== 'example' && k !== 'examples') eachSchemaNode(v, `${where}/${k}`, visit);
}

/**
 * The published API documents, read as tools read them: a strict OpenAPI linter, a client
 * generator whose output must type-check a program (and run it against this server), and the
 * real answers of the main reads validated against the schemas the document gives them.
 */
describe('API documents', () => {
  let ctx: TestContext;
  let kit: Kit;
  let doc: any;
  let gameId: string;
  const [龙, 虎] = ['龙腾队', '虎跃队'];

  beforeAll(async () => {
    ctx = await startTestApp();
    kit = await newKit(
      ctx,
      [龙, 虎].map((name) => ({ name, players: [1, 2, 3, 4, 5].map((n) => `${name.slice(0, 1)}${n}号`) })),
    );
    await setupCompetition(ctx, kit, [
      {
        kind: 'group',
        id: 'S1',
        name: '小组赛',
        roundRobin: 'double',
        groups: [{ id: 'A', size: 2, entrants: teamSlots(kit, [龙, 虎]) }],
      },
    ]);
    const played = await playGame(ctx, kit, await gameBetween(ctx, kit, 龙, 虎), [
      ['fg', '龙1号', 2, '龙2号'],
      ['fg', '虎3号', 3],
      ['miss', '龙4号', 2],
      ['reb', '虎5号', 'defensive'],
      ['ft', '龙1号'],
      ['fg', '龙2号', 2],
    ]);
    gameId = played.gameId;
    doc = (await ctx.anon('GET', '/api/docs-json')).body;
  });

  afterAll(() => ctx?.close());

  const operations = () =>
    Object.entries<any>(doc.paths).flatMap(([p, item]) =>
      Object.entries<any>(item)
        .filter(([m]) => METHODS.includes(m))
        .map(([method, op]) => ({ name: `${method.toUpperCase()} ${p}`, method, op })),
    );

  it('passes the strict OpenAPI linter with no errors', async () => {
    const config = await createConfig({ extends: ['recommended-strict'] });
    const problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: '/openapi.json', config });
    const errors = problems
      .filter((p) => p.severity === 'error')
      // The health check has no client error to give: it takes no input, and answers 200 or 503.
      .filter(
        (p) =>
          !(p.ruleId === 'operation-4xx-response' && p.location[0]?.pointer === '#/paths/~1api~1health/get/responses'),
      )
      .map((p) => `${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`);
    expect(errors).toEqual([]);
    expect(doc.openapi).toBe('3.1.0');
  });

  it('types every field as what it is', () => {
    const wrong: string[] = [];
    const check = (node: any, where: string): void => {
      if ('nullable' in node) wrong.push(`${where}: 3.0 "nullable" (3.1 uses a type union)`);
      const types = [node.type].flat();
      if (types.includes('object') && !node.properties && !node.additionalProperties && !node.oneOf)
        wrong.push(`${where}: an object with nothing said about its fields`);
      if (types.includes('array') && !node.items?.type && !node.items?.$ref && !node.items?.oneOf)
        wrong.push(`${where}: an array with untyped items`);
      if (node.allOf && Object.keys(node).some((k) => !['allOf', 'description', 'example'].includes(k)))
        wrong.push(`${where}: allOf with siblings`);
    };
    eachSchemaNode(doc.components.schemas, '#/components/schemas', check);
    for (const { name, op } of operations()) eachSchemaNode(op, name, check);
    expect(wrong).toEqual([]);

    // The fields the issue named, as their values are.
    const schemas = doc.components.schemas;
    expect(schemas.GameDto.properties.homeTeam.oneOf).toEqual([
      { $ref: expect.stringMatching(/GameTeamDto|TeamRefDto/) },
      { type: 'null' },
    ]);
    expect(schemas.FormatTemplateDto.properties.groupSizes.items).toMatchObject({ type: 'integer' });
    expect(schemas.GameFlagDto.properties.code.type).toBe('string');
    expect(schemas.AuditEntryDto.properties.before.type).toEqual(['object', 'null']);
    // Counts, scores and sequence numbers in answers are whole; averages and ratios are not.
    expect(schemas.GameDto.properties.homeScore.type).toBe('integer');
    expect(schemas.StandingRowDto.properties.pointDifference.type).toBe('integer');
    expect(schemas.ClockDto.properties.remaining.type).toEqual(['integer', 'null']);
    expect(schemas.TeamPage.properties.total.type).toBe('integer');
    expect(schemas.LeaderEntryDto.properties.value.type).toBe('number');
    expect(schemas.ShootingPercentagesDto.properties.fg.type).toEqual(['number', 'null']);
  });

  it('describes what clients send as the server’s rules check it: whole numbers as integers, with their bounds', () => {
    const schemas = doc.components.schemas;
    const property = (schema: string, name: string) => schemas[schema].properties[name];
    // @IsInt, @Min and @Max, including a bound the property's own @ApiProperty did not state.
    expect(property('RecordEventDto', 'expectedSeq')).toMatchObject({ type: 'integer', minimum: 0 });
    expect(property('FieldGoalMadeDto', 'gameClock')).toMatchObject({ type: 'integer', minimum: 0, maximum: 36_000 });
    expect(property('RecordLotsDto', 'place')).toMatchObject({ type: 'integer', minimum: 1, maximum: 64 });
    // @IsIn of whole numbers.
    expect(property('FieldGoalMadeDto', 'points')).toMatchObject({ type: 'integer', enum: [2, 3] });
    // @IsInt({ each: true }): the items.
    expect(property('PaperTeamResultDto', 'periods')).toMatchObject({ type: 'array', items: { type: 'integer' } });
    // A number the server takes with a fraction stays a number, bounded.
    expect(property('TeamSuccessDto', 'weight')).toMatchObject({ type: 'number', minimum: 0, maximum: 10 });
    // Query strings, documented as parameters: a class's own rules, and rules it inherits (paging).
    const parameter = (p: string, name: string) =>
      (doc.paths[p].get.parameters as any[]).find((x) => x.name === name)?.schema;
    expect(parameter('/api/v1/tournaments/{tournamentId}/leaders', 'minGames')).toMatchObject({
      type: 'integer',
      minimum: 0,
      maximum: 500,
    });
    expect(parameter('/api/v1/units', 'page')).toEqual({ type: 'integer', minimum: 1, maximum: 100_000, default: 1 });
    expect(parameter('/api/v1/units', 'pageSize')).toMatchObject({ type: 'integer', minimum: 1, maximum: 100 });
    // No field of a request body that the server only takes whole is left a plain number.
    const sent = new Set<string>();
    const reach = (node: any): void => {
      if (!node || typeof node !== 'object') return;
      const ref = typeof node.$ref === 'string' ? node.$ref.split('/').pop() : undefined;
      if (ref && !sent.has(ref)) {
        sent.add(ref);
        reach(schemas[ref]);
      }
      for (const value of Object.values(node)) reach(value);
    };
    for (const { op } of operations()) reach(op.requestBody);
    expect(sent.size).toBeGreaterThan(50);
    const left = [...sent].flatMap((name) =>
      Object.entries<any>(schemas[name].properties ?? {})
        .filter(([field]) => ['period', 'gameClock', 'expectedSeq', 'targetSeq', 'jerseyNumber'].includes(field))
        .filter(([, p]) => [p.type].flat().includes('number'))
        .map(([field]) => `${name}.${field}`),
    );
    expect(left).toEqual([]);
  });

  it('gives every operation a summary, states its security and documents the write limit', () => {
    const missing: string[] = [];
    for (const { name, method, op } of operations()) {
      if (!op.summary?.trim()) missing.push(`${name}: no summary`);
      if (op['x-access']?.public) {
        if (!Array.isArray(op.security) || op.security.length !== 0)
          missing.push(`${name}: public but not security: []`);
      } else if (!op.security?.some((s: any) => 'bearer' in s)) missing.push(`${name}: no bearer security`);
      if (!['get', 'head', 'options'].includes(method) && !op.responses?.['429'])
        missing.push(`${name}: a write without its 429`);
    }
    expect(missing).toEqual([]);
  });

  it('generates a TypeScript client that type-checks a program and reads this server', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'courtside-client-'));
    try {
      await writeFile(path.join(dir, 'openapi.json'), JSON.stringify(doc));
      await run(
        process.execPath,
        [
          path.join(ROOT, 'node_modules/@hey-api/openapi-ts/bin/run.js'),
          '-i',
          path.join(dir, 'openapi.json'),
          '-o',
          path.join(dir, 'client'),
          '-c',
          '@hey-api/client-fetch',
        ],
        { cwd: dir, timeout: 120_000 },
      );
      const program = path.join(dir, 'program.ts');
      await writeFile(program, clientProgram);
      const diagnostics = typeCheck(program);
      expect(diagnostics).toEqual([]);

      const { stdout } = await run(process.execPath, ['--import', 'tsx', program, ctx.baseUrl, gameId], {
        cwd: ROOT,
        timeout: 60_000,
      });
      const answer = JSON.parse(stdout);
      expect(answer).toEqual({
        home: expect.any(String),
        homeScore: expect.any(Number),
        plays: expect.any(Number),
        status: 'final',
        tournaments: expect.any(Number),
        loginRefused: 401,
      });
      expect([龙, 虎]).toContain(answer.home);
      expect(answer.plays).toBeGreaterThan(5);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('answers the main reads exactly as documented', async () => {
    // Every object schema is closed here (additionalProperties: false), so a field the server
    // sends but the document does not name fails as surely as a wrong type.
    const closed = JSON.parse(JSON.stringify(doc), (_key, value) =>
      value && typeof value === 'object' && value.properties && value.additionalProperties === undefined
        ? { ...value, additionalProperties: false }
        : value,
    );
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addSchema({ $id: 'api', components: closed.components });
    const responseSchema = (template: string) => {
      const schema = closed.paths[template]?.get?.responses?.['200']?.content?.['application/json']?.schema;
      if (!schema) return null;
      return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"api#/components/'));
    };
    const t = kit.tournamentId;
    const teamId = kit.teams.get(龙)!;
    const playerId = kit.players.get('龙1号')!.id;
    const reads: Array<[string, string]> = [
      ['/api/v1/tournaments', '/api/v1/tournaments'],
      ['/api/v1/tournaments/{id}', `/api/v1/tournaments/${t}`],
      ['/api/v1/tournaments/{tournamentId}/teams', `/api/v1/tournaments/${t}/teams`],
      ['/api/v1/teams/{id}', `/api/v1/teams/${teamId}`],
      ['/api/v1/teams/{teamId}/players', `/api/v1/teams/${teamId}/players`],
      ['/api/v1/players/{id}', `/api/v1/players/${playerId}`],
      ['/api/v1/tournaments/{tournamentId}/games', `/api/v1/tournaments/${t}/games`],
      ['/api/v1/games/{id}', `/api/v1/games/${gameId}`],
      ['/api/v1/games/{id}/box-score', `/api/v1/games/${gameId}/box-score`],
      ['/api/v1/games/{id}/plays', `/api/v1/games/${gameId}/plays`],
      ['/api/v1/tournaments/{tournamentId}/competition', `/api/v1/tournaments/${t}/competition`],
      ['/api/v1/tournaments/{tournamentId}/competition/bracket', `/api/v1/tournaments/${t}/competition/bracket`],
      ['/api/v1/tournaments/{tournamentId}/competition/standings', `/api/v1/tournaments/${t}/competition/standings`],
      ['/api/v1/tournaments/{tournamentId}/competition/ranking', `/api/v1/tournaments/${t}/competition/ranking`],
      ['/api/v1/tournaments/{tournamentId}/leaders', `/api/v1/tournaments/${t}/leaders`],
      ['/api/v1/tournaments/{tournamentId}/awards', `/api/v1/tournaments/${t}/awards`],
    ];
    const failures: string[] = [];
    for (const [template, url] of reads) {
      const body = await ok(ctx.anon, 'GET', url);
      const schema = responseSchema(template);
      if (!schema) {
        failures.push(`${template}: no documented 200 JSON answer`);
        continue;
      }
      const validate = ajv.compile(schema);
      if (!validate(body))
        failures.push(
          `${url}: ${validate.errors!.map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`).join('; ')}`,
        );
    }
    expect(failures).toEqual([]);
  });
  describe('socket.io events (AsyncAPI)', () => {
    let asyncapi: any;
    beforeAll(async () => {
      asyncapi = JSON.parse(await readFile(ASYNCAPI_FILE, 'utf8'));
    });

    it('is a valid AsyncAPI document, with every event of the typed map', async () => {
      const { document, diagnostics } = await new AsyncApiParser().parse(JSON.stringify(asyncapi));
      // Severity 0 errors, 1 warnings.
      expect(
        diagnostics.filter((d) => d.severity <= 1).map((d) => `${d.code} ${d.path.join('/')}: ${d.message}`),
      ).toEqual([]);
      expect(document).toBeDefined();
      const titles = Object.values<any>(asyncapi.operations).map((o) => `${o.action} ${o.title}`);
      expect(titles.sort()).toEqual(
        [
          ...['game:subscribe', 'game:unsubscribe', 'tournament:subscribe', 'tournament:unsubscribe'],
          ...['game:event', 'game:undo', 'game:transition'],
        ]
          .map((e) => `send ${e}`)
          .concat(
            ['game:event', 'game:status', 'tournament:score', 'tournament:game-status', 'tournament:changed'].map(
              (e) => `receive ${e}`,
            ),
          )
          .sort(),
      );
    });

    it('is the one the event map builds today (npm run docs:asyncapi)', () => {
      expect(serialise(buildAsyncApiDocument())).toBe(serialise(asyncapi));
    });

    it('says which numbers are whole, as the OpenAPI document says of the same fields', () => {
      const kindOf = (s: any): 'integer' | 'number' | null => {
        const types = [s?.type].flat();
        return types.includes('integer') ? 'integer' : types.includes('number') ? 'number' : null;
      };
      const fractions: string[] = [];
      eachSchemaNode(asyncapi, '', (node, at) => {
        if (kindOf(node) === 'number') fractions.push(at);
      });
      // Only what can hold a fraction: shooting percentages, and a rule's bound in an error.
      expect(fractions.sort()).toEqual(
        [
          ...['fg', 'fg2', 'fg3', 'ft'].map((p) => `/components/schemas/ShootingPercentages/properties/${p}`),
          '/components/schemas/ErrorDetail/properties/limit',
        ].sort(),
      );

      // What both documents describe (a class by its name, a plain type by the REST class named
      // after it, `BoxScoreTeamTotals` and `BoxScoreTeamTotalsDto`) types each field alike in both.
      const openapi = doc.components.schemas;
      const pairs = Object.keys(asyncapi.components.schemas)
        .map((name) => [name, openapi[name] ? name : `${name}Dto`] as const)
        .filter(([, theirName]) => openapi[theirName]);
      expect(pairs.map(([name]) => name)).toEqual(
        expect.arrayContaining(['GameDto', 'RecordedEventDto', 'ErrorBody', 'BoxScorePlayerLine', 'FreeThrowMade']),
      );
      const differ: string[] = [];
      let compared = 0;
      for (const [name, theirName] of pairs)
        for (const [property, mine] of Object.entries<any>(asyncapi.components.schemas[name].properties ?? {})) {
          const theirs = openapi[theirName].properties?.[property];
          if (!theirs) continue;
          const [a, b] = [kindOf(mine.items ?? mine), kindOf(theirs.items ?? theirs)];
          if (a === null && b === null) continue;
          compared++;
          if (a !== b) differ.push(`${name}.${property}: AsyncAPI ${a}, OpenAPI (${theirName}) ${b}`);
        }
      expect(differ).toEqual([]);
      expect(compared).toBeGreaterThan(80);
    });

    it('describes what a real socket answers and pushes', async () => {
      const ajv = new Ajv({ strict: false, allErrors: true });
      addFormats.default(ajv);
      ajv.addSchema({ $id: 'live', components: asyncapi.components });
      const check = (message: string, value: unknown) => {
        const payload = asyncapi.components.messages[message].payload;
        const validate = ajv.compile(
          JSON.parse(JSON.stringify(payload).replaceAll('"#/components/', '"live#/components/')),
        );
        return validate(value) ? [] : validate.errors!.map((e) => `${message} ${e.instancePath || '/'} ${e.message}`);
      };
      // The second game of the double round robin stays live: its plays reach the rooms.
      const live = await playGame(ctx, kit, await gameBetween(ctx, kit, 虎, 龙), [['fg', '虎1号', 2]], { end: false });
      const fan = await connectSocket(ctx.baseUrl, null);
      const pushes: Array<[string, unknown]> = [];
      fan.on('tournament:score', (m) => pushes.push(['push_tournament_score', m]));
      fan.on('game:event', (m) => pushes.push(['push_game_event', m]));
      fan.on('game:status', (m) => pushes.push(['push_game_status', m]));
      try {
        const failures = [
          ...check('ack_game_subscribe', await fan.emitWithAck('game:subscribe', { gameId: live.gameId })),
          ...check('ack_game_subscribe', await fan.emitWithAck('game:subscribe', { gameId: live.gameId, lastSeq: 1 })),
          ...check('ack_game_subscribe', await fan.emitWithAck('game:subscribe', { gameId })),
          ...check(
            'ack_tournament_subscribe',
            await fan.emitWithAck('tournament:subscribe', { tournamentId: kit.tournamentId }),
          ),
          ...check('ack_game_unsubscribe', await fan.emitWithAck('game:unsubscribe', { gameId: 'not-a-game' })),
        ];
        await live.send({
          type: 'field_goal_made',
          teamId: kit.teams.get(龙),
          playerId: kit.players.get('龙3号')!.id,
          points: 3,
        });
        await live.send({ type: 'period_end' });
        await waitFor(
          () => ['push_game_event', 'push_tournament_score'].every((m) => pushes.filter(([k]) => k === m).length >= 2),
          'the plays reaching the fan',
        );
        for (const [message, value] of pushes) failures.push(...check(message, value));
        expect(failures).toEqual([]);
      } finally {
        fan.disconnect();
      }
    });
  });
});

/** Type-checks one file strictly, as a client's project would; returns the messages. */
function typeCheck(file: string): string[] {
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    types: [],
    skipLibCheck: false,
    allowImportingTsExtensions: false,
  });
  return ts
    .getPreEmitDiagnostics(program)
    .map(
      (d) => `${d.file ? path.basename(d.file.fileName) : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
    );
}

/**
 * What an integrator writes with the generated client. The `@ts-expect-error` lines prove the
 * types are precise: were a parameter or a field typed `any`, the line would not be an error and
 * the check would fail.
 */
const clientProgram = `
import { createClient } from './client/client/index.js';
import {
  authControllerLoginV1,
  gamesControllerGetV1,
  gamesControllerPlaysV1,
  tournamentsControllerListV1,
} from './client/sdk.gen.js';
import type { GameDto } from './client/types.gen.js';

const [baseUrl, gameId] = process.argv.slice(2) as [string, string];
const client = createClient({ baseUrl });

function homeName(game: GameDto): string {
  // A game's team is null until the bracket knows it.
  // @ts-expect-error the team may be null
  const unchecked: string = game.homeTeam.name;
  void unchecked;
  return game.homeTeam?.name ?? '待定';
}

async function main(): Promise<void> {
  const game = await gamesControllerGetV1({ client, path: { id: gameId }, throwOnError: true });
  // @ts-expect-error path parameters are required
  void gamesControllerGetV1({ client });
  const plays = await gamesControllerPlaysV1({ client, path: { id: gameId }, throwOnError: true });
  const tournaments = await tournamentsControllerListV1({ client, throwOnError: true });
  const login = await authControllerLoginV1({ client, body: { username: 'nobody', password: 'not the password' } });
  const homeScore: number = game.data.homeScore;
  // @ts-expect-error the result is null until the game is decided
  void game.data.result.winnerTeamId;
  process.stdout.write(
    JSON.stringify({
      home: homeName(game.data),
      homeScore,
      plays: plays.data.items.length,
      status: game.data.status,
      tournaments: tournaments.data.items.length,
      loginRefused: login.response.status,
    }),
  );
}

declare const process: { argv: string[]; stdout: { write(s: string): void } };
void main();
`;
