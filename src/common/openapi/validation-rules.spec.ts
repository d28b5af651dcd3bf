import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { ApiProperty, ApiPropertyOptional, DECORATORS } from '@nestjs/swagger';
import { IsIn, IsInt, IsNumber, Max, Min } from 'class-validator';
import { describeValidationRules } from './validation-rules.js';

const described = (cls: { prototype: object }, property: string) =>
  Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, cls.prototype, property) as Record<string, unknown>;

class RulesSpecCommand {
  @ApiProperty({ description: 'kept' }) @IsInt() @Min(0) @Max(99) whole: number;
  @ApiProperty() @IsNumber() @Min(0) @Max(10) fraction: number;
  @ApiProperty({ type: [Number] }) @IsInt({ each: true }) @Min(0, { each: true }) items: number[];
  @ApiProperty({ enum: [2, 3] }) @IsIn([2, 3]) points: number;
  @ApiProperty({ enum: [0.5, 1] }) @IsIn([0.5, 1]) weight: number;
  @IsInt() undescribed: number;
}

class RulesSpecParent {
  @ApiPropertyOptional({ minimum: 1 }) @IsInt() @Min(1) @Max(100) size = 10;
}
class RulesSpecChild extends RulesSpecParent {
  @ApiPropertyOptional() @IsInt() @Max(5) extra?: number;
}

describe('describeValidationRules', () => {
  it('writes what the class-validator rules enforce into the properties the document describes', () => {
    describeValidationRules();
    expect(described(RulesSpecCommand, 'whole')).toMatchObject({
      type: 'integer',
      minimum: 0,
      maximum: 99,
      description: 'kept',
    });
    expect(described(RulesSpecCommand, 'fraction')).toMatchObject({ type: Number, minimum: 0, maximum: 10 });
    // `each`: the items are integers; a bound is not put on the array.
    expect(described(RulesSpecCommand, 'items')).toMatchObject({ type: 'integer', isArray: true });
    expect(described(RulesSpecCommand, 'items')).not.toHaveProperty('minimum');
    expect(described(RulesSpecCommand, 'points')).toMatchObject({ type: 'integer', enum: [2, 3] });
    expect(described(RulesSpecCommand, 'weight')).toMatchObject({ type: 'number', enum: [0.5, 1] });
    expect(described(RulesSpecCommand, 'undescribed')).toBeUndefined();
    // Again: the same.
    const once = described(RulesSpecCommand, 'whole');
    describeValidationRules();
    expect(described(RulesSpecCommand, 'whole')).toEqual(once);
  });

  it('describes the rules a class inherits on that class, and the parent by its own rules only', () => {
    describeValidationRules();
    expect(described(RulesSpecChild, 'size')).toMatchObject({ type: 'integer', minimum: 1, maximum: 100 });
    expect(described(RulesSpecChild, 'extra')).toMatchObject({ type: 'integer', maximum: 5 });
    expect(described(RulesSpecParent, 'size')).toMatchObject({ type: 'integer', maximum: 100 });
    expect(described(RulesSpecParent, 'extra')).toBeUndefined();
  });
});
