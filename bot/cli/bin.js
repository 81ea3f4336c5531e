#!/usr/bin/env node
// The `workplan` command. Runs the TypeScript sources through tsx, so a
// fresh clone needs no build step for the CLI, the demo and the tests.
// Production processes (npm start, npm run receiver, npm run worker) run the
// compiled JavaScript in dist/ instead: see run-dist.js.
import { register } from 'tsx/esm/api';

register();
await import('./entry.ts');
