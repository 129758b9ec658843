// All regions as rows and every answer as a column, each cell coloured by its share (a sequential colour-blind-
// safe scale), "< k" where suppressed; headings sort (region name, n) or choose the answer and sort by its share.
import { csvDocument } from '../../charts/csv';
import { fileName, saveText } from '../../charts/download';
import { inkOn, type ShareScale } from '../../charts/palette';
import { isShown, type Count } from '../../charts/question-model';
import { CHART_STRINGS, percentText } from '../../charts/strings';
import type { Locale } from '../../lib/locale';
import { setQuery } from '../router';
import { ScrollBox } from '../../lib/scroll-box';
import type { Comparison, RegionRow, SortKey } from './comparison';
import { REGIONS_STRINGS } from './strings';

interface Props {
  locale: Locale;
  comparison: Comparison;
  rows: readonly RegionRow[];
  sort: SortKey;
  descending: boolean;
  scale: ShareScale;
  k: number;
  fileParts: readonly string[];
}

export function HeatTable({ locale, comparison: cmp, rows, sort, descending, scale, k, fileParts }: Props) {
  const t = REGIONS_STRINGS[locale];
  const c = CHART_STRINGS[locale];
  const ariaSort = (active: boolean) => (active ? (descending ? 'descending' : 'ascending') : undefined);
  // A click on the active heading turns the order round; on another, names go A→Я and numbers largest first.
  const sortBy = (key: SortKey, answer?: string) => {
    const same = key === sort && (answer === undefined || answer === cmp.options[cmp.chosen]?.code);
    const down = same ? !descending : key !== 'name';
    setQuery({ sort: key, dir: down ? 'desc' : 'asc', ...(answer !== undefined && { answer }) });
  };
  const count = (n: Count) => (isShown(n) ? c.number(n.count) : c.fewer(k));

  const cell = (value: Count | undefined, empty: boolean, chosen: boolean, key: string) => {
    if (empty)
      return (
        <td key={key} className="no-data">
          —
        </td>
      );
    if (!isShown(value))
      return (
        <td key={key} className={`suppressed${chosen ? ' chosen' : ''}`}>
          {c.fewer(k)}
        </td>
      );
    const background = scale.colourOf(value.percent ?? 0);
    return (
      <td
        key={key}
        className={chosen ? 'chosen' : undefined}
        style={{ background, color: inkOn(background) }}
      >
        {percentText(locale, value.percent ?? 0)}
      </td>
    );
  };

  const csv = () => {
    const header = [t.region, c.columns.code, t.responses, t.n, ...cmp.options.map((o) => `${o.label}, %`)];
    const line = (r: RegionRow) => [
      r.name || t.total,
      r.code,
      isShown(r.responses) ? r.responses.count : c.fewer(k),
      isShown(r.n) ? r.n.count : c.fewer(k),
      ...r.cells.map((x) => (r.empty ? null : isShown(x) ? x.percent : c.fewer(k))),
    ];
    saveText(
      csvDocument([header, ...rows.map(line), line(cmp.total)]),
      fileName([...fileParts, 'regions'], 'csv'),
      'text/csv;charset=utf-8',
    );
  };

  const heading = (key: SortKey, label: string, active: boolean, answer?: string) => (
    <button type="button" className="sort" onClick={() => sortBy(key, answer)}>
      {label}
      <span aria-hidden="true">{active ? (descending ? ' ▼' : ' ▲') : ''}</span>
    </button>
  );

  return (
    <section className="heat block" aria-labelledby="heat-title">
      <div className="heat-head">
        <h2 id="heat-title">{t.tableTitle}</h2>
        <button type="button" onClick={csv}>
          {t.tableCsv}
        </button>
      </div>
      <p className="hint">{t.tableNote}</p>
      <ScrollBox locale={locale} label={t.tableTitle}>
        <table className="heat-table">
          <thead>
            <tr>
              <th scope="col" aria-sort={ariaSort(sort === 'name')} className="region-col">
                {heading('name', t.region, sort === 'name')}
              </th>
              <th scope="col" aria-sort={ariaSort(sort === 'n')} className="n-col">
                {heading('n', t.n, sort === 'n')}
              </th>
              {cmp.options.map((o, i) => (
                <th
                  key={o.code}
                  scope="col"
                  aria-sort={ariaSort(sort === 'share' && i === cmp.chosen)}
                  className={i === cmp.chosen ? 'chosen' : undefined}
                >
                  {heading('share', o.label, sort === 'share' && i === cmp.chosen, o.code)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.code} data-region={r.code} className={r.empty ? 'empty' : undefined}>
                <th scope="row">{r.name}</th>
                <td className="n-col">{r.empty ? '0' : count(r.n)}</td>
                {r.cells.map((x, i) => cell(x, r.empty, i === cmp.chosen, String(i)))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t.total}</th>
              <td className="n-col">{count(cmp.total.n)}</td>
              {cmp.total.cells.map((x, i) => cell(x, false, i === cmp.chosen, String(i)))}
            </tr>
          </tfoot>
        </table>
      </ScrollBox>
    </section>
  );
}
