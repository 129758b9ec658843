// The README's map of the code names every room: each top-level folder the repository tracks and each folder of
// server/ (a folder added later fails here until the map says what it holds).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const MAP = README.slice(README.indexOf('## Map of the code'));
const tracked = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n');
/** The folders `depth` levels down under `prefix` that hold tracked files. */
const foldersUnder = (prefix: string) =>
  new Set(
    tracked
      .filter((f) => f.startsWith(prefix) && f.slice(prefix.length).includes('/'))
      .map((f) => prefix + f.slice(prefix.length).split('/')[0]!),
  );

describe('README map of the code', () => {
  it('names every top-level folder the repository tracks', () => {
    const top = foldersUnder('');
    expect(top).toContain('server');
    for (const folder of top)
      expect(MAP, folder).toMatch(new RegExp(`(^|\\s)${folder.replace('.', '\\.')}/`, 'm'));
  });

  it('names every folder of server/ and of server/http/', () => {
    const folders = [...foldersUnder('server/'), ...foldersUnder('server/http/')];
    expect(folders).toContain('server/domain');
    for (const folder of folders) {
      const name = folder.split('/').at(-1)!;
      expect(MAP, folder).toMatch(new RegExp(`(${folder}|\\b${name})/`));
    }
  });
});
