// The coverage page's tables: responses per region (all of the reader's regions, zeros marked), per briefing, per
// role (from the summary's `role` question, when the survey asks it) and per survey version.
import type { ChoiceAggregate, CoverageBody } from '../../../server/http/contract/aggregates';
import { localized, type Locale } from '../../lib/locale';
import { countText, dayText, shareText, type Count } from './format';
import { ReportTable, type Column } from './report-table';
import { ShareBar } from './share-bar';
import { COVERAGE_STRINGS, type CoverageStrings } from './strings';

interface TableProps {
  locale: Locale;
  k: number;
}

const percentOf = (c: Count) => (c.suppressed === true ? null : c.percent);

export function RegionTable({ locale, k, coverage }: TableProps & { coverage: CoverageBody }) {
  const t = COVERAGE_STRINGS[locale];
  // Each region holds a few percent of the whole: bars scaled to the largest region make gaps visible.
  const largest = Math.max(1, ...coverage.regions.map((r) => percentOf(r.responses) ?? 0));
  type Region = CoverageBody['regions'][number];
  const columns: Column<Region>[] = [
    {
      head: t.region,
      rowHeader: true,
      cell: (r) => (
        <>
          {localized(r.name, locale)} {r.none && <span className="tag">{t.noResponses}</span>}
        </>
      ),
    },
    { head: t.briefingCount, className: 'num', cell: (r) => r.briefings },
    ...shareColumns<Region>(
      t,
      k,
      locale,
      (r) => r.responses,
      (percent) => (percent * 100) / largest,
    ),
  ];
  return (
    <ReportTable
      locale={locale}
      caption={t.regions}
      columns={columns}
      rows={coverage.regions}
      rowKey={(r) => r.code}
      rowClassName={(r) => (r.none ? 'none' : undefined)}
    />
  );
}

export function BriefingTable({ locale, k, coverage }: TableProps & { coverage: CoverageBody }) {
  const t = COVERAGE_STRINGS[locale];
  const names = new Map(coverage.regions.map((r) => [r.code, localized(r.name, locale)]));
  if (coverage.briefings.length === 0) return <p className="muted">{t.noBriefings}</p>;
  return (
    <ReportTable<CoverageBody['briefings'][number]>
      locale={locale}
      caption={t.briefings}
      columns={[
        { head: t.date, cellClassName: 'nowrap', cell: (b) => dayText(b.date, locale) },
        {
          head: t.briefingTitle,
          rowHeader: true,
          cell: (b) => (
            <>
              {localized(b.title, locale)}
              <span className="muted"> · {b.city}</span>
            </>
          ),
        },
        { head: t.region, cell: (b) => names.get(b.region) ?? b.region },
        {
          head: t.responses,
          className: 'num',
          cell: (b) =>
            b.none ? <span className="tag">{t.noResponses}</span> : countText(b.responses, k, locale),
        },
      ]}
      rows={coverage.briefings}
      rowKey={(b) => b.slug}
      rowClassName={(b) => (b.none ? 'none' : undefined)}
    />
  );
}

export function RoleTable({ locale, k, role }: TableProps & { role: ChoiceAggregate }) {
  const t = COVERAGE_STRINGS[locale];
  type Choice = ChoiceAggregate['choices'][number];
  return (
    <ReportTable<Choice>
      locale={locale}
      caption={t.roles}
      columns={[
        { head: t.role, rowHeader: true, cell: (c) => localized(c.label, locale) },
        ...shareColumns<Choice>(
          t,
          k,
          locale,
          (c) => c.result,
          (percent) => percent,
        ),
      ]}
      rows={role.choices}
      rowKey={(c) => String(c.code)}
    >
      <p className="hint">{t.roleNote(countText(role.answered, k, locale))}</p>
    </ReportTable>
  );
}

/** Responses, their share, and the share drawn as a bar (`bar` turns the share into the bar's length). */
function shareColumns<Row>(
  t: CoverageStrings,
  k: number,
  locale: Locale,
  count: (row: Row) => Count,
  bar: (percent: number) => number,
): Column<Row>[] {
  return [
    { head: t.responses, className: 'num', cell: (row) => countText(count(row), k, locale) },
    { head: t.share, className: 'num', cell: (row) => shareText(count(row), k, locale) },
    {
      head: <span className="visually-hidden">{t.share}</span>,
      className: 'bar-cell',
      cell: (row) => {
        const percent = percentOf(count(row));
        return <ShareBar percent={percent === null ? null : bar(percent)} />;
      },
    },
  ];
}

export function VersionTable({ locale, k, coverage }: TableProps & { coverage: CoverageBody }) {
  const t = COVERAGE_STRINGS[locale];
  return (
    <table className="report-table">
      <caption>{t.versions}</caption>
      <tbody>
        {coverage.versions.map((v) => (
          <tr key={v.version}>
            <th scope="row">{t.version(v.version)}</th>
            <td className="num">{countText(v.responses, k, locale)}</td>
            <td className="num">{shareText(v.responses, k, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
