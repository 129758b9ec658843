// A build's stamp: the sha256 of every source file that went into it, so `npm start` can tell a current build from
// a stale one by content (a fresh clone, a checkout or an edit), not by clocks.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');

const hashOf = (path) => {
  const file = resolve(ROOT, path);
  return existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : null;
};

/** Records the hashes of `paths` (relative to the project) in `stampFile`. */
export function writeStamp(stampFile, paths) {
  const files = Object.fromEntries([...new Set(paths)].sort().map((p) => [p, hashOf(p)]));
  mkdirSync(dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, `${JSON.stringify({ files }, null, 1)}\n`);
}

/** Whether `output` exists and every file recorded in `stampFile` still has the recorded content. */
export function isCurrent(stampFile, output) {
  if (!existsSync(output) || !existsSync(stampFile)) return false;
  try {
    const { files } = JSON.parse(readFileSync(stampFile, 'utf8'));
    return Object.entries(files).every(([path, sha]) => hashOf(path) === sha);
  } catch {
    return false;
  }
}
