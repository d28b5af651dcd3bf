import { Global, Module } from '@nestjs/common';
import { LiveDelivery } from './live-delivery.service.js';

/** The broadcast side of live scoring, global so feature services can announce committed changes. */
@Global()
@Module({ providers: [LiveDelivery], exports: [LiveDelivery] })
export class LiveDeliveryModule {}
