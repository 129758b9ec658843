// The filter bar of coverage, the free-text browser and the brief: survey, one region or all, and the period.
// Each change goes straight to the address (setQuery), so the view can be shared as a link.
import type { ReactNode } from 'react';
import type { Locale } from '../../lib/locale';
import { regionName } from '../../lib/workspace-regions';
import { DateField, periodReversed, SelectField, SurveyField } from '../fields';
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
        <SurveyField
          locale={locale}
          label={t.survey}
          closed={t.closed}
          surveys={surveys}
          value={survey.id}
          onChange={(id) => setQuery({ survey: id, version: null, briefing: null, page: null, ...reset })}
        />
      )}
      <SelectField
        label={t.region}
        value={filters.region ?? ''}
        onChange={(value) => setQuery({ region: value || null, page: null })}
      >
        {readable.length > 1 && <option value="">{t.allRegions(limited)}</option>}
        {readable.map((code) => (
          <option key={code} value={code}>
            {regionName(regions, code, locale)}
          </option>
        ))}
      </SelectField>
      <DateField
        label={t.from}
        value={filters.from}
        onChange={(value) => setQuery({ from: value || null, page: null })}
      />
      <DateField
        label={t.to}
        value={filters.to}
        onChange={(value) => setQuery({ to: value || null, page: null })}
      />
      {children}
      {passedOn.length > 0 && (
        <p className="passed-on">
          {passedOn.join(' · ')}{' '}
          <button type="button" onClick={() => setQuery({ version: null, briefing: null, page: null })}>
            {t.clear}
          </button>
        </p>
      )}
      {periodReversed(filters) && (
        <p className="notice bad passed-on" role="alert">
          {t.badDates}
        </p>
      )}
    </form>
  );
}
