#!/usr/bin/env node
// The CLI runs the TypeScript sources through tsx, so `npx sfhs` works right after `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../main/cli/index.ts');
process.exitCode = await runCli(process.argv.slice(2));
