import { Inject, Injectable } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { normaliseNationalId } from '../../domain/registration/national-id.js';

/** Validates a national ID number and returns its keyed hash; the number itself goes no further. */
@Injectable()
export class NationalIdHasher {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  hash(raw: string, field = 'nationalId'): string {
    return createHmac('sha256', this.config.idHashKey).update(normaliseNationalId(raw, field)).digest('hex');
  }
}
