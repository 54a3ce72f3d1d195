#!/usr/bin/env node
// The CLI runs the TypeScript sources through tsx, so `npx sfhs` works right after `npm install` with no build step.
// Before that, one check of what an install that looked fine can still lack (a supported Node, a built
// better-sqlite3), so those end in one line with the fix instead of a stack trace. Only dynamic imports below it:
// static ones would load tsx before an old Node is told it is too old.
import { runtimeProblem } from '../scripts/runtime-check.mjs';

const problem = runtimeProblem({
  packageJson: new URL('../package.json', import.meta.url),
  requireFrom: import.meta.url,
});
if (problem) {
  console.error(problem);
  process.exit(1);
}
const { register } = await import('tsx/esm/api');
register();
const { runCli } = await import('../main/cli/index.ts');
process.exitCode = await runCli(process.argv.slice(2));
