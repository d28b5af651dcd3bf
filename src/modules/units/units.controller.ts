import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../../common/http/api-errors.js';
import { UuidParam } from '../../common/http/uuid-param.js';
import { PageOf } from '../../common/pagination/page.js';
import { CreateUnitDto, UnitDto, UnitQueryDto, UpdateUnitDto } from './unit.dto.js';
import { UnitsService } from './units.service.js';

const UnitPage = PageOf(UnitDto);

@ApiTags('units')
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Post()
  @ApiCreatedResponse({ type: UnitDto })
  @ApiErrors(400, 409)
  create(@Body() dto: CreateUnitDto): Promise<UnitDto> {
    return this.units.create(dto);
  }

  @Get()
  @ApiOkResponse({ type: UnitPage })
  @ApiErrors(400)
  list(@Query() query: UnitQueryDto) {
    return this.units.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: UnitDto })
  @ApiErrors(400, 404)
  get(@UuidParam('id') id: string): Promise<UnitDto> {
    return this.units.get(id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: UnitDto })
  @ApiErrors(400, 404, 409)
  update(@UuidParam('id') id: string, @Body() dto: UpdateUnitDto): Promise<UnitDto> {
    return this.units.update(id, dto);
  }
}
