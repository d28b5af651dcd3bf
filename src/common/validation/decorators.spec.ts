import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { IsInt, validateSync } from 'class-validator';
import { findBadText } from '../errors/validation.js';
import {
  CalendarDate,
  isCalendarDate,
  isLocalDateTime,
  Nested,
  Nullable,
  Optional,
  WallClockTime,
} from './decorators.js';

class Inner {
  @Optional() @IsInt() n?: number;
}

class Outer {
  @Optional() @IsInt() count?: number;
  @Nullable() @CalendarDate() day?: string | null;
  @Optional() @WallClockTime() at?: string;
  @Optional() @Nested(() => Inner) inner?: Inner;
}

const failures = (plain: object) =>
  validateSync(plainToInstance(Outer, plain)).map((e) => ({
    property: e.property,
    rules: Object.keys(e.constraints ?? {}),
    children: e.children?.length ?? 0,
  }));

describe('validation decorators', () => {
  it('dates must exist: no 30 February, no 29 February outside leap years, no 24:00', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    for (const d of ['2024-02-30', '2023-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '24-05-01', 20240501])
      expect(isCalendarDate(d)).toBe(false);
    expect(isLocalDateTime('2024-05-18T23:59')).toBe(true);
    for (const d of [
      '2024-02-30T10:00',
      '2024-05-18T24:00',
      '2024-05-18T10:60',
      '2024-05-18 10:00',
      '2024-05-18T10:00:00',
    ])
      expect(isLocalDateTime(d)).toBe(false);
  });

  it('Optional refuses null (only null), Nullable accepts it', () => {
    expect(failures({})).toEqual([]);
    expect(failures({ count: null })).toEqual([{ property: 'count', rules: ['isInt', 'notNull'], children: 0 }]);
    expect(failures({ day: null })).toEqual([]);
    expect(failures({ day: '2024-02-30' })).toEqual([{ property: 'day', rules: ['isCalendarDate'], children: 0 }]);
  });

  it('Nested refuses arrays and primitives where an object is expected, and validates its fields', () => {
    expect(failures({ inner: [] })).toEqual([{ property: 'inner', rules: ['isObject'], children: 0 }]);
    expect(failures({ inner: 'x' })).toMatchObject([
      { property: 'inner', rules: expect.arrayContaining(['isObject']) },
    ]);
    expect(failures({ inner: { n: 'x' } })).toEqual([{ property: 'inner', rules: [], children: 1 }]);
  });

  it('finds NUL and lone surrogates in strings and keys at any depth, with their path', () => {
    expect(findBadText({ a: [{ b: 'x\u0000' }] }, '')).toEqual({
      field: 'a[0].b',
      reason: 'must not contain control characters',
    });
    expect(findBadText({ ['k\u0000']: 1 }, '')).toMatchObject({ field: 'k\u0000' });
    expect(findBadText({ name: 'a\ud800' }, '')).toEqual({ field: 'name', reason: 'must be valid Unicode text' });
    expect(findBadText('a\u0000', 'q')).toMatchObject({ field: 'q' });
    expect(findBadText({ name: '湖州 😀', n: 1, list: ['a'] }, '')).toBeNull();
    // The path starts from the one given, and names the first problem in document order.
    expect(findBadText({ ok: ['a', { fine: 'b' }], x: [[0, { y: 'z\udc00' }]], later: '\u0000' }, 'body')).toEqual({
      field: 'body.x[0][1].y',
      reason: 'must be valid Unicode text',
    });
    expect(findBadText([{ a: 1 }, 'b\u0000'], '')).toEqual({
      field: '[1]',
      reason: 'must not contain control characters',
    });
    expect(findBadText({ pair: '\ud83d\ude00', high: '\ud83d' }, '')).toMatchObject({ field: 'high' });
  });
});
