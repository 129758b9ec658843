// Respondent first load: the bytes a phone downloads to render /s/roadmap-needs (HTML, scripts, module preloads,
// styles) as the server sends them with Brotli, with gzip and with neither, against the offline issue's 450 KB
// budget; and, for comparison, the same build without its precompressed copies (the compression middleware
// compressing on the fly). Needs a built dist/client (npm run build). Run: node --import tsx bench/first-load.ts
import { cpSync, rmSync } from 'node:fs';
import { CLIENT_DIR, REPO_SURVEYS, makeTempDir, startServer } from '../test/support/server';
import { measureFirstLoad, type FirstLoad } from '../test/support/first-load';
import { describeMachine } from './machine';

const PAGE = '/s/roadmap-needs';
const BUDGET = 450 * 1024;
// What Chromium sends, what a browser without Brotli sends, and a client that takes no coding.
const ENCODINGS = [
  { name: 'br', accept: 'gzip, deflate, br, zstd' },
  { name: 'gzip', accept: 'gzip, deflate' },
  { name: 'identity', accept: 'identity' },
] as const;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const row = (first: string, cells: string[]) =>
  [first.padEnd(40), ...cells.map((cell) => cell.padStart(22))].join('');

async function measure(clientDir: string): Promise<FirstLoad[]> {
  const server = await startServer({ surveysDir: REPO_SURVEYS, config: { clientDir } });
  try {
    const loads: FirstLoad[] = [];
    for (const { accept } of ENCODINGS) loads.push(await measureFirstLoad(server.url, PAGE, accept));
    return loads;
  } finally {
    await server.close();
  }
}

const built = await measure(CLIENT_DIR);
// The same files without the .br/.gz copies: what the server sent before they existed.
const plainDir = makeTempDir('saualnama-plain-client-');
cpSync(CLIENT_DIR, plainDir, { recursive: true, filter: (path) => !/\.(?:br|gz)$/.test(path) });
const onTheFly = await measure(plainDir);
rmSync(plainDir, { recursive: true, force: true });

console.log(
  `respondent first load of ${PAGE}: response bodies as sent (headers not counted), 1 KB = 1,024 bytes`,
);
console.log(
  row(
    'file',
    ENCODINGS.map(({ name }) => name),
  ),
);
for (const [i, file] of (built[0]?.files ?? []).entries()) {
  const cells = ENCODINGS.map((_, e) => {
    const sent = built[e]?.files[i];
    if (!sent) return '-';
    return sent.encoding === ENCODINGS[e]?.name ? kb(sent.bytes) : `${kb(sent.bytes)} (${sent.encoding})`;
  });
  console.log(row(file.path, cells));
}
console.log(
  row(
    'total, precompressed at build',
    built.map((load) => `${kb(load.total)} (${load.total} B)`),
  ),
);
console.log(
  row(
    'total, compressed on the fly',
    onTheFly.map((load) => `${kb(load.total)} (${load.total} B)`),
  ),
);
const br = built[0]?.total ?? 0;
console.log(
  `budget ${kb(BUDGET)}: with br ${br <= BUDGET ? 'within' : 'OVER'} by ${kb(Math.abs(BUDGET - br))}`,
);
console.log(`machine: ${describeMachine()}`);
