// Compiles the server for `npm start`: server/main.ts and the export worker (exports/flatten-thread.ts) bundled by
// esbuild into dist/server/, npm packages left as imports. Running compiled JavaScript instead of TypeScript through
// tsx saves the start-up compile and tsx's memory.
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { build } from 'esbuild';
import { ROOT, writeStamp } from './build-stamp.mjs';

export const SERVER_OUT = join(ROOT, 'dist', 'server');
export const SERVER_STAMP = join(ROOT, 'dist', 'server-inputs.json');

/**
 * Code that finds files beside its source (`import.meta.dirname`: migrations, the client build) is bundled into
 * dist/server/main.js: each such use is rewritten to the source file's own folder, seen from the bundle.
 */
const sourceDirname = {
  name: 'source-dirname',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta.dirname')) return undefined;
      const fromBundle = relative(SERVER_OUT, dirname(args.path));
      return {
        contents: source.replaceAll(
          'import.meta.dirname',
          `(import.meta.dirname + ${JSON.stringify(`/${fromBundle}`)})`,
        ),
        loader: 'ts',
      };
    });
  },
};

const result = await build({
  absWorkingDir: ROOT,
  entryPoints: {
    main: 'server/main.ts',
    'flatten-thread': 'exports/flatten-thread.ts',
    'response-writer-thread': 'server/response-writer-thread.ts',
  },
  outdir: SERVER_OUT,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
  plugins: [sourceDirname],
});
const inputs = Object.keys(result.metafile.inputs).filter((p) => !p.startsWith('node_modules/'));
writeStamp(SERVER_STAMP, [...inputs, 'scripts/build-server.mjs', 'package-lock.json']);
console.error(`server compiled to ${relative(ROOT, SERVER_OUT)}/ (${inputs.length} source files)`);
