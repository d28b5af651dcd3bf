import { MAX_BODY_DEPTH, parseJsonBody, scanJson } from './json-body.js';

const bytes = (s: string) => Buffer.from(s, 'utf8');
const refusal = (body: string | Buffer, contentType = 'application/json') => {
  try {
    parseJsonBody(contentType, typeof body === 'string' ? bytes(body) : body);
  } catch (e) {
    const err = e as { code: string; details?: unknown; statusCode?: number; kind?: string };
    return { code: err.code, details: err.details, status: err.statusCode ?? (err.kind === 'invalid' ? 400 : 0) };
  }
  return null;
};

describe('JSON body parser', () => {
  it('parses ordinary bodies, strings with brackets, quotes and escapes included', () => {
    expect(parseJsonBody('application/json; charset=utf-8', bytes('{"a":"\\"[[{{","b":[1,{"名":"值"}]}'))).toEqual({
      a: '"[[{{',
      b: [1, { 名: '值' }],
    });
    expect(parseJsonBody(undefined, bytes('null'))).toBeNull();
  });

  it(`refuses nesting deeper than ${MAX_BODY_DEPTH} levels, naming the top-level field, and stops reading there`, () => {
    const levels = 500_000;
    const prefix = '{"username":';
    const body = bytes(`${prefix}${'['.repeat(levels)}${']'.repeat(levels)},"password":"x"}`);
    expect(refusal(body)).toMatchObject({
      code: 'BODY_TOO_DEEP',
      details: [{ field: 'username', reason: `nests deeper than ${MAX_BODY_DEPTH} levels` }],
    });
    // The scan's furthest byte: the bracket one past the limit, however long the body is.
    let furthest = -1;
    const watched = new Proxy(body, {
      get: (target, key) => {
        if (typeof key === 'string' && /^\d+$/.test(key)) furthest = Math.max(furthest, Number(key));
        const value = Reflect.get(target, key, target) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    expect(scanJson(watched)).toMatchObject({ field: 'username' });
    expect(furthest).toBe(prefix.length + MAX_BODY_DEPTH - 1);

    expect(refusal('['.repeat(MAX_BODY_DEPTH + 1))).toMatchObject({ details: [{ field: 'body' }] });
    expect(scanJson(bytes(`${'['.repeat(MAX_BODY_DEPTH)}${']'.repeat(MAX_BODY_DEPTH)}`))).toBeNull();
  });

  it('refuses prototype keys anywhere, escaped or not, naming their path', () => {
    expect(refusal('{"a":[1,{"__proto__":{}}]}')).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'a[1].__proto__' }],
    });
    expect(refusal('{"\\u005f_proto__":1}')).toMatchObject({ details: [{ field: '__proto__' }] });
    expect(refusal('{"constructor":{"prototype":{"x":1}}}')).toMatchObject({
      details: [{ field: 'constructor.prototype' }],
    });
    expect(parseJsonBody(undefined, bytes('{"constructor":"x","prototype":1,"a":"__proto__"}'))).toEqual({
      constructor: 'x',
      prototype: 1,
      a: '__proto__',
    });
  });

  it('refuses invalid UTF-8, other charsets, empty and malformed bodies', () => {
    expect(refusal(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]))).toMatchObject({
      code: 'BODY_NOT_UTF8',
      details: [{ field: 'body' }],
    });
    expect(refusal('{}', 'application/json; charset=latin1')).toMatchObject({ status: 415 });
    expect(refusal('')).toMatchObject({ code: 'FST_ERR_CTP_EMPTY_JSON_BODY', status: 400 });
    expect(refusal('{"a":')).toMatchObject({ code: 'FST_ERR_CTP_INVALID_JSON_BODY', details: [{ field: 'body' }] });
  });
});
