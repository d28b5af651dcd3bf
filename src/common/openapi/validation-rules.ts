import { DECORATORS } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import type { TargetRulesLookup } from '../validation/metadata-cache.js';

type DtoClass = abstract new (...args: never[]) => unknown;

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
    // As the validation pipe asks: no groups, the class's own rules and those it inherits.
    for (const rule of storage.getTargetValidationMetadatas(cls, undefined, false, false, undefined)) {
      const target = cls.prototype as object;
      const described = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, target, rule.propertyName) as
        Described | undefined;
      const addition = described && describedBy(rule, described);
      // On the class itself: a description it inherits stays its parent's.
      if (addition)
        Reflect.defineMetadata(
          DECORATORS.API_MODEL_PROPERTIES,
          { ...described, ...addition },
          target,
          rule.propertyName,
        );
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

function describedBy(rule: Rule, described: Described): Described | null {
  const isNumber = described.type === Number || described.type === 'number' || described.type === 'integer';
  if (!isNumber) return null;
  // A rule with `each` checks the items of an array: only their type can be said (@nestjs/swagger
  // would put a bound on the array itself).
  if (rule.each || described.isArray) return rule.each && rule.name === 'isInt' ? { type: 'integer' } : null;
  const bound = rule.constraints?.[0];
  switch (rule.name) {
    case 'isInt':
      return { type: 'integer' };
    case 'isIn':
      // A choice of whole numbers (points: 2 or 3) takes only integers.
      return Array.isArray(bound) && bound.length > 0 && bound.every(Number.isInteger) ? { type: 'integer' } : null;
    case 'min':
      return typeof bound === 'number' ? { minimum: bound } : null;
    case 'max':
      return typeof bound === 'number' ? { maximum: bound } : null;
    default:
      return null;
  }
}
