// /workspace/regions: one question across all 20 regions (no top-N cap) as a tile map, a sortable heat table and
// a bar chart, for the answer (matrix item, ranking measure) chosen; every choice and filter lives in the address.
import { useEffect, useMemo } from 'react';
import type { CrosstabBody, SummaryBody } from '../../../server/http/contract/aggregates';
import { ChartCard } from '../../charts/chart-card';
import { shareScale } from '../../charts/palette';
import { isShown } from '../../charts/question-model';
import { CHART_STRINGS } from '../../charts/strings';
import { localized } from '../../lib/locale';
import { isSignedOut } from '../../lib/workspace-api';
import { FilterBar } from '../dashboard/filter-bar';
import { apiQuery, fileParts, filterWords, readFilters } from '../dashboard/filters';
import { DASHBOARD_STRINGS } from '../dashboard/strings';
import { useSurveyContext } from '../dashboard/survey-context';
import { useStaleLoad } from '../dashboard/use-stale-load';
import { SelectField } from '../fields';
import { LoadFailed } from '../load-failed';
import { setQuery } from '../router';
import type { SectionProps } from '../sections';
import { shellStrings } from '../strings';
import type { CodableQuestionBody, CodeCountsBody } from '../coding/coding-api';
import { CODES_PREFIX, codeComparison } from './code-comparison';
import { comparable, comparison, sortRows, type SortKey } from './comparison';
import { regionChart } from './region-chart';
import { HeatTable } from './heat-table';
import { REGIONS_STRINGS } from './strings';
import { TileMap } from './tile-map';
import '../dashboard/dashboard.css';
import './regions.css';
import { PrivacyNote } from '../privacy/privacy-note';

const SORTS: readonly SortKey[] = ['name', 'n', 'share'];

export default function RegionsPage({ session, locale, query, onSignedOut }: SectionProps) {
  const t = REGIONS_STRINGS[locale];
  const d = DASHBOARD_STRINGS[locale];
  const c = CHART_STRINGS[locale];
  const shell = shellStrings(locale);
  const filters = readFilters(query);
  const ctx = useSurveyContext(session, filters.survey, onSignedOut);
  const survey = ctx.state === 'ready' ? ctx.survey.id : null;
  // Every region is a row here: the address's region filter (kept for the dashboard) does not apply.
  const filterQuery = apiQuery(filters, { withRegions: false });
  const summary = useStaleLoad<SummaryBody>(
    survey && `/api/surveys/${encodeURIComponent(survey)}/summary${filterQuery}`,
  );
  const questions =
    (summary.value?.survey === survey ? summary.value?.questions : undefined)?.filter(comparable) ?? [];
  // Needs first when nothing is chosen: a ranking is what the Roadmap is drafted from.
  const codable = useStaleLoad<CodableQuestionBody[]>(
    survey && `/api/surveys/${encodeURIComponent(survey)}/codebooks`,
  );
  // Coded free-text questions compare by their codes (issue 18): "which regions proposed what".
  const coded = codable.value?.filter((q) => q.codes > 0) ?? [];
  const questionParam = query.get('question') ?? '';
  const codedQuestion = questionParam.startsWith(CODES_PREFIX)
    ? coded.find((q) => CODES_PREFIX + q.name === questionParam)
    : undefined;
  const question = codedQuestion
    ? { name: questionParam, title: codedQuestion.title, kind: 'multiple' as const }
    : (questions.find((q) => q.name === questionParam) ??
      questions.find((q) => q.kind === 'ranking') ??
      questions[0]);
  const codeCounts = useStaleLoad<CodeCountsBody>(
    survey && codedQuestion
      ? `/api/surveys/${encodeURIComponent(survey)}/codebooks/${encodeURIComponent(codedQuestion.name)}/counts${filterQuery}`
      : null,
  );
  const crosstabPath =
    survey && question && !codedQuestion
      ? `/api/surveys/${encodeURIComponent(survey)}/crosstab?question=${encodeURIComponent(question.name)}&by=region${filterQuery.replace('?', '&')}`
      : null;
  const crosstab = useStaleLoad<CrosstabBody>(crosstabPath);

  useEffect(() => {
    if (isSignedOut(summary.error) || isSignedOut(crosstab.error)) onSignedOut();
  }, [summary.error, crosstab.error, onSignedOut]);

  const body = crosstab.value && crosstab.value.question === question?.name ? crosstab.value : null;
  const codeBody =
    codedQuestion && codeCounts.value?.question === codedQuestion.name ? codeCounts.value : null;
  const [answerParam, rowParam] = [query.get('answer'), query.get('row')];
  const measure = query.get('measure') === 'any' ? ('any' as const) : ('first' as const);
  const regionNames = ctx.state === 'ready' ? ctx.regions : null;
  const cmp = useMemo(() => {
    if (codedQuestion)
      return codeBody && regionNames && codeComparison(codeBody, answerParam, regionNames, locale);
    return body ? comparison(body, { answer: answerParam, row: rowParam, measure }, locale) : null;
  }, [codedQuestion, codeBody, regionNames, body, answerParam, rowParam, measure, locale]);
  const sortParam = query.get('sort');
  const sort: SortKey = SORTS.find((s) => s === sortParam) ?? 'share';
  const descending = query.get('dir') ? query.get('dir') === 'desc' : sort !== 'name';
  const rows = cmp ? sortRows(cmp.rows, sort, descending, cmp.chosen, locale) : [];

  const failed = [summary, crosstab, codeCounts].find((load) => load.error);
  if (ctx.state === 'failed' || failed)
    return (
      <LoadFailed
        locale={locale}
        onRetry={ctx.state === 'failed' ? ctx.retry : failed!.retry}
        error={ctx.state === 'failed' ? undefined : failed!.error}
      />
    );
  if (ctx.state === 'loading') return <p className="muted">{shell.loading}</p>;

  const published = codedQuestion ? codeBody : body;
  const k = published?.smallCellThreshold ?? 5;
  const answer = cmp?.options[cmp.chosen];
  const item = cmp?.items.find((i) => i.code === cmp.item);
  const answerLabel = [item?.label, answer?.label].filter(Boolean).join(': ');
  // One scale for the map and the table, over every share the table shows, so a colour means the same in both.
  const largest = Math.max(
    0,
    ...(cmp?.rows ?? []).flatMap((r) =>
      r.empty ? [] : r.cells.map((x) => (isShown(x) ? (x.percent ?? 0) : 0)),
    ),
  );
  const scale = shareScale(largest);
  const parts = [...fileParts(filters, ctx.survey.id, { withRegions: false }), question?.name ?? ''];
  const context = [
    localized(ctx.survey.title, locale),
    filterWords(filters, { locale, regions: ctx.regions }, { withRegions: false }),
  ];
  const measureNote = question?.kind === 'ranking' ? t.measures[measure] : null;
  const chart = cmp && regionChart(cmp, rows, answerLabel, locale, k);
  const fewer = c.fewer(k);

  return (
    <div className="regions-page">
      <header className="page-head">
        <h1>{t.title}</h1>
        <p className="muted">{t.intro}</p>
      </header>
      <div className="regions-top">
        <div className="regions-controls">
          <div className="pickers block">
            <SelectField
              label={t.question}
              value={question?.name ?? ''}
              onChange={(name) => setQuery({ question: name, answer: null, row: null, measure: null })}
            >
              {questions.map((q) => (
                <option key={q.name} value={q.name}>
                  {localized(q.title, locale)}
                </option>
              ))}
              {coded.map((q) => (
                <option key={q.name} value={CODES_PREFIX + q.name}>
                  {t.codesOf(localized(q.title, locale))}
                </option>
              ))}
            </SelectField>
            {cmp && cmp.items.length > 0 && (
              <SelectField label={t.item} value={cmp.item ?? ''} onChange={(row) => setQuery({ row })}>
                {cmp.items.map((i) => (
                  <option key={i.code} value={i.code}>
                    {i.label}
                  </option>
                ))}
              </SelectField>
            )}
            {cmp && (
              <SelectField
                label={t.answer}
                value={answer?.code ?? ''}
                onChange={(code) => setQuery({ answer: code })}
              >
                {cmp.options.map((o) => (
                  <option key={o.code} value={o.code}>
                    {o.label}
                  </option>
                ))}
              </SelectField>
            )}
            {question?.kind === 'ranking' && (
              <SelectField
                label={t.measure}
                value={measure}
                onChange={(value) => setQuery({ measure: value === 'any' ? 'any' : null })}
              >
                <option value="first">{t.measures.first}</option>
                <option value="any">{t.measures.any}</option>
              </SelectField>
            )}
          </div>
          <FilterBar
            vertical
            locale={locale}
            surveys={ctx.surveys}
            survey={ctx.survey}
            filters={filters}
            regions={null}
            briefings={ctx.briefings}
          />
          <div className="totals" aria-live="polite" aria-busy={crosstab.loading || summary.loading}>
            {(crosstab.loading || summary.loading || codeCounts.loading) && (
              <span className="muted">{cmp ? d.updating : shell.loading}</span>
            )}
          </div>
        </div>
        {cmp && question ? (
          <section className="map-block block" aria-labelledby="map-title">
            <h2 id="map-title">
              {t.mapTitle}: {localized(question.title, locale)}
            </h2>
            <TileMap
              locale={locale}
              rows={rows}
              chosen={cmp.chosen}
              scale={scale}
              k={k}
              caption={[t.share(answerLabel), measureNote].filter(Boolean).join(' · ')}
            />
          </section>
        ) : (
          <p className="muted">{questions.length === 0 && summary.value ? t.noQuestions : shell.loading}</p>
        )}
      </div>
      {cmp && question && chart && (
        <>
          <p className="suppression-note" role="note">
            {d.suppression(k)}
          </p>
          {published && <PrivacyNote locale={locale} perturbed={published.perturbed === true} k={k} />}
          <HeatTable
            locale={locale}
            comparison={cmp}
            rows={rows}
            sort={sort}
            descending={descending}
            scale={scale}
            k={k}
            fileParts={parts}
          />
          <ChartCard
            title={localized(question.title, locale)}
            nLine={c.answered(
              isShown(cmp.total.n) ? c.number(cmp.total.n.count) : fewer,
              isShown(cmp.total.responses) ? c.number(cmp.total.responses.count) : fewer,
            )}
            notes={[t.byRegion(answerLabel), ...(measureNote ? [measureNote] : [])]}
            model={chart.model}
            table={chart.table}
            locale={locale}
            k={k}
            fileParts={[...parts, answer?.code ?? '']}
            context={context}
            name={question.name}
            wide
          />
        </>
      )}
    </div>
  );
}
