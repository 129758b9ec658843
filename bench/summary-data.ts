// Plain synthetic data for bench/summary when `npm run cli -- demo` cannot make it: the demo's shape where it matters
// for speed (95% of answers at three briefings per region, each one day; 5% through the survey's link on any working
// day of Sep 2023 – Mar 2024; v1 then v2), with random answers of every question type, stored by insertResponses.
import type { Catalog } from '../server/catalog/load';
import { REGION_CODES } from '../server/catalog/regions';
import type { NewResponse, Store } from '../server/store';
import { describeQuestions } from '../exports/questions';
import { randomAnswers, seeded } from '../test/support/random-answers';

const FROM = Date.parse('2023-09-15T00:00:00Z');
const DAYS = 196;
const DAY_MS = 86_400_000;

function workingDay(random: ReturnType<typeof seeded>): string {
  for (;;) {
    const ms = FROM + random.int(DAYS) * DAY_MS;
    const weekday = new Date(ms).getUTCDay();
    if (weekday !== 0 && weekday !== 6) return new Date(ms).toISOString().slice(0, 10);
  }
}

/** Adds responses (and briefings) until the survey has `target`; ids are a function of the index, so reruns add. */
export async function fillSimple(
  store: Store,
  catalog: Catalog,
  surveyId: string,
  target: number,
  progress: (done: number) => void,
): Promise<void> {
  const survey = catalog.getSurvey(surveyId)!;
  const random = seeded(2024);
  const briefings: { slug: string; region: (typeof REGION_CODES)[number]; date: string }[] = [];
  for (const [r, region] of REGION_CODES.entries())
    for (const i of [1, 2, 3]) {
      const date = workingDay(random);
      const slug = `bench-${region.toLowerCase()}-${i}`;
      await store.addBriefing(
        { slug, surveyId, region, city: `City ${r}`, date, title: { kk: slug, ru: slug, en: slug } },
        '2023-09-01T00:00:00Z',
      );
      briefings.push({ slug, region, date });
    }
  const versions = survey.versions.map((v) => ({ version: v.version, questions: describeQuestions([v]) }));
  // The window is cut in equal eras, one per version, oldest first (as the demo does).
  const versionOn = (day: string) =>
    versions[
      Math.min(
        versions.length - 1,
        Math.floor(((Date.parse(`${day}T00:00:00Z`) - FROM) / DAY_MS / DAYS) * versions.length),
      )
    ]!;
  const reader = await store.openExportReader();
  let done = await reader.count({ surveyId });
  await reader.close();
  while (done < target) {
    const batch: NewResponse[] = [];
    for (let i = done; i < Math.min(target, done + 5_000); i++) {
      const r = seeded(i * 7919 + 17);
      const at =
        r.next() < 0.95
          ? r.pick(briefings)
          : { slug: null, region: r.pick(REGION_CODES), date: workingDay(r) };
      const v = versionOn(at.date);
      const id = `b0000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      const submittedAt = new Date(Date.parse(`${at.date}T05:00:00Z`) + r.int(8 * 3_600_000)).toISOString();
      batch.push({
        id,
        surveyId,
        version: v.version,
        locale: r.pick(['kk', 'ru', 'en'] as const),
        region: at.region,
        briefing: at.slug,
        startedAt: null,
        submittedAt,
        answers: randomAnswers(r, v.questions, at.region),
        contacts: null,
        contentHash: `bench-${id}`,
      });
    }
    await store.insertResponses(batch);
    done += batch.length;
    progress(done);
  }
}
