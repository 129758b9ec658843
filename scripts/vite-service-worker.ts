// Vite plugin: after the client build, builds the respondent page's service worker (client/respond/sw.ts) into
// one self-contained dist/client/sw.js, with the respondent page's hashed files written into it as its precache
// list. A separate build, so that nothing the worker imports is split into chunks shared with the pages.
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { build, type Plugin } from 'vite';

interface Options {
  /** The worker's source file. */
  entry: string;
  /** The HTML entry of the page it serves offline; its chunks, styles and assets are precached. */
  page: string;
}

interface ChunkLike {
  type: 'chunk';
  fileName: string;
  isEntry: boolean;
  facadeModuleId: string | null;
  imports: string[];
  dynamicImports: string[];
  viteMetadata?: { importedCss: Set<string>; importedAssets: Set<string> };
}

export function serviceWorker({ entry, page }: Options): Plugin {
  let outDir = '';
  let precache: string[] = [];
  return {
    name: 'saualnama-service-worker',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    generateBundle(_options, bundle) {
      const chunks = new Map<string, ChunkLike>();
      for (const file of Object.values(bundle))
        if (file.type === 'chunk') chunks.set(file.fileName, file as ChunkLike);
      const root = [...chunks.values()].find((chunk) => chunk.isEntry && chunk.facadeModuleId === page);
      if (!root) throw new Error(`service worker: no entry chunk for ${page} in the bundle`);
      // Dynamic imports too: a lazily loaded part of the form must open offline as well.
      const files = new Set<string>();
      const visit = (name: string) => {
        const chunk = chunks.get(name);
        if (!chunk || files.has(chunk.fileName)) return;
        files.add(chunk.fileName);
        for (const css of chunk.viteMetadata?.importedCss ?? []) files.add(css);
        for (const asset of chunk.viteMetadata?.importedAssets ?? []) files.add(asset);
        for (const next of [...chunk.imports, ...chunk.dynamicImports]) visit(next);
      };
      visit(root.fileName);
      precache = [...files].sort().map((file) => `/${file}`);
    },
    async closeBundle() {
      if (precache.length === 0) throw new Error('service worker: the precache list is empty');
      // The file names carry content hashes, so their list names this build: a new build is a new worker.
      const version = createHash('sha256').update(precache.join('\n')).digest('hex').slice(0, 12);
      await build({
        configFile: false,
        logLevel: 'warn',
        publicDir: false,
        define: {
          __SW_PRECACHE__: JSON.stringify(precache),
          __SW_VERSION__: JSON.stringify(version),
        },
        build: {
          outDir,
          emptyOutDir: false,
          copyPublicDir: false,
          // A classic script (no import/export): service workers of type "module" are not everywhere yet.
          lib: { entry, formats: ['iife'], name: 'saualnamaServiceWorker', fileName: () => 'sw.js' },
        },
      });
    },
  };
}
