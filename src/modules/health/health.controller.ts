import { Get, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiController } from '../../common/http/api-controller.js';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '../../common/auth/access.decorators.js';
import { ErrorBody } from '../../common/errors/error-body.js';
import { unavailable } from '../../domain/shared/domain-error.js';

const PING_TIMEOUT_MS = 1500;

interface HealthDto {
  status: 'ok';
  info: { database: { status: 'up' } };
  error: Record<string, never>;
  details: { database: { status: 'up' } };
}

/**
 * One ping of the database, bounded in time. (Terminus did the same and took a second of every
 * start to import; the answer keeps its shape.)
 */
@ApiTags('health')
@ApiController({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @ApiOperation({ summary: 'Health check (database reachable)' })
  @Get()
  @Public('anyone: load balancers and monitoring')
  @ApiOkResponse({
    description: 'The server and its database answer',
    schema: {
      example: {
        status: 'ok',
        info: { database: { status: 'up' } },
        error: {},
        details: { database: { status: 'up' } },
      },
    },
  })
  @ApiServiceUnavailableResponse({ type: ErrorBody, description: 'The database does not answer' })
  async check(): Promise<HealthDto> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), PING_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.dataSource.query('SELECT 1'), timeout]);
    } catch {
      throw unavailable('DATABASE_UNAVAILABLE', 'The database does not answer');
    } finally {
      clearTimeout(timer);
    }
    const up = { database: { status: 'up' as const } };
    return { status: 'ok', info: up, error: {}, details: up };
  }
}
