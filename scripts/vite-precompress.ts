// Vite plugin: after the client build is written, puts a Brotli (quality 11) and a gzip (level 9) copy beside each
// compressible file under assets/ (name.js.br, name.js.gz), for server/http/precompressed.ts to send. Quality 11
// takes seconds per megabyte, too slow per request but paid once here; the copies cut the respondent page's first
// load by about a fifth against the compression middleware's on-the-fly Brotli.
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';
import { PRECOMPRESSED_TYPES } from '../server/http/precompressed';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Below this a compressed copy saves less than its response headers weigh (the compression middleware's threshold). */
const MIN_BYTES = 1024;

export interface Precompressed {
  file: string;
  bytes: number;
  br?: number;
  gzip?: number;
}

/** Writes `file.br` and `file.gz` beside `file`, each only if it is smaller than the file itself. */
export async function precompressFile(file: string): Promise<Precompressed> {
  const body = await readFile(file);
  const result: Precompressed = { file, bytes: body.length };
  if (body.length < MIN_BYTES) return result;
  // Both on libuv's thread pool, so the files compress side by side on every core.
  const [br, gz] = await Promise.all([
    brotli(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
    gzipped(body, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  if (br.length < body.length) {
    await writeFile(`${file}.br`, br);
    result.br = br.length;
  }
  if (gz.length < body.length) {
    await writeFile(`${file}.gz`, gz);
    result.gzip = gz.length;
  }
  return result;
}

export function precompress({ under = 'assets/' }: { under?: string } = {}): Plugin {
  let outDir = '';
  return {
    name: 'saualnama-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async writeBundle(options, bundle) {
      const dir = options.dir ?? outDir;
      const names = Object.keys(bundle).filter(
        (name) => name.startsWith(under) && PRECOMPRESSED_TYPES.test(name),
      );
      const done = await Promise.all(names.map((name) => precompressFile(join(dir, name))));
      const sum = (pick: (file: Precompressed) => number | undefined) =>
        done.reduce((total, file) => total + (pick(file) ?? file.bytes), 0);
      const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(2)} MB`;
      this.info(
        `precompressed ${done.filter((file) => file.br !== undefined).length} of ${names.length} files under ` +
          `${under}: ${mb(sum(() => undefined))} → br ${mb(sum((file) => file.br))}, gzip ${mb(sum((file) => file.gzip))}`,
      );
    },
  };
}
