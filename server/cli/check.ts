// `check [--surveys <dir>]`: proves every survey version loads, keeps its names' meanings and is fully translated.
// Prints a report grouped by file and exits 1 on any error (warnings alone pass); `npm test` runs it too.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkSurveys, type SurveysCheck } from '../catalog/check';
import { cliConfig } from './open';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function formatCheckReport(report: SurveysCheck): string {
  const lines: string[] = [];
  for (const { file, findings } of report.files) {
    const errors = findings.filter((f) => f.severity === 'error');
    const warnings = findings.length - errors.length;
    const counts = [
      errors.length > 0 && plural(errors.length, 'error'),
      warnings > 0 && plural(warnings, 'warning'),
    ];
    const tail = counts.some(Boolean) ? `  (${counts.filter(Boolean).join(', ')})` : '';
    lines.push(`${errors.length > 0 ? '✖' : '✔'} ${file}${tail}`);
    // Errors first: they are what stops the build.
    for (const f of [...errors, ...findings.filter((x) => x.severity === 'warning')])
      lines.push(`    ${f.severity === 'error' ? '✖' : '⚠'} ${f.path ? `${f.path}: ` : ''}${f.message}`);
  }
  const failed = report.files.filter((f) => f.findings.some((x) => x.severity === 'error')).length;
  lines.push(
    '',
    `${plural(report.files.length, 'file')}: ${report.files.length - failed} passed, ${failed} failed · ` +
      `${plural(report.errors, 'error')}, ${plural(report.warnings, 'warning')}`,
  );
  return lines.join('\n');
}

export function checkCommand(args: string[]): number {
  const { values } = parseArgs({ args, options: { surveys: { type: 'string' } } });
  const dir = values.surveys === undefined ? cliConfig().surveysDir : resolve(values.surveys);
  const report = checkSurveys(dir);
  const text = `Checking the surveys in ${dir}\n\n${formatCheckReport(report)}`;
  if (report.errors > 0) console.error(text);
  else console.log(text);
  return report.errors > 0 ? 1 : 0;
}
