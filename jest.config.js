// Two projects: `unit` runs pure specs beside the code (no database);
// `e2e` runs integration and end-to-end tests under test/ against a real PostgreSQL.
//
// Timeouts: each project's `testTimeout` is the default for its tests and hooks (beforeAll
// included). Jest 30 itself reads `testTimeout` only at the top level; the projects' own values
// apply through test/support/environment.mjs, which also keeps one failing or slow file from
// ending the run (see there). They are generous because the suite must pass on a loaded
// machine (CI runs the end-to-end suite once with both cores kept busy: on a two-core machine
// shared with other work, one end-to-end test that plays 16 games took over 2 min); a passing
// test is no slower for it.
const tsJest = ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json', diagnostics: false }];
const common = {
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': tsJest },
  testEnvironment: '<rootDir>/test/support/environment.mjs',
};

/** The end-to-end project; test/suite-resilience.e2e-spec.ts runs its fixtures under it too. */
export const e2e = {
  ...common,
  displayName: 'e2e',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
  testTimeout: 300_000,
};

export default {
  // The fallback for a project without its own value (Jest's default is 5 s).
  testTimeout: 60_000,
  projects: [
    { ...common, displayName: 'unit', roots: ['<rootDir>/src'], testMatch: ['**/*.spec.ts'], testTimeout: 60_000 },
    e2e,
  ],
};
