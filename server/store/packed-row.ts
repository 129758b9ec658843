// A response's export fields as one string: one value to hand over (from SQLite, to a worker thread) instead of
// eight. Kept apart from export-rows.ts (which imports it, not the other way) so that worker threads load it without
// SQLite.

/**
 * One response as the export reads it: plain values in a fixed order (`.raw()` rows, no object per row).
 * `contacts` is the JSON of the personal-data answers, null unless asked for and given.
 */
export type ExportFields = [
  id: string,
  version: number,
  submittedAt: string,
  locale: string,
  region: string,
  briefing: string | null,
  answers: string,
  contacts: string | null,
  /** The respondent's start (the phone's clock), and the earlier response of the same briefing with the same
   * answers (duplicates.ts). Optional so that rows made by hand in tests may leave them out. */
  startedAt?: string | null,
  duplicateOf?: string | null,
];
/** The fields, and when asked for with `codes` (ExportCodes), the response's codes as codesColumn writes them. */
export type ExportRow = [...ExportFields, codes?: string | null];

/** Field separator: a control character that stored JSON and ids never contain raw. */
export const PACKED_FIELD = '\u0001';

export function packRow(row: ExportRow): string {
  const f = PACKED_FIELD;
  return (
    row[0] +
    f +
    row[1] +
    f +
    row[2] +
    f +
    row[3] +
    f +
    row[4] +
    f +
    (row[5] ?? '') +
    f +
    row[6] +
    f +
    (row[7] ?? '') +
    f +
    (row[8] ?? '') +
    f +
    (row[9] ?? '') +
    (row[10] == null ? '' : f + row[10])
  );
}

export function unpackRow(text: string): ExportRow {
  const f = text.split(PACKED_FIELD);
  const row: ExportRow = [
    f[0]!,
    Number(f[1]),
    f[2]!,
    f[3]!,
    f[4]!,
    f[5] || null,
    f[6]!,
    f[7] || null,
    f[8] || null,
    f[9] || null,
  ];
  // An eleventh field: the response's codes (export-rows.ts), for an export with code columns.
  if (f.length > 10) row[10] = f[10]!;
  return row;
}
