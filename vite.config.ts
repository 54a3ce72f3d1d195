import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { type Plugin, defineConfig } from 'vite';
import { pageCsp } from './main/web/csp.js';

/**
 * The CSP as a meta tag, for the Electron window (browser mode also sends it as a header). Build only: the dev
 * server's React refresh preamble is an inline script the policy would block.
 */
const cspMetaTag = (): Plugin => ({
  name: 'sfhs-csp-meta',
  apply: 'build',
  transformIndexHtml: () => [
    { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: pageCsp }, injectTo: 'head-prepend' },
  ],
});

/**
 * The renderer bundle. base './' keeps every asset URL relative, so the same build loads in the Electron window and
 * from `sfhs ui` (which serves dist/renderer at the root of its loopback origin).
 */
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react(), cspMetaTag()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // No inline <script>/<style> and no data: URLs: the CSP allows only 'self'.
    assetsInlineLimit: 0,
    sourcemap: true,
  },
});
