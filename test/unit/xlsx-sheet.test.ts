// The workbook writer's small rules, which the round-trip tests reach only with ordinary data: column letters past
// Z, markup and control characters in texts, Excel's limit on a cell's length, and the bytes of one row.
import { describe, expect, it } from 'vitest';
import { columnLetters } from '../../exports/xlsx-sheet';
import { compileRowWriter, escapeText, XmlBytes } from '../../exports/xlsx-rows';

describe('the workbook writer', () => {
  it('names columns A…Z, AA…ZZ, AAA as Excel does', () => {
    expect([0, 25, 26, 51, 177, 701, 702].map(columnLetters)).toEqual([
      'A',
      'Z',
      'AA',
      'AZ',
      'FV',
      'ZZ',
      'AAA',
    ]);
  });

  it('escapes markup, leaves out characters XML cannot hold, and cuts a text at 32,767 characters', () => {
    expect(escapeText('a < b & c > d')).toBe('a &lt; b &amp; c &gt; d');
    expect(escapeText('Қыс\u0001\u0008 кезінде\ttab\nline')).toBe('Қыс кезінде\ttab\nline');
    expect(escapeText('x'.repeat(40_000))).toHaveLength(32_767);
  });

  it('writes a row as cells with references: numbers as values, dates as serials, texts inline in UTF-8', () => {
    const write = compileRowWriter(
      ['count', 'number', 'date', 'text', 'number'],
      ['A', 'B', 'C', 'D', 'E'],
      1,
    );
    const bytes = new XmlBytes(8);
    write(bytes, ['1', '', '1970-01-02T00:00:00.000Z', ' Өскемен ', 'бес'], '7');
    expect(bytes.take().toString('utf8')).toBe(
      '<row r="7"><c r="A7"><v>1</v></c><c r="C7" s="1"><v>25570</v></c>' +
        '<c r="D7" t="inlineStr"><is><t xml:space="preserve"> Өскемен </t></is></c>' +
        '<c r="E7" t="inlineStr"><is><t>бес</t></is></c></row>',
    );
  });
});
