import type { Env } from './env.js';

export const APP_CONFIG = Symbol('APP_CONFIG');

/** Settings resolved at start (environment plus what start-up derived, such as the database address). */
export interface AppConfig {
  env: Env;
  databaseUrl: string;
  idHashKey: string;
  /** Signs access tokens (JWT_SECRET or the generated one). */
  jwtSecret: string;
  /** True when the server runs its own embedded PostgreSQL. */
  embeddedDatabase: boolean;
}
