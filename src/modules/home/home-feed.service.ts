import { Injectable } from '@nestjs/common';
import { TransactionHost } from '../../database/transaction.js';
import { GameEntity } from '../games/game.entity.js';
import type { HomeFeedDto, HomeGameDto } from './home-feed.dto.js';

const LIVE = ['ready', 'live'];
const DECIDED = ['final', 'official', 'forfeit', 'lost_by_default'];
const RECENT = 12;
/** More than a venue runs at once or in a day: the home page is a glance, not an archive. */
const CAP = 60;

/**
 * The start page's glance across tournaments: what is live, what is on today, the latest results.
 * A read model of its own over the games table (like GameDirectory), reading only the columns a
 * game card shows, so it does not pull live scoring in.
 */
@Injectable()
export class HomeFeed {
  constructor(private readonly txHost: TransactionHost) {}

  async feed(date: string): Promise<HomeFeedDto> {
    const base = () =>
      this.txHost.tx
        .getRepository(GameEntity)
        .createQueryBuilder('game')
        .leftJoin('game.homeTeam', 'home')
        .leftJoin('game.awayTeam', 'away')
        .innerJoin('game.tournament', 'tournament')
        .select([
          'game.id',
          'game.tournamentId',
          'game.status',
          'game.homeScore',
          'game.awayScore',
          'game.period',
          'game.scheduledAt',
          'game.court',
          'game.competitionKey',
          'game.updatedAt',
        ])
        .addSelect(['home.id', 'home.name', 'away.id', 'away.name', 'tournament.id', 'tournament.name']);
    const [live, today, recent] = await Promise.all([
      base()
        .where('game.status IN (:...live)', { live: LIVE })
        .orderBy('game.scheduled_at', 'ASC', 'NULLS LAST')
        .addOrderBy('game.id', 'ASC')
        .take(CAP)
        .getMany(),
      base()
        .where('game.status NOT IN (:...live)', { live: LIVE })
        .andWhere('game.scheduled_at >= :day::date AND game.scheduled_at < :day::date + 1', { day: date })
        .orderBy('game.scheduled_at', 'ASC')
        .addOrderBy('game.id', 'ASC')
        .take(CAP)
        .getMany(),
      base()
        .where('game.status IN (:...decided)', { decided: DECIDED })
        .orderBy('game.updated_at', 'DESC')
        .addOrderBy('game.id', 'ASC')
        .take(RECENT)
        .getMany(),
    ]);
    return { date, live: live.map(toHomeGame), today: today.map(toHomeGame), recent: recent.map(toHomeGame) };
  }
}

function toHomeGame(g: GameEntity): HomeGameDto {
  const team = (t: GameEntity['homeTeam']) => (t ? { id: t.id, name: t.name } : null);
  return {
    id: g.id,
    tournament: { id: g.tournament!.id, name: g.tournament!.name },
    homeTeam: team(g.homeTeam),
    awayTeam: team(g.awayTeam),
    status: g.status,
    homeScore: g.homeScore,
    awayScore: g.awayScore,
    period: g.period,
    scheduledAt: g.scheduledAt,
    court: g.court,
    competitionKey: g.competitionKey,
  };
}
