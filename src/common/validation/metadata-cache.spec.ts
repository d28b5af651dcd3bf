import { Exclude, Expose, plainToInstance, Transform, TransformationType } from 'class-transformer';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage.js';
import { getMetadataStorage, IsInt, IsString, validate } from 'class-validator';
import {
  cachedTransformAnswers,
  cacheTransformMetadataLookups,
  cacheValidationMetadataLookups,
  NAMES_PER_CLASS,
} from './metadata-cache.js';

class Base {
  @IsString()
  name: unknown;
}

class Child extends Base {
  @IsInt()
  count: unknown;
}

const failed = async (object: object) => (await validate(object)).map((e) => e.property).sort();
const child = (values: Record<string, unknown>) => Object.assign(new Child(), values);

describe('cached validation metadata lookups', () => {
  beforeAll(() => cacheValidationMetadataLookups());

  it('answers a repeated lookup from the cache, with the inherited rules', async () => {
    const storage = getMetadataStorage();
    const first = storage.getTargetValidationMetadatas(Child, '', false, false);
    expect(storage.getTargetValidationMetadatas(Child, '', false, false)).toBe(first);
    expect(first.map((m) => m.propertyName).sort()).toEqual(['count', 'name']);
    expect(await failed(child({ name: 1, count: 'x' }))).toEqual(['count', 'name']);
    expect(await failed(child({ name: 'a', count: 2 }))).toEqual([]);
  });

  it('keeps the lookups of different options apart', () => {
    const storage = getMetadataStorage();
    expect(storage.getTargetValidationMetadatas(Child, '', false, false, ['g'])).not.toBe(
      storage.getTargetValidationMetadatas(Child, '', false, false),
    );
  });

  it('forgets its answers when a rule is declared later, on the class or on one it inherits from', async () => {
    expect(await failed(child({ name: 'a', count: 2, late: 'x' }))).toEqual([]);
    IsInt()(Base.prototype, 'late');
    expect(await failed(child({ name: 'a', count: 2, late: 'x' }))).toEqual(['late']);
    class Later {
      @IsInt()
      value: unknown;
    }
    expect(await failed(Object.assign(new Later(), { value: 'x' }))).toEqual(['value']);
  });

  it('groups a class’s rules by property once, and afresh after a rule is declared', () => {
    const storage = getMetadataStorage();
    const rules = storage.getTargetValidationMetadatas(Child, '', false, false);
    const grouped = storage.groupByPropertyName(rules);
    expect(storage.groupByPropertyName(rules)).toBe(grouped);
    expect(Object.keys(grouped).sort()).toEqual(['count', 'late', 'name']);
    IsString()(Child.prototype, 'label');
    const after = storage.groupByPropertyName(storage.getTargetValidationMetadatas(Child, '', false, false));
    expect(after).not.toBe(grouped);
    expect(Object.keys(after).sort()).toEqual(['count', 'label', 'late', 'name']);
    // A list the cache did not answer is grouped as the library groups it.
    const own = [...rules];
    expect(storage.groupByPropertyName(own)).not.toBe(storage.groupByPropertyName(own));
  });

  it('installs once', () => {
    const storage = getMetadataStorage();
    const lookup = storage.getTargetValidationMetadatas;
    cacheValidationMetadataLookups();
    expect(storage.getTargetValidationMetadatas).toBe(lookup);
  });
});

class Shape {
  @Expose({ name: 'w' })
  width: number;

  @Transform(({ value }) => String(value).trim())
  label: string;

  @Exclude()
  secret: string;
}

class Square extends Shape {
  @Transform(({ value }) => Number(value) * 2)
  side: number;
}

const square = (plain: Record<string, unknown>) => plainToInstance(Square, plain);

describe('cached transform metadata lookups', () => {
  beforeAll(() => cacheTransformMetadataLookups());

  it('answers a repeated lookup with the same answer, inherited metadata included', () => {
    const first = defaultMetadataStorage.findTransformMetadatas(Square, 'label', TransformationType.PLAIN_TO_CLASS);
    expect(first).toHaveLength(1);
    expect(defaultMetadataStorage.findTransformMetadatas(Square, 'label', TransformationType.PLAIN_TO_CLASS)).toBe(
      first,
    );
    expect(defaultMetadataStorage.getExposedProperties(Square, TransformationType.PLAIN_TO_CLASS)).toEqual(['width']);
    expect(defaultMetadataStorage.findExposeMetadataByCustomName(Square, 'w')?.propertyName).toBe('width');
    expect(defaultMetadataStorage.findExposeMetadataByCustomName(Square, 'nothing')).toBeUndefined();
    expect(defaultMetadataStorage.getExcludedProperties(Square, TransformationType.PLAIN_TO_CLASS)).toEqual(['secret']);
  });

  it('transforms as without the cache, every time', () => {
    for (let i = 0; i < 3; i++) {
      const made = square({ w: 3, label: ' a ', secret: 'x', side: '4' });
      expect(made).toBeInstanceOf(Square);
      expect({ ...made }).toEqual({ width: 3, label: 'a', side: 8 });
    }
  });

  it('keeps lookups of different arguments apart', () => {
    expect(
      defaultMetadataStorage.findTransformMetadatas(Square, 'side', TransformationType.PLAIN_TO_CLASS),
    ).toHaveLength(1);
    expect(
      defaultMetadataStorage.findTransformMetadatas(Shape, 'side', TransformationType.PLAIN_TO_CLASS),
    ).toHaveLength(0);
    expect(defaultMetadataStorage.findTransformMetadatas(Square, 'label', TransformationType.CLASS_TO_PLAIN)).not.toBe(
      defaultMetadataStorage.findTransformMetadatas(Square, 'label', TransformationType.PLAIN_TO_CLASS),
    );
  });

  it('forgets its answers when metadata is declared later, on the class or one it inherits from', () => {
    expect(square({ label: 'b', note: ' n ' })).toMatchObject({ note: ' n ' });
    Transform(({ value }) => String(value).trim())(Shape.prototype, 'note');
    expect(square({ label: 'b', note: ' n ' })).toMatchObject({ note: 'n' });
    expect(defaultMetadataStorage.getExcludedProperties(Square, TransformationType.PLAIN_TO_CLASS)).toEqual(['secret']);
    Exclude()(Square.prototype, 'side');
    expect(
      defaultMetadataStorage.getExcludedProperties(Square, TransformationType.PLAIN_TO_CLASS).slice().sort(),
    ).toEqual(['secret', 'side']);
    expect(square({ side: '4' }).side).toBeUndefined();
  });

  it('keeps a bounded number of the names clients send, and still answers every one', () => {
    const before = cachedTransformAnswers();
    for (let i = 0; i < NAMES_PER_CLASS * 4; i++) {
      const key = `junk${i}`;
      expect(square({ [key]: ' x ', label: ' b ' })).toMatchObject({ [key]: ' x ', label: 'b' });
    }
    // Two lookups by name (custom expose name, transforms) per key, each bounded per class.
    expect(cachedTransformAnswers() - before).toBeLessThanOrEqual(2 * NAMES_PER_CLASS + 8);
    expect(square({ w: 5, label: ' c ' })).toMatchObject({ width: 5, label: 'c' });
  });

  it('looks up plain objects without a class as they come', () => {
    const before = cachedTransformAnswers();
    expect(
      defaultMetadataStorage.findTransformMetadatas(undefined as never, 'x', TransformationType.PLAIN_TO_CLASS),
    ).toEqual([]);
    expect(cachedTransformAnswers()).toBe(before);
  });

  it('installs once', () => {
    const lookup = defaultMetadataStorage.findTransformMetadatas;
    cacheTransformMetadataLookups();
    expect(defaultMetadataStorage.findTransformMetadatas).toBe(lookup);
  });
});
