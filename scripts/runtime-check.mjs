// What `sfhs` checks before it loads anything else: a Node the console is tested on, and a better-sqlite3 that was
// built for it. Both fail on real machines with an install that looked fine (an old system Node; npm 12 skipping
// install scripts that package.json does not allow; a switch of Node versions after installing), and both would
// otherwise surface as a stack trace from deep inside a command. Each problem is one line with the command that
// fixes it. Plain JavaScript that still parses on old Node versions, since it is what tells them they are too old.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const parse = (version) => version.replace(/^v/, '').split('.').map(Number);

function compare(a, b) {
  for (let i = 0; i < 3; i++) if ((a[i] || 0) !== (b[i] || 0)) return (a[i] || 0) - (b[i] || 0);
  return 0;
}

/** `engines.node` as this project writes it: `^X.Y.Z` alternatives joined by `||`. */
export function supportedRanges(engines) {
  return engines.split('||').map((part) => {
    const match = part.trim().match(/^\^(\d+)\.(\d+)\.(\d+)$/);
    if (!match) throw new Error(`engines.node: "${part.trim()}" is not of the form ^X.Y.Z`);
    return match.slice(1).map(Number);
  });
}

/**
 * One line when this Node is older than what the suite passes on (below a tested major's minimum, or an untested
 * major between them); null when it is supported. A major newer than every tested one is let through: it has not
 * been proven, but nothing is known to fail on it either.
 */
export function nodeVersionProblem(nodeVersion, engines) {
  const ranges = supportedRanges(engines);
  const version = parse(nodeVersion);
  if (ranges.some((range) => version[0] === range[0] && compare(version, range) >= 0)) return null;
  if (ranges.every((range) => version[0] > range[0])) return null;
  const names = ranges.map(([major, minor, patch]) => (minor || patch ? `${major}.${minor}+` : `${major}`));
  const tested = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : names[0];
  return (
    `sfhs needs Node ${tested}; this is Node ${nodeVersion}. ` +
    'Install the current Node LTS (https://nodejs.org, or `nvm install --lts`), then run `npm ci`.'
  );
}

/** The one line for a better-sqlite3 that does not load, by what went wrong. */
export function sqliteProblem(error, nodeVersion) {
  const message = String(error?.message || error);
  const firstLine = message.split('\n')[0];
  if (error?.code === 'MODULE_NOT_FOUND' && /'better-sqlite3'/.test(message)) {
    return 'The dependencies are not installed. Run `npm ci` in this folder.';
  }
  if (/Could not locate the bindings file/.test(message)) {
    return (
      'better-sqlite3 is installed but was never built (npm skipped its install script). ' +
      'Run `npm rebuild better-sqlite3`.'
    );
  }
  if (/NODE_MODULE_VERSION|compiled against a different Node\.js version/.test(message)) {
    return (
      `better-sqlite3 was built for a different Node version than this one (Node ${nodeVersion}). ` +
      'Run `npm rebuild better-sqlite3`.'
    );
  }
  return `better-sqlite3 could not be loaded (${firstLine}). Run \`npm rebuild better-sqlite3\`.`;
}

/** Opens an in-memory database: loading the package alone does not load its native part. */
export function loadSqlite(requireFrom) {
  const Database = createRequire(requireFrom)('better-sqlite3');
  new Database(':memory:').close();
}

/** null when sfhs can start; otherwise the line to print. */
export function runtimeProblem({ packageJson, requireFrom, nodeVersion = process.versions.node }) {
  const engines = JSON.parse(readFileSync(packageJson, 'utf8')).engines.node;
  const tooOld = nodeVersionProblem(nodeVersion, engines);
  if (tooOld) return tooOld;
  try {
    loadSqlite(requireFrom);
    return null;
  } catch (error) {
    return sqliteProblem(error, nodeVersion);
  }
}
