// Wraps long answer labels (Kazakh ones run long) into lines for chart axes, which Chart.js draws from arrays.

/**
 * Splits `text` into lines of at most about `width` characters at spaces (and after hyphens and slashes); a single
 * word longer than a line is cut with a hyphen rather than pushed past the chart's edge.
 */
export function wrapLabel(text: string, width = 28): string[] {
  const words = text
    .trim()
    .split(/\s+|(?<=[-/])/u)
    .filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (let word of words) {
    while (word.length > width) {
      if (line) lines.push(line);
      lines.push(`${word.slice(0, width - 1)}-`);
      word = word.slice(width - 1);
      line = '';
    }
    const joiner = line === '' || /[-/]$/.test(line) ? '' : ' ';
    if (line && line.length + joiner.length + word.length > width) {
      lines.push(line);
      line = word;
    } else line += joiner + word;
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}
