export * from './national-id.js';
export * from './roster.js';
export * from './tournament-rules.js';
export * from './roster-csv.js';
export * from './team-logo.js';
