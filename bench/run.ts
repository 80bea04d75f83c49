/**
 * `npm run bench`: every benchmark, each printing its figures and ratios against an anchor
 * measured in the same run. `npm run bench -- model pdf` runs only the named ones.
 */
import { benchModel } from './model';

const BENCHES: Record<string, () => Promise<void>> = {
  model: benchModel,
};

const wanted = process.argv.slice(2);
for (const [name, run] of Object.entries(BENCHES)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  console.log(`\n=== ${name} ===`);
  await run();
}
