#!/usr/bin/env node
// The `linjaus` command line. Runs the TypeScript sources through tsx, so `npm ci` is all the
// set-up it needs.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../server/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
