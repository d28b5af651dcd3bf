export * from './events.js';
export * from './retry.js';
export * from './signature.js';
export * from './target-url.js';
