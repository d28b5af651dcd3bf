import { hash, verify, type Algorithm } from '@node-rs/argon2';

// @node-rs/argon2 declares Algorithm as a const enum, which isolated modules cannot read: 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;

/**
 * argon2id with the OWASP Password Storage Cheat Sheet's baseline (19 MiB, 2 passes, 1 lane):
 * about 10 ms per hash on a small server, in a worker thread (N-API, off the event loop).
 */
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

// Verifying against this when the username is unknown makes both answers take the same time.
let decoy: Promise<string> | undefined;

/** Whether the password matches; `stored` null (unknown account, or no password) still costs one verify. */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    decoy ??= hash('courtside-decoy-password', OPTIONS);
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}
