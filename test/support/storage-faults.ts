// Real storage faults under a running server, made from outside it: the server's data folder is a small file system
// of its own (a tmpfs this helper mounts), and a full disk is that file system shrunk to what it holds, so the next
// block SQLite needs is refused with ENOSPC (SQLITE_FULL) on every connection, the server's own included. Nothing
// in the server or its Store knows about this. Mounting needs root with mount privileges (CI runs as root); without
// them the test fails, saying so, rather than being skipped.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { makeTempDir } from './server';
import { mountTmpfs, unmount } from './tmpfs';

const SIZE = '64m';

/** A fresh data folder on a tmpfs of its own, for startServer({ dataDir }); release it after the server closed. */
export function dataDirOnTmpfs(): string {
  const dataDir = makeTempDir('saualnama-faults-');
  if (!mountTmpfs(dataDir, SIZE)) {
    rmSync(dataDir, { recursive: true });
    throw new Error(
      'the storage-fault tests mount a tmpfs as the data folder: run them as root with mount privileges ' +
        '(as CI does; in a container, docker run --privileged)',
    );
  }
  return dataDir;
}

export function releaseDataDir(dataDir: string): void {
  unmount(dataDir);
  rmSync(dataDir, { recursive: true, force: true });
}

/**
 * Fills the disk: the tmpfs is shrunk to the blocks its files use now, so any write that needs one more block (a
 * WAL frame is larger than a block) fails. Returns the function that gives the space back.
 */
export function fillDisk(dataDir: string): () => void {
  const used = Number(
    execFileSync('df', ['-k', '--output=used', dataDir], { encoding: 'utf8' }).split('\n')[1],
  );
  execFileSync('mount', ['-o', `remount,size=${used}k`, dataDir]);
  return () => execFileSync('mount', ['-o', `remount,size=${SIZE}`, dataDir]);
}
