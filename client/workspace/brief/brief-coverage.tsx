// The brief's first section, coverage: how many responses, from which roles and which briefings (a table for one
// region's few briefings, a line for the country's many) and, for more than one region, from which regions.
import type { CoverageBody } from '../../../server/http/contract/aggregates';
import { localized, type Locale } from '../../lib/locale';
import { countOf, countText, dayText } from '../coverage/format';
import { ReportTable } from '../coverage/report-table';
import { shellStrings } from '../strings';
import type { BriefModel } from './brief-model';
import { BriefSection } from './brief-sections';
import { BriefTable } from './brief-table';
import { BRIEF_STRINGS } from './strings';

/** Up to this many briefings are listed one by one; more (the whole country) are summed up in a line. */
const LISTED_BRIEFINGS = 12;

interface Props {
  model: BriefModel;
  coverage: CoverageBody;
  k: number;
  locale: Locale;
}

export function CoverageSection({ model, coverage, k, locale }: Props) {
  const t = BRIEF_STRINGS[locale];
  const number = shellStrings(locale).number;
  const total = countOf(model.responses);
  const { roles } = model;
  const briefings = coverage.briefings.filter((b) => !b.none);
  const none = coverage.regions.filter((r) => r.none);

  return (
    <BriefSection id="coverage" title={t.coverage}>
      <p className="brief-lead">
        <strong>{total === null ? `< ${k}` : t.responsesIn(total, number(total))}</strong>
        {' · '}
        {t.outside(countText(coverage.outsideBriefings, k, locale))}
      </p>
      <div className="brief-stack">
        {roles && (
          <BriefTable
            caption={t.roles}
            labelHead={t.role}
            rows={roles.rows}
            columns={[
              {
                head: t.responses,
                value: (r) => (r.figure.kind === 'hidden' ? `< ${k}` : number(r.figure.count)),
              },
              { head: t.share, value: (r) => r.figure, bar: true },
            ]}
            k={k}
            locale={locale}
            note={t.answered(countText(roles.answered, k, locale))}
          />
        )}
        <div className="brief-briefings">
          <h3>{t.briefings}</h3>
          {briefings.length === 0 ? (
            <p>{t.noBriefings}</p>
          ) : briefings.length > LISTED_BRIEFINGS ? (
            <p>
              {t.briefingSpan(
                briefings.length,
                dayText(briefings[0]!.date, locale),
                dayText(briefings.at(-1)!.date, locale),
              )}
            </p>
          ) : (
            <ReportTable
              locale={locale}
              columns={[
                { head: t.date, cellClassName: 'brief-date', cell: (b) => dayText(b.date, locale) },
                { head: t.briefing, rowHeader: true, cell: (b) => localized(b.title, locale) },
                { head: t.responses, className: 'num', cell: (b) => countText(b.responses, k, locale) },
              ]}
              rows={briefings}
              rowKey={(b) => b.slug}
            />
          )}
        </div>
      </div>
      {coverage.regions.length > 1 && (
        <div className="brief-regions">
          <h3>{t.regions}</h3>
          <ul>
            {coverage.regions.map((r) => (
              <li key={r.code}>
                <span>{localized(r.name, locale)}</span>{' '}
                <span className="num">{countText(r.responses, k, locale)}</span>
              </li>
            ))}
          </ul>
          {none.length > 0 && <p>{t.regionsNone(none.map((r) => localized(r.name, locale)).join(', '))}</p>}
        </div>
      )}
    </BriefSection>
  );
}
