// The Electron binary for `npm start`. Since Electron 42 the electron package has no install script: the binary is
// fetched on first use, and `require('electron')` starts that download synchronously, printing a stack trace when it
// fails. So nothing here requires the package: this module reads the installer's own record (path.txt), and when
// the binary is missing fetches it with a progress line, then lets the package's own installer (install-electron)
// unpack it from the cache it was just put in. Every failure is one line.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

export const electronDir = () => dirname(require.resolve('electron/package.json'));

const electronPackage = (dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));

export const browserHint = 'or use the console in a browser: `npx sfhs ui`';

/** The binary the installer recorded in path.txt, if it is really there (ELECTRON_OVERRIDE_DIST_PATH as index.js). */
export function installedElectron(dir = electronDir(), env = process.env, fileExists = existsSync) {
  const pathFile = join(dir, 'path.txt');
  const recorded = fileExists(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const binary = join(env.ELECTRON_OVERRIDE_DIST_PATH, recorded || 'electron');
    return fileExists(binary) ? binary : null;
  }
  if (!recorded) return null;
  const binary = join(dir, 'dist', recorded);
  return fileExists(binary) ? binary : null;
}

/** "22.12.0" → [22, 12, 0]; compares like semver for plain release versions. */
const parts = (version) => version.replace(/^v/, '').split('.').map(Number);
export function atLeast(version, minimum) {
  const [a, b] = [parts(version), parts(minimum)];
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
}

/** Electron's installer (@electron/get) states the Node it runs on; older ones fail in it, so say so first. */
export function installerNodeProblem(dir = electronDir(), nodeVersion = process.versions.node) {
  const range = electronPackage(dir).engines?.node ?? '';
  const minimum = range.match(/>=\s*(\d+\.\d+\.\d+)/)?.[1];
  if (!minimum || atLeast(nodeVersion, minimum)) return null;
  return (
    `Downloading Electron needs Node ${minimum} or newer (this is Node ${nodeVersion}): ` +
    `install the current Node LTS and run \`npm start\` again, ${browserHint}.`
  );
}

/** The cause a person can act on (ENOTFOUND github.com, ECONNREFUSED, HTTP 404), not fetch's bare "fetch failed". */
export function describeDownloadError(error) {
  const cause = error?.cause;
  const code = cause?.code ?? error?.code;
  const host = cause?.hostname ?? cause?.address;
  if (code) return `${code}${host ? ` ${host}` : ''}`;
  const message = String(error?.message ?? error).split('\n')[0];
  return cause?.message ? `${message}: ${cause.message}` : message;
}

export const downloadFailedMessage = (version, reason) =>
  `Electron ${version} could not be downloaded (${reason}). ` +
  `Run \`npm start\` again with network access (or set ELECTRON_MIRROR), ${browserHint}.`;

/** "Downloading Electron 45.6.1: 37% of 112 MB" — rewritten in place on a terminal, start and end lines elsewhere. */
export function progressReporter(version, stream) {
  let shownStep = -1;
  return ({ transferred, total }) => {
    const mb = (bytes) => `${Math.round(bytes / 1e6)} MB`;
    const done = total ? `${Math.floor((transferred / total) * 100)}% of ${mb(total)}` : mb(transferred);
    const line = `Downloading Electron ${version}: ${done}`;
    if (stream.isTTY) {
      stream.write(`\r${line}`);
      return;
    }
    const step = total ? Math.floor((transferred / total) * 4) : 0;
    if (step !== shownStep) stream.write(`${line}\n`);
    shownStep = step;
  };
}

/**
 * Puts the zip into @electron/get's cache (the same artifact, checksums and cache folder install-electron uses),
 * then runs install-electron, which finds it there and unpacks it into node_modules/electron/dist.
 */
export async function fetchElectron({ dir = electronDir(), env = process.env, out = process.stderr } = {}) {
  const pkg = electronPackage(dir);
  const nodeProblem = installerNodeProblem(dir);
  if (nodeProblem) return { ok: false, message: nodeProblem };
  const getPath = createRequire(join(dir, 'package.json')).resolve('@electron/get');
  const { downloadArtifact } = await import(pathToFileURL(getPath).href);
  try {
    await downloadArtifact({
      version: pkg.version,
      artifactName: 'electron',
      platform: env.ELECTRON_INSTALL_PLATFORM || env.npm_config_platform || platform(),
      arch: env.ELECTRON_INSTALL_ARCH || env.npm_config_arch || arch(),
      cacheRoot: env.electron_config_cache,
      checksums: JSON.parse(readFileSync(join(dir, 'checksums.json'), 'utf8')),
      downloadOptions: { quiet: true, getProgressCallback: progressReporter(pkg.version, out) },
    });
  } catch (error) {
    if (out.isTTY) out.write('\n');
    return { ok: false, message: downloadFailedMessage(pkg.version, describeDownloadError(error)) };
  }
  if (out.isTTY) out.write('\n');
  const unpack = spawnSync(process.execPath, [join(dir, pkg.bin['install-electron'])], { env, encoding: 'utf8' });
  const binary = installedElectron(dir, env);
  if (unpack.status === 0 && binary) return { ok: true, path: binary };
  const reason = (unpack.stderr || unpack.stdout || `exit ${unpack.status}`).trim().split('\n')[0];
  return { ok: false, message: `Electron ${pkg.version} was downloaded but not unpacked (${reason}); ${browserHint}.` };
}

/** The binary if it is installed, else fetched now; `{ ok: false, message }` is the one line to print. */
export async function ensureElectron(options = {}) {
  const installed = installedElectron(options.dir, options.env);
  if (installed) return { ok: true, path: installed };
  return fetchElectron(options);
}
