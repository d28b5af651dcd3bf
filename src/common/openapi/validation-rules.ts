import { DECORATORS } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import type { DtoClass } from '../validation/compiled-accept.js';
import type { TargetRulesLookup } from '../validation/metadata-cache.js';

/** What this reads of a class-validator rule. */
interface Rule {
  name?: string;
  propertyName: string;
  constraints?: unknown[];
  each?: boolean;
}

interface RuleStorage {
  /** Every class that declares rules (class-validator's own index). */
  validationMetadatas: Map<DtoClass, Rule[]>;
  getTargetValidationMetadatas: TargetRulesLookup<Rule>;
  groupByPropertyName(rules: Rule[]): Record<string, Rule[]>;
}

/**
 * @nestjs/swagger documents a TypeScript `number` as `type: number`, whatever the server accepts.
 * For the classes that check what clients send (bodies, and query strings, which it documents
 * as parameters), this makes the document say what their rules say, before it is built:
 * - a property under `@IsInt`, or `@IsIn` a list of whole numbers, is an `integer`, so a client
 *   generated from the document holds an int, not a double (`expectedSeq`, `points`, `period`…);
 *   with `@IsInt({ each: true })`, the array's items are;
 * - `@Min` and `@Max` on a single number are its `minimum` and `maximum`.
 *
 * The rules are read from class-validator, the ones the server enforces, and merged into the
 * property's existing @nestjs/swagger description (its `@ApiProperty` metadata): a property the
 * document does not describe stays undescribed, and nothing is declared twice.
 * Idempotent; run before `SwaggerModule.createDocument`.
 */
export function describeValidationRules(): void {
  const storage = getMetadataStorage() as unknown as RuleStorage;
  for (const cls of storage.validationMetadatas.keys()) {
    const target = cls.prototype as object;
    // As the validation pipe asks: no groups, the class's own rules and those it inherits.
    const rules = storage.getTargetValidationMetadatas(cls, undefined, false, false, undefined);
    for (const [property, own] of Object.entries(storage.groupByPropertyName(rules))) {
      const before = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, target, property) as Described | undefined;
      if (!before) continue;
      // The type first: a bound is only said of a number, whatever order the decorators ran in.
      const typed = own.reduce((d, rule) => merged(d, typeBy(rule, d)), before);
      const after = own.reduce((d, rule) => merged(d, boundBy(rule, d)), typed);
      // On the class itself: a description it inherits stays its parent's.
      if (after !== before) Reflect.defineMetadata(DECORATORS.API_MODEL_PROPERTIES, after, target, property);
    }
  }
}

/** What @nestjs/swagger keeps of a property's `@ApiProperty` (the parts read here). */
interface Described {
  type?: unknown;
  isArray?: boolean;
  minimum?: number;
  maximum?: number;
}

/** The description with `addition` over it, or the same object when there is nothing to add. */
const merged = (d: Described, addition: Described | null) => (addition ? { ...d, ...addition } : d);

const isNumber = (d: Described) => d.type === Number || d.type === 'number' || d.type === 'integer';
/** A property declared by its initial value alone (`page = 1`) reaches @nestjs/swagger as `Object`. */
const isUntyped = (d: Described) => d.type === Object || d.type === undefined;

function typeBy(rule: Rule, d: Described): Described | null {
  const bound = rule.constraints?.[0];
  // A rule with `each` checks the items of an array.
  if (rule.each)
    return rule.name === 'isInt' && d.isArray && (isNumber(d) || isUntyped(d)) ? { type: 'integer' } : null;
  if (d.isArray) return null;
  if (rule.name === 'isInt') return isNumber(d) || isUntyped(d) ? { type: 'integer' } : null;
  // A choice of whole numbers (points: 2 or 3) takes only integers.
  if (rule.name === 'isIn' && isNumber(d) && Array.isArray(bound) && bound.length > 0 && bound.every(Number.isInteger))
    return { type: 'integer' };
  return null;
}

/** `@Min`/`@Max` of a single number (on an array, @nestjs/swagger would bound the array itself). */
function boundBy(rule: Rule, d: Described): Described | null {
  const bound = rule.constraints?.[0];
  if (rule.each || d.isArray || !isNumber(d) || typeof bound !== 'number') return null;
  if (rule.name === 'min') return { minimum: bound };
  if (rule.name === 'max') return { maximum: bound };
  return null;
}
