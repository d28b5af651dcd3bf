import { invalid, type DomainError, type ErrorDetail } from '../domain/shared/domain-error.js';

/** Deepest nesting a command's payload may have; the deepest command (a replace) needs about 5. */
export const MAX_SOCKET_PAYLOAD_DEPTH = 16;

/** Keys that could reach an object's prototype if a payload were merged into another object. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const fieldPath = (parent: string, key: string | number): string =>
  typeof key === 'number' ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key;

/**
 * Checks a socket command's payload before anything transforms or validates it (class-transformer
 * recurses and overflows the stack on a few thousand levels): one iterative pass, proportional
 * to the payload's size (which maxHttpBufferSize bounds), over nesting depth, prototype keys and
 * NUL characters (PostgreSQL refuses them in text). Returns the refusal naming the field, or null.
 */
export function checkSocketPayload(payload: unknown): DomainError | null {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload))
    return invalid('VALIDATION_FAILED', '请求格式错误 / Validation failed', [
      { field: 'payload', reason: 'must be an object, e.g. { "gameId": "…" }' },
    ]);
  const problem = scan(payload);
  if (!problem) return null;
  return problem.reason.startsWith('nests')
    ? invalid('PAYLOAD_TOO_DEEP', `嵌套过深 / Payload nests deeper than ${MAX_SOCKET_PAYLOAD_DEPTH} levels`, [problem])
    : invalid('VALIDATION_FAILED', '请求格式错误 / Validation failed', [problem]);
}

function scan(root: object): ErrorDetail | null {
  // Depth-first with an explicit stack: no recursion, so no stack to overflow.
  const stack: Array<{ value: unknown; path: string; depth: number; top: string }> = [
    { value: root, path: '', depth: 1, top: '' },
  ];
  while (stack.length > 0) {
    const { value, path, depth, top } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return { field: path, reason: 'must not contain the NUL character (\\u0000)' };
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_SOCKET_PAYLOAD_DEPTH)
      return { field: top, reason: `nests deeper than ${MAX_SOCKET_PAYLOAD_DEPTH} levels` };
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--)
        stack.push({ value: value[i], path: fieldPath(path, i), depth: depth + 1, top: top || String(i) });
      continue;
    }
    for (const key of Object.keys(value)) {
      const at = fieldPath(path, key);
      if (PROTOTYPE_KEYS.has(key)) return { field: at, reason: 'is a prototype key and is not accepted' };
      if (key.includes('\u0000')) return { field: at, reason: 'must not contain the NUL character (\\u0000)' };
      stack.push({ value: (value as Record<string, unknown>)[key], path: at, depth: depth + 1, top: top || key });
    }
  }
  return null;
}
