export * from './principal.js';
export * from './tournament-policy.js';
export * from './unit-policy.js';
export * from './account-policy.js';
export * from './scorekeeping-policy.js';
