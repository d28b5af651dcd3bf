import { Module } from '@nestjs/common';
import { GamesModule } from '../modules/games/games.module.js';
import { LiveGateway } from './live.gateway.js';

/** The socket.io gateway (LiveDeliveryModule, global, does the broadcasting). */
@Module({ imports: [GamesModule], providers: [LiveGateway] })
export class LiveModule {}
