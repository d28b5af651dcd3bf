import { Injectable, SetMetadata, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { from, type Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { preparedQuery } from '../../database/prepared.js';
import { exportFormatOf } from '../../modules/exports/export-negotiation.js';
import { matchesIfNoneMatch } from './api-responses.js';
import { EncodedJson } from './encoded-json.js';

/**
 * What a public read's answer depends on, asked of PostgreSQL in one small query: a text that
 * changes whenever any row the answer is computed from changes, or null when the thing read does
 * not exist (the handler then answers its 404).
 *
 * The versions are the rows' `xmin` (the id of the transaction that wrote the row version):
 * every committed INSERT or UPDATE gives the row a new one, a DELETE changes the count. Nothing
 * on the write path has to remember to bump a counter, and every instance sharing the database
 * sees the same versions the moment the writing transaction commits.
 */
export interface ReadVersion {
  name: string;
  /** The route parameter naming the thing read (a UUID). */
  param: string;
  /** SQL over $1 = that parameter (and what `more` adds), returning one row with a `v` column (text, or null when missing). */
  sql: string;
  /** Further parameters ($2…) from the query string. */
  more?: (query: Record<string, string | undefined>) => unknown[];
}

/** count and sum of xmin over a table's rows matching `where` (one index range, no sort). */
const rowsVersion = (table: string, where: string) =>
  `(SELECT count(*) || '.' || coalesce(sum(xmin::text::bigint), 0) FROM ${table} WHERE ${where})`;

/** The game row (score, status, scoreboard, result: every play and transition rewrites it) and its two teams' names. */
export const GAME_READ: ReadVersion = {
  name: 'game',
  param: 'id',
  sql: `SELECT g.xmin::text || '.' || coalesce(h.xmin::text, '-') || '.' || coalesce(a.xmin::text, '-') AS v
          FROM game g LEFT JOIN team h ON h.id = g.home_team_id LEFT JOIN team a ON a.id = g.away_team_id
         WHERE g.id = $1`,
};

const TOURNAMENT_ROWS = [
  rowsVersion('competition', 'tournament_id = $1'),
  rowsVersion('game', 'tournament_id = $1'),
  rowsVersion('team', 'tournament_id = $1'),
];

/**
 * Standings, bracket and final ranking: the competition row (structure, applied results, lots),
 * every game of the tournament (official and live tables read their scores) and the teams' names.
 */
export const COMPETITION_READ: ReadVersion = {
  name: 'competition',
  param: 'tournamentId',
  sql: `SELECT CASE WHEN EXISTS (SELECT 1 FROM tournament WHERE id = $1)
                    THEN ${TOURNAMENT_ROWS.join(" || '/' || ")} END AS v`,
};

/**
 * Leaders: the kept per-player totals (rewritten in the transaction that decides a game), the
 * structure's stages, the players' and teams' names and the tournament's leader settings. The
 * games' rows only when games in progress are counted (`live` given): a play does not change the
 * leaders of decided games, so those stay kept through a whole live game.
 */
export const LEADERS_READ: ReadVersion = {
  name: 'leaders',
  param: 'tournamentId',
  sql: `SELECT CASE WHEN EXISTS (SELECT 1 FROM tournament WHERE id = $1)
                    THEN ${[
                      rowsVersion('competition', 'tournament_id = $1'),
                      rowsVersion('team', 'tournament_id = $1'),
                      rowsVersion('player_totals', 'tournament_id = $1'),
                      rowsVersion('player', 'tournament_id = $1'),
                      rowsVersion('stats_settings', 'tournament_id = $1'),
                      `CASE WHEN $2 THEN ${rowsVersion('game', 'tournament_id = $1')} ELSE '' END`,
                    ].join(" || '/' || ")} END AS v`,
  more: (query) => [query.live !== undefined],
};

const READ_VERSION = 'courtside:read-version';

/** Marks a public GET whose answer is kept per address and version (FreshPublicReads). */
export const VersionedRead = (version: ReadVersion) => SetMetadata(READ_VERSION, version);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Answers kept per instance; standings are a few KB, so this stays a few MB. */
const MAX_ENTRIES = 1000;

/**
 * Public reads that are expensive to compute (standings replay the tournament's results, leaders
 * rank thousands of players) are computed, serialised and compressed once per version of the rows
 * they come from (EncodedJson): each
 * anonymous GET asks PostgreSQL for the version (one short query), answers from the kept copy when
 * it is the same, and answers 304 when the caller's If-None-Match already names it. A result
 * committed through any instance changes the version, so the next read anywhere recomputes.
 *
 * The version is read before the answer is computed, so a kept answer is never older than its
 * version says (at worst newer, which only costs one more recompute). Requests with credentials
 * are not served from here: what they see may depend on who they are.
 *
 * Requests that find the same new version while its answer is still being computed wait for that
 * computation instead of starting their own: it is the kept answer of their version, not yet
 * finished. (Without this, a play during a final sent every fan page's read that arrived during
 * the recompute to wait for a second one after it, SharedAnonymousReads' rule for reads without
 * a version; the game read's p99 doubled while plays arrived, issue 18.)
 */
@Injectable()
export class FreshPublicReads implements NestInterceptor {
  private readonly kept = new Map<string, { version: string; body: EncodedJson }>();
  /** Answers being computed, per address, with the version they are computed for. */
  private readonly computing = new Map<string, { version: string; body: Promise<EncodedJson> }>();
  /** Callers of one shared read (SharedAnonymousReads) get the same answer object: encoded once for all. */
  private readonly encoded = new WeakMap<object, EncodedJson>();

  constructor(
    private readonly reflector: Reflector,
    private readonly dataSource: DataSource,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const spec = this.reflector.get<ReadVersion | undefined>(READ_VERSION, context.getHandler());
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (!spec || request.method !== 'GET' || request.headers.authorization !== undefined) return next.handle();
    // A spreadsheet asked for by Accept (modules/exports) is its own answer, never kept as the JSON one.
    if (exportFormatOf(request.headers.accept) !== null) return next.handle();
    const id = (request.params as Record<string, string | undefined>)[spec.param];
    if (id === undefined || !UUID.test(id)) return next.handle();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return from(this.read(spec, id, request, reply, next));
  }

  private async read(
    spec: ReadVersion,
    id: string,
    request: FastifyRequest,
    reply: FastifyReply,
    next: CallHandler,
  ): Promise<unknown> {
    const more = spec.more?.((request.query ?? {}) as Record<string, string | undefined>) ?? [];
    const rows = await preparedQuery<{ v: string | null }>(this.dataSource, `read-version-${spec.name}`, spec.sql, [
      id,
      ...more,
    ]);
    const version = rows[0]?.v ?? null;
    if (version === null) return lastValue(next.handle());
    const key = `${spec.name} ${request.url}`;
    const etag = `W/"${createHash('sha1').update(`${key}#${version}`).digest('base64url')}"`;
    const kept = this.kept.get(key);
    if (kept?.version === version) {
      // Most recently used last: the oldest entries go first when full.
      this.kept.delete(key);
      this.kept.set(key, kept);
      void reply.header('etag', etag);
      return kept.body.send(reply, request.headers['accept-encoding']);
    }
    // The caller has this version already (from another instance, say): no body is sent (api-responses.ts).
    if (matchesIfNoneMatch(request.headers['if-none-match'], etag)) {
      void reply.header('etag', etag);
      return '';
    }
    const body = await this.computed(key, version, next);
    void reply.header('etag', etag);
    return body.send(reply, request.headers['accept-encoding']);
  }

  /** The answer of `version`, from a computation already under way for it or a new one, kept when done. */
  private computed(key: string, version: string, next: CallHandler): Promise<EncodedJson> {
    const running = this.computing.get(key);
    if (running?.version === version) return running.body;
    const body = lastValue(next.handle()).then((answer) => this.encodedOnce(answer));
    const computing = { version, body };
    this.computing.set(key, computing);
    const done = () => {
      if (this.computing.get(key) === computing) this.computing.delete(key);
    };
    body.then((encoded) => {
      done();
      this.kept.delete(key);
      this.kept.set(key, { version, body: encoded });
      if (this.kept.size > MAX_ENTRIES) this.kept.delete(this.kept.keys().next().value!);
    }, done);
    return body;
  }

  private encodedOnce(answer: unknown): EncodedJson {
    if (typeof answer !== 'object' || answer === null) return new EncodedJson(answer);
    let body = this.encoded.get(answer);
    if (!body) this.encoded.set(answer, (body = new EncodedJson(answer)));
    return body;
  }
}

const lastValue = (source: Observable<unknown>) =>
  new Promise<unknown>((resolve, reject) => {
    let value: unknown;
    source.subscribe({ next: (v) => (value = v), error: reject, complete: () => resolve(value) });
  });
