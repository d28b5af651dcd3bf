// The test environment of both projects: Jest's Node environment with three changes, so that a
// slow or failing file fails on its own instead of taking the run down with it.
//
// 1. Each project's `testTimeout` applies. Jest 30 reads `testTimeout` only from the top level
//    of the configuration (jest-circus takes `globalConfig.testTimeout`; a project's own value
//    is kept in its config but never used), so hooks fell back to Jest's 5 s. The value is
//    handed to jest-circus the way `jest.setTimeout()` does it; a file's own `jest.setTimeout()`
//    or a hook's/test's own timeout still wins.
// 2. `process.exit()` called from a test file's code throws instead of exiting. On a machine with
//    two cores Jest runs every file inside its own main process (maxWorkers = cores - 1 = 1, so
//    in band): an exit there — NestJS's package loader exits with 1 when an `import()` fails, as
//    it does after a file's environment was torn down — ended the whole run without results.
// 3. When a file is done (`run_finish`: its tests and every afterAll ran), starts still under way
//    are awaited and whatever the test helpers started and the file did not stop is stopped
//    (test/support/cleanup.ts), before Jest tears the file's environment down. A `beforeAll` that
//    ran past its timeout therefore neither imports into a torn-down environment nor leaves a
//    server listening that keeps the run from exiting.
import path from 'node:path';
import { TestEnvironment } from 'jest-environment-node';

const CLEANUP = Symbol.for('courtside.test.cleanup');
// What `jest.setTimeout()` sets; jest-circus reads it when the file's run starts.
const TEST_TIMEOUT = Symbol.for('TEST_TIMEOUT_SYMBOL');

export default class CourtsideEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.file = path.relative(process.cwd(), context.testPath);
    const timeout = config.projectConfig.testTimeout;
    if (timeout) this.global[TEST_TIMEOUT] = timeout;

    const file = this.file;
    this.global.process.exit = function exit(code) {
      throw new Error(
        `process.exit(${code ?? ''}) was called by code running in ${file}; refused, so that only this file ` +
          'fails and the other files still run and report',
      );
    };
  }

  async handleTestEvent(event) {
    if (event.name !== 'run_finish') return;
    const cleanup = this.global[CLEANUP];
    if (typeof cleanup !== 'function') return;
    let problems;
    try {
      problems = await cleanup();
    } catch (e) {
      problems = [String(e?.stack ?? e)];
    }
    for (const p of problems) process.stderr.write(`\n[tests] ${this.file}: cleanup: ${p}\n`);
  }
}
