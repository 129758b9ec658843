// SPSS syntax (.sps) for one CSV export, run as it is by SPSS Statistics and GNU PSPP: GET DATA reads the CSV
// with each column's type and width, then VARIABLE LABELS, VALUE LABELS, the times as date-times, and "not asked"
// (a question the response's version did not have) as a missing value of its own, -99, apart from "not answered".
import type { SyntaxFile } from './file';
import type { SyntaxVariable } from './variables';

/** The code "not asked" gets: outside every scale and count the forms take. */
export const NOT_ASKED_CODE = -99;

/**
 * An SPSS string literal; long ones are cut into pieces joined by `+`, which SPSS allows across lines (a file name
 * stays whole, so a reader can find and change it).
 */
export function spssString(text: string, split = true): string {
  if (!split) return `"${text.replaceAll('"', '""')}"`;
  const pieces: string[] = [];
  const chars = [...text];
  for (let i = 0; i < chars.length || pieces.length === 0; i += 60)
    pieces.push(
      `"${chars
        .slice(i, i + 60)
        .join('')
        .replaceAll('"', '""')}"`,
    );
  return pieces.join(' +\n    ');
}

/** SPSS counts label bytes: labels are cut to 250 bytes of UTF-8, never inside a character. */
function cut(text: string, max = 250): string {
  let out = '';
  for (const ch of text) {
    if (Buffer.byteLength(out + ch) > max) break;
    out += ch;
  }
  return out;
}

function format(v: SyntaxVariable): string {
  switch (v.type) {
    case 'integer':
      return 'F10.0';
    case 'number':
      return 'F12.2';
    case 'datetime':
      return 'A40';
    case 'string':
      return `A${v.width}`;
  }
}

const literal = (v: SyntaxVariable, code: number | string) =>
  typeof code === 'number' && v.type !== 'string' ? String(code) : spssString(String(code));

/** `ISO 8601 text` → an SPSS date-time: DATE.MDY and TIME.HMS of its parts (the text is UTC, as exported). */
function dateTime(name: string): string {
  const part = (from: number, width: number, decimals = 0) =>
    `NUMBER(SUBSTR(${name},${from},${width}),F${width}.${decimals})`;
  return (
    `COMPUTE ${name}_t = DATE.MDY(${part(6, 2)}, ${part(9, 2)}, ${part(1, 4)})\n` +
    `  + TIME.HMS(${part(12, 2)}, ${part(15, 2)}, ${part(18, 6, 3)}).`
  );
}

/** Names for one subcommand, wrapped so no line runs far past 100 characters. */
function wrap(names: readonly string[]): string {
  const lines: string[] = [];
  let line = '';
  for (const name of names) {
    if (line !== '' && line.length + name.length > 100) {
      lines.push(line);
      line = '';
    }
    line += line === '' ? name : ` ${name}`;
  }
  lines.push(line);
  return lines.join('\n    ');
}

export function spssSyntax(variables: readonly SyntaxVariable[], file: SyntaxFile): string {
  const out: string[] = [
    '* Encoding: UTF-8.',
    ...file.comment.map((line) => `* ${line}`.replace(/\.?$/, '.')),
    '',
    `SET DECIMAL=${file.decimalComma ? 'COMMA' : 'DOT'}.`,
    `GET DATA /TYPE=TXT /FILE=${spssString(file.csvName, false)} /ENCODING="UTF-8"`,
    `  /ARRANGEMENT=DELIMITED /FIRSTCASE=2 /DELIMITERS="${file.separator}" /QUALIFIER='"'`,
    '  /VARIABLES=',
    ...variables.map((v) => `    ${v.name} ${format(v)}`),
    '.',
    '',
  ];
  const dates = variables.filter((v) => v.type === 'datetime');
  if (dates.length > 0) {
    out.push('* Times as SPSS date-times (UTC).');
    for (const v of dates) out.push(dateTime(v.name), `FORMATS ${v.name}_t (DATETIME20).`);
    out.push(`DELETE VARIABLES ${wrap(dates.map((v) => v.name))}.`);
    out.push(`RENAME VARIABLES ${dates.map((v) => `(${v.name}_t = ${v.name})`).join(' ')}.`);
    out.push(`MATCH FILES /FILE=* /KEEP=${wrap(variables.map((v) => v.name))}.`, '');
  }
  out.push('VARIABLE LABELS');
  out.push(variables.map((v) => `  ${v.name} ${spssString(cut(v.label))}`).join('\n  /') + '.', '');
  const labelled = variables.filter((v) => v.values.length > 0);
  if (labelled.length > 0) {
    out.push('VALUE LABELS');
    out.push(
      labelled
        .map(
          (v) =>
            `${v.name}\n` +
            v.values.map((l) => `    ${literal(v, l.code)} ${spssString(cut(l.label, 120))}`).join('\n'),
        )
        .join('\n  /'),
    );
    out[out.length - 1] = `  ${out[out.length - 1]!}.`;
    out.push('');
  }
  // Not asked: by version, as the dictionary and `__not_asked` say; the code is declared missing for every
  // question some version did not ask, so it never enters a mean or a count.
  const notAsked = variables.filter((v) => v.notAskedIn.length > 0 && v.type !== 'datetime');
  if (notAsked.length > 0) {
    out.push('* Not asked in a version: its own missing value, apart from not answered (empty).');
    const versions = [...new Set(notAsked.flatMap((v) => v.notAskedIn))].sort((a, b) => a - b);
    const versionVar = variables.find((v) => v.column === 'version')?.name ?? 'version';
    for (const version of versions) {
      out.push(`DO IF (${versionVar} = ${version}).`);
      for (const v of notAsked.filter((n) => n.notAskedIn.includes(version)))
        out.push(`  COMPUTE ${v.name} = ${literal(v, NOT_ASKED_CODE)}.`);
      out.push('END IF.');
    }
    const numbers = notAsked.filter((v) => v.type !== 'string').map((v) => v.name);
    const strings = notAsked.filter((v) => v.type === 'string').map((v) => v.name);
    const declared = [
      ...(numbers.length > 0 ? [`${wrap(numbers)} (${NOT_ASKED_CODE})`] : []),
      ...(strings.length > 0 ? [`${wrap(strings)} ("${NOT_ASKED_CODE}")`] : []),
    ];
    out.push(`MISSING VALUES ${declared.join('\n  /')}.`);
    const notAskedLabel = spssString(file.notAskedLabel);
    out.push(
      `ADD VALUE LABELS ${notAsked.map((v) => `${v.name} ${literal(v, NOT_ASKED_CODE)} ${notAskedLabel}`).join('\n  /')}.`,
      '',
    );
  }
  const scale = variables.filter((v) => v.type === 'number' || v.type === 'integer');
  const nominal = variables.filter((v) => v.type === 'string' || v.values.length > 0);
  const levels = [
    ...(scale.some((v) => v.values.length === 0)
      ? [
          `${scale
            .filter((v) => v.values.length === 0)
            .map((v) => v.name)
            .join(' ')} (SCALE)`,
        ]
      : []),
    ...(nominal.length > 0 ? [`${nominal.map((v) => v.name).join(' ')} (NOMINAL)`] : []),
  ];
  if (levels.length > 0) out.push(`VARIABLE LEVEL ${levels.join('\n  /')}.`);
  out.push('EXECUTE.', '');
  return out.join('\n');
}
