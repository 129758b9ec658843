// /workspace/responses (admins, analysts): single responses within the reader's regions, newest first, a page at a
// time, with review status and quality flags; a row opens the response in the reader's language, where its status
// is set (and, for admins, its contact details erased). Rows can be selected (this page, or every response the
// filters match) and reviewed as a set (set-review.tsx). Filters live in the address, as on every page.
import { kazakhstanMinute } from '../../../server/domain/kazakhstan-time';
import { Fragment, useEffect, useState } from 'react';
import { ScrollBox } from '../../lib/scroll-box';
import { useLoad } from '../../lib/use-load';
import { isSignedOut } from '../../lib/workspace-api';
import { regionName, regionsOf } from '../../lib/workspace-regions';
import { LoadFailed } from '../load-failed';
import { followLink, sectionHref, setQuery } from '../router';
import type { SectionProps } from '../sections';
import { shellStrings } from '../strings';
import { mayRead, useSurveyDefinition } from '../use-survey-definition';
import { ResponseDetail } from './response-detail';
import { listResponses, type ReviewBody } from './responses-api';
import { filterParams, readResponseFilters, ResponsesFilters } from './responses-filters';
import { SetReview } from './set-review';
import { RESPONSE_SET_STRINGS } from './set-strings';
import { RESPONSES_STRINGS } from './strings';
import './responses.css';

const PAGE_SIZE = 25;

export default function ResponsesPage({ session, locale, query, onSignedOut }: SectionProps) {
  const t = RESPONSES_STRINGS[locale];
  const shell = shellStrings(locale);
  const { surveys, survey, definition, retryDefinition } = useSurveyDefinition(query.get('survey'));
  const s = RESPONSE_SET_STRINGS[locale];
  const filters = readResponseFilters(query);
  const setParams = filterParams(filters);
  const page = Math.max(1, Number(query.get('page')) || 1);
  const params = new URLSearchParams(setParams);
  params.set('page', String(page));
  params.set('pageSize', String(PAGE_SIZE));
  const [list, retry] = useLoad(
    () => (survey ? listResponses(survey.id, params) : Promise.resolve(null)),
    `${survey?.id ?? ''}?${params}`,
  );
  const [open, setOpen] = useState<string | null>(null);
  const [reviewed, setReviewed] = useState<Record<string, ReviewBody>>({});
  // The selection belongs to one filtered set: other filters (or survey) start it afresh; pages keep it.
  const setKey = `${survey?.id ?? ''}?${setParams}`;
  const [selection, setSelection] = useState<{ key: string; ids: ReadonlySet<string> }>({
    key: setKey,
    ids: new Set(),
  });
  const selected = selection.key === setKey ? selection.ids : new Set<string>();
  const select = (ids: ReadonlySet<string>) => setSelection({ key: setKey, ids });
  const toggle = (ids: readonly string[], on: boolean) => {
    const next = new Set(selected);
    for (const id of ids)
      if (on) next.add(id);
      else next.delete(id);
    select(next);
  };
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
      <ResponsesFilters
        locale={locale}
        surveys={surveys.state === 'ready' ? surveys.value : null}
        survey={survey?.id ?? ''}
        regions={regions}
        filters={filters}
      />
      {survey && (
        // Outside the list's own states, so that its message stays while the list reloads after a change.
        <SetReview
          locale={locale}
          survey={survey.id}
          filters={setParams}
          selected={selected}
          total={list.state === 'ready' && list.value ? list.value.total : null}
          onSelect={select}
          onDone={() => {
            setReviewed({});
            retry();
          }}
          onSignedOut={onSignedOut}
        />
      )}
      {definition.state === 'failed' && <LoadFailed locale={locale} onRetry={retryDefinition} />}
      {list.state === 'failed' && !isSignedOut(list.error) && (
        <LoadFailed locale={locale} onRetry={retry} error={list.error} />
      )}
      {list.state === 'loading' && <p className="muted">{shell.loading}</p>}
      {list.state === 'ready' && list.value && def && survey && (
        <>
          {list.value.items.length === 0 ? (
            <p className="muted">{t.empty}</p>
          ) : (
            <ScrollBox locale={locale} label={t.title}>
              <table className="responses-table">
                <caption className="responses-hidden">{t.title}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="select-cell">
                      <input
                        type="checkbox"
                        aria-label={s.selectPage}
                        checked={list.value.items.every((item) => selected.has(item.id))}
                        onChange={(e) =>
                          toggle(
                            list.value!.items.map((item) => item.id),
                            e.target.checked,
                          )
                        }
                      />
                    </th>
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
                          <td className="select-cell">
                            <input
                              type="checkbox"
                              aria-label={s.selectRow(when(item.submittedAt))}
                              checked={selected.has(item.id)}
                              onChange={(e) => toggle([item.id], e.target.checked)}
                            />
                          </td>
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
                            <td colSpan={9}>
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
