// The export filters besides survey and regions: versions, briefing, period, how answers are written, the layout
// of multiple-answer questions, and (admins only) personal data. Each change goes straight to the address.
import { localized, type Locale } from '../../lib/locale';
import { DateField } from '../fields';
import { setQuery } from '../router';
import { shellStrings } from '../strings';
import { CHOICE_LAYOUTS, LABEL_MODES, listValue, type ExportFilters } from './export-query';
import type { Count } from './region-picker';
import { EXPORT_STRINGS } from './strings';

export interface BriefingOption {
  slug: string;
  region: string;
  title: Record<string, string>;
  responses?: Count;
}

interface Props {
  locale: Locale;
  filters: ExportFilters;
  newest: number;
  /** The survey's briefings from the coverage API; null without it, and then the slug is typed. */
  briefings: readonly BriefingOption[] | null;
  mayExportPersonalData: boolean;
}

export function FilterFields({ locale, filters, newest, briefings, mayExportPersonalData }: Props) {
  const t = EXPORT_STRINGS[locale];
  const number = shellStrings(locale).number;
  const all = Array.from({ length: newest }, (_, i) => i + 1);
  const toggleVersion = (n: number, on: boolean) =>
    setQuery({
      version: listValue(
        all.filter((v) => (v === n ? on : filters.versions.includes(v))),
        all,
      ),
    });
  // Only the ticked regions' briefings: another region's would export nothing. A slug from a shared link that
  // the list lacks stays visible and chosen, so the page shows what the download will ask for.
  const inRegions = briefings?.filter((b) => filters.regions.includes(b.region));
  const options =
    inRegions && filters.briefing && !inRegions.some((b) => b.slug === filters.briefing)
      ? [...inRegions, { slug: filters.briefing, region: '', title: { en: filters.briefing } }]
      : inRegions;

  return (
    <>
      <div className="filter-row">
        <fieldset className="block">
          <legend>{t.versions}</legend>
          {all.map((n) => (
            <label key={n} className="check">
              <input
                type="checkbox"
                name="version"
                checked={filters.versions.includes(n)}
                onChange={(e) => toggleVersion(n, e.target.checked)}
              />
              {t.version(n)}
              {n === newest && <span className="muted"> ({t.newest})</span>}
            </label>
          ))}
          <p className="hint">{t.versionsNote}</p>
        </fieldset>

        <fieldset className="block">
          <legend>{t.briefing}</legend>
          {options ? (
            <select
              aria-label={t.briefing}
              value={filters.briefing}
              onChange={(e) => setQuery({ briefing: e.target.value || null })}
            >
              <option value="">{t.allBriefings}</option>
              {options.map((b) => (
                <option key={b.slug} value={b.slug}>
                  {localized(b.title, locale)}
                  {b.responses && 'count' in b.responses ? ` — ${number(b.responses.count)}` : ''}
                </option>
              ))}
            </select>
          ) : (
            <label className="field">
              <span>{t.briefingSlug}</span>
              <input
                type="text"
                name="briefing"
                spellCheck={false}
                autoCapitalize="none"
                // Re-created when the address changes (another survey, a back step), so it never shows a stale slug.
                key={filters.briefing}
                defaultValue={filters.briefing}
                placeholder="semey-2023-09-15"
                onBlur={(e) => setQuery({ briefing: e.target.value.trim().toLowerCase() || null })}
                onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
              />
              <span className="hint">{t.briefingSlugHint}</span>
            </label>
          )}
        </fieldset>

        <fieldset className="block">
          <legend>{t.period}</legend>
          <div className="dates">
            <DateField
              label={t.from}
              value={filters.from}
              onChange={(from) => setQuery({ from: from || null })}
            />
            <DateField label={t.to} value={filters.to} onChange={(to) => setQuery({ to: to || null })} />
          </div>
          <p className="hint">{t.periodNote}</p>
        </fieldset>
      </div>

      <div className="filter-row">
        <RadioChoices
          legend={t.labels}
          name="labels"
          options={LABEL_MODES}
          chosen={filters.labels}
          words={t.labelOptions}
          // The first option is the default, left out of the address.
          onChange={(mode) => setQuery({ labels: mode === 'values' ? null : mode })}
        />
        <RadioChoices
          legend={t.choices}
          name="choices"
          options={CHOICE_LAYOUTS}
          chosen={filters.choices}
          words={t.choiceOptions}
          onChange={(layout) => setQuery({ choices: layout === 'columns' ? null : layout })}
        />

        {mayExportPersonalData && (
          <fieldset className="block pii">
            <legend>{t.piiLegend}</legend>
            <label className="check">
              <input
                type="checkbox"
                checked={filters.pii}
                onChange={(e) => setQuery({ pii: e.target.checked ? '1' : null })}
              />
              {t.pii}
            </label>
            <p className="hint">{t.piiNote}</p>
          </fieldset>
        )}
      </div>
    </>
  );
}

/** One fieldset of radio buttons, one for each option, named in the reader's language by `words`. */
function RadioChoices<Option extends string>({
  legend,
  name,
  options,
  chosen,
  words,
  onChange,
}: {
  legend: string;
  name: string;
  options: readonly Option[];
  chosen: Option;
  words: Record<Option, string>;
  onChange: (option: Option) => void;
}) {
  return (
    <fieldset className="block">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option} className="check">
          <input type="radio" name={name} checked={chosen === option} onChange={() => onChange(option)} />
          {words[option]}
        </label>
      ))}
    </fieldset>
  );
}
