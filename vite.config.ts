// Builds the two browser entries (respondent and workspace) into dist/client, and the respondent page's
// service worker into dist/client/sw.js, with Brotli and gzip copies of the hashed files; the server serves them.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { buildStamp } from './scripts/vite-build-stamp';
import { precompress } from './scripts/vite-precompress';
import { serviceWorker } from './scripts/vite-service-worker';

const RESPOND_PAGE = resolve(import.meta.dirname, 'client/respond/index.html');

export default defineConfig({
  root: 'client',
  base: '/',
  plugins: [
    react(),
    serviceWorker({ entry: resolve(import.meta.dirname, 'client/respond/sw.ts'), page: RESPOND_PAGE }),
    precompress(),
    buildStamp(),
  ],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    rollupOptions: {
      input: {
        respond: RESPOND_PAGE,
        workspace: resolve(import.meta.dirname, 'client/workspace/index.html'),
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
