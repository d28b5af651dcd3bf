import { armExitWatchdog } from './exit-watchdog.mjs';

export default async function globalTeardown(globalConfig) {
  try {
    const { teardownDatabases } = await import('./teardown-databases.ts');
    await teardownDatabases();
  } finally {
    // Not in watch mode, where Jest stays on by design.
    if (!globalConfig?.watch && !globalConfig?.watchAll) armExitWatchdog();
  }
}
