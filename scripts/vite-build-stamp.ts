// Vite plugin: once the client is written, records the hashes of every source that went into it (the modules of the
// bundle, all of client/, the build's own config and plugins, the lockfile) in dist/client-inputs.json, so that
// `npm start` builds again only when one of them changed (scripts/start.mjs).
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';
import { ROOT, writeStamp } from './build-stamp.mjs';

export const CLIENT_STAMP = join(ROOT, 'dist', 'client-inputs.json');

const filesUnder = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));

export function buildStamp(): Plugin {
  const modules = new Set<string>();
  return {
    name: 'saualnama-build-stamp',
    apply: 'build',
    generateBundle() {
      for (const id of this.getModuleIds()) {
        const path = relative(ROOT, id.split('?')[0] ?? id);
        if (!path.startsWith('..') && !path.includes('node_modules') && !path.startsWith('\0'))
          modules.add(path);
      }
    },
    closeBundle() {
      const config = ['vite.config.ts', 'package-lock.json', 'scripts/build-stamp.mjs'];
      const plugins = filesUnder('scripts').filter((p) => /^scripts\/vite-/.test(p));
      writeStamp(CLIENT_STAMP, [
        ...modules,
        ...filesUnder('client'),
        ...config,
        ...plugins,
        'server/http/precompressed.ts',
      ]);
    },
  };
}
