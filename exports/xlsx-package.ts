// The parts around the worksheets that make an .xlsx (Office Open XML SpreadsheetML): content types, relations,
// the workbook's sheet list and a small style sheet; zipped with yazl, each sheet's XML streamed into its entry
// when the zip reaches it, so only one sheet's query is open at a time.
import type { Readable } from 'node:stream';
import { ZipFile } from 'yazl';
import { DATE_STYLE, HEADER_STYLE } from './xlsx-sheet';
import './zip-checksum';

export interface PackagedSheet {
  /** At most 31 characters, none of `[]:*?/\`, unique (sheetName makes one). */
  name: string;
  /** Called when the zip reaches the sheet: opens its rows then. */
  open: () => Readable;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/**
 * Deflate level of the sheets: 1 compresses this XML (long runs of tags) to about the same size as 6 at a third of
 * the CPU, and the CPU is what bounds a big workbook.
 */
const SHEET_COMPRESSION = 1;

const attr = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** Excel's rules for a sheet name: 31 characters, no `[]:*?/\`, unique ignoring case. */
export function sheetNamer(): (wanted: string) => string {
  const taken = new Set<string>();
  return (wanted) => {
    const base = [...wanted.replace(/[[\]:*?/\\]/g, '_')].slice(0, 31).join('') || 'sheet';
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++)
      name = `${[...base].slice(0, 31 - String(n).length - 1).join('')}_${n}`;
    taken.add(name.toLowerCase());
    return name;
  };
}

const STYLES =
  `${XML_HEAD}<styleSheet xmlns="${MAIN}">` +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill>' +
  '<fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';
// The indexes sheets refer to must be the ones above.
if (DATE_STYLE !== 1 || HEADER_STYLE !== 2) throw new Error('xlsx styles out of step');

function parts(sheets: readonly PackagedSheet[]): [string, string][] {
  const sheetPath = (i: number) => `worksheets/sheet${i + 1}.xml`;
  return [
    [
      '[Content_Types].xml',
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        sheets
          .map(
            (_, i) =>
              `<Override PartName="/xl/${sheetPath(i)}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
          )
          .join('') +
        '</Types>',
    ],
    [
      '_rels/.rels',
      `${XML_HEAD}<Relationships xmlns="${PKG_REL}">` +
        `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      'xl/workbook.xml',
      `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets>` +
        sheets
          .map((s, i) => `<sheet name="${attr(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
          .join('') +
        '</sheets></workbook>',
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `${XML_HEAD}<Relationships xmlns="${PKG_REL}">` +
        sheets
          .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="${sheetPath(i)}"/>`)
          .join('') +
        `<Relationship Id="rId${sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ],
    ['xl/styles.xml', STYLES],
  ];
}

export interface XlsxPackage {
  stream: Readable;
  /** Stops the sheet being written and frees its statement: for a client that went away. */
  abort(): void;
}

/** The workbook of `sheets`, as a byte stream; entries dated `now`. */
export function xlsxPackage(sheets: readonly PackagedSheet[], now: Date): XlsxPackage {
  const zip = new ZipFile();
  let current: Readable | undefined;
  for (const [name, xml] of parts(sheets)) zip.addBuffer(Buffer.from(xml), name, { mtime: now });
  sheets.forEach((sheet, i) =>
    zip.addReadStreamLazy(
      `xl/worksheets/sheet${i + 1}.xml`,
      { mtime: now, compressionLevel: SHEET_COMPRESSION },
      (callback) => {
        current = sheet.open();
        callback(null, current);
      },
    ),
  );
  zip.end();
  const stream = zip.outputStream as Readable;
  return { stream, abort: () => current?.destroy() };
}
