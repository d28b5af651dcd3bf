/**
 * Published on node:diagnostics_channel once the server listens, with the data folder in use.
 * The production launcher (src/build/launcher.ts) waits for it to keep the compiled code; anything
 * else that needs to know the server is up can subscribe without main.ts knowing about it.
 */
export const LISTENING_CHANNEL = 'courtside:listening';

export interface ListeningMessage {
  dataDir: string;
}
