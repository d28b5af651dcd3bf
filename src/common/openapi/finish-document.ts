import type { OpenAPIObject } from '@nestjs/swagger';

/** JSON-schema-like node as @nestjs/swagger writes it (OpenAPI 3.0 flavour). */
type SchemaNode = Record<string, unknown>;

const READ_METHODS = new Set(['get', 'head', 'options']);
const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/**
 * Turns the document @nestjs/swagger builds (OpenAPI 3.0 with `nullable`) into the OpenAPI 3.1
 * document we publish, so that tools read every field as what it is:
 *
 * - `nullable: true` becomes a JSON Schema type union: `type: ['string', 'null']`, and a nullable
 *   reference (`nullable` beside `allOf: [$ref]`, which 3.0 tools disagree about) becomes
 *   `oneOf: [{ $ref }, { type: 'null' }]`.
 * - Public operations (`x-access.public`, set by `@Public()`) say so with `security: []`.
 * - Every write answers 429 TOO_MANY_WRITES past the write budget: the global
 *   `WriteThrottleGuard` counts every non-read HTTP method, so every non-read operation documents
 *   it, with the `Retry-After` header the exception filter sets.
 *
 * Everything else (schemas, summaries, access notes) is written next to the code it describes.
 */
export function finishApiDocument(document: OpenAPIObject): OpenAPIObject {
  const doc = structuredClone(document) as unknown as SchemaNode & OpenAPIObject;
  (doc as { openapi: string }).openapi = '3.1.0';
  doc.info.license = { name: 'Proprietary', identifier: 'LicenseRef-Courtside' } as never;
  if (!doc.servers?.length) doc.servers = [{ url: '/', description: 'This server' }];
  toJsonSchemaNullability(doc.components as SchemaNode);
  for (const ops of Object.values(doc.paths)) {
    for (const [method, op] of Object.entries(ops as Record<string, SchemaNode>)) {
      if (!METHODS.has(method)) continue;
      toJsonSchemaNullability(op);
      const access = op['x-access'] as { public?: boolean } | undefined;
      if (access?.public) op.security = [];
      if (!READ_METHODS.has(method)) documentWriteLimit(op);
    }
  }
  return doc;
}

function documentWriteLimit(op: SchemaNode): void {
  const responses = (op.responses ??= {}) as Record<string, SchemaNode>;
  responses['429'] ??= {
    description:
      'Too many requests: past the write budget (TOO_MANY_WRITES, per session or address, WRITE_RATE_LIMIT_PER_MINUTE) ' +
      'or the login limits; Retry-After says when to try again',
    headers: {
      'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer', minimum: 1 } },
    },
    content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
  };
}

/** Rewrites OpenAPI 3.0 `nullable` everywhere below `node` into 3.1 type unions, in place. */
function toJsonSchemaNullability(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) toJsonSchemaNullability(item);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const schema = node as SchemaNode;
  for (const value of Object.values(schema)) toJsonSchemaNullability(value);
  if (schema.nullable === undefined) return;
  const nullable = schema.nullable === true;
  delete schema.nullable;
  if (!nullable) return;
  const refs = (schema.allOf ?? schema.oneOf) as SchemaNode[] | undefined;
  if (refs) {
    delete schema.allOf;
    delete schema.type;
    schema.oneOf = [...refs, { type: 'null' }];
    return;
  }
  if (typeof schema.type === 'string') schema.type = [schema.type, 'null'];
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
}
