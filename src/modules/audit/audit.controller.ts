import { Get, Query } from '@nestjs/common';
import { ApiController } from '../../common/http/api-controller.js';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth/access.decorators.js';
import { ApiErrors } from '../../common/http/api-errors.js';
import { PageOf } from '../../common/pagination/page.js';
import { AuditEntryDto, AuditQueryDto } from './audit.dto.js';
import { AuditService } from './audit.service.js';

const AuditPage = PageOf(AuditEntryDto);

@ApiTags('audit')
@ApiController('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @ApiOperation({ summary: 'List the audit log' })
  @Get()
  @Roles(['admin'], 'administrators')
  @ApiOkResponse({
    type: AuditPage,
    description:
      'Every write in the system, newest first (organisers read their own tournament’s at /tournaments/{id}/audit)',
  })
  @ApiErrors(400)
  list(@Query() query: AuditQueryDto) {
    return this.audit.list(query);
  }
}
