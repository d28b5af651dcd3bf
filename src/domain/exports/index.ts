export * from './sheet.js';
export * from './tables.js';
