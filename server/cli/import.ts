// `import <file.json> [...]`: the answers phones saved with "Save my unsent answers to a file", judged and stored
// exactly as POST …/responses would (server/domain/unsent-import.ts, the code the workspace's import page runs).
// Every file is read and checked before anything is stored. Exit 0 all stored or already stored, 1 some refused
// or conflicting (or the database refused writes), 2 bad usage or a file that is not an unsent-answers file.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CLOSED_GRACE_MS, RESPONSE_BODY_LIMIT_BYTES } from '../domain/response-limits';
import { isStorageFault, Problem } from '../domain/problem';
import {
  importUnsent,
  parseUnsentFile,
  UNSENT_FORMAT,
  UNSENT_FORMAT_VERSION,
  type ImportedResponse,
  type ImportReport,
} from '../domain/unsent-import';
import { openFromEnv } from './open';

export const USAGE = `usage: import <file.json> [more files]

  Stores the answers in "unsent answers" files (saualnama-unsent-<date>.json, from the respondent page's
  "Save my unsent answers to a file"; "format": "${UNSENT_FORMAT}", "formatVersion": ${UNSENT_FORMAT_VERSION}).
  Each response is judged as POST /api/surveys/<id>/responses judges it and stored in its own transaction:
  a refused or conflicting response does not stop the others, and importing a file again stores nothing twice.
  Exit 0: every response stored or already stored; 1: some refused or conflicting; 2: bad usage or a file
  that is not an unsent-answers file (then nothing is imported).`;

/** `  role: must be one of …` lines for a refusal; its detail when it names no question. */
function refusalLines(r: ImportedResponse): string[] {
  const errors = r.problem?.errors ?? [];
  if (errors.length === 0) return [`      ${r.problem?.detail ?? r.problem?.title ?? ''}`];
  return errors.map((e) => `      ${e.question}: ${e.message}`);
}

function printReport(file: string, report: ImportReport): void {
  const { counts } = report;
  const from = [report.exportedAt && `saved ${report.exportedAt}`, report.origin && `for ${report.origin}`]
    .filter(Boolean)
    .join(' ');
  console.log(`${file}${from ? ` (${from})` : ''}: ${counts.responses} responses`);
  console.log(`  stored          ${counts.stored}`);
  console.log(`  already stored  ${counts.alreadyStored}`);
  console.log(`  conflicts       ${counts.conflicts}`);
  console.log(`  refused         ${counts.refused}`);
  for (const r of report.responses.filter((r) => r.outcome === 'conflict' || r.outcome === 'refused')) {
    const title = r.outcome === 'conflict' ? 'conflict' : `refused (${r.status} ${r.problem?.title ?? ''})`;
    console.log(`    ${r.at} ${r.id ?? '(no id)'} survey ${r.survey}: ${title}`);
    for (const line of refusalLines(r)) console.log(line);
  }
}

export async function importCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  const files = parsed.positionals;
  if (files.length === 0) {
    console.error(`which file? give one or more unsent-answers files\n\n${USAGE}`);
    return 2;
  }

  // Every file is read before anything is stored: a wrong name among several stops the run with nothing done.
  const read = [];
  const wrong: string[] = [];
  for (const file of files) {
    try {
      read.push({ file, entries: parseUnsentFile(readFileSync(file)) });
    } catch (error) {
      if (error instanceof Problem) {
        const where = (error.errors ?? []).map((e) => `\n  ${e.question}: ${e.message}`).join('');
        wrong.push(`${file}: ${error.detail}${where}`);
      } else {
        const code = (error as { code?: unknown }).code;
        if (typeof code !== 'string') throw error;
        wrong.push(`${file}: cannot be read (${code === 'ENOENT' ? 'no such file' : code})`);
      }
    }
  }
  if (wrong.length > 0) {
    console.error(`${wrong.join('\n')}\n\nnothing was imported`);
    return 2;
  }

  const { store, catalog } = await openFromEnv();
  const deps = {
    store,
    catalog,
    clock: () => new Date(),
    bodyLimitBytes: RESPONSE_BODY_LIMIT_BYTES,
    closedGraceMs: CLOSED_GRACE_MS,
  };
  let failed = false;
  try {
    for (const { file, entries } of read) {
      const report = await importUnsent(deps, entries);
      printReport(file, report);
      if (report.counts.conflicts + report.counts.refused > 0) failed = true;
    }
  } catch (error) {
    if (!isStorageFault(error)) throw error;
    console.error(
      `import stopped: the database cannot take writes now (${(error as { code: string }).code}). ` +
        'What was stored before it stays stored; run the same command again: those come back as already stored.',
    );
    return 1;
  } finally {
    await store.close();
  }
  return failed ? 1 : 0;
}
