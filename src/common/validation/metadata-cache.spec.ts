import { getMetadataStorage, IsInt, IsString, validate } from 'class-validator';
import { cacheValidationMetadataLookups } from './metadata-cache.js';

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

  it('installs once', () => {
    const storage = getMetadataStorage();
    const lookup = storage.getTargetValidationMetadatas;
    cacheValidationMetadataLookups();
    expect(storage.getTargetValidationMetadatas).toBe(lookup);
  });
});
