// `recount [--survey id]`: rebuilds the answer counts from the responses in one transaction, and says whether the
// counts kept at each insert were right. Exit 0 either way (they are right now); 1 if the survey is unknown.
import { parseArgs } from 'node:util';
import { openFromEnv } from './open';

export async function recountCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { survey: { type: 'string' } } });
  const booted = await openFromEnv();
  const { store, catalog } = booted;
  try {
    for (const w of booted.warnings.filter((w) => w.startsWith('answer counts'))) console.error(w);
    if (values.survey !== undefined && !catalog.getSurvey(values.survey)) {
      console.error(`no survey "${values.survey}" in the catalog`);
      return 1;
    }
    const surveys = values.survey === undefined ? catalog.surveys.map((s) => s.id) : [values.survey];
    const started = performance.now();
    const report = await store.recountAnswers(surveys);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `recounted ${report.responses.toLocaleString('en-US')} responses of ${report.surveys.join(', ')} in ${seconds} s`,
    );
    if (report.keysDiffering === 0 && report.recordChunksDiffering === 0)
      console.log('the counts were right: nothing differed');
    else
      console.log(
        `the counts differed and are repaired: ${report.keysDiffering} count rows (survey, version, region, briefing, day) ` +
          `and ${report.recordChunksDiffering} chunks of per-response records`,
      );
    return 0;
  } finally {
    await store.close();
  }
}
