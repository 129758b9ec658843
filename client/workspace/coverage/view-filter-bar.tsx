// The filter bar of coverage, the free-text browser and the brief: survey, one region or all, and the period.
// Each change goes straight to the address (setQuery), so the view can be shared as a link.
import { useId, type ReactNode } from 'react';
import { localized, type Locale } from '../../lib/locale';
import { regionName } from '../../lib/workspace-regions';
import { setQuery } from '../router';
import type { SurveyView } from './use-survey-view';
import type { ViewFilters } from './view-query';
import { VIEW_STRINGS } from './view-strings';
import './view-filter-bar.css';

interface Props {
  locale: Locale;
  view: SurveyView;
  filters: ViewFilters;
  /** Changing the survey also drops parameters that only mean something for one survey (a question, a page). */
  surveyResets?: readonly string[];
  /** Page-specific fields, after the common ones. */
  children?: ReactNode;
}

export function ViewFilterBar({ locale, view, filters, surveyResets = [], children }: Props) {
  const t = VIEW_STRINGS[locale];
  // Labels point at their fields by id: a <label> wrapping a <select> would name it with every option's text too.
  const id = useId();
  const { surveys, survey, regions, readable } = view;
  const limited = readable.length < regions.length;
  const reset = Object.fromEntries(surveyResets.map((key) => [key, null]));
  const passedOn = [
    filters.version && `${t.version}: ${filters.version}`,
    filters.briefing && `${t.briefing}: ${filters.briefing}`,
  ].filter(Boolean);

  return (
    <form className="view-filters" aria-label={t.filters} onSubmit={(e) => e.preventDefault()}>
      {surveys.length > 1 && (
        <div className="field">
          <label htmlFor={`${id}-survey`}>{t.survey}</label>
          <select
            id={`${id}-survey`}
            value={survey.id}
            onChange={(e) =>
              setQuery({ survey: e.target.value, version: null, briefing: null, page: null, ...reset })
            }
          >
            {surveys.map((s) => (
              <option key={s.id} value={s.id}>
                {localized(s.title, locale)}
                {s.closed ? ` (${t.closed})` : ''}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-region`}>{t.region}</label>
        <select
          id={`${id}-region`}
          value={filters.region ?? ''}
          onChange={(e) => setQuery({ region: e.target.value || null, page: null })}
        >
          {readable.length > 1 && <option value="">{t.allRegions(limited)}</option>}
          {readable.map((code) => (
            <option key={code} value={code}>
              {regionName(regions, code, locale)}
            </option>
          ))}
        </select>
      </div>
      <div className="field date">
        <label htmlFor={`${id}-from`}>{t.from}</label>
        <input
          id={`${id}-from`}
          type="date"
          value={filters.from}
          onChange={(e) => setQuery({ from: e.target.value || null, page: null })}
        />
      </div>
      <div className="field date">
        <label htmlFor={`${id}-to`}>{t.to}</label>
        <input
          id={`${id}-to`}
          type="date"
          value={filters.to}
          onChange={(e) => setQuery({ to: e.target.value || null, page: null })}
        />
      </div>
      {children}
      {passedOn.length > 0 && (
        <p className="passed-on">
          {passedOn.join(' · ')}{' '}
          <button type="button" onClick={() => setQuery({ version: null, briefing: null, page: null })}>
            {t.clear}
          </button>
        </p>
      )}
      {filters.from && filters.to && filters.to < filters.from && (
        <p className="notice bad passed-on" role="alert">
          {t.badDates}
        </p>
      )}
    </form>
  );
}
