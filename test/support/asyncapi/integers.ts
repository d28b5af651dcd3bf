/**
 * Which numbers of the AsyncAPI document are whole. ts-json-schema-generator writes every
 * TypeScript `number` as `number`; a client generated in a typed language would then hold a
 * double for a seq, a score or a period. The document says `integer` where the source says so:
 *
 * - a plain type (the domain's interfaces) says it with the `Integer` alias
 *   (src/domain/shared/integer.ts, `@asType integer`), which the generator writes as a reference
 *   to a schema of that name: the reference is replaced by `type: integer`;
 * - a class (the DTOs the REST API shares with the sockets) says it in its `@ApiProperty` or its
 *   class-validator rules, read as the OpenAPI document reads them (describeValidationRules). The
 *   alias is not used on a decorated property: compiled file by file (ts-jest), its design type
 *   would be recorded as `Object` where tsc records `Number`;
 * - a choice of whole numbers (`points: 2 | 3`) is an integer.
 *
 * Fractions stay `number` (shooting percentages, a rule's bound in an error).
 */
import 'reflect-metadata';
import { DECORATORS } from '@nestjs/swagger';
import { describeValidationRules } from '../../../src/common/openapi/validation-rules.js';
import type { DtoClass } from '../../../src/common/validation/compiled-accept.js';
import * as errorBodies from '../../../src/common/errors/error-body.js';
import * as games from '../../../src/modules/games/game.dto.js';
import * as plays from '../../../src/modules/games/play-event.dto.js';

type Json = Record<string, any>;

const INTEGER_ALIAS = '#/components/schemas/Integer';

/**
 * Types of src/live/events.ts made from a class: the commands are the REST bodies with the game's
 * id beside them, a delta is the recorded event with the clock.
 */
const MADE_FROM_CLASSES: Record<string, DtoClass> = {
  GameEventCommand: plays.RecordEventDto,
  GameUndoCommand: plays.UndoDto,
  GameTransitionCommand: games.GameTransitionDto,
  GameEventDelta: plays.RecordedEventDto,
};

/** Rewrites `definitions` (component schemas, references already pointing at #/components/schemas). */
export function describeIntegers(definitions: Json): void {
  inlineIntegerAlias(definitions);
  delete definitions.Integer;
  wholeChoices(definitions);
  classIntegers(definitions);
}

function walk(node: unknown, visit: (schema: Json) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === 'object') {
    visit(node as Json);
    Object.values(node).forEach((n) => walk(n, visit));
  }
}

/** `{ $ref: Integer, description }` → `{ type: integer, description }`; `Integer | null` → `type: [integer, null]`. */
function inlineIntegerAlias(definitions: Json): void {
  walk(definitions, (schema) => {
    if (schema.$ref === INTEGER_ALIAS) {
      delete schema.$ref;
      schema.type = 'integer';
    }
  });
  walk(definitions, (schema) => {
    const members: unknown[] | undefined = schema.anyOf;
    const types = members?.map((m) => (isBareType(m) ? m.type : null));
    if (!types?.includes('integer') || types.some((t) => t === null)) return;
    delete schema.anyOf;
    schema.type = types;
  });
}

const isBareType = (m: unknown): m is { type: string } =>
  !!m && typeof m === 'object' && Object.keys(m).length === 1 && typeof (m as Json).type === 'string';

function wholeChoices(definitions: Json): void {
  walk(definitions, (schema) => {
    const values: unknown[] | undefined = schema.enum ?? ('const' in schema ? [schema.const] : undefined);
    if (schema.type === 'number' && values?.length && values.every(Number.isInteger)) schema.type = 'integer';
  });
}

function classIntegers(definitions: Json): void {
  describeValidationRules();
  const classes: Record<string, DtoClass> = { ...MADE_FROM_CLASSES };
  for (const [name, value] of Object.entries({ ...errorBodies, ...games, ...plays }))
    if (typeof value === 'function' && name in definitions) classes[name] = value as DtoClass;
  for (const [name, cls] of Object.entries(classes)) {
    const properties: Json | undefined = definitions[name]?.properties;
    if (!properties) throw new Error(`AsyncAPI: no object schema ${name} for the class ${cls.name}`);
    for (const [property, schema] of Object.entries(properties)) {
      const described = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, cls.prototype, property) as
        { type?: unknown; isArray?: boolean } | undefined;
      if (described?.type !== 'integer') continue;
      if (!retype(described.isArray ? (schema as Json).items : schema))
        throw new Error(`AsyncAPI: ${name}.${property} is an integer in its @ApiProperty, not a number in its type`);
    }
  }
}

/** Makes a `number` schema (or `number | null`) an integer; false when it is not one. */
function retype(schema: Json | undefined): boolean {
  if (!schema) return false;
  if (schema.type === 'number' || schema.type === 'integer') {
    schema.type = 'integer';
    return true;
  }
  if (Array.isArray(schema.type) && (schema.type.includes('number') || schema.type.includes('integer'))) {
    schema.type = schema.type.map((t: string) => (t === 'number' ? 'integer' : t));
    return true;
  }
  return false;
}
