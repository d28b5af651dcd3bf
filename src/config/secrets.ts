import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A server secret: the given value when set; otherwise generated once and kept in
 * DATA_DIR/secrets/<file> so it survives restarts (not for production, where every secret
 * is required in the environment).
 */
export function resolveSecret(
  given: string | undefined,
  dataDir: string,
  file: string,
): { key: string; generated: boolean } {
  if (given) return { key: given, generated: false };
  const location = path.resolve(dataDir, 'secrets', file);
  if (existsSync(location)) return { key: readFileSync(location, 'utf8').trim(), generated: false };
  mkdirSync(path.dirname(location), { recursive: true, mode: 0o700 });
  const key = randomBytes(32).toString('hex');
  writeFileSync(location, key + '\n', { mode: 0o600 });
  return { key, generated: true };
}

/** The key for hashing national ID numbers (ID_HASH_KEY), so hashes stay comparable across restarts. */
export const resolveIdHashKey = (given: string | undefined, dataDir: string) =>
  resolveSecret(given, dataDir, 'id-hash.key');

/** The key that signs access tokens (JWT_SECRET), so logins survive restarts. */
export const resolveJwtSecret = (given: string | undefined, dataDir: string) =>
  resolveSecret(given, dataDir, 'jwt.key');
