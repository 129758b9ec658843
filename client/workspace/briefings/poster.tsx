// The A4 poster for the hall's doors and tables: a big QR code, the title in Kazakh and Russian (both official),
// the city and date, and the short link to type by hand. poster.css hides the workspace around it in print.
import type { Locale } from '../../lib/locale';
import { cityIn, localized } from '../../lib/locale';
import type { RegionName } from '../../lib/workspace-regions';
import { followLink } from '../router';
import type { PublicAddress } from '../../../server/domain/public-address';
import { AddressWarning } from './address-warning';
import { briefingsHref, qrUrl, type AdminBriefing } from './briefings-api';
import { BRIEFING_STRINGS } from './strings';
import './poster.css';

export function Poster({
  locale,
  briefing,
  regions,
  address,
}: {
  locale: Locale;
  briefing: AdminBriefing;
  regions: RegionName[];
  address: PublicAddress | null;
}) {
  const t = BRIEFING_STRINGS[locale];
  const region = regions.find((r) => r.code === briefing.region);
  const shortLink = briefing.link.replace(/^https?:\/\//, '');
  return (
    <div className="poster-view">
      <div className="poster-actions">
        <a href={briefingsHref(`/${encodeURIComponent(briefing.slug)}`)} onClick={followLink}>
          {t.back}
        </a>
        <button type="button" className="primary" onClick={() => window.print()}>
          {t.poster.print}
        </button>
      </div>
      <article className="poster" aria-label={briefing.title.kk}>
        {/* Printed too: a poster whose code no phone can open must say so on the paper. */}
        <AddressWarning address={address} locales={['kk', 'ru']} />
        <h1 lang="kk" className="poster-title">
          {briefing.title.kk}
        </h1>
        <p lang="ru" className="poster-title-ru">
          {briefing.title.ru}
        </p>
        <img className="poster-qr" src={qrUrl(briefing.slug, 'svg')} alt={briefing.link} />
        <p lang="kk" className="poster-scan">
          {BRIEFING_STRINGS.kk.poster.scan}
        </p>
        <p lang="ru" className="poster-scan ru">
          {BRIEFING_STRINGS.ru.poster.scan}
        </p>
        <p className="poster-link">
          <span className="muted">
            {BRIEFING_STRINGS.kk.poster.orType} · {BRIEFING_STRINGS.ru.poster.orType}
          </span>
          <strong>{shortLink}</strong>
        </p>
        <p className="poster-where">
          <span lang="kk">{cityIn(briefing, 'kk')}</span>
          {cityIn(briefing, 'ru') !== cityIn(briefing, 'kk') && (
            <>
              {' / '}
              <span lang="ru">{cityIn(briefing, 'ru')}</span>
            </>
          )}
          {region && (
            <>
              {' · '}
              <span lang="kk">{localized(region.name, 'kk')}</span>
            </>
          )}
          {' · '}
          {formatDate(briefing.date)}
        </p>
      </article>
    </div>
  );
}

/** 15.09.2023: read the same way in Kazakh and Russian. */
function formatDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y}`;
}
