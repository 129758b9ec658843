// The briefing's title, city, date and region above its form, so attendees know they opened the right link.
import type { Model } from 'survey-core';
import type { Briefing } from '../lib/api';
import { cityIn, localized, type Locale } from '../lib/locale';
import { stringsFor } from '../lib/strings';

export function BriefingHeader({
  briefing,
  model,
  locale,
}: {
  briefing: Briefing;
  model: Model;
  locale: Locale;
}) {
  // The region's name comes from the survey's own region question, so it reads in the survey's wording.
  const regionName = model.getQuestionByName('region')?.getDisplayValue(true, briefing.region) as unknown;
  return (
    <header className="briefing">
      <p className="briefing-title">{localized(briefing.title, locale)}</p>
      <p className="muted">
        {[cityIn(briefing, locale), formatDate(briefing.date, locale)].filter(Boolean).join(' · ')}
      </p>
      {typeof regionName === 'string' && regionName && (
        <p className="muted">
          {stringsFor(locale).briefingRegion}: {regionName}
        </p>
      )}
    </header>
  );
}

/** `YYYY-MM-DD` as "2023 жылғы 15 қыркүйек" / "15 сентября 2023 г." / "15 September 2023"; anything else as is. */
function formatDate(date: string, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  return stringsFor(locale).date(year, month, day);
}
