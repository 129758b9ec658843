// /workspace/briefings: the list of briefings (date, city, region, title, responses, open or closed); /new creates
// one, /<slug> edits it beside its link, QR code and hourly counts, /<slug>/poster is the printable A4 poster.
import { useEffect, useState } from 'react';
import { cityIn } from '../../lib/locale';
import { useLoad } from '../../lib/use-load';
import { getJson, isSignedOut } from '../../lib/workspace-api';
import { regionName, regionsOf, type RegionName } from '../../lib/workspace-regions';
import { loadSurveyChoice } from '../default-survey';
import { LoadFailed } from '../load-failed';
import { followLink } from '../router';
import type { SectionProps } from '../sections';
import { shellStrings } from '../strings';
import { AddressWarning, usePublicAddress } from './address-warning';
import { BriefingDetail } from './briefing-detail';
import { BriefingForm } from './briefing-form';
import { briefingsHref, listBriefings, type AdminBriefing } from './briefings-api';
import { Poster } from './poster';
import { BRIEFING_STRINGS } from './strings';
import './briefings.css';

/**
 * What the pages of this section share: the briefings, the surveys to choose from (a new briefing starts on the most
 * answered one, as the other pages do), the 20 regions' names.
 */
async function loadAll() {
  const [briefings, { surveys, survey }] = await Promise.all([listBriefings(), loadSurveyChoice(null)]);
  // Every survey asks the same 20 regions: one survey's definition names them in kk/ru/en.
  const regions = survey
    ? regionsOf(
        (
          await getJson<{ definition: Record<string, unknown> }>(
            `/api/surveys/${encodeURIComponent(survey.id)}`,
          )
        ).definition,
      )
    : [];
  return { briefings, surveys, newSurvey: survey?.id, regions };
}

export default function BriefingsPage({ session, locale, rest, onSignedOut }: SectionProps) {
  const t = BRIEFING_STRINGS[locale];
  const shell = shellStrings(locale);
  const [load, retry] = useLoad(loadAll, `briefings:${rest}`);
  // Saved changes replace the loaded copy in place, so the form keeps its "saved" notice instead of reloading.
  const [edited, setEdited] = useState<Record<string, AdminBriefing>>({});
  const address = usePublicAddress();
  useEffect(() => {
    if (load.state === 'failed' && isSignedOut(load.error)) onSignedOut();
  }, [load, onSignedOut]);

  if (load.state === 'failed') return <LoadFailed locale={locale} onRetry={retry} />;
  if (load.state === 'loading') return <p className="muted">{shell.loading}</p>;

  const { surveys, newSurvey, regions } = load.value;
  const briefings = load.value.briefings.map((b) => edited[b.slug] ?? b);
  const [, slug = '', view = ''] = rest.split('/');
  const mayEdit = session.role === 'admin';
  const back = (
    <a href={briefingsHref()} onClick={followLink} className="back-link">
      {t.back}
    </a>
  );

  if (slug === 'new' && mayEdit)
    return (
      <div className="briefings-page">
        {back}
        <h1>{t.newTitle}</h1>
        <BriefingForm
          locale={locale}
          surveys={surveys}
          newSurvey={newSurvey}
          regions={regions}
          onSignedOut={onSignedOut}
        />
      </div>
    );
  if (slug !== '') {
    const briefing = briefings.find((b) => b.slug === decodeURIComponent(slug));
    if (!briefing)
      return (
        <div className="briefings-page">
          {back}
          <p className="notice">{t.notFound}</p>
        </div>
      );
    if (view === 'poster')
      return <Poster locale={locale} briefing={briefing} regions={regions} address={address} />;
    return (
      <div className="briefings-page">
        {back}
        <AddressWarning address={address} locales={[locale]} />
        <BriefingDetail
          locale={locale}
          briefing={briefing}
          surveys={surveys}
          regions={regions}
          mayEdit={mayEdit}
          onSaved={(saved) => setEdited((e) => ({ ...e, [saved.slug]: saved }))}
          onSignedOut={onSignedOut}
        />
      </div>
    );
  }

  return (
    <div className="briefings-page">
      <div className="briefings-head">
        <div>
          <h1>{t.title}</h1>
          <p className="muted">{t.intro}</p>
        </div>
        {mayEdit && (
          <a className="button primary" href={briefingsHref('/new')} onClick={followLink}>
            {t.create}
          </a>
        )}
      </div>
      <AddressWarning address={address} locales={[locale]} />
      {briefings.length === 0 ? (
        <p className="notice">{t.empty}</p>
      ) : (
        <BriefingTable locale={locale} briefings={briefings} regions={regions} />
      )}
    </div>
  );
}

function BriefingTable({
  locale,
  briefings,
  regions,
}: {
  locale: SectionProps['locale'];
  briefings: AdminBriefing[];
  regions: RegionName[];
}) {
  const t = BRIEFING_STRINGS[locale];
  // Newest first: the organiser mostly works on the coming or the last briefing.
  const rows = [...briefings].sort((a, b) => b.date.localeCompare(a.date) || a.slug.localeCompare(b.slug));
  return (
    <table className="briefings-table">
      <thead>
        <tr>
          <th scope="col">{t.columns.date}</th>
          <th scope="col">{t.columns.city}</th>
          <th scope="col">{t.columns.region}</th>
          <th scope="col">{t.columns.title}</th>
          <th scope="col" className="num">
            {t.columns.responses}
          </th>
          <th scope="col">{t.columns.state}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((b) => (
          <tr key={b.slug}>
            <td className="nowrap">{b.date}</td>
            <td>{cityIn(b, locale)}</td>
            <td>{regionName(regions, b.region, locale)}</td>
            <td>
              <a href={briefingsHref(`/${encodeURIComponent(b.slug)}`)} onClick={followLink}>
                {b.title[locale]}
              </a>
              <div className="muted small">/b/{b.slug}</div>
            </td>
            <td className="num">{b.responses.toLocaleString(locale === 'kk' ? 'kk-KZ' : locale)}</td>
            <td>
              <span className={`state state-${b.state}`}>{t.state[b.state]}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
