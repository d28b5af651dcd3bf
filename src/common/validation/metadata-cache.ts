import { defaultMetadataStorage } from 'class-transformer/cjs/storage.js';
import { getMetadataStorage } from 'class-validator';

/** class-validator's `getTargetValidationMetadatas`: a class's rules, its own and those it inherits. */
export type TargetRulesLookup<Rule = unknown> = (
  target: object | string,
  schema: string | undefined,
  always: boolean,
  strictGroups: boolean,
  groups?: string[],
) => Rule[];

let installed = false;

/**
 * class-validator looks up a class's rules on every validation of every object, nested ones
 * included, and each lookup walks the rules of every class the application declares to find
 * the ones it inherits (`getTargetValidationMetadatas`): a few hundred `instanceof` checks per
 * object, 5 % of the server's time while it records plays (issue 18's profile). It then groups
 * them by property into a new object of new arrays (`groupByPropertyName`). The answers only
 * change when rules are declared, which happens as classes load: this keeps each answer until
 * then. Nest's ValidationPipe asks the same storage, so it gains as well. Idempotent.
 *
 * The answers are shared between requests; class-validator and Nest only read them. They are
 * not frozen: V8 runs `filter` and `forEach` over a frozen array several times slower, and
 * class-validator runs both over each property's rules of every object it validates.
 */
export function cacheValidationMetadataLookups(): void {
  if (installed) return;
  installed = true;
  const storage = getMetadataStorage() as unknown as {
    getTargetValidationMetadatas: TargetRulesLookup;
    groupByPropertyName: (metadatas: unknown[]) => Record<string, unknown[]>;
    addValidationMetadata: (...args: unknown[]) => void;
    addValidationSchema: (...args: unknown[]) => void;
  };
  const lookup = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  const addMetadata = storage.addValidationMetadata.bind(storage);
  const addSchema = storage.addValidationSchema.bind(storage);
  const answers = new Map<object | string, Map<string, unknown[]>>();
  // Keyed by the cached answer itself: a rule declared later makes a new answer, so a new key.
  const grouped = new WeakMap<unknown[], Record<string, unknown[]>>();
  const kept = new WeakSet<unknown[]>();
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema ?? ''}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0001') ?? ''}`;
    let byOptions = answers.get(target);
    if (!byOptions) answers.set(target, (byOptions = new Map()));
    let answer = byOptions.get(key);
    if (!answer) {
      byOptions.set(key, (answer = lookup(target, schema, always, strictGroups, groups)));
      kept.add(answer);
    }
    return answer;
  };
  storage.groupByPropertyName = (metadatas) => {
    // Only the cache's own answers are kept; any other list is grouped afresh.
    if (!kept.has(metadatas)) return group(metadatas);
    let answer = grouped.get(metadatas);
    if (!answer) grouped.set(metadatas, (answer = group(metadatas)));
    return answer;
  };
  storage.addValidationMetadata = (...args) => {
    answers.clear();
    addMetadata(...args);
  };
  storage.addValidationSchema = (...args) => {
    answers.clear();
    addSchema(...args);
  };
}

let transformInstalled = false;
const transformCaches: Array<Map<unknown, Map<unknown, Map<unknown, unknown>>>> = [];

/**
 * Names kept per class and lookup. Lookups by property name are asked with the keys of what a
 * client sent, before validation refuses the unknown ones; past this many, the class's names
 * are forgotten and kept afresh, so hostile keys cannot grow the cache without bound.
 */
export const NAMES_PER_CLASS = 256;

/** How many answers the transform lookups keep (for tests). */
export function cachedTransformAnswers(): number {
  let count = 0;
  for (const cache of transformCaches)
    for (const bySecond of cache.values()) for (const byThird of bySecond.values()) count += byThird.size;
  return count;
}

/** The lookups of class-transformer's storage that build a new list (or search one) on each call. */
const TRANSFORM_LOOKUPS = [
  'findTransformMetadatas',
  'findExposeMetadataByCustomName',
  'getExposedMetadatas',
  'getExcludedMetadatas',
  'getExposedProperties',
  'getExcludedProperties',
] as const;
/** Its methods that declare metadata (decorators as classes load) or drop it. */
const TRANSFORM_CHANGES = [
  'addTypeMetadata',
  'addTransformMetadata',
  'addExposeMetadata',
  'addExcludeMetadata',
  'clear',
] as const;

/**
 * class-transformer, turning a command into its class before validation, asks its storage
 * about every property of every object: which transforms apply, which names are exposed or
 * excluded. Each answer is a list built afresh (several copies and filters over the class and
 * the classes it inherits from), about a tenth of what a recorded play allocates (issue 18).
 * The answers only change when metadata is declared, as classes load: this keeps each answer
 * until then (shared and only read, as above). Idempotent.
 */
export function cacheTransformMetadataLookups(): void {
  if (transformInstalled) return;
  transformInstalled = true;
  const storage = defaultMetadataStorage as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name of TRANSFORM_LOOKUPS) {
    const lookup = storage[name]!.bind(storage);
    // By class, then by the second and third arguments (undefined where a lookup takes fewer).
    const cache = new Map<unknown, Map<unknown, Map<unknown, unknown>>>();
    transformCaches.push(cache);
    storage[name] = (target?: unknown, second?: unknown, third?: unknown) => {
      // Plain objects without a class are looked up as they come.
      if (typeof target !== 'function') return lookup(target, second, third);
      let bySecond = cache.get(target);
      if (!bySecond) cache.set(target, (bySecond = new Map()));
      let byThird = bySecond.get(second);
      if (!byThird) {
        // A property name may be any key a request sent: a class keeps a bounded number of them.
        if (bySecond.size >= NAMES_PER_CLASS) bySecond.clear();
        bySecond.set(second, (byThird = new Map()));
      }
      if (byThird.has(third)) return byThird.get(third);
      const answer = lookup(target, second, third);
      byThird.set(third, answer);
      return answer;
    };
  }
  for (const name of TRANSFORM_CHANGES) {
    const change = storage[name]!.bind(storage);
    storage[name] = (...args: unknown[]) => {
      for (const cache of transformCaches) cache.clear();
      return change(...args);
    };
  }
}
