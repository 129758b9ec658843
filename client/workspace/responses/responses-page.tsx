// /workspace/responses (admins, analysts): single responses within the reader's regions, newest first, a page at a
// time, with review status and quality flags; a row opens the response in the reader's language, where its status
// is set (and, for admins, its contact details erased). Filters live in the address, as on every page.
import { kazakhstanMinute } from '../../../server/domain/kazakhstan-time';
import { Fragment, useEffect, useState } from 'react';
import { ScrollBox } from '../../lib/scroll-box';
import { useLoad } from '../../lib/use-load';
import { isSignedOut } from '../../lib/workspace-api';
import { regionName, regionsOf } from '../../lib/workspace-regions';
import { SelectField, SurveyField } from '../fields';
import { LoadFailed } from '../load-failed';
import { followLink, sectionHref, setQuery } from '../router';
import type { SectionProps } from '../sections';
import { shellStrings } from '../strings';
import { mayRead, useSurveyDefinition } from '../use-survey-definition';
import { ResponseDetail } from './response-detail';
import { listResponses, type ReviewBody } from './responses-api';
import { RESPONSES_STRINGS } from './strings';
import './responses.css';

const PAGE_SIZE = 25;
const REVIEW_FILTERS = ['any', 'unreviewed', 'approved', 'on_hold', 'rejected'] as const;

export default function ResponsesPage({ session, locale, query, onSignedOut }: SectionProps) {
  const t = RESPONSES_STRINGS[locale];
  const shell = shellStrings(locale);
  const { surveys, survey, definition, retryDefinition } = useSurveyDefinition(query.get('survey'));
  const region = query.get('region') ?? '';
  const review = (REVIEW_FILTERS as readonly string[]).includes(query.get('review') ?? '')
    ? query.get('review')!
    : 'any';
  const page = Math.max(1, Number(query.get('page')) || 1);
  const params = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE), review });
  if (region) params.set('region', region);
  const [list, retry] = useLoad(
    () => (survey ? listResponses(survey.id, params) : Promise.resolve(null)),
    `${survey?.id ?? ''}?${params}`,
  );
  const [open, setOpen] = useState<string | null>(null);
  const [reviewed, setReviewed] = useState<Record<string, ReviewBody>>({});
  useEffect(() => {
    if (list.state === 'failed' && isSignedOut(list.error)) onSignedOut();
  }, [list, onSignedOut]);

  const def = definition.state === 'ready' ? definition.value : null;
  const regions = def ? regionsOf(def).filter((r) => mayRead(session, r.code)) : [];
  const when = (iso: string) => kazakhstanMinute(iso).replace('T', ' ');

  return (
    <div className="responses-page">
      <h1>{t.title}</h1>
      <p className="muted">{t.intro}</p>
      <p>
        <a href={sectionHref('tokens')} onClick={followLink}>
          {t.tokensLink}
        </a>
      </p>
      <form className="filter-bar block" onSubmit={(e) => e.preventDefault()}>
        {surveys.state === 'ready' && (
          <SurveyField
            locale={locale}
            label={t.survey}
            closed={t.closed}
            surveys={surveys.value}
            value={survey?.id ?? ''}
            onChange={(value) => setQuery({ survey: value, page: null })}
          />
        )}
        <SelectField
          label={t.region}
          value={region}
          onChange={(value) => setQuery({ region: value || null, page: null })}
        >
          <option value="">{t.allRegions}</option>
          {regions.map((r) => (
            <option key={r.code} value={r.code}>
              {regionName(regions, r.code, locale)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t.review}
          value={review}
          onChange={(value) => setQuery({ review: value === 'any' ? null : value, page: null })}
        >
          {REVIEW_FILTERS.map((f) => (
            <option key={f} value={f}>
              {t.reviewFilter[f]}
            </option>
          ))}
        </SelectField>
      </form>
      {definition.state === 'failed' && <LoadFailed locale={locale} onRetry={retryDefinition} />}
      {list.state === 'failed' && !isSignedOut(list.error) && (
        <LoadFailed locale={locale} onRetry={retry} error={list.error} />
      )}
      {list.state === 'loading' && <p className="muted">{shell.loading}</p>}
      {list.state === 'ready' && list.value && def && (
        <>
          {list.value.items.length === 0 ? (
            <p className="muted">{t.empty}</p>
          ) : (
            <ScrollBox locale={locale} label={t.title}>
              <table className="responses-table">
                <caption className="responses-hidden">{t.title}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.columns.received}</th>
                    <th scope="col">{t.columns.region}</th>
                    <th scope="col">{t.columns.briefing}</th>
                    <th scope="col">{t.columns.language}</th>
                    <th scope="col">{t.columns.duration}</th>
                    <th scope="col">{t.columns.flags}</th>
                    <th scope="col">{t.columns.status}</th>
                    <th scope="col">
                      <span className="responses-hidden">{t.columns.open}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.value.items.map((item) => {
                    const status = reviewed[item.id]?.status ?? item.review;
                    const flags = [
                      (item.flags ?? 0) & 1 ? t.flags.straightlining : '',
                      item.duplicateOf ? t.flags.duplicate : '',
                    ].filter(Boolean);
                    return (
                      <Fragment key={item.id}>
                        <tr className={status === 'rejected' ? 'rejected' : undefined}>
                          <th scope="row" className="nowrap">
                            {when(item.submittedAt)}
                          </th>
                          <td>{regionName(regions, item.region, locale)}</td>
                          <td className="small">{item.briefing ?? t.none}</td>
                          <td>{item.locale}</td>
                          <td className="nowrap">
                            {item.durationS === null ? t.none : t.minutes(item.durationS)}
                          </td>
                          <td>
                            {flags.length === 0
                              ? t.none
                              : flags.map((f) => (
                                  <span key={f} className="flag">
                                    {f}
                                  </span>
                                ))}
                          </td>
                          <td>
                            <span className={`review-badge ${status ?? 'none'}`}>
                              {status ? t.status[status] : t.notReviewed}
                            </span>
                          </td>
                          <td>
                            <button
                              type="button"
                              aria-expanded={open === item.id}
                              aria-label={`${open === item.id ? t.close : t.open}: ${when(item.submittedAt)}`}
                              onClick={() => setOpen(open === item.id ? null : item.id)}
                            >
                              {open === item.id ? t.close : t.open}
                            </button>
                          </td>
                        </tr>
                        {open === item.id && (
                          <tr className="detail-row">
                            <td colSpan={8}>
                              <ResponseDetail
                                id={item.id}
                                locale={locale}
                                definition={def}
                                onReviewed={(r) => setReviewed((all) => ({ ...all, [r.id]: r }))}
                                onSignedOut={onSignedOut}
                              />
                            </td>
                          </tr>
                        )}
                      </Fragment>
                    );
                  })}
                </tbody>
              </table>
            </ScrollBox>
          )}
          <nav className="pager" aria-label={t.page(page)}>
            <button
              type="button"
              disabled={page <= 1}
              onClick={() => setQuery({ page: page > 2 ? String(page - 1) : null })}
            >
              {t.previous}
            </button>
            <span>{t.page(page)}</span>
            <button
              type="button"
              disabled={!list.value.hasMore}
              onClick={() => setQuery({ page: String(page + 1) })}
            >
              {t.next}
            </button>
          </nav>
        </>
      )}
    </div>
  );
}
