// Placeholder: the browser-mode server is being written (see the web helper's task). Signature is fixed.
import type { Services } from '../app/services.js';

export interface WebServerOptions {
  services: Services;
  /** The built renderer to serve. */
  staticDir: string;
  /** 0 = any free port. */
  port?: number;
  /** For tests; a random 32-byte secret otherwise. */
  secret?: string;
}

export interface RunningWebServer {
  /** `http://127.0.0.1:PORT/?secret=…` — the link a person opens. */
  url: string;
  origin: string;
  secret: string;
  close(): Promise<void>;
}

export async function startWebServer(_options: WebServerOptions): Promise<RunningWebServer> {
  throw new Error('not built yet');
}
