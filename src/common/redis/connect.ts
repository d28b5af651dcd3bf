import { createClient } from '@redis/client';

export type RedisClient = ReturnType<typeof createClient>;

/** How long start-up waits for Redis before it stops with a clear message. */
const REDIS_CONNECT_TIMEOUT_MS = 10_000;

/**
 * Connects to REDIS_URL for one purpose (live rooms, rate limits), reconnecting with backoff while
 * running; at start it waits a bounded time and fails with one line naming the purpose.
 */
export async function connectRedis(
  url: string,
  options: { purpose: string; offlineQueue: boolean; onError: (err: Error) => void },
): Promise<RedisClient> {
  const client: RedisClient = createClient({
    url,
    disableOfflineQueue: !options.offlineQueue,
    socket: { reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 5000) },
  });
  client.on('error', options.onError);
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.connect(),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${REDIS_CONNECT_TIMEOUT_MS} ms`)),
          REDIS_CONNECT_TIMEOUT_MS,
        );
      }),
    ]);
  } catch (e) {
    client.destroy();
    throw new Error(`could not connect to Redis for ${options.purpose} (REDIS_URL): ${(e as Error).message}`, {
      cause: e,
    });
  } finally {
    clearTimeout(timer);
  }
  return client;
}
