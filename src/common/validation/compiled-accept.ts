import { Ajv, type AnySchemaObject } from 'ajv';
import { TransformationType } from 'class-transformer';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage.js';
import { getMetadataStorage, ValidationTypes, type ValidationArguments } from 'class-validator';
import { isGiven, isNotNullish } from './decorators.js';
import type { TargetRulesLookup } from './metadata-cache.js';

/**
 * A compiled check that says "this command is valid" without class-transformer and
 * class-validator, for the commands a server takes hundreds of times a second (a scorer's play).
 *
 * Why: the global pipe turns each command into its class and then validates it, and both
 * libraries allocate as they go (a `ValidationError` per property, lists per lookup): about a
 * third of what a recorded play allocated (issue 18). Ajv compiles a schema into one function
 * that allocates next to nothing when the value is valid.
 *
 * How it stays exact: the schema is made from the class's own class-validator rules, and each
 * rule is checked by calling that rule's own validator (the same `isUUID`, `min`, `isIn`…), so no
 * rule is written twice. The schema only adds what class-validator does around the rules: which
 * properties exist (the whitelist), when a property is skipped (`@IsOptional`, our `Optional`
 * and `Nullable`), which class a nested object becomes (`@Type` with its discriminator), and that
 * every object is a plain JSON object. A class that uses anything else (a transform, a default
 * value, a rule per array element, an asynchronous rule, a condition of its own) gets no compiled
 * check: {@link compileAcceptance} throws, naming what it does not handle.
 *
 * Acceptance only: a value the compiled check does not accept goes through the pipe as before,
 * and the pipe's answer (the refusal naming the field) is the same as it always was. What the
 * check accepts, the libraries would accept as well and would turn into an instance holding the
 * same data, so the value is passed on as it came (a plain object). The unit tests compare the
 * two on generated commands, valid and broken.
 */
export type Acceptance = (value: unknown) => boolean;

/** A command class (class-validator and class-transformer keep their metadata by constructor). */
export type DtoClass = abstract new (...args: never[]) => object;

/**
 * The marked classes (see {@link CompiledAcceptance}), each with its compiled check once made:
 * `undefined` until first use, `null` for a class that cannot have one.
 */
const marked = new Map<DtoClass, Acceptance | null | undefined>();

/**
 * Marks a command class (a DTO) for the compiled check. Only the class itself: a subclass is
 * marked on its own. For the commands that arrive many times a second; the rest need not.
 */
export function CompiledAcceptance(): ClassDecorator {
  return (target) => {
    marked.set(target as unknown as DtoClass, undefined);
  };
}

/** The classes marked so far (for tests: every one must compile). */
export const compiledAcceptanceClasses = (): DtoClass[] => [...marked.keys()];

/**
 * The compiled check of a marked class, made on first use; `undefined` for a class not marked.
 * `null` when the class cannot have one (reported once through `onUnsupported`): its commands go
 * through the pipe as every other class's do.
 */
export function acceptanceOf(
  metatype: DtoClass | undefined,
  onUnsupported: (error: Error) => void,
): Acceptance | null | undefined {
  if (!metatype) return undefined;
  let accept = marked.get(metatype);
  if (accept === undefined && marked.has(metatype)) {
    try {
      accept = compileAcceptance(metatype);
    } catch (e) {
      onUnsupported(e as Error);
      accept = null;
    }
    marked.set(metatype, accept);
  }
  return accept;
}

/** Thrown for a class whose rules the compiled check does not cover. */
export class UnsupportedForCompiledAcceptance extends Error {}

interface RuleMetadata {
  type: string;
  name?: string;
  propertyName: string;
  constraints: unknown[];
  constraintCls: DtoClass;
  each?: boolean;
  validateIf?: unknown;
}
interface ConstraintMetadata {
  async: boolean;
  instance: { validate(value: unknown, args?: ValidationArguments): unknown };
}
interface TypeMetadata {
  typeFunction?: (options?: unknown) => DtoClass;
  options: {
    discriminator?: { property: string; subTypes: Array<{ name: string; value: DtoClass }> };
    keepDiscriminatorProperty?: boolean;
  };
}

/** The rules of one property, each with the arguments object its validator is called with (reused). */
interface PropertyRules {
  property: string;
  /** What a condition skips (`@IsOptional`, Optional, Nullable): nothing, undefined, or null as well. */
  skip: 'undefined' | 'nullish' | null;
  checks: Array<{ validate: (value: unknown, args: ValidationArguments) => unknown; args: ValidationArguments }>;
}

/** What a rule's arguments hold between calls. */
const NO_OBJECT = Object.freeze({});

/** One keyword per object checks all its properties' rules: one call, not one per property. */
const RULES_KEYWORD = 'x-class-validator-rules';

/** Compiles the check of one class (and the classes nested in it). Throws for what it does not cover. */
export function compileAcceptance(root: DtoClass): Acceptance {
  /** Per class schema: its properties' rules (the keyword's value is the index here). */
  const rules: PropertyRules[][] = [];
  const defs: Record<string, AnySchemaObject> = {};
  const ids = new Map<DtoClass, string>();
  const validatorStorage = getMetadataStorage() as unknown as {
    getTargetValidationMetadatas: TargetRulesLookup<RuleMetadata>;
    groupByPropertyName(metadatas: RuleMetadata[]): Record<string, RuleMetadata[]>;
    getTargetValidatorConstraints(target: DtoClass): ConstraintMetadata[];
  };
  const transformStorage = defaultMetadataStorage as unknown as {
    findTypeMetadata(target: DtoClass, property: string): TypeMetadata | undefined;
    findTransformMetadatas(target: DtoClass, property: string, type: TransformationType): unknown[];
    getExposedMetadatas(target: DtoClass): unknown[];
    getExcludedMetadatas(target: DtoClass): unknown[];
  };

  const refOf = (cls: DtoClass): AnySchemaObject => {
    let id = ids.get(cls);
    if (id === undefined) {
      id = `c${ids.size}`;
      ids.set(cls, id);
      defs[id] = classSchema(cls);
    }
    return { $ref: `#/$defs/${id}` };
  };

  const unsupported = (cls: DtoClass, what: string): never => {
    throw new UnsupportedForCompiledAcceptance(`${cls.name}: ${what}`);
  };

  function classSchema(cls: DtoClass): AnySchemaObject {
    // As the pipe asks (no groups, `always` off): the same rules class-validator runs.
    const metadatas = validatorStorage.getTargetValidationMetadatas(cls, undefined, false, false, undefined);
    if (metadatas.length === 0) unsupported(cls, 'no rules (class-validator refuses it as an unknown value)');
    if (transformStorage.getExposedMetadatas(cls).length || transformStorage.getExcludedMetadatas(cls).length)
      unsupported(cls, '@Expose or @Exclude renames or drops properties');
    const byProperty = validatorStorage.groupByPropertyName(metadatas);
    // class-transformer starts from `new cls()`: a property the class sets itself is a default
    // (or, without rules, a property the whitelist refuses whatever is sent).
    for (const [key, value] of Object.entries(new (cls as new () => object)())) {
      if (value !== undefined) unsupported(cls, `property ${key} has a default value`);
      if (!byProperty[key]?.length) unsupported(cls, `property ${key} has no rules`);
    }
    const properties: Record<string, AnySchemaObject> = {};
    const required: string[] = [];
    const own: PropertyRules[] = [];
    for (const [property, list] of Object.entries(byProperty)) {
      if (transformStorage.findTransformMetadatas(cls, property, TransformationType.PLAIN_TO_CLASS).length)
        unsupported(cls, `property ${property} is transformed (@Transform)`);
      const { schema, propertyRules } = propertySchema(cls, property, list);
      properties[property] = schema;
      own.push(propertyRules);
      if (propertyRules.skip === null) required.push(property);
    }
    rules.push(own);
    return {
      type: 'object',
      [RULES_KEYWORD]: rules.length - 1,
      properties,
      required,
      // The whitelist: any other key is refused (forbidNonWhitelisted).
      additionalProperties: false,
    };
  }

  function propertySchema(
    cls: DtoClass,
    property: string,
    list: RuleMetadata[],
  ): { schema: AnySchemaObject; propertyRules: PropertyRules } {
    let skip: PropertyRules['skip'] = null;
    const checks: PropertyRules['checks'] = [];
    let nested: RuleMetadata | undefined;
    for (const metadata of list) {
      if (metadata.each) unsupported(cls, `property ${property} has a rule for each element`);
      if (metadata.validateIf) unsupported(cls, `property ${property} has a rule with its own condition`);
      switch (metadata.type) {
        case ValidationTypes.CONDITIONAL_VALIDATION: {
          const condition = metadata.constraints[0];
          // What the condition skips: @IsOptional and Nullable skip null and undefined, Optional undefined.
          const skips =
            metadata.name === 'isOptional' || condition === isNotNullish
              ? 'nullish'
              : condition === isGiven
                ? 'undefined'
                : unsupported(cls, `property ${property} has a condition of its own (@ValidateIf)`);
          // Two conditions must both hold: the property is skipped when either is false.
          skip = skip === 'nullish' || skips === 'nullish' ? 'nullish' : 'undefined';
          break;
        }
        case ValidationTypes.IS_DEFINED:
        case ValidationTypes.CUSTOM_VALIDATION:
          for (const constraint of validatorStorage.getTargetValidatorConstraints(metadata.constraintCls)) {
            if (constraint.async) unsupported(cls, `property ${property} has an asynchronous rule`);
            const instance = constraint.instance;
            checks.push({
              validate: (value, args) => instance.validate(value, args),
              args: {
                targetName: cls.name,
                property: metadata.propertyName,
                object: NO_OBJECT,
                value: undefined,
                constraints: metadata.constraints,
              },
            });
          }
          break;
        case ValidationTypes.NESTED_VALIDATION:
          nested = metadata;
          break;
        case ValidationTypes.WHITELIST:
          break;
        default:
          unsupported(cls, `property ${property} has a ${metadata.type} rule`);
      }
    }
    const type = transformStorage.findTypeMetadata(cls, property);
    let schema: AnySchemaObject = {};
    if (nested) {
      if (!type?.typeFunction) unsupported(cls, `property ${property} is nested without @Type`);
      schema = nestedSchema(cls, property, type!);
      // A null that a condition skips is not validated as nested either.
      if (skip === 'nullish') schema = { anyOf: [{ type: 'null' }, schema] };
    } else if (type) unsupported(cls, `property ${property} is converted (@Type) but not validated as nested`);
    return { schema, propertyRules: { property, skip, checks } };
  }

  function nestedSchema(cls: DtoClass, property: string, type: TypeMetadata): AnySchemaObject {
    const discriminator = type.options.discriminator;
    if (!discriminator) return refOf(type.typeFunction!());
    if (!type.options.keepDiscriminatorProperty)
      unsupported(cls, `property ${property}'s discriminator is dropped from the value`);
    const tag = discriminator.property;
    // The class is picked by the tag, as class-transformer picks it (Ajv's discriminator tests
    // the tag once and checks that one class); a tag that names no subtype is left to the pipe.
    return {
      type: 'object',
      discriminator: { propertyName: tag },
      required: [tag],
      properties: { [tag]: { type: 'string' } },
      oneOf: discriminator.subTypes.map((s) => ({
        properties: { [tag]: { const: s.name } },
        allOf: [refOf(s.value)],
      })),
    };
  }

  const schema = { $defs: defs, ...refOf(root) };
  const ajv = new Ajv({
    strict: true,
    discriminator: true,
    allErrors: false,
    ownProperties: true,
    code: { optimize: true },
  });
  ajv.addKeyword({
    keyword: RULES_KEYWORD,
    type: 'object',
    schemaType: 'number',
    errors: false,
    compile: (index: number) => {
      const properties = rules[index]!;
      return (data: Record<string, unknown>) => {
        // An object class-transformer would not make from JSON (a class instance…) is the pipe's.
        if (!isPlainJson(data)) return false;
        for (const { property, skip, checks } of properties) {
          const value = data[property];
          // Absent where no condition skips it is refused by `required` (JSON has no undefined).
          if (value === undefined || (value === null && skip === 'nullish')) continue;
          // So is a value class-transformer would not copy as it is (a Buffer, a Date…).
          if (typeof value === 'object' && value !== null && !isPlainJson(value)) return false;
          for (const check of checks) {
            check.args.object = data;
            check.args.value = value;
            const ok = check.validate(value, check.args);
            // Not kept past the call (the command could not be collected).
            check.args.object = NO_OBJECT;
            check.args.value = undefined;
            // class-validator takes any truthy answer; a promise (or other object) is left to it.
            if (!ok || typeof ok === 'object') return false;
          }
        }
        return true;
      };
    },
  });
  const validate = ajv.compile(schema);
  return (value) => validate(value) === true;
}

/** An object as JSON.parse makes them: a plain object or an array. */
function isPlainJson(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === Array.prototype;
}
