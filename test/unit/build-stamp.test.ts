// npm start rebuilds only when a source of the build changed: a build's stamp holds its sources' hashes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isCurrent, writeStamp } from '../../scripts/build-stamp.mjs';

const dir = mkdtempSync(join(tmpdir(), 'saualnama-stamp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const source = join(dir, 'app.ts');
const output = join(dir, 'app.js');
const stamp = join(dir, 'stamp.json');

describe('build stamp', () => {
  it('calls a build current until a source changes content, or its output or stamp is missing', () => {
    writeFileSync(source, 'export const a = 1;');
    expect(isCurrent(stamp, output)).toBe(false); // no build yet
    writeFileSync(output, 'built');
    writeStamp(stamp, [source]);
    expect(isCurrent(stamp, output)).toBe(true);
    writeFileSync(source, 'export const a = 1;'); // rewritten, same content: still current
    expect(isCurrent(stamp, output)).toBe(true);
    writeFileSync(source, 'export const a = 2;');
    expect(isCurrent(stamp, output)).toBe(false);
    writeStamp(stamp, [source]);
    rmSync(output);
    expect(isCurrent(stamp, output)).toBe(false);
  });

  it('calls a build stale when a recorded source was deleted', () => {
    writeFileSync(output, 'built');
    writeStamp(stamp, [source]);
    rmSync(source);
    expect(isCurrent(stamp, output)).toBe(false);
  });
});
