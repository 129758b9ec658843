// A real size-limited file system for the full-disk tests (storage faults, backup). Mounting one needs root and mount
// privileges, which a CI container running as root usually has.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { makeTempDir } from './server';

/** Mounts a tmpfs of `size` (e.g. '8m') on `dir`; false when this process may not mount. */
export function mountTmpfs(dir: string, size: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function unmount(dir: string): void {
  execFileSync('umount', [dir]);
}

/**
 * Fails the `test` (never skips it) when a tmpfs cannot be mounted here, tried on a scratch folder, saying how to
 * run it: a full-disk test that quietly does not run would let a lost-write bug through.
 */
export function requireTmpfs(test: string): void {
  const probe = makeTempDir('saualnama-tmpfs-');
  const can = mountTmpfs(probe, '64k');
  if (can) unmount(probe);
  rmSync(probe, { recursive: true });
  if (!can)
    throw new Error(
      `${test} needs a real tmpfs: run the tests as root with mount privileges (CI does; in a container, ` +
        `docker run --privileged)`,
    );
}
