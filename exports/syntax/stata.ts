// A Stata do-file (.do, Stata 16 or later: UTF-8, maxquotedrows(unlimited)) for one CSV export: `import delimited` with each column's type,
// names fit for Stata, `label variable`, `label define`/`label values`; coded text answers become labelled numbers
// (Stata labels numbers only), times become %tc date-times, and "not asked" is the extended missing value .a.
import type { SyntaxFile } from './file';
import type { SyntaxVariable } from './variables';

/**
 * A Stata string in compound quotes, which may hold `"`; a backtick or `$` would start a macro, so they are
 * escaped with a backslash, as Stata reads them in a do-file.
 */
export function stataString(text: string): string {
  return `\`"${text.replace(/[`$]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ')}"'`;
}

/** Stata keeps 80 characters of a variable label. */
const cut = (text: string, max = 80) => [...text].slice(0, max).join('');

export function stataDo(variables: readonly SyntaxVariable[], file: SyntaxFile): string {
  const numbers: number[] = [];
  const strings: number[] = [];
  variables.forEach((v, i) => (v.type === 'number' || v.type === 'integer' ? numbers : strings).push(i + 1));
  const out: string[] = [
    ...file.comment.map((line) => `* ${line}`),
    'version 16',
    'clear',
    `import delimited using ${stataString(file.csvName)}, varnames(nonames) rowrange(2) ///`,
    `  delimiters(${stataString(file.separator)}) ${file.decimalComma ? 'decimalseparator(,) ' : ''}encoding("utf-8") bindquote(strict) maxquotedrows(unlimited) ///`,
    `  stringcols(${strings.join(' ')}) numericcols(${numbers.join(' ')})`,
    '',
    '* The columns in order, under names Stata accepts (the CSV header is in each variable label note).',
    ...variables.map((v, i) => `rename v${i + 1} ${v.name}`),
    '',
  ];
  for (const v of variables.filter((x) => x.type === 'datetime'))
    out.push(
      // ISO 8601's `T` is no separator clock() knows: a space instead.
      `generate double ${v.name}_t = clock(subinstr(substr(${v.name}, 1, 19), "T", " ", 1), "YMDhms")`,
      `format ${v.name}_t %tc`,
      `order ${v.name}_t, after(${v.name})`,
      `drop ${v.name}`,
      `rename ${v.name}_t ${v.name}`,
    );
  out.push('');
  for (const v of variables) {
    out.push(`label variable ${v.name} ${stataString(cut(v.label))}`);
    out.push(`note ${v.name}: CSV column ${stataString(v.column)}`);
  }
  out.push('');
  const versionVar = variables.find((v) => v.column === 'version')?.name ?? 'version';
  for (const v of variables.filter((x) => x.values.length > 0 || x.notAskedIn.length > 0)) {
    if (v.type === 'string' && v.values.length === 0) continue;
    const lbl = v.name;
    if (v.type === 'string') {
      // Codes that are words: numbered in the definition's order, the code kept in the value label's note.
      out.push(`generate long ${v.name}_n = .`);
      v.values.forEach((l, i) =>
        out.push(`replace ${v.name}_n = ${i + 1} if ${v.name} == ${stataString(String(l.code))}`),
      );
      out.push(`order ${v.name}_n, after(${v.name})`, `drop ${v.name}`, `rename ${v.name}_n ${v.name}`);
      out.push(
        `label define ${lbl} ${v.values.map((l, i) => `${i + 1} ${stataString(`${l.label} [${String(l.code)}]`)}`).join(' ')}, replace`,
      );
    } else if (v.values.length > 0)
      out.push(
        `label define ${lbl} ${v.values.map((l) => `${String(l.code)} ${stataString(l.label)}`).join(' ')}, replace`,
      );
    if (v.notAskedIn.length > 0) {
      out.push(`replace ${v.name} = .a if inlist(${versionVar}, ${v.notAskedIn.join(', ')})`);
      out.push(`label define ${lbl} .a ${stataString(file.notAskedLabel)}, add`);
    }
    out.push(`label values ${v.name} ${lbl}`);
  }
  out.push('', 'describe', '');
  return out.join('\n');
}
