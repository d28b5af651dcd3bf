import { Get, Query } from '@nestjs/common';
import { ApiController } from '../../common/http/api-controller.js';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/auth/access.decorators.js';
import { ApiErrors } from '../../common/http/api-errors.js';
import { HomeFeedDto, HomeFeedQueryDto } from './home-feed.dto.js';
import { HomeFeed } from './home-feed.service.js';

@ApiTags('home')
@ApiController('home')
export class HomeController {
  constructor(private readonly home: HomeFeed) {}

  @ApiOperation({ summary: "The start page: live games, today's games and the latest results, every tournament" })
  @Get()
  @Public()
  @ApiOkResponse({ type: HomeFeedDto })
  @ApiErrors(400)
  get(@Query() query: HomeFeedQueryDto): Promise<HomeFeedDto> {
    return this.home.feed(query.date ?? serverToday());
  }
}

/** The server's calendar date (the venue's, when the server runs in its time zone). */
function serverToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
