import { negotiate } from '@fastify/accept-negotiator';
import type { FastifyReply } from 'fastify';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { addVary } from './vary.js';

/** Below this, compressing costs more than it saves (the same threshold as @fastify/compress in app.factory.ts). */
const COMPRESS_FROM = 1024;

/**
 * A JSON answer that many requests get unchanged (a kept public read, fresh-reads.ts): turned
 * into text once, and compressed once per encoding a client asks for, instead of serialising
 * and compressing 10–20 KB of standings on every request. Sent with its own Content-Encoding,
 * which @fastify/compress leaves alone.
 */
export class EncodedJson {
  readonly text: string;
  private br?: Buffer;
  private gzip?: Buffer;

  constructor(body: unknown) {
    this.text = JSON.stringify(body);
  }

  /** Sets the headers for the request's Accept-Encoding and returns the body to send. */
  send(reply: FastifyReply, acceptEncoding: string | string[] | undefined): string | Buffer {
    void reply.header('content-type', 'application/json; charset=utf-8');
    addVary(reply, 'Accept-Encoding');
    const encoding =
      typeof acceptEncoding === 'string' && this.text.length >= COMPRESS_FROM
        ? negotiate(acceptEncoding, ['br', 'gzip'])
        : null;
    if (encoding === 'br') {
      this.br ??= brotliCompressSync(this.text, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } });
      void reply.header('content-encoding', 'br');
      return this.br;
    }
    if (encoding === 'gzip') {
      this.gzip ??= gzipSync(this.text);
      void reply.header('content-encoding', 'gzip');
      return this.gzip;
    }
    return this.text;
  }
}
