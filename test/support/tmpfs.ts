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
 * Whether a tmpfs can be mounted here, tried once on a scratch folder. When not, says so on stderr (naming the
 * `skipped` test and how to run it), so the skip is never silent.
 */
export function canMountTmpfs(skipped: string): boolean {
  const probe = makeTempDir('saualnama-tmpfs-');
  const can = mountTmpfs(probe, '64k');
  if (can) unmount(probe);
  rmSync(probe, { recursive: true });
  if (!can)
    console.warn(
      `${skipped} is skipped: run the tests as root with mount privileges (e.g. docker --privileged)`,
    );
  return can;
}
