import { Inject, Injectable, Logger, Optional, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { AdminSetupError, administratorExists, createAdministrator } from './first-admin.js';
import { FIRST_ADMIN_LOCK, FirstAdminSetup } from './first-admin-setup.js';

/**
 * The first administrator from ADMIN_USERNAME and ADMIN_PASSWORD, created at start only while
 * there is no administrator at all (so changing the variables later changes nothing). There
 * is never a default password: without the variables the log says how to create one.
 */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('Accounts');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() private readonly setup: FirstAdminSetup = new FirstAdminSetup(dataSource),
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { ADMIN_USERNAME: username, ADMIN_PASSWORD: password } = this.config.env;
    await this.dataSource.transaction(async (manager) => {
      // One server at a time decides, so two starting together cannot both create one.
      await manager.query(FIRST_ADMIN_LOCK);
      if (await administratorExists(manager)) {
        if (username)
          this.logger.log(
            'an administrator exists: ADMIN_USERNAME/ADMIN_PASSWORD are ignored (remove them from the environment)',
          );
        return;
      }
      if (!username || !password) {
        const [link, ...others] = this.setup.links(this.setup.issue(), this.config.env);
        this.logger.warn(
          `there is no administrator yet: open ${link} to create the first one (one-time link${others.length ? `; from another machine: ${others.join(' or ')}` : ''}), or set ADMIN_USERNAME and ADMIN_PASSWORD, or run \`npm run admin:create -- <username>\``,
        );
        return;
      }
      try {
        const admin = await createAdministrator(manager, username, password, 'startup');
        this.logger.log({ username: admin.username }, 'created the first administrator from ADMIN_USERNAME');
      } catch (e) {
        if (!(e instanceof AdminSetupError)) throw e;
        this.logger.error(`could not create the first administrator from ADMIN_USERNAME: ${e.message}`);
      }
    });
  }
}
