import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import os from 'node:os';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../../domain/shared/domain-error.js';
import type { AccountEntity } from './account.entity.js';
import { AdminSetupError, administratorExists, createAdministrator } from './first-admin.js';

/** Serialises every decision about the first administrator (start-up bootstrap and setup link). */
export const FIRST_ADMIN_LOCK = `SELECT pg_advisory_xact_lock(hashtext('courtside:first-admin'))`;

interface LinkSettings {
  HOST: string;
  PORT: number;
  PUBLIC_URL?: string;
}

const digest = (token: string) => createHash('sha256').update(token, 'utf8').digest();

/**
 * The one-time setup link a fresh server prints while there is no administrator
 * (`/desk#setup=<token>`): whoever can read the server's output can create the first
 * administrator in the browser. Only the token's SHA-256 is kept, in this process; it works
 * once, and not at all once an administrator exists (however created). Each start without an
 * administrator prints a new link.
 */
@Injectable()
export class FirstAdminSetup {
  private tokenHash: Buffer | undefined;

  constructor(private readonly dataSource: DataSource) {}

  /** A new token (replacing any earlier one of this process). */
  issue(): string {
    const token = randomBytes(24).toString('base64url');
    this.tokenHash = digest(token);
    return token;
  }

  /**
   * Where to open the link: PUBLIC_URL when set; else the configured host, or localhost and
   * this machine's LAN addresses.
   */
  links(token: string, { HOST: host, PORT: port, PUBLIC_URL: publicUrl }: LinkSettings): string[] {
    const at = (h: string) => `http://${h.includes(':') ? `[${h}]` : h}:${port}/desk#setup=${token}`;
    if (publicUrl) return [`${publicUrl.replace(/\/+$/, '')}/desk#setup=${token}`];
    if (host !== '0.0.0.0' && host !== '::') return [at(host)];
    const lan = Object.values(os.networkInterfaces())
      .flat()
      .filter((a) => a && a.family === 'IPv4' && !a.internal)
      .map((a) => a!.address);
    return [at('localhost'), ...lan.slice(0, 3).map(at)];
  }

  /** Creates the first administrator with a valid, unused token; the token is spent. */
  async createFirstAdministrator(token: string, username: string, password: string): Promise<AccountEntity> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(FIRST_ADMIN_LOCK);
      if (await administratorExists(manager)) {
        this.tokenHash = undefined;
        throw new DomainError(
          'SETUP_ALREADY_DONE',
          'conflict',
          'An administrator exists already: log in, or ask an administrator for an account',
        );
      }
      const expected = this.tokenHash;
      if (!expected || !timingSafeEqual(expected, digest(token)))
        throw new DomainError(
          'SETUP_LINK_INVALID',
          'forbidden',
          'This setup link is not valid (already used, or from an earlier start of the server): use the link the server printed last',
        );
      try {
        const account = await createAdministrator(manager, username, password, 'setup-link');
        this.tokenHash = undefined;
        return account;
      } catch (e) {
        if (e instanceof AdminSetupError) throw new DomainError('SETUP_REFUSED', 'invalid', e.message);
        throw e;
      }
    });
  }
}
