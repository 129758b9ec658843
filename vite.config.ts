// Builds the two browser entries (respondent and workspace) into dist/client; the server serves them.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'client',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    rollupOptions: {
      input: {
        respond: resolve(import.meta.dirname, 'client/respond/index.html'),
        workspace: resolve(import.meta.dirname, 'client/workspace/index.html'),
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
