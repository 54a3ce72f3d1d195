import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startWebServer } from '../../web/server.js';
import type { Writable } from 'node:stream';
import { type CliCommand, exitCodes, print } from '../command.js';

/** Seeding the demo takes about 25 s: say so at once, then every 5 s, so a silent terminal never looks stuck. */
function seedingProgress(stream: Writable): (ready: boolean) => void {
  const started = Date.now();
  const elapsed = () => Math.round((Date.now() - started) / 1000);
  print(stream, 'Preparing the demo: generating 2,000 Salesforce accounts, their contacts and HubSpot companies…');
  const timer = setInterval(() => print(stream, `  still preparing the demo… ${elapsed()} s`), 5000);
  return (ready: boolean) => {
    clearInterval(timer);
    if (ready) print(stream, `Demo ready after ${elapsed()} s.`);
  };
}

/** The built renderer (vite build → dist/renderer), served as-is in browser mode. */
export const rendererDir = fileURLToPath(new URL('../../../dist/renderer', import.meta.url));

export const uiCommand: CliCommand = {
  name: 'ui',
  summary: 'serve the console to a browser on 127.0.0.1 (no display needed)',
  usage: [
    '[--port N] [--demo [--demo-pace N]]',
    '  --demo: connect to built-in emulators with a seeded org (an empty data folder); seeding takes about 25 s.',
    '  --demo-pace N: the demo HubSpot answers N calls a second (e.g. 1), slow enough to watch an import, pause',
    '  and resume it.',
  ],
  options: {
    port: { type: 'string' },
    demo: { type: 'boolean', default: false },
    'demo-pace': { type: 'string' },
  },
  async run(ctx, { values }) {
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      print(ctx.stderr, `--port must be a port number, got "${String(values.port)}".`);
      return exitCodes.usage;
    }
    if (!existsSync(rendererDir)) {
      print(ctx.stderr, `The UI is not built yet (${rendererDir} is missing). Run "npm run build" first.`);
      return exitCodes.failure;
    }
    const pace = values['demo-pace'] === undefined ? undefined : Number(values['demo-pace']);
    if (pace !== undefined && !(Number.isInteger(pace) && pace >= 1 && pace <= 1000)) {
      print(ctx.stderr, `--demo-pace is calls per second, from 1 to 1000; got "${String(values['demo-pace'])}".`);
      return exitCodes.usage;
    }
    const host = ctx.host();
    const services = host.current;
    const starting = (values.demo && !services.demo.active) || services.demo.active;
    const done = starting ? seedingProgress(ctx.stderr) : () => {};
    let ready = false;
    try {
      if (values.demo && !services.demo.active) await services.demo.start(pace ? { callsPerSecond: pace } : {});
      else await services.demo.resumeIfActive();
      ready = true;
    } finally {
      done(ready);
    }
    // The host, not the services: switching workspaces in the page swaps the services behind it.
    const server = await startWebServer({ services: host, staticDir: rendererDir, port });
    print(ctx.stdout, ctx.json ? JSON.stringify({ url: server.url }) : `SFHS Sync Console is at ${server.url}`);
    if (!ctx.json) print(ctx.stdout, 'The link carries a secret for this launch only. Press Ctrl-C to stop.');
    await ctx.interrupted;
    await server.close();
    await host.current.demo.close();
    return exitCodes.ok;
  },
};
