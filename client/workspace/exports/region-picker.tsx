// All 20 regions as ticks with their names in the reader's language and, when the coverage API answers, how many
// responses each has; regions outside the account's scope are shown but cannot be ticked.
import { localized, type Locale } from '../../lib/locale';
import type { RegionName } from '../../lib/workspace-regions';
import { shellStrings } from '../strings';
import { EXPORT_STRINGS } from './strings';

/** A count as the aggregate APIs send it: a number, or suppressed below the small-cell threshold. */
export type Count = { count: number } | { suppressed: true };

interface Props {
  locale: Locale;
  regions: readonly RegionName[];
  readable: readonly string[];
  chosen: readonly string[];
  /** Responses per region code; null when the coverage API is not there (yet) or failed. */
  counts: ReadonlyMap<string, Count> | null;
  smallCell: number;
  onChange: (chosen: string[]) => void;
}

export function RegionPicker({ locale, regions, readable, chosen, counts, smallCell, onChange }: Props) {
  const t = EXPORT_STRINGS[locale];
  const number = shellStrings(locale).number;
  const limited = readable.length < regions.length;
  const toggle = (code: string, on: boolean) =>
    onChange(readable.filter((c) => (c === code ? on : chosen.includes(c))));

  const countText = (code: string) => {
    const count = counts?.get(code);
    // Coverage lists every readable region, zeros included: no entry means no figure (still loading, or out of scope).
    if (!count) return '';
    return 'suppressed' in count ? t.fewer(smallCell) : number(count.count);
  };

  // The chosen regions' responses in all; unknown when a suppressed count is among them (or nothing is known).
  const chosenCounts = chosen.map((code) => counts?.get(code));
  const total = chosenCounts.every((c) => c && 'count' in c)
    ? chosenCounts.reduce((sum, c) => sum + (c && 'count' in c ? c.count : 0), 0)
    : null;

  const item = (region: RegionName) => {
    const enabled = readable.includes(region.code);
    return (
      <li key={region.code} className={enabled ? undefined : 'out-of-scope'}>
        <label>
          <input
            type="checkbox"
            name="region"
            value={region.code}
            checked={enabled && chosen.includes(region.code)}
            disabled={!enabled}
            onChange={(e) => toggle(region.code, e.target.checked)}
          />
          <span className="region-name">{localized(region.name, locale)}</span>
          <span className="region-count" title={t.responsesHeading}>
            {countText(region.code)}
          </span>
        </label>
      </li>
    );
  };

  return (
    <fieldset className="block regions">
      <legend>{t.regions}</legend>
      <div className="region-tools">
        <button
          type="button"
          onClick={() => onChange([...readable])}
          disabled={chosen.length === readable.length}
        >
          {t.allRegions}
        </button>
        <button type="button" onClick={() => onChange([])} disabled={chosen.length === 0}>
          {t.clearRegions}
        </button>
        <span className="muted" aria-live="polite">
          {t.selectedRegions(chosen.length, readable.length)}
          {total !== null && ` · ${t.responses(total, number(total))}`}
        </span>
      </div>
      {counts === null && <p className="hint">{t.countsUnavailable}</p>}
      <ul className="region-list">{regions.filter((r) => readable.includes(r.code)).map(item)}</ul>
      {limited && (
        // Listed for the whole picture, folded away: on a phone 18 greyed rows would bury the two that matter.
        <details className="other-regions">
          <summary>{t.otherRegions(regions.length - readable.length)}</summary>
          <ul className="region-list">{regions.filter((r) => !readable.includes(r.code)).map(item)}</ul>
        </details>
      )}
    </fieldset>
  );
}
