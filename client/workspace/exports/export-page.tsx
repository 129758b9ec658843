// /workspace/exports: choose a survey and its filters, then download the CSV, the per-region ZIP or the data
// dictionary. Every choice is written to the address, so the link reproduces the same download.
import { useLoad } from '../../lib/use-load';
import { getJson, HttpError, isSignedOut } from '../../lib/workspace-api';
import { regionsOf } from '../../lib/workspace-regions';
import { useSignedOut } from '../coverage/use-survey-view';
import { SurveyField } from '../fields';
import { LoadFailed } from '../load-failed';
import { setQuery } from '../router';
import type { SectionProps } from '../sections';
import { shellStrings } from '../strings';
import { mayRead, useSurveyDefinition } from '../use-survey-definition';
import { DownloadLinks } from './download-links';
import { apiQuery, filterProblems, listValue, readFilters, type ExportContext } from './export-query';
import { FileOptions } from './file-options';
import { FilterFields } from './filter-fields';
import { RegionPicker, type Count } from './region-picker';
import { EXPORT_STRINGS } from './strings';
import './export-page.css';

/** The part of GET /api/surveys/:id/coverage this page reads (server/http/contract/aggregates.ts has the whole). */
interface Coverage {
  smallCellThreshold?: number;
  regions?: { code: string; responses: Count }[];
  briefings?: { slug: string; region: string; title: Record<string, string>; responses?: Count }[];
}

/** Coverage, or null where the route is not there: the page works without counts. */
async function getCoverage(survey: string): Promise<Coverage | null> {
  try {
    return await getJson<Coverage>(`/api/surveys/${encodeURIComponent(survey)}/coverage`);
  } catch (error) {
    if (error instanceof HttpError && !isSignedOut(error)) return null;
    throw error;
  }
}

export default function ExportPage({ session, locale, query, onSignedOut }: SectionProps) {
  const t = EXPORT_STRINGS[locale];
  const shell = shellStrings(locale);
  const { surveys, retrySurveys, survey, surveyKey, definition, retryDefinition } = useSurveyDefinition(
    query.get('survey'),
  );
  const [coverage] = useLoad(
    () => (survey ? getCoverage(survey.id) : Promise.resolve(null)),
    `coverage:${surveyKey}`,
  );
  useSignedOut([surveys, definition, coverage], onSignedOut);

  if (surveys.state === 'failed' || definition.state === 'failed')
    return (
      <LoadFailed locale={locale} onRetry={surveys.state === 'failed' ? retrySurveys : retryDefinition} />
    );
  if (surveys.state === 'loading' || definition.state === 'loading' || !survey || !definition.value)
    return <p className="muted">{shell.loading}</p>;

  const regions = regionsOf(definition.value);
  const readable = regions.map((r) => r.code).filter((code) => mayRead(session, code));
  const ctx: ExportContext = {
    readable,
    newest: survey.version,
    mayExportPersonalData: session.role === 'admin',
  };
  const filters = readFilters(query, ctx);
  const cover = coverage.state === 'ready' ? coverage.value : null;
  const counts = cover?.regions ? new Map(cover.regions.map((r) => [r.code, r.responses])) : null;
  const blocked = filterProblems(filters).map((problem) => t[problem]);

  return (
    <div className="export-page">
      <div className="export-form">
        <h1>{t.title}</h1>
        <p className="muted">{t.intro}</p>
        <SurveyField
          locale={locale}
          label={t.survey}
          closed={t.closed}
          className="block"
          surveys={surveys.value}
          value={survey.id}
          onChange={(id) => setQuery({ survey: id, version: null, briefing: null })}
        />
        <RegionPicker
          locale={locale}
          regions={regions}
          readable={readable}
          chosen={filters.regions}
          counts={coverage.state === 'loading' ? new Map() : counts}
          smallCell={cover?.smallCellThreshold ?? 5}
          onChange={(chosen) => setQuery({ region: listValue(chosen, readable) })}
        />
        <FilterFields
          locale={locale}
          filters={filters}
          newest={survey.version}
          briefings={cover?.briefings ?? null}
          mayExportPersonalData={ctx.mayExportPersonalData}
        />
        <FileOptions locale={locale} filters={filters} />
      </div>
      <DownloadLinks
        locale={locale}
        survey={survey.id}
        query={apiQuery(filters, ctx)}
        blocked={blocked}
        onSignedOut={onSignedOut}
      />
    </div>
  );
}
