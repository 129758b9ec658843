// An R script (.R) for one CSV export: read.csv with the BOM taken off, the column names kept as they are
// (check.names = FALSE: `activity_fields/social_help` and `__not_asked` stay), each column's class, times as
// POSIXct (UTC), categories as factors with their labels, and a "label" attribute on every column.
import type { SyntaxFile } from './file';
import type { SyntaxVariable } from './variables';

/**
 * An R string literal of ASCII only (every other character as \u escape), so the script means the same in any
 * locale and any editor, Kazakh letters included.
 */
export function rString(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (code >= 0x20 && code < 0x7f) out += ch;
    else if (code === 0x0a) out += '\\n';
    else if (code === 0x0d) out += '\\r';
    else if (code <= 0xffff) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U{${code.toString(16)}}`;
  }
  return `${out}"`;
}

const vector = (items: readonly string[]) => `c(${items.join(', ')})`;
const CLASS = { integer: 'integer', number: 'numeric', string: 'character', datetime: 'character' } as const;

export function rScript(variables: readonly SyntaxVariable[], file: SyntaxFile): string {
  const col = (v: SyntaxVariable) => `data[[${rString(v.column)}]]`;
  const out: string[] = [
    ...file.comment.map((line) => `# ${line}`),
    '# Empty cells are NA: not answered, or not asked (the question names in __not_asked).',
    '',
    `data <- read.csv(${rString(file.csvName)}, fileEncoding = "UTF-8-BOM", check.names = FALSE,`,
    `  sep = ${rString(file.separator)}, dec = ${rString(file.decimalComma ? ',' : '.')}, quote = "\\"", na.strings = "",`,
    `  stringsAsFactors = FALSE, colClasses = ${vector(variables.map((v) => rString(CLASS[v.type])))})`,
    '',
  ];
  for (const v of variables.filter((x) => x.type === 'datetime'))
    out.push(`${col(v)} <- as.POSIXct(${col(v)}, format = "%Y-%m-%dT%H:%M:%OS", tz = "UTC")`);
  for (const v of variables.filter((x) => x.factor && x.values.length > 0)) {
    const levels = v.values.map((l) => (typeof l.code === 'number' ? String(l.code) : rString(l.code)));
    out.push(
      `${col(v)} <- factor(${col(v)},\n  levels = ${vector(levels)},\n  labels = ${vector(v.values.map((l) => rString(l.label)))})`,
    );
  }
  // Numbers with named values (0/1 choices, flags, rating scales) stay numbers: sums and means work on them.
  for (const v of variables.filter((x) => !x.factor && x.values.length > 0))
    out.push(
      `attr(${col(v)}, "labels") <- setNames(${vector(v.values.map((l) => String(l.code)))}, ${vector(v.values.map((l) => rString(l.label)))})`,
    );
  out.push('');
  for (const v of variables) out.push(`attr(${col(v)}, "label") <- ${rString(v.label)}`);
  out.push('', 'str(data, list.len = 5, give.attr = FALSE)', '');
  return out.join('\n');
}
