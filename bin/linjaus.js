#!/usr/bin/env node
// The `linjaus` command line. Runs the TypeScript sources through tsx, so `npm ci` is all the
// set-up it needs.
import { register } from 'tsx/esm/api';

register();
await import('../server/cli/main.ts');
