/** The live feed's rules: catch-up after a reconnect, ordering of deltas, the game clock on a page. */
export * from './game-feed.js';
