// The CSV writer: formula guard, RFC 4180 quoting (checked against csv-stringify), BOM and CRLF, a streamed file
// parsed back, a stream destroyed midway closing its iterator, and the data dictionary's layout.
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it, vi } from 'vitest';
import { planColumns } from '../../exports/columns';
import { csvCell, csvLine, csvStream } from '../../exports/csv';
import { dictionaryRows, versionRange } from '../../exports/dictionary';
import type { ExportRow } from '../../server/store';
import { version } from '../support/export-definitions';
import { inBatches } from '../support/batches';

describe('csvCell', () => {
  it("prefixes texts that a spreadsheet would run as formulas with ', leaving plain numbers alone", () => {
    for (const text of [
      '=SUM(A1)',
      '+7 701 123 45 67',
      '-нет',
      '@cmd',
      '\tx',
      '\rx',
      '＝1',
      '＋1',
      '－1',
      '＠x',
      '-',
      '+',
      '=',
    ]) {
      expect(csvCell(text).replace(/^"|"$/g, ''), JSON.stringify(text)).toBe(`'${text}`.replace(/"/g, '""'));
    }
    for (const number of ['-5', '+7', '-0.5', '1e3', '-2.5E-3', '.5', '42'])
      expect(csvCell(number)).toBe(number);
    for (const text of ['a=b', ' =1', 'Семей', "'quoted", '']) expect(csvCell(text)).toBe(text);
  });

  it('quotes cells with commas, quotes, CR or LF and doubles inner quotes (RFC 4180)', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line 1\r\nline 2')).toBe('"line 1\r\nline 2"');
    expect(csvCell('=A1,"x"')).toBe(`"'=A1,""x"""`);
    expect(csvLine(['a', '', 'b'])).toBe('a,,b\r\n');
  });

  it('quotes exactly as csv-stringify does for any text that does not look like a formula', () => {
    const alphabet = ['a', 'Ө', ',', '"', '\r', '\n', ' ', ';', "'", '1', 'é', '\u2028', '🙂'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 2000; n++) {
      const cells = Array.from({ length: 1 + Math.floor(next() * 5) }, () =>
        Array.from(
          { length: Math.floor(next() * 8) },
          () => alphabet[Math.floor(next() * alphabet.length)],
        ).join(''),
      ).map((c) => (/^[=+\-@\t\r]/.test(c) ? `x${c}` : c));
      // quote_record_delimiter: with a custom record delimiter csv-stringify would leave a lone CR or LF unquoted.
      expect(csvLine(cells.map(csvCell))).toBe(
        stringify([cells], { record_delimiter: '\r\n', quote_record_delimiter: true }),
      );
    }
  });
});

const SURVEY = version(1, [
  { type: 'radiogroup', name: 'region', choices: ['KZ-10'] },
  { type: 'comment', name: 'idea' },
  { type: 'checkbox', name: 'c', choices: ['x', 'y'] },
]);

function rows(n: number, idea = (i: number) => `idea ${i}, "${i}"\nmore`): ExportRow[] {
  return Array.from({ length: n }, (_, i) => [
    `id-${i}`,
    1,
    '2023-09-15T05:30:00.000Z',
    'kk',
    'KZ-10',
    null,
    JSON.stringify({ idea: idea(i), c: ['y'] }),
    null,
  ]);
}

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await pipeline(stream, new Writable({ write: (c: Buffer, _e, cb) => (chunks.push(c), cb()) }));
  return Buffer.concat(chunks);
}

describe('csvStream', () => {
  const plan = planColumns([SURVEY], { choices: 'columns', pii: false });

  it('writes the BOM and header first, then every row, CRLF-terminated, that a parser reads back', async () => {
    const body = await collect(csvStream(plan, inBatches(rows(5000)), { labels: 'values' }));
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = body.toString('utf8');
    expect(text.slice(1, text.indexOf('\r\n'))).toBe(
      'response_id,survey,version,submitted_at,locale,region,region_name,briefing,idea,c/x,c/y,__not_asked,' +
        'started_at,duration_s,flag_straightlining,flag_duplicate,flag_fast',
    );
    const records = parse(body, { bom: true }) as string[][];
    expect(records).toHaveLength(5001);
    expect(records[4000]).toEqual([
      'id-3999',
      'test',
      '1',
      '2023-09-15T05:30:00.000Z',
      'kk',
      'KZ-10',
      'Abai Region',
      '',
      'idea 3999, "3999"\nmore',
      '0',
      '1',
      '',
      // No start time: no duration and no fast flag; nothing straight-lined or repeated.
      '',
      '',
      '0',
      '0',
      '',
    ]);
  });

  it('guards formula-like answers in the file while the row data stay verbatim', async () => {
    const body = await collect(
      csvStream(plan, inBatches(rows(1, () => '=cmd|"/c calc"!A1')), { labels: 'values' }),
    );
    expect((parse(body, { bom: true }) as string[][])[1]![8]).toBe(`'=cmd|"/c calc"!A1`);
  });

  it('pulls rows only as the reader asks, and closes the source when destroyed midway', async () => {
    let pulled = 0;
    let closed = false;
    const source: Iterable<ExportRow> = {
      [Symbol.iterator]() {
        const all = rows(100_000)[Symbol.iterator]();
        return {
          next: () => (pulled++, all.next()),
          return: () => ((closed = true), { done: true, value: undefined }),
        };
      },
    };
    const stream = csvStream(plan, inBatches(source), { labels: 'values' });
    await new Promise<void>((ok) => stream.once('readable', ok));
    stream.read();
    // The stream refills its buffer up to the high-water mark and then stops pulling: wait for that, not a time.
    await vi.waitFor(() =>
      expect(stream.readableLength).toBeGreaterThanOrEqual(stream.readableHighWaterMark),
    );
    const settled = pulled;
    await new Promise((ok) => setImmediate(ok));
    expect(pulled).toBe(settled);
    // A few 64 KB chunks are read ahead (the stream's buffer), not the 100,000 rows.
    expect(pulled).toBeLessThan(5000);
    stream.destroy();
    await new Promise((ok) => stream.once('close', ok));
    expect(closed).toBe(true);
  });

  it('reports progress as rows are written', async () => {
    const seen: number[] = [];
    await collect(
      csvStream(plan, inBatches(rows(3000)), { labels: 'values', onProgress: (n) => seen.push(n) }),
    );
    expect(seen.at(-1)).toBe(3000);
    expect(seen.length).toBeGreaterThan(1);
  });
});

describe('the data dictionary', () => {
  const v1 = version(1, [
    { type: 'radiogroup', name: 'region', choices: ['KZ-10'] },
    { type: 'radiogroup', name: 'old', choices: ['a'], title: { default: 'Old', kk: 'Ескі', ru: 'Старый' } },
    { type: 'boolean', name: 'b' },
  ]);
  const v2 = version(2, [
    { type: 'radiogroup', name: 'region', choices: ['KZ-10'] },
    {
      type: 'checkbox',
      name: 'c',
      choices: [{ value: 'x', text: { default: 'X', kk: 'Икс', ru: 'Икс' } }],
      showOtherItem: true,
    },
    { type: 'boolean', name: 'b' },
  ]);
  const table = dictionaryRows(planColumns([v1, v2], { choices: 'columns', pii: false }));
  const [header, ...body] = table;
  const of = (column: string) =>
    body.filter((r) => r[0] === column).map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]])));

  it('has one row per 0/1 column with its choice and labels, and one per value of a coded column', () => {
    expect(of('c/x')).toEqual([
      expect.objectContaining({
        question: 'c',
        type: 'checkbox',
        versions: '2',
        item: 'x',
        item_kk: 'Икс',
        item_en: 'X',
      }),
    ]);
    expect(of('c/x')[0]!.note).toMatch(/not asked in version 1/);
    expect(of('c/other')[0]).toMatchObject({ type: 'text', item: 'other', item_en: 'Other' });
    expect(of('b').map((r) => [r.value, r.value_en, r.value_kk])).toEqual([
      ['1', 'Yes', 'Иә'],
      ['0', 'No', 'Жоқ'],
    ]);
    expect(of('b')[0]!.versions).toBe('1-2');
    expect(of('old')[0]).toMatchObject({
      versions: '1',
      title_kk: 'Ескі',
      title_ru: 'Старый',
      title_en: 'Old',
      value: 'a',
    });
    expect(of('region')).toHaveLength(20);
    expect(new Set(body.map((r) => r[0]))).toEqual(
      new Set(planColumns([v1, v2], { choices: 'columns', pii: false }).columns.map((c) => c.name)),
    );
  });

  it('writes version ranges compactly', () => {
    expect(versionRange([1, 2, 3, 5])).toBe('1-3,5');
    expect(versionRange([2])).toBe('2');
    expect(versionRange([])).toBe('');
  });
});
