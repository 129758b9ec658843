// `briefings add|list`: create the events whose links (/b/<slug>) respondents open.
import { parseArgs } from 'node:util';
import { isRegionCode } from '../catalog/regions';
import { openFromEnv } from './open';

const SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;

export async function briefingsCommand(args: string[]): Promise<number> {
  const [verb, ...rest] = args;
  const { store, catalog } = await openFromEnv();
  try {
    if (verb === 'list') {
      for (const b of await store.listBriefings())
        console.log(
          `${b.date}  ${b.slug}  ${b.surveyId}  ${b.region}  ${b.city}  /b/${b.slug}  ${b.title.kk}`,
        );
      return 0;
    }
    if (verb !== 'add') {
      console.error('usage: briefings add --slug ... | briefings list');
      return 2;
    }
    const { values: v } = parseArgs({
      args: rest,
      options: Object.fromEntries(
        [
          ...['slug', 'survey', 'region', 'city', 'date', 'title-kk', 'title-ru', 'title-en'],
          ...['city-kk', 'city-ru', 'city-en'],
        ].map((k) => [k, { type: 'string' }]),
      ) as Record<string, { type: 'string' }>,
    });
    const missing = ['slug', 'survey', 'region', 'city', 'date', 'title-kk', 'title-ru', 'title-en'].filter(
      (k) => !v[k],
    );
    const problems = missing.map((k) => `--${k} is required`);
    if (v.slug && !SLUG.test(v.slug))
      problems.push('--slug: lower-case letters, digits and dashes, 2–63 characters');
    if (v.survey && !catalog.getSurvey(v.survey))
      problems.push(`--survey: no survey "${v.survey}" in the catalog`);
    if (v.region && !isRegionCode(v.region))
      problems.push(`--region: "${v.region}" is not one of the 20 codes (KZ-10 … KZ-79)`);
    if (v.date && !/^\d{4}-\d{2}-\d{2}$/.test(v.date)) problems.push('--date: use YYYY-MM-DD');
    if (problems.length > 0) {
      console.error(problems.join('\n'));
      return 2;
    }
    const briefing = {
      slug: v.slug!,
      surveyId: v.survey!,
      region: v.region!,
      city: v.city!,
      // Optional: the city in each language (--city alone is shown to every reader, as before).
      cityNames: Object.fromEntries(
        (['kk', 'ru', 'en'] as const).flatMap((lang) =>
          v[`city-${lang}`] ? [[lang, v[`city-${lang}`]]] : [],
        ),
      ),
      date: v.date!,
      title: { kk: v['title-kk']!, ru: v['title-ru']!, en: v['title-en']! },
    };
    if (await store.getBriefing(briefing.slug)) {
      console.error(`a briefing "${briefing.slug}" already exists`);
      return 1;
    }
    await store.addBriefing(briefing, new Date().toISOString());
    console.log(`briefing ${briefing.slug} added: respondents open /b/${briefing.slug}`);
    return 0;
  } finally {
    await store.close();
  }
}
