// The README's settings tables name every environment variable the code reads: the server's and the CLI's (one
// parser, server/config.ts) and those of scripts, tests and benchmarks (found by reading the sources).
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES } from '../../server/config';

const ROOT = resolve(import.meta.dirname, '../..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const SETTINGS = README.slice(README.indexOf('### Settings'), README.indexOf("### Operator's commands"));
/** The first table: what the server and the CLI read (the second is the tests' and benchmarks'). */
const SERVER_SETTINGS = SETTINGS.slice(0, SETTINGS.indexOf('Read only by the tests'));

/** Names read from process.env (dotted or in brackets) anywhere in the project's own code. */
function variablesReadInSources(): Set<string> {
  const names = new Set<string>();
  for (const dir of ['server', 'exports', 'client', 'scripts', 'bench', 'test']) {
    for (const entry of readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.(ts|tsx|mjs|js)$/.test(entry.name)) continue;
      const source = readFileSync(join(entry.parentPath, entry.name), 'utf8');
      for (const m of source.matchAll(/process\.env(?:\.([A-Z][A-Z0-9_]*)|\[['"]([A-Z][A-Z0-9_]*)['"]\])/g))
        names.add((m[1] ?? m[2])!);
    }
  }
  return names;
}

describe('README settings', () => {
  it('lists every variable server/config.ts reads in the server’s table, not among the tests’ ones', () => {
    expect(CONFIG_VARIABLES.length).toBeGreaterThan(5);
    expect(SERVER_SETTINGS.length).toBeLessThan(SETTINGS.length);
    for (const name of CONFIG_VARIABLES) expect(SERVER_SETTINGS, name).toContain(`\`${name}\``);
  });

  it('lists every variable read anywhere else in the code (scripts, tests, benchmarks)', () => {
    const read = variablesReadInSources();
    expect(read.has('CHROMIUM_PATH')).toBe(true); // the scan finds what it should
    for (const name of read) expect(SETTINGS, name).toContain(`\`${name}\``);
  });
});
