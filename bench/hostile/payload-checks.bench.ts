/**
 * What a hostile body costs the event loop before it is refused: the HTTP JSON parser on the
 * largest body Fastify accepts (1 MB of nested arrays under one field) and the socket command
 * check on the deepest payload a 16 KB frame can carry (after socket.io's own JSON.parse).
 * Budget: each refusal under 5 ms, and a legitimate 1 MB body (one long string) parsed in
 * under 100 ms. The unit tests check that both scans stop at the depth limit; this measures it.
 * Run: npx tsx bench/hostile/payload-checks.bench.ts
 */
import { parseJsonBody } from '../../src/common/http/json-body.js';
import { MAX_SOCKET_MESSAGE_BYTES } from '../../src/live/events.js';
import { checkSocketPayload } from '../../src/live/socket-payload.js';
import { percentile } from '../support/server.js';

const BODY_LIMIT = 1024 * 1024;
const RUNS = 51;

const nestedBody = (): Buffer => {
  const prefix = '{"username":';
  const suffix = ',"password":"x"}';
  const levels = Math.floor((BODY_LIMIT - prefix.length - suffix.length) / 2);
  return Buffer.from(`${prefix}${'['.repeat(levels)}${']'.repeat(levels)}${suffix}`);
};

const longStringBody = (): Buffer => {
  const prefix = '{"notes":"';
  const suffix = '"}';
  return Buffer.from(`${prefix}${'写'.repeat(Math.floor((BODY_LIMIT - prefix.length - suffix.length) / 3))}${suffix}`);
};

/** socket.io has already parsed the frame; the deepest array a 16 KB frame holds. */
const nestedFrame = (): string => {
  const levels = Math.floor((MAX_SOCKET_MESSAGE_BYTES - 40) / 2);
  return `{"gameId":"g","lastSeq":${'['.repeat(levels)}0${']'.repeat(levels)}}`;
};

function time(label: string, bytes: number, work: () => unknown): string {
  for (let i = 0; i < 5; i++) work();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return `| ${label} | ${bytes.toLocaleString('en')} | ${percentile(times, 50).toFixed(2)} | ${times.at(-1)!.toFixed(2)} |`;
}

const refused = (run: () => unknown) => () => {
  try {
    run();
  } catch {
    return;
  }
  throw new Error('expected a refusal');
};

const deep = nestedBody();
const long = longStringBody();
const frame = nestedFrame();
const payload = JSON.parse(frame) as unknown;
const payloadBytes = Buffer.byteLength(frame);

console.log(`Hostile payload checks — ${RUNS} runs after 5 warm-ups, Node ${process.version}\n`);
console.log('| Case | bytes | median ms | max ms |');
console.log('| --- | ---: | ---: | ---: |');
console.log(
  time(
    'HTTP: 1 MB of nested arrays, refused `BODY_TOO_DEEP`',
    deep.length,
    refused(() => parseJsonBody('application/json', deep)),
  ),
);
console.log(
  time('HTTP: 1 MB legitimate body (one long string), parsed', long.length, () =>
    parseJsonBody('application/json', long),
  ),
);
console.log(
  time('Socket: deepest payload a 16 KB frame holds, refused `PAYLOAD_TOO_DEEP`', payloadBytes, () => {
    if (checkSocketPayload(payload) === null) throw new Error('expected a refusal');
  }),
);
