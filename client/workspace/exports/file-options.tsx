// The analysts' options of the export page: how the CSV is separated (comma, or `;` with a decimal comma for Excel
// set to Russian or Kazakh), and whether responses with a quality flag are left out.
import type { Locale } from '../../lib/locale';
import { setQuery } from '../router';
import { SEPARATORS, type ExportFilters } from './export-query';
import { FILE_OPTION_STRINGS } from './file-option-strings';

interface Props {
  locale: Locale;
  filters: ExportFilters;
}

export function FileOptions({ locale, filters }: Props) {
  const t = FILE_OPTION_STRINGS[locale];
  return (
    <div className="filter-row">
      <fieldset className="block">
        <legend>{t.separator}</legend>
        {SEPARATORS.map((sep) => (
          <label key={sep} className="check">
            <input
              type="radio"
              name="sep"
              checked={filters.sep === sep}
              // The comma is the default, left out of the address.
              onChange={() => setQuery({ sep: sep === 'comma' ? null : sep })}
            />
            {t.separators[sep]}
          </label>
        ))}
        <p className="hint">{t.separatorNote}</p>
      </fieldset>
      <fieldset className="block">
        <legend>{t.quality}</legend>
        <label className="check">
          <input
            type="checkbox"
            name="flagged"
            checked={filters.excludeFlagged}
            onChange={(e) => setQuery({ flagged: e.target.checked ? 'exclude' : null })}
          />
          {t.excludeFlagged}
        </label>
        <p className="hint">{t.qualityNote}</p>
      </fieldset>
    </div>
  );
}
