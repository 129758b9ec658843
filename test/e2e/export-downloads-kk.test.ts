// Every download the export page offers, taken by a KZ-10 analyst in Kazakh on a laptop, and opened as an analyst
// would: the CSV (`,` and `;`) and the dictionary by a CSV reader, the workbook and the workbook zip by exceljs,
// the CSV zip by unzip, the SPSS syntax run by GNU PSPP on its CSV, the R script run by Rscript on the CSV; the Stata
// file (Stata cannot be installed here) names the CSV downloaded beside it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { envelope, postResponse } from '../support/answers';
import { createUser } from '../support/auth';
import { browserSuite } from '../support/browser-suite';
import { parseCsv, unzip } from '../support/export-download';
import { REPO_SURVEYS } from '../support/server';

const ANALYST = { email: 'abai@example.kz', password: 'Semey-briefing-2023' };
const abaiIds: string[] = [];

const suite = browserSuite({
  server: { surveysDir: REPO_SURVEYS },
  setup: async (server) => {
    await createUser(server.store, { ...ANALYST, role: 'analyst', regions: ['KZ-10'] });
    const answers = [
      { region: 'KZ-10', role: 'akimat', best_practice_description: 'Бірінші жол\nекінші жол, "тырнақша"' },
      { region: 'KZ-10', role: 'volunteer', practices_effectiveness: 4 },
      { region: 'KZ-55', role: 'ngo_staff' },
    ];
    for (const data of answers) {
      const body = envelope({ version: 2 }, data);
      const res = await postResponse(server.url, body, 'roadmap-needs');
      expect(res.status, res.text).toBe(201);
      if (data.region === 'KZ-10') abaiIds.push(body.id as string);
    }
  },
});

/** Clicks the link and saves the file under the name the server gave it, in `dir`. */
async function take(page: Page, name: string, dir: string): Promise<{ file: string; bytes: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name, exact: true }).click(),
  ]);
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return { file: download.suggestedFilename(), bytes: readFileSync(file) };
}

function run(command: string, args: string[], cwd: string) {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8' } });
  if (r.error)
    throw new Error(
      `${command}: ${r.error.message}; install it with node scripts/ensure-tools.mjs (as root)`,
    );
  return r;
}

async function sheetRows(bytes: Buffer): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  book.getWorksheet('data')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

test('a KZ-10 analyst in Kazakh downloads every file the export page offers, and each opens', async () => {
  const { page, context, pageErrors } = await suite.laptop('kk-KZ', { acceptDownloads: true });
  const url = suite.server.url;
  const signIn = await context.request.post(`${url}/api/session`, {
    data: ANALYST,
    headers: { origin: url },
  });
  expect(signIn.status()).toBe(204);
  await page.goto(`${url}/workspace/exports?survey=roadmap-needs&labels=kk`);
  await page.getByRole('heading', { name: 'Жауаптарды жүктеп алу' }).waitFor();
  await page.getByRole('heading', { name: 'Талдауға арналған файлдар' }).waitFor();
  const dir = mkdtempSync(join(tmpdir(), 'downloads-kk-'));

  const csv = await take(page, 'CSV жүктеп алу', dir);
  expect(csv.file).toMatch(/^roadmap-needs_KZ-10_labels-kk_\d{4}-\d{2}-\d{2}\.csv$/);
  const table = parseCsv(csv.bytes);
  expect(table.rows.map((r) => r.response_id).sort()).toEqual([...abaiIds].sort());
  expect(new Set(table.rows.map((r) => r.region_name))).toEqual(new Set(['Абай облысы']));

  const xlsx = await take(page, 'Excel (XLSX) жүктеп алу', dir);
  expect(xlsx.file).toMatch(/^roadmap-needs_KZ-10_labels-kk_\d{4}-\d{2}-\d{2}\.xlsx$/);
  const [header, ...rows] = await sheetRows(xlsx.bytes);
  expect(header).toEqual(table.header);
  expect(rows.map((r) => r[table.header.indexOf('region_name')])).toEqual(['Абай облысы', 'Абай облысы']);

  const zip = await unzip((await take(page, 'Өңірлер бойынша ZIP', dir)).bytes);
  expect([...zip.keys()]).toEqual(['KZ-10_Abai-Region.csv', 'combined.csv', 'data-dictionary.csv']);
  expect(parseCsv(zip.get('KZ-10_Abai-Region.csv')!).rows).toHaveLength(2);

  const dictionary = parseCsv((await take(page, 'Деректер сөздігі', dir)).bytes);
  expect(dictionary.header[0]).toBe('column');

  const books = await unzip((await take(page, 'Өңірлер бойынша Excel (ZIP)', dir)).bytes);
  expect([...books.keys()]).toEqual(['KZ-10_Abai-Region.xlsx', 'combined.xlsx', 'data-dictionary.csv']);
  expect(await sheetRows(books.get('KZ-10_Abai-Region.xlsx')!)).toHaveLength(3);

  // SPSS: its syntax and the CSV it reads, side by side; PSPP runs it without a warning.
  const sps = await take(page, 'SPSS / PSPP синтаксисі (.sps)', dir);
  expect(sps.file).toMatch(/^roadmap-needs_KZ-10_labels-kk_syntax-kk_\d{4}-\d{2}-\d{2}\.sps$/);
  const spssCsv = await take(page, 'SPSS-ке арналған CSV', dir);
  expect(sps.bytes.toString()).toContain(`/FILE="${spssCsv.file}"`);
  const pspp = run('pspp', [sps.file, '-o', 'pspp.txt'], dir);
  const output = readFileSync(join(dir, 'pspp.txt'), 'utf8');
  expect(pspp.status, output.slice(0, 1500)).toBe(0);
  expect(output).not.toMatch(/warning|error/i);

  const stata = await take(page, 'Stata синтаксисі (.do)', dir);
  expect(stata.bytes.toString()).toContain(`import delimited using \`"${csv.file}"'`);

  const r = await take(page, 'R скрипті (.R)', dir);
  const script = `${r.bytes.toString()}\ncat("N", nrow(data), as.character(data[["region_name"]][1]), "\\n", sep = "\\t")\n`;
  writeFileSync(join(dir, 'probe.R'), script);
  const rscript = run('Rscript', ['probe.R'], dir);
  expect(rscript.status, rscript.stderr).toBe(0);
  expect(rscript.stdout).toContain('N\t2\tАбай облысы');

  // The `;` CSV for Excel set to Kazakh, chosen on the page.
  await page.getByRole('radio', { name: 'Нүктелі үтір (орыс не қазақ тіліндегі Excel)' }).check();
  await expect.poll(() => new URL(page.url()).searchParams.get('sep')).toBe('semicolon');
  const semicolon = await take(page, 'CSV жүктеп алу', dir);
  expect(semicolon.file).toMatch(/_semicolon_/);
  const records = parse(semicolon.bytes, { bom: true, delimiter: ';' }) as string[][];
  expect(records[0]).toEqual(table.header);
  expect(records).toHaveLength(3);
  expect(pageErrors).toEqual([]);
}, 120_000);
