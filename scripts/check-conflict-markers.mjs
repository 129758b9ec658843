// Fails when a merge left conflict markers in a tracked file: prettier formats Markdown around them without a word
// (a README once shipped with one), and eight people landing on one branch make such merges daily.
import { execFileSync } from 'node:child_process';

let found = '';
try {
  found = execFileSync('git', ['grep', '-n', '-E', '^(<<<<<<< |>>>>>>> )', '--', '.', ':!*.snap'], {
    encoding: 'utf8',
  });
} catch (error) {
  // git grep exits 1 when nothing matches: the good case.
  if (error.status !== 1) throw error;
}
if (found) {
  console.error(`conflict markers left by a merge:\n${found}`);
  process.exit(1);
}
