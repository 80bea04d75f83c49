/**
 * `npm run bench`: every benchmark, each printing its figures and ratios against an anchor
 * measured in the same run. `npm run bench -- model pdf` runs only the named ones.
 */
const BENCHES: Record<string, () => Promise<void>> = {
  model: async () => (await import('./model')).benchModel(),
  pdf: async () => (await import('./pdf')).benchPdf(),
  desktop: async () => (await import('./desktop')).benchDesktop(),
  sync: async () => (await import('./sync')).benchSync(),
  integrity: async () => (await import('./syncIntegrity')).benchSyncIntegrity(),
  app: async () => (await import('./app')).benchApp(),
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in BENCHES));
if (unknown.length > 0) {
  console.error(
    `Unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(BENCHES).join(', ')}.`,
  );
  process.exit(2);
}
for (const [name, run] of Object.entries(BENCHES)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  console.log(`\n=== ${name} ===`);
  await run();
}
export {};
