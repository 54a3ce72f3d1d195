import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startWebServer } from '../../web/server.js';
import { type CliCommand, exitCodes, print } from '../command.js';

/** The built renderer (vite build → dist/renderer), served as-is in browser mode. */
export const rendererDir = fileURLToPath(new URL('../../../dist/renderer', import.meta.url));

export const uiCommand: CliCommand = {
  name: 'ui',
  summary: 'serve the console to a browser on 127.0.0.1 (no display needed)',
  usage: ['[--port N] [--demo]     --demo: connect to built-in emulators with a seeded org (an empty data folder)'],
  options: { port: { type: 'string' }, demo: { type: 'boolean', default: false } },
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
    const services = ctx.services();
    if (values.demo && !services.demo.active) await services.demo.start();
    else await services.demo.resumeIfActive();
    const server = await startWebServer({ services, staticDir: rendererDir, port });
    print(ctx.stdout, ctx.json ? JSON.stringify({ url: server.url }) : `SFHS Sync Console is at ${server.url}`);
    if (!ctx.json) print(ctx.stdout, 'The link carries a secret for this launch only. Press Ctrl-C to stop.');
    await ctx.interrupted;
    await server.close();
    await services.demo.close();
    return exitCodes.ok;
  },
};
