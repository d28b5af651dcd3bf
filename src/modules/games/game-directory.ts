import { Injectable, Module } from '@nestjs/common';
import { TransactionHost } from '../../database/transaction.js';
import { invalid } from '../../domain/shared/domain-error.js';
import { GameEntity } from './game.entity.js';

/**
 * The one question other modules ask about games (scorekeeper assignments and game codes name
 * a game): does it exist, in this tournament. A module of its own, so they can import it
 * without importing live scoring, which itself depends on them.
 */
@Injectable()
export class GameDirectory {
  constructor(private readonly txHost: TransactionHost) {}

  /** 400 naming `field` unless the game exists and belongs to the tournament. */
  async assertInTournament(gameId: string, tournamentId: string, field = 'gameId'): Promise<void> {
    const found = await this.txHost.tx.getRepository(GameEntity).existsBy({ id: gameId, tournamentId });
    if (!found)
      throw invalid('GAME_NOT_IN_TOURNAMENT', `Game ${gameId} is not a game of this tournament`, [
        { field, reason: 'must be a game of this tournament' },
      ]);
  }
}

@Module({ providers: [GameDirectory], exports: [GameDirectory] })
export class GameDirectoryModule {}
