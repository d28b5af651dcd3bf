import { fieldPath } from '../common/errors/field-path.js';
import { invalid, type DomainError, type ErrorDetail } from '../domain/shared/domain-error.js';

/** Deepest nesting a command's payload may have; the deepest command (a replace) needs about 5. */
export const MAX_SOCKET_PAYLOAD_DEPTH = 16;

/** Keys that could reach an object's prototype if a payload were merged into another object. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

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

/** A value met during the scan, and how it was reached (its path is put together only if refused). */
interface Visit {
  value: unknown;
  depth: number;
  key: string | number | null;
  parent: Visit | null;
}

/** The path of `at` (with `key` after it when given). */
function pathOf(at: Visit | null, key?: string): string {
  const keys: Array<string | number> = key === undefined ? [] : [key];
  for (let v = at; v !== null && v.key !== null; v = v.parent) keys.push(v.key);
  return fieldPath(keys);
}

/** The payload's own key that `at` lies under (the field a too-deep refusal names). */
function topOf(at: Visit): string {
  let v = at;
  while (v.parent !== null && v.parent.key !== null) v = v.parent;
  return v.key === null ? '' : String(v.key);
}

function scan(root: object): ErrorDetail | null {
  // Depth-first with an explicit stack: no recursion, so no stack to overflow.
  const stack: Visit[] = [{ value: root, depth: 1, key: null, parent: null }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const { value, depth } = visit;
    if (typeof value === 'string') {
      if (value.includes('\u0000'))
        return { field: pathOf(visit), reason: 'must not contain the NUL character (\\u0000)' };
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_SOCKET_PAYLOAD_DEPTH)
      return { field: topOf(visit), reason: `nests deeper than ${MAX_SOCKET_PAYLOAD_DEPTH} levels` };
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--)
        stack.push({ value: value[i], depth: depth + 1, key: i, parent: visit });
      continue;
    }
    for (const key of Object.keys(value)) {
      if (PROTOTYPE_KEYS.has(key))
        return { field: pathOf(visit, key), reason: 'is a prototype key and is not accepted' };
      if (key.includes('\u0000'))
        return { field: pathOf(visit, key), reason: 'must not contain the NUL character (\\u0000)' };
      stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1, key, parent: visit });
    }
  }
  return null;
}
