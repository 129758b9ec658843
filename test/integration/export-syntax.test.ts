// GET /api/surveys/:id/syntax.sps|.do|.R run by the real tools against the real CSV downloads: GNU PSPP runs the
// SPSS syntax and writes the cases back with their labels; R runs the script and the data frame has the factor
// levels, labels and classes. Stata is not free software and cannot be installed here: the .do file is checked
// for what Stata needs (README, "CSV exports").
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { download, parseCsv } from '../support/export-download';
import { startExportWorld, type ExportWorld } from '../support/export-server';

let world: ExportWorld;
const BASE = '/api/surveys/roadmap-needs';

beforeAll(async () => {
  world = await startExportWorld();
}, 120_000);
afterAll(() => world.server.close());

/** Downloads the syntax file and the CSV it names into a fresh folder; returns the folder and both texts. */
async function fetchPair(kind: 'sps' | 'do' | 'R', query: string, cookie = world.cookies.abai) {
  const syntax = await download(world.server.url, cookie, `${BASE}/syntax.${kind}?${query}`);
  expect(syntax.status, syntax.body.toString().slice(0, 300)).toBe(200);
  const fileName = /filename="([^"]+)"/.exec(syntax.headers.get('content-disposition') ?? '')![1]!;
  const text = syntax.body.toString('utf8');
  const csvName = /(roadmap-needs_[^"\s]+\.csv)/.exec(text)![1]!;
  // The comment names the CSV's address (an SPSS comment ends with a period after it).
  const csvPath = /(\/api\/surveys\/roadmap-needs\/export\.csv\S*?)\.?$/m.exec(text)![1]!;
  const csv = await download(world.server.url, cookie, csvPath);
  expect(csv.status).toBe(200);
  expect(/filename="([^"]+)"/.exec(csv.headers.get('content-disposition') ?? '')![1]).toBe(csvName);
  const dir = mkdtempSync(join(tmpdir(), 'syntax-'));
  writeFileSync(join(dir, fileName), syntax.body);
  writeFileSync(join(dir, csvName), csv.body);
  return { dir, fileName, text, csv: csv.body };
}

/** How to get a tool that is missing: the tests never skip (scripts/ensure-tools.mjs installs them as root). */
function run(command: string, args: string[], cwd: string) {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8' } });
  if (r.error)
    throw new Error(
      `${command} could not run (${r.error.message}): sudo apt-get install -y ${command === 'pspp' ? 'pspp' : 'r-base-core'}, or node scripts/ensure-tools.mjs as root`,
    );
  return r;
}

const semey = () => world.posted[1]!;
const pavlodar = () => world.posted[0]!;

describe('syntax.sps run by GNU PSPP', () => {
  it('reads the KZ-10 CSV with Kazakh variable and value labels, date-times and not-asked as missing', async () => {
    const { dir, fileName, text } = await fetchPair('sps', 'lang=kk');
    expect(fileName).toBe('roadmap-needs_KZ-10_syntax-kk_2023-10-01.sps');
    expect(text).toContain('roadmap-needs_KZ-10_newlines-as-spaces_2023-10-01.csv');
    // Run as an analyst would, then write the cases out twice: as values and as their labels.
    const script = `${text}
SAVE TRANSLATE /OUTFILE="values.csv" /TYPE=CSV /FIELDNAMES /CELLS=VALUES /REPLACE.
SAVE TRANSLATE /OUTFILE="labels.csv" /TYPE=CSV /FIELDNAMES /CELLS=LABELS /REPLACE.
DISPLAY DICTIONARY.
`;
    writeFileSync(join(dir, 'run.sps'), script);
    const r = run('pspp', ['run.sps', '-o', 'out.txt'], dir);
    const output = readFileSync(join(dir, 'out.txt'), 'utf8');
    expect(r.status, `${r.stderr}\n${output.slice(0, 2000)}`).toBe(0);
    // A wrong type or a case broken by a line break shows as a warning: there must be none.
    expect(output).not.toMatch(/warning|error/i);
    const read = (name: string) =>
      parse(readFileSync(join(dir, name)), { columns: true, bom: true }) as Record<string, string>[];
    const values = read('values.csv');
    const labels = read('labels.csv');
    expect(values.map((row) => row.response_id!.trim()).sort()).toEqual(
      [semey().id, world.posted[2]!.id].sort(),
    );
    const at = values.findIndex((row) => row.response_id!.trim() === semey().id);
    const [v, l] = [values[at]!, labels[at]!];
    expect(l.region).toBe('Абай облысы');
    expect(l.role).toBe('Басқа (көрсетіңіз)');
    expect(l.activity_fields_social_help).toBe('таңдалды');
    expect(l.activity_fields_elderly).toBe('таңдалмады');
    expect(Number(v.practices_effectiveness)).toBe(4);
    expect(Number(v.version)).toBe(2);
    // The date-time is a number of seconds SPSS shows as a date, not the ISO text.
    expect(v.submitted_at).toBe('09/15/2023 05:30:00');
    // The multi-line answer is one case, its line break a space.
    expect(v.best_practice_description).toBe('Бірінші жол Вторая строка — Өскемен');
    // Kazakh letters in a variable label, as PSPP shows it.
    expect(output).toContain('Өңір атауы');
  });

  it('gives not-asked questions the missing value -99 with its label, apart from skipped ones', async () => {
    const { dir, text } = await fetchPair('sps', 'lang=ru', world.cookies.admin);
    writeFileSync(
      join(dir, 'run.sps'),
      `${text}\nSAVE TRANSLATE /OUTFILE="labels.csv" /TYPE=CSV /FIELDNAMES /CELLS=LABELS /REPLACE.\nDISPLAY DICTIONARY.\n`,
    );
    const r = run('pspp', ['run.sps', '-o', 'out.txt'], dir);
    const output = readFileSync(join(dir, 'out.txt'), 'utf8');
    expect(r.status, output.slice(0, 2000)).toBe(0);
    const labels = parse(readFileSync(join(dir, 'labels.csv')), { columns: true, bom: true }) as Record<
      string,
      string
    >[];
    const row = (id: string) => labels.find((x) => x.response_id!.trim() === id)!;
    // v1 did not ask about online platforms: "not asked"; the minimal v2 response skipped them: empty.
    expect(row(pavlodar().id).online_platforms_qazvolunteer).toBe('не задавался (нет в этой версии)');
    expect(row(world.posted[2]!.id).online_platforms_qazvolunteer!.trim()).toBe('');
    expect(output).toMatch(/online_platforms_qazvolunteer\s*\|\s*-99/);
  });
});

describe('syntax.R run by R', () => {
  it('makes a data frame with the CSV names, factor levels in Kazakh, labels and date-times', async () => {
    const { dir, fileName, text } = await fetchPair('R', 'lang=kk');
    expect(fileName).toBe('roadmap-needs_KZ-10_syntax-kk_2023-10-01.R');
    const probe = `${text}
row <- data[data[["response_id"]] == "${semey().id}", ]
cat("NAMES", paste(names(data), collapse = "|"), "\\n", sep = "\\t")
cat("LEVELS", paste(levels(data[["role"]]), collapse = "|"), "\\n", sep = "\\t")
cat("ROLE", as.character(row[["role"]]), "\\n", sep = "\\t")
cat("REGION", as.character(row[["region"]]), "\\n", sep = "\\t")
cat("LABEL", attr(data[["region_name"]], "label"), "\\n", sep = "\\t")
cat("CLASS", class(data[["submitted_at"]])[1], format(row[["submitted_at"]], "%Y-%m-%d %H:%M:%S"), "\\n", sep = "\\t")
cat("SOCIAL", class(data[["activity_fields/social_help"]]), row[["activity_fields/social_help"]], "\\n", sep = "\\t")
cat("TEXT", gsub("\\r?\\n", "|NL|", row[["best_practice_description"]]), "\\n", sep = "\\t")
`;
    writeFileSync(join(dir, 'probe.R'), probe);
    const r = run('Rscript', ['probe.R'], dir);
    expect(r.status, r.stderr).toBe(0);
    const lines = new Map(
      r.stdout
        .split('\n')
        .filter((line) => line.includes('\t'))
        .map((line) => {
          const [key, ...rest] = line.split('\t');
          return [key!, rest.slice(0, -1)] as const;
        }),
    );
    const header = parseCsv(
      (await download(world.server.url, world.cookies.abai, `${BASE}/export.csv`)).body,
    ).header;
    expect(lines.get('NAMES')![0]!.split('|')).toEqual(header);
    expect(lines.get('LEVELS')![0]!.split('|')).toContain('Басқа (көрсетіңіз)');
    expect(lines.get('ROLE')).toEqual(['Басқа (көрсетіңіз)']);
    expect(lines.get('REGION')).toEqual(['Абай облысы']);
    expect(lines.get('LABEL')).toEqual(['Өңір атауы']);
    expect(lines.get('CLASS')).toEqual(['POSIXct', '2023-09-15 05:30:00']);
    expect(lines.get('SOCIAL')).toEqual(['integer', '1']);
    expect(lines.get('TEXT')).toEqual(['Бірінші жол|NL|Вторая строка — Өскемен']);
  });

  it('reads the `;` CSV with decimal commas', async () => {
    const { dir, text } = await fetchPair('R', 'lang=ru&sep=semicolon');
    expect(text).toContain('sep = ";", dec = ","');
    writeFileSync(
      join(dir, 'probe.R'),
      `${text}\ncat("N", nrow(data), levels(data[["region"]])[1], "\\n", sep = "\\t")\n`,
    );
    const r = run('Rscript', ['probe.R'], dir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('N\t2\tобласть Абай');
  });
});

describe('syntax.do (Stata; checked for its parts, Stata cannot be installed here)', () => {
  it('imports the CSV with every column renamed, labelled, and coded answers as labelled numbers', async () => {
    const { text, csv } = await fetchPair('do', 'lang=kk');
    const header = parseCsv(csv).header;
    expect(text).toMatch(
      /import delimited using `"roadmap-needs_KZ-10_2023-10-01\.csv"', varnames\(nonames\) rowrange\(2\)/,
    );
    const renames = [...text.matchAll(/^rename v(\d+) (\S+)$/gm)];
    expect(renames.map((m) => Number(m[1]))).toEqual(header.map((_, i) => i + 1));
    const names = renames.map((m) => m[2]!);
    for (const name of names) expect(name).toMatch(/^[A-Za-z][A-Za-z0-9_]{0,31}$/);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    for (const name of names) expect(text).toMatch(new RegExp(`^label variable ${name} \`"`, 'm'));
    expect(text).toContain('replace role_n = 1 if role == `"');
    expect(text).toMatch(/^label define role .*`"Басқа \(көрсетіңіз\) \[other\]"'/m);
    expect(text).toMatch(/^label define online_platforms_qazvolunteer \.a `"сұралмаған/m);
    expect(text).toMatch(/^replace online_platforms_qazvolunteer = \.a if inlist\(version, 1\)$/m);
  });

  it('refuses an unknown language with a problem naming lang', async () => {
    const r = await download(world.server.url, world.cookies.abai, `${BASE}/syntax.do?lang=de`);
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.parse(r.body.toString()).errors[0].question).toBe('lang');
    const author = await download(world.server.url, world.cookies.author, `${BASE}/syntax.sps`);
    expect(author.status).toBe(403);
  });
});
