// Which regions' answers a user reads: all 20 (null), or the ones ticked. An admin always reads all of them.
import { useId } from 'react';
import { localized, type Locale } from '../../lib/locale';
import type { RegionName } from '../../lib/workspace-regions';
import { USERS_STRINGS } from './strings';

interface Props {
  locale: Locale;
  regions: readonly RegionName[];
  /** null: all regions. */
  value: string[] | null;
  onChange: (value: string[] | null) => void;
  isAdmin: boolean;
}

export function RegionChoice({ locale, regions, value, onChange, isAdmin }: Props) {
  const t = USERS_STRINGS[locale];
  const name = useId();
  if (isAdmin)
    return (
      <fieldset className="block user-regions">
        <legend>{t.regions}</legend>
        <p className="muted">{t.adminReadsAll}</p>
      </fieldset>
    );
  const chosen = value ?? [];
  const toggle = (code: string, on: boolean) =>
    onChange(regions.map((r) => r.code).filter((c) => (c === code ? on : chosen.includes(c))));
  return (
    <fieldset className="block user-regions">
      <legend>{t.regions}</legend>
      <div className="region-scope">
        <label>
          <input type="radio" name={name} checked={value === null} onChange={() => onChange(null)} />
          {t.allRegions}
        </label>
        <label>
          <input type="radio" name={name} checked={value !== null} onChange={() => onChange(chosen)} />
          {t.someRegions}
        </label>
      </div>
      {value !== null && (
        <ul className="user-region-list">
          {regions.map((region) => (
            <li key={region.code}>
              <label>
                <input
                  type="checkbox"
                  value={region.code}
                  checked={chosen.includes(region.code)}
                  onChange={(e) => toggle(region.code, e.target.checked)}
                />
                {localized(region.name, locale)}
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
