// The tests use real tools, never stand-ins: Chromium for the browser tests, GNU PSPP and R for the statistics
// syntax files, Python's openpyxl for reading XLSX back, strace for the fsync probe. Find each; as root with
// apt-get, install Debian's packages for the missing ones; otherwise stop and say how. Never skip: a test run
// without its tools is not a green run.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const python = '/usr/bin/python3';

/** What each test needs, how to tell it is there, and the Debian packages that bring it. */
const tools = [
  {
    what: `Chromium at ${chromium}`,
    present: () => existsSync(chromium),
    packages: ['chromium', 'fonts-dejavu-core'],
  },
  { what: 'GNU PSPP (pspp)', present: () => onPath('pspp'), packages: ['pspp'] },
  { what: 'R (Rscript)', present: () => onPath('Rscript'), packages: ['r-base-core'] },
  {
    what: "Python's openpyxl for /usr/bin/python3",
    present: pythonHasOpenpyxl,
    packages: ['python3-openpyxl'],
  },
  { what: 'strace', present: () => onPath('strace'), packages: ['strace'] },
];

function onPath(command) {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function pythonHasOpenpyxl() {
  try {
    execFileSync(python, ['-c', 'import openpyxl'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

let missing = tools.filter((t) => !t.present());
if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
// A custom CHROMIUM_PATH means the reader chose their own browser: installing Debian's would not put it there.
const installable = missing.filter((t) => !(t.packages[0] === 'chromium' && process.env.CHROMIUM_PATH));
if (isRoot && existsSync('/usr/bin/apt-get') && installable.length > 0) {
  const packages = installable.flatMap((t) => t.packages);
  console.error(`missing: ${installable.map((t) => t.what).join(', ')}; installing ${packages.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], {
    stdio: 'inherit',
    env,
  });
  missing = tools.filter((t) => !t.present());
  if (missing.length === 0) process.exit(0);
}
console.error(
  `The tests need these tools and they are not there: ${missing.map((t) => t.what).join(', ')}.\n` +
    `  Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y ${missing.flatMap((t) => t.packages).join(' ')}\n` +
    `  Elsewhere: install them (Chromium may live anywhere: set CHROMIUM_PATH=/path/to/chromium)`,
);
process.exit(1);
