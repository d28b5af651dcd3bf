export default async function globalTeardown() {
  const { teardownDatabases } = await import('./teardown-databases.ts');
  await teardownDatabases();
}
