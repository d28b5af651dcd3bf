import { Body, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiController } from '../../common/http/api-controller.js';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '../../common/auth/access.decorators.js';
import { CurrentActor, type Actor } from '../../common/auth/actor.js';
import { ApiErrors } from '../../common/http/api-errors.js';
import { UuidParam } from '../../common/http/uuid-param.js';
import { PageOf } from '../../common/pagination/page.js';
import { CreateUnitDto, UnitDto, UnitQueryDto, UpdateUnitDto } from './unit.dto.js';
import { UnitsService } from './units.service.js';

const UnitPage = PageOf(UnitDto);

@ApiTags('units')
@ApiController('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @ApiOperation({ summary: 'Register a unit' })
  @Post()
  @Roles(['organiser', 'admin'], 'organisers and administrators (units are shared by every tournament)')
  @ApiCreatedResponse({ type: UnitDto })
  @ApiErrors(400, 409)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUnitDto): Promise<UnitDto> {
    return this.units.create(actor, dto);
  }

  @ApiOperation({ summary: 'List units' })
  @Get()
  @Public()
  @ApiOkResponse({ type: UnitPage })
  @ApiErrors(400)
  list(@Query() query: UnitQueryDto) {
    return this.units.list(query);
  }

  @ApiOperation({ summary: 'Get a unit' })
  @Get(':id')
  @Public()
  @ApiOkResponse({ type: UnitDto })
  @ApiErrors(400, 404)
  get(@UuidParam('id') id: string): Promise<UnitDto> {
    return this.units.get(id);
  }

  @ApiOperation({ summary: 'Update a unit' })
  @Patch(':id')
  @Roles(['organiser', 'admin'], 'the organiser who registered the unit, or an administrator')
  @ApiOkResponse({ type: UnitDto })
  @ApiErrors(400, 404, 409)
  update(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: UpdateUnitDto): Promise<UnitDto> {
    return this.units.update(actor, id, dto);
  }
}
