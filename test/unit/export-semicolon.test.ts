// The `;` CSV for spreadsheets set to a comma-decimal locale: `;` between cells, a `;` inside a cell quoted, decimal
// numbers with a comma, and the same cells as the comma CSV otherwise (read back with csv-parse and delimiter `;`).
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { planColumns } from '../../exports/columns';
import { csvStream, SEMICOLON_DIALECT } from '../../exports/csv';
import type { ExportRow } from '../../server/store';
import { version } from '../support/export-definitions';
import { inBatches } from '../support/batches';

const SURVEY = version(1, [
  { type: 'radiogroup', name: 'region', choices: ['KZ-10'] },
  { type: 'comment', name: 'idea' },
  { type: 'text', inputType: 'number', name: 'hours' },
  { type: 'checkbox', name: 'c', choices: ['x', 'y'] },
]);
const plan = planColumns([SURVEY], { choices: 'columns', pii: false });

const row = (answers: Record<string, unknown>): ExportRow => [
  'id-1',
  1,
  '2023-09-15T05:30:00.000Z',
  'kk',
  'KZ-10',
  null,
  JSON.stringify(answers),
  null,
];

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await pipeline(stream, new Writable({ write: (c: Buffer, _e, cb) => (chunks.push(c), cb()) }));
  return Buffer.concat(chunks);
}

describe('the semicolon dialect', () => {
  it('separates cells with ";", quotes a ";" inside a cell, and writes 3.5 as 3,5', async () => {
    const answers = { idea: 'бір; екі, "үш"', hours: 3.5, c: ['y'] };
    const body = await collect(
      csvStream(plan, inBatches([row(answers)]), { labels: 'values', dialect: SEMICOLON_DIALECT }),
    );
    const text = body.toString('utf8');
    expect(text.slice(1, text.indexOf('\r\n'))).toBe(
      'response_id;survey;version;submitted_at;locale;region;region_name;briefing;idea;hours;c/x;c/y;__not_asked;' +
        'started_at;duration_s;flag_straightlining;flag_duplicate;flag_fast',
    );
    expect(text).toContain(';"бір; екі, ""үш""";3,5;0;1;');
    const [header, cells] = parse(body, { bom: true, delimiter: ';' }) as string[][];
    expect(Object.fromEntries(header!.map((h, i) => [h, cells![i]]))).toMatchObject({
      idea: 'бір; екі, "үш"',
      hours: '3,5',
      'c/x': '0',
      'c/y': '1',
    });
  });

  it('keeps the comma file as it was: 3.5 with a point, ";" unquoted', async () => {
    const body = await collect(
      csvStream(plan, inBatches([row({ idea: 'a;b', hours: 3.5 })]), { labels: 'values' }),
    );
    expect(body.toString('utf8')).toContain(',a;b,3.5,,,');
  });
});
