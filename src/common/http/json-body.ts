import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { isUtf8 } from 'node:buffer';
import { DomainError, type ErrorDetail } from '../../domain/shared/domain-error.js';

/** Deepest nesting of objects and arrays a body may have; the deepest DTO needs about 6. */
export const MAX_BODY_DEPTH = 32;

/** Keys that would reach an object's prototype if the body were ever merged into another object. */
const PROTOTYPE_KEY = 'is a prototype key and is not accepted';

/** A refused body: 400 with the problem named, through the one error filter. */
const refused = (code: string, message: string, details: ErrorDetail[]) =>
  new DomainError(code, 'invalid', message, details);

/**
 * JSON bodies are checked before anything walks them recursively (class-transformer blows the
 * stack on a few thousand levels, and takes seconds on a 1 MB nested body): one pass over the
 * text, outside string literals, for nesting depth and prototype keys; then JSON.parse. The
 * work is proportional to the body's size, which Fastify's bodyLimit bounds.
 */
export function registerJsonBodyParser(app: NestFastifyApplication, bodyLimit: number): void {
  app.useBodyParser('application/json', { bodyLimit }, (request: FastifyRequest, body: Buffer, done) => {
    try {
      done(null, parseJsonBody(request.headers['content-type'], body));
    } catch (e) {
      done(e as Error, undefined);
    }
  });
}

export function parseJsonBody(contentType: string | undefined, raw: Buffer): unknown {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase();
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    throw Object.assign(new Error(`JSON bodies must be UTF-8, not ${charset}`), {
      statusCode: 415,
      code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
    });
  }
  if (raw.length === 0) {
    throw Object.assign(new Error('Body cannot be empty when content-type is application/json'), {
      statusCode: 400,
      code: 'FST_ERR_CTP_EMPTY_JSON_BODY',
    });
  }
  // Checked on the bytes (microseconds for 1 MB) so a hostile body is refused before it is decoded.
  if (!isUtf8(raw)) {
    throw refused('BODY_NOT_UTF8', 'Body is not valid UTF-8', [{ field: 'body', reason: 'must be UTF-8 text' }]);
  }
  const problem = scanJson(raw);
  if (problem) {
    throw refused(
      problem.reason === PROTOTYPE_KEY ? 'VALIDATION_FAILED' : 'BODY_TOO_DEEP',
      problem.reason === PROTOTYPE_KEY ? 'Validation failed' : `Body nests deeper than ${MAX_BODY_DEPTH} levels`,
      [problem],
    );
  }
  const text = raw.toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw Object.assign(new Error('Body is not valid JSON'), {
      statusCode: 400,
      code: 'FST_ERR_CTP_INVALID_JSON_BODY',
      details: [{ field: 'body', reason: `is not valid JSON (${(e as Error).message})` }],
    });
  }
}

interface Frame {
  array: boolean;
  /** The current key (object) or index (array). */
  key: string | number;
  expectKey: boolean;
}

const path = (frames: Frame[], upTo = frames.length): string => {
  let out = '';
  for (let i = 0; i < upTo; i++) {
    const k = frames[i].key;
    out += typeof k === 'number' ? `[${k}]` : out ? `.${k}` : k;
  }
  return out || 'body';
};

/**
 * One pass over the bytes of a JSON body (its structural characters are ASCII, and no byte of
 * a multi-byte UTF-8 character is ASCII): refuses nesting deeper than MAX_BODY_DEPTH (naming
 * the top-level field it is under) and `__proto__` / `constructor.prototype` keys (naming their
 * path). It does not check the grammar; JSON.parse does that afterwards.
 */
export function scanJson(json: Uint8Array): ErrorDetail | null {
  const frames: Frame[] = [];
  const n = json.length;
  for (let i = 0; i < n; i++) {
    const c = json[i];
    if (c === 0x22 /* " */) {
      // The closing quote: the next one not escaped by an odd run of backslashes (native search).
      const start = i;
      for (let j = i + 1; ; j++) {
        j = json.indexOf(0x22, j);
        if (j < 0) {
          i = n;
          break;
        }
        let backslashes = 0;
        while (json[j - 1 - backslashes] === 0x5c /* \\ */) backslashes++;
        if (backslashes % 2 === 0) {
          i = j;
          break;
        }
      }
      const top = frames[frames.length - 1];
      if (top && !top.array && top.expectKey) {
        top.expectKey = false;
        let key = Buffer.from(json.buffer, json.byteOffset + start + 1, Math.max(0, i - start - 1)).toString('utf8');
        if (key.includes('\\')) {
          try {
            key = JSON.parse(`"${key}"`) as string;
          } catch {
            // malformed: JSON.parse of the whole body reports it
          }
        }
        top.key = key;
        if (key === '__proto__') return { field: path(frames), reason: PROTOTYPE_KEY };
        if (key === 'prototype' && frames.length > 1 && frames[frames.length - 2].key === 'constructor')
          return { field: path(frames), reason: PROTOTYPE_KEY };
      }
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (frames.length >= MAX_BODY_DEPTH) {
        return {
          field: frames.length && !frames[0].array && frames[0].key !== '' ? path(frames, 1) : 'body',
          reason: `nests deeper than ${MAX_BODY_DEPTH} levels`,
        };
      }
      frames.push(c === 0x5b ? { array: true, key: 0, expectKey: false } : { array: false, key: '', expectKey: true });
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      frames.pop();
    } else if (c === 0x2c /* , */) {
      const top = frames[frames.length - 1];
      if (top?.array) top.key = (top.key as number) + 1;
      else if (top) top.expectKey = true;
    }
  }
  return null;
}
