/**
 * A real Secret Service for the keychain tests: a private D-Bus session (`dbus-run-session`, with no service files,
 * so nothing is started behind the test's back) and Debian's gnome-keyring-daemon on it, its login keyring unlocked
 * with a password on stdin. `lock()` and `stop()` take the keychain away the two ways a laptop does. One per test
 * file: the keychain library keeps its first session-bus connection for the life of the process.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { openSystemKeychain } from '../../main/connections/keychain.js';

const BINARIES = ['dbus-run-session', 'gnome-keyring-daemon', 'dbus-send'];

/** Why the keychain tests cannot run here, or null when they can. */
export function secretServiceMissing(): string | null {
  const path = (process.env.PATH ?? '').split(':');
  const missing = BINARIES.filter((name) => !path.some((dir) => existsSync(join(dir, name))));
  return missing.length
    ? `${missing.join(', ')} not installed (apt-get install gnome-keyring dbus libsecret-1-0 dbus-x11)`
    : null;
}

const BUS_CONFIG = `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>session</type><listen>unix:tmpdir=/tmp</listen><auth>EXTERNAL</auth>
<policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/>
</policy></busconfig>`;

export interface SecretService {
  /** Locks the login keyring: reads and writes of its items then fail (no one can answer the unlock prompt). */
  lock(): void;
  /** Stops the daemon: the keychain is gone. */
  stop(): Promise<void>;
  /** A fresh daemon on the same bus and keyring files, unlocked. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** In a folder of its own (not a test's temp folder, which goes after each test while the daemon lives on). */
export async function startSecretService(): Promise<SecretService> {
  const dir = mkdtempSync(join(tmpdir(), 'sfhs-keychain-'));
  const home = join(dir, 'home');
  mkdirSync(home, { recursive: true });
  writeFileSync(join(dir, 'bus.conf'), BUS_CONFIG);
  // The session lives as long as its child reads stdin: closing stdin ends the bus.
  const session = spawn(
    'dbus-run-session',
    [`--config-file=${join(dir, 'bus.conf')}`, '--', 'sh', '-c', 'echo "$DBUS_SESSION_BUS_ADDRESS"; exec cat'],
    { stdio: ['pipe', 'pipe', 'ignore'] },
  );
  const [address] = (await once(createInterface({ input: session.stdout as NodeJS.ReadableStream }), 'line')) as [
    string,
  ];
  process.env.DBUS_SESSION_BUS_ADDRESS = address;
  const env = { ...process.env, HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_CONFIG_HOME: join(home, 'config') };
  let daemon: ChildProcess | null = null;
  const stop = async () => {
    if (!daemon || daemon.exitCode !== null || daemon.signalCode !== null) return;
    const exited = once(daemon, 'exit');
    daemon.kill('SIGTERM');
    await exited;
  };
  const start = async () => {
    await stop();
    daemon = spawn('gnome-keyring-daemon', ['--foreground', '--unlock', '--components=secrets'], {
      env,
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    daemon.stdin?.end('pw');
    await until(() => openSystemKeychain().reason === null, 'gnome-keyring-daemon did not come up on the test bus');
  };
  await start();
  return {
    lock: () => {
      execFileSync('dbus-send', [
        '--session',
        '--print-reply',
        '--dest=org.freedesktop.secrets',
        '/org/freedesktop/secrets',
        'org.freedesktop.Secret.Service.Lock',
        'array:objpath:/org/freedesktop/secrets/collection/login',
      ]);
    },
    stop,
    restart: start,
    close: async () => {
      await stop();
      session.stdin?.end();
      if (session.exitCode === null) await once(session, 'exit');
      delete process.env.DBUS_SESSION_BUS_ADDRESS;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function until(ready: () => boolean, failure: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(failure);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
