import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * How a delivery is signed (the README shows a receiver checking it):
 *   X-Courtside-Timestamp: <unix seconds>
 *   X-Courtside-Signature: v1=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>
 * The timestamp inside the signed text lets a receiver refuse replays older than a few minutes.
 */
export const SIGNATURE_VERSION = 'v1';

export function signDelivery(secret: string, timestamp: number, body: string): string {
  return `${SIGNATURE_VERSION}=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** What a receiver does: same HMAC, compared in constant time, and a timestamp not too old. */
export function verifyDelivery(
  secret: string,
  header: { timestamp: string | undefined; signature: string | undefined },
  body: string,
  options: { now?: number; toleranceSeconds?: number } = {},
): boolean {
  const timestamp = Number(header.timestamp);
  if (!Number.isInteger(timestamp) || !header.signature) return false;
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signDelivery(secret, timestamp, body));
  const given = Buffer.from(header.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** A new hook's secret: 32 random bytes, shown to the organiser once. */
export const newWebhookSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;
