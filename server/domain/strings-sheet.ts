// The translators' spreadsheet of a survey version (exceljs): one row per text with its JSON path, English, Kazakh
// and Russian, empty cells highlighted; and reading such a sheet back. The survey and version it was made from are
// written in the sheet, so an upload is compared with the structure it came from.
import ExcelJS from 'exceljs';
import type { StringRow } from '../catalog/survey-strings';

export const SHEET = 'strings';
const HEADER = ['key', 'English', 'Kazakh (kk)', 'Russian (ru)'] as const;
/** Light amber: seen at a glance in Excel and LibreOffice, still readable when printed in grey. */
const EMPTY_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE08A' } };

export async function writeStringsSheet(
  surveyId: string,
  version: number,
  rows: readonly StringRow[],
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(SHEET, { views: [{ state: 'frozen', ySplit: 2 }] });
  // Row 1 names what the sheet belongs to; the upload reads it back. Row 2 is the header.
  sheet.addRow(['survey', surveyId, 'version', version]);
  sheet.addRow([...HEADER]).font = { bold: true };
  sheet.columns = [{ width: 48 }, { width: 60 }, { width: 60 }, { width: 60 }];
  for (const r of rows) {
    const row = sheet.addRow([r.path, r.en, r.kk, r.ru]);
    row.alignment = { wrapText: true, vertical: 'top' };
    for (const col of [2, 3, 4])
      if (String(row.getCell(col).value ?? '').trim() === '') row.getCell(col).fill = EMPTY_FILL;
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

export type SheetRead =
  { ok: true; surveyId: string; version: number; rows: StringRow[] } | { ok: false; problem: string };

const cellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((t) => t.text).join('');
  if (typeof value === 'object' && 'text' in value) return String(value.text);
  return String(value);
};

export async function readStringsSheet(bytes: Buffer): Promise<SheetRead> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { ok: false, problem: 'the file is not an .xlsx workbook' };
  }
  const sheet = book.getWorksheet(SHEET);
  if (!sheet)
    return { ok: false, problem: `the workbook has no sheet named "${SHEET}" (download a new one)` };
  const [tag, surveyId, tag2, version] = [1, 2, 3, 4].map((c) => cellText(sheet.getRow(1).getCell(c).value));
  const header = [1, 2, 3, 4].map((c) => cellText(sheet.getRow(2).getCell(c).value));
  if (
    tag !== 'survey' ||
    tag2 !== 'version' ||
    !/^[1-9]\d*$/.test(version ?? '') ||
    header.join('|') !== HEADER.join('|')
  )
    return { ok: false, problem: 'the first two rows (survey, version and the column names) were changed' };
  const rows: StringRow[] = [];
  sheet.eachRow((row, n) => {
    if (n <= 2) return;
    const [path, en, kk, ru] = [1, 2, 3, 4].map((c) => cellText(row.getCell(c).value));
    if ([path, en, kk, ru].every((v) => v === '')) return;
    rows.push({ path: path!, en: en!, kk: kk!, ru: ru! });
  });
  return { ok: true, surveyId: surveyId!, version: Number(version), rows };
}
