import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The key for hashing national ID numbers. From ID_HASH_KEY when set; otherwise generated once
 * and kept in DATA_DIR/secrets so hashes stay comparable across restarts (not for production,
 * where ID_HASH_KEY is required).
 */
export function resolveIdHashKey(given: string | undefined, dataDir: string): { key: string; generated: boolean } {
  if (given) return { key: given, generated: false };
  const file = path.resolve(dataDir, 'secrets', 'id-hash.key');
  if (existsSync(file)) return { key: readFileSync(file, 'utf8').trim(), generated: false };
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const key = randomBytes(32).toString('hex');
  writeFileSync(file, key + '\n', { mode: 0o600 });
  return { key, generated: true };
}
