/**
 * Runs Doyensec's electronegativity over the desktop shell's sources, offline, with the pinned
 * Electron version, and fails on any finding of high (or critical) severity.
 *
 * `npm run check:electron` (part of `npm test`). Uses the library entry (dist/runner.js): the
 * package's CLI reads its options through a hoisted `commander` it does not declare, and with
 * commander ≥ 7 it sees no `--input` and only prints its help.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface Issue {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: { name: string; value: number };
  confidence: { name: string };
  description: string;
  manualReview: boolean;
}
type Run = (
  options: Record<string, unknown>,
  forCli?: boolean,
) => Promise<{ issues: Issue[]; errors: unknown[]; atomicChecks: number; globalChecks: number }>;

const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity/dist/runner.js') as Run;
const electronVersion = (require('electron/package.json') as { version: string }).version;
const root = fileURLToPath(new URL('../..', import.meta.url));
const HIGH = new Set(['HIGH', 'CRITICAL']);

async function main(): Promise<void> {
  const inputs =
    process.argv.length > 2
      ? process.argv.slice(2).map((p) => path.resolve(p))
      : [path.join(root, 'electron')];
  let high = 0;
  for (const input of inputs) {
    const result = await run({
      input,
      output: undefined,
      isSarif: false,
      customScan: [],
      excludeFromScan: [],
      severitySet: 'INFORMATIONAL',
      confidenceSet: 'TENTATIVE',
      isRelative: true,
      isVerbose: false,
      electronUpgrade: undefined,
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    });
    console.log(
      `electronegativity ${path.relative(root, input)}/ (Electron ${electronVersion}): ${result.atomicChecks} atomic + ${result.globalChecks} global checks, ${result.issues.length} findings, ${result.errors.length} parse errors`,
    );
    for (const issue of result.issues) {
      const isHigh = HIGH.has(issue.severity.name.toUpperCase());
      if (isHigh) high++;
      console.log(
        `  ${isHigh ? 'HIGH ' : '     '}${issue.severity.name.padEnd(13)} ${issue.confidence.name.padEnd(10)} ${issue.id.padEnd(40)} ${issue.file}:${issue.location.line}`,
      );
    }
    if (result.errors.length > 0)
      console.log(`  parse errors: ${JSON.stringify(result.errors).slice(0, 500)}`);
  }
  if (high > 0) {
    console.error(`electronegativity: ${high} finding(s) of high severity.`);
    process.exit(1);
  }
  console.log('electronegativity: no findings of high severity.');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
