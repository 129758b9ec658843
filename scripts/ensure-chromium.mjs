// Browser tests need a real Chromium. Find it; as root, install Debian's package; otherwise stop and say how.
// Never skip: a test run without a browser is not a green run.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && existsSync('/usr/bin/apt-get') && !process.env.CHROMIUM_PATH) {
  console.error(`${path} not found: installing Debian's chromium (apt-get update && apt-get install -y chromium)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', 'chromium', 'fonts-dejavu-core'], { stdio: 'inherit', env });
  if (existsSync(path)) process.exit(0);
}
console.error(
  `Browser tests need Chromium at ${path} and it is not there.\n` +
    `  Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y chromium\n` +
    `  Elsewhere: install Chromium and set CHROMIUM_PATH=/path/to/chromium`,
);
process.exit(1);
