// Jest loads global setup outside its own module system; `npm test` runs Node with tsx, so
// the TypeScript helpers can be imported directly here.
export default async function globalSetup() {
  const { setupDatabases } = await import('./setup-databases.ts');
  await setupDatabases();
}
