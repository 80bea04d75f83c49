/** Vitest global setup for the browser tests: build the web app once, so tests run the current code. */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

export default function setup(): void {
  if (process.env.LINJAUS_E2E_SKIP_BUILD === '1') return;
  execFileSync(
    'npx',
    ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'error'],
    {
      cwd: resolve(import.meta.dirname, '../../..'),
      stdio: 'inherit',
    },
  );
}
