// One briefing: its edit form (admins) beside what the organiser takes to the hall: the link, the QR code with
// PNG/SVG downloads, the poster to print, the live screen, and the responses per hour.
import { useState } from 'react';
import type { SurveySummary } from '../../lib/api';
import type { Locale } from '../../lib/locale';
import { useLoad } from '../../lib/use-load';
import type { RegionName } from '../../lib/workspace-regions';
import { followLink } from '../router';
import { BriefingForm } from './briefing-form';
import { briefingsHref, getCounts, liveUrl, qrUrl, type AdminBriefing } from './briefings-api';
import { BRIEFING_STRINGS } from './strings';

interface Props {
  locale: Locale;
  briefing: AdminBriefing;
  surveys: SurveySummary[];
  regions: RegionName[];
  mayEdit: boolean;
  onSaved: (saved: AdminBriefing) => void;
  onSignedOut: () => void;
}

export function BriefingDetail({ locale, briefing, surveys, regions, mayEdit, onSaved, onSignedOut }: Props) {
  const t = BRIEFING_STRINGS[locale];
  const slug = encodeURIComponent(briefing.slug);
  return (
    <div className="briefing-detail">
      <div>
        <h1>
          {briefing.title[locale]}{' '}
          <span className={`state state-${briefing.state}`}>{t.state[briefing.state]}</span>
        </h1>
        {mayEdit && (
          <BriefingForm
            key={briefing.slug}
            locale={locale}
            surveys={surveys}
            regions={regions}
            briefing={briefing}
            onSaved={onSaved}
            onSignedOut={onSignedOut}
          />
        )}
        <HourlyCounts locale={locale} slug={briefing.slug} total={briefing.responses} />
      </div>
      <aside className="briefing-tools block">
        <h2>{t.link}</h2>
        <CopyLink locale={locale} link={briefing.link} />
        <h2>{t.qr}</h2>
        <img
          className="qr-preview"
          src={qrUrl(briefing.slug, 'svg')}
          alt={`${t.qr}: ${briefing.link}`}
          width={240}
          height={240}
        />
        <div className="tool-buttons">
          <a className="button" href={qrUrl(briefing.slug, 'png', true)} download>
            {t.downloadPng}
          </a>
          <a className="button" href={qrUrl(briefing.slug, 'svg', true)} download>
            {t.downloadSvg}
          </a>
          <a className="button" href={briefingsHref(`/${slug}/poster`)} onClick={followLink}>
            {t.printPoster}
          </a>
          <a className="button primary" href={liveUrl(briefing.slug)} target="_blank" rel="noopener">
            {t.openLive}
          </a>
        </div>
      </aside>
    </div>
  );
}

function CopyLink({ locale, link }: { locale: Locale; link: string }) {
  const t = BRIEFING_STRINGS[locale];
  const [copied, setCopied] = useState(false);
  return (
    <div className="copy-link">
      <output aria-label={t.link} data-testid="briefing-link">
        {link}
      </output>
      <button
        type="button"
        onClick={() =>
          // The clipboard needs a secure context; on plain http the field stays selectable by hand.
          navigator.clipboard?.writeText(link).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        {copied ? t.copied : t.copy}
      </button>
    </div>
  );
}

function HourlyCounts({ locale, slug, total }: { locale: Locale; slug: string; total: number }) {
  const t = BRIEFING_STRINGS[locale];
  const [counts] = useLoad(() => getCounts(slug), `counts:${slug}:${total}`);
  if (counts.state !== 'ready') return null;
  const hours = counts.value.perHour;
  const max = Math.max(1, ...hours.map((h) => h.responses));
  return (
    <section className="hourly block">
      <h2>
        {t.perHour} · {counts.value.total}
      </h2>
      {hours.length === 0 ? (
        <p className="muted">{t.noResponses}</p>
      ) : (
        <table className="hour-table">
          <tbody>
            {hours.map((h) => (
              <tr key={h.hour}>
                <th scope="row">{h.hour.replace('T', ' ')}</th>
                <td className="num">{h.responses}</td>
                <td className="bar-cell" aria-hidden="true">
                  <span className="bar" style={{ width: `${(100 * h.responses) / max}%` }} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted small">{t.hourNote}</p>
    </section>
  );
}
