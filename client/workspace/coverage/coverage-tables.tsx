// The coverage page's tables: responses per region (all of the reader's regions, zeros marked), per briefing, per
// role (from the summary's `role` question, when the survey asks it) and per survey version.
import type { ChoiceAggregate, CoverageBody } from '../../../exports/aggregates/types';
import { localized, type Locale } from '../../lib/locale';
import { countText, dayText, shareText, type Count } from './format';
import { ShareBar } from './share-bar';
import { COVERAGE_STRINGS } from './strings';

interface TableProps {
  locale: Locale;
  k: number;
}

const percentOf = (c: Count) => (c.suppressed === true ? null : c.percent);

export function RegionTable({ locale, k, coverage }: TableProps & { coverage: CoverageBody }) {
  const t = COVERAGE_STRINGS[locale];
  // Each region holds a few percent of the whole: bars scaled to the largest region make gaps visible.
  const largest = Math.max(1, ...coverage.regions.map((r) => percentOf(r.responses) ?? 0));
  return (
    <div className="table-wrap">
      <table className="report-table">
        <caption>{t.regions}</caption>
        <thead>
          <tr>
            <th scope="col">{t.region}</th>
            <th scope="col" className="num">
              {t.briefingCount}
            </th>
            <th scope="col" className="num">
              {t.responses}
            </th>
            <th scope="col" className="num">
              {t.share}
            </th>
            <th scope="col" className="bar-cell">
              <span className="visually-hidden">{t.share}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {coverage.regions.map((r) => (
            <tr key={r.code} className={r.none ? 'none' : undefined}>
              <th scope="row">
                {localized(r.name, locale)} {r.none && <span className="tag">{t.noResponses}</span>}
              </th>
              <td className="num">{r.briefings}</td>
              <td className="num">{countText(r.responses, k, locale)}</td>
              <td className="num">{shareText(r.responses, k, locale)}</td>
              <td className="bar-cell">
                <ShareBar percent={((percentOf(r.responses) ?? 0) * 100) / largest} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function BriefingTable({ locale, k, coverage }: TableProps & { coverage: CoverageBody }) {
  const t = COVERAGE_STRINGS[locale];
  const names = new Map(coverage.regions.map((r) => [r.code, localized(r.name, locale)]));
  if (coverage.briefings.length === 0) return <p className="muted">{t.noBriefings}</p>;
  return (
    <div className="table-wrap">
      <table className="report-table">
        <caption>{t.briefings}</caption>
        <thead>
          <tr>
            <th scope="col">{t.date}</th>
            <th scope="col">{t.briefingTitle}</th>
            <th scope="col">{t.region}</th>
            <th scope="col" className="num">
              {t.responses}
            </th>
          </tr>
        </thead>
        <tbody>
          {coverage.briefings.map((b) => (
            <tr key={b.slug} className={b.none ? 'none' : undefined}>
              <td className="nowrap">{dayText(b.date, locale)}</td>
              <th scope="row">
                {localized(b.title, locale)}
                <span className="muted"> · {b.city}</span>
              </th>
              <td>{names.get(b.region) ?? b.region}</td>
              <td className="num">
                {b.none ? <span className="tag">{t.noResponses}</span> : countText(b.responses, k, locale)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function RoleTable({ locale, k, role }: TableProps & { role: ChoiceAggregate }) {
  const t = COVERAGE_STRINGS[locale];
  return (
    <div className="table-wrap">
      <table className="report-table">
        <caption>{t.roles}</caption>
        <thead>
          <tr>
            <th scope="col">{t.role}</th>
            <th scope="col" className="num">
              {t.responses}
            </th>
            <th scope="col" className="num">
              {t.share}
            </th>
            <th scope="col" className="bar-cell">
              <span className="visually-hidden">{t.share}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {role.choices.map((c) => (
            <tr key={String(c.code)}>
              <th scope="row">{localized(c.label, locale)}</th>
              <td className="num">{countText(c.result, k, locale)}</td>
              <td className="num">{shareText(c.result, k, locale)}</td>
              <td className="bar-cell">
                <ShareBar percent={percentOf(c.result)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{t.roleNote(countText(role.answered, k, locale))}</p>
    </div>
  );
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
