// /b/<slug>/live, for a projector in the hall: the QR code large, the title in Kazakh and Russian, and the number
// of responses received as they arrive; "Results" shows a few key questions of this briefing only (cells under
// the small-cell threshold arrive suppressed from the summary API and show as "< 5").
import { useEffect, useState } from 'react';
import type { ChoiceCount, QuestionAggregate, SummaryBody } from '../../../server/http/contract/aggregates';
import type { Locale } from '../../lib/locale';
import { useLoad } from '../../lib/use-load';
import { getJson } from '../../lib/workspace-api';
import { AddressWarning, usePublicAddress } from '../briefings/address-warning';
import { qrUrl } from '../briefings/briefings-api';
import { BRIEFING_STRINGS } from '../briefings/strings';
import { useLiveCount } from './use-live-count';
import './live.css';

interface BriefingInfo {
  slug: string;
  survey: string;
  city: string;
  date: string;
  title: { kk: string; ru: string; en: string };
}

export const LIVE_PATH = /^\/b\/([^/]+)\/live\/?$/;

export default function LiveScreen({ locale, onSignedOut }: { locale: Locale; onSignedOut: () => void }) {
  const slug = decodeURIComponent(LIVE_PATH.exec(location.pathname)?.[1] ?? '');
  const t = BRIEFING_STRINGS[locale];
  const [briefing] = useLoad(() => getJson<BriefingInfo>(`/api/briefings/${encodeURIComponent(slug)}`), slug);
  const live = useLiveCount(slug);
  const [results, setResults] = useState(false);
  const address = usePublicAddress();
  useEffect(() => {
    if (live.signedOut) onSignedOut();
  }, [live.signedOut, onSignedOut]);
  useEffect(() => {
    if (briefing.state === 'ready') document.title = `${briefing.value.title[locale]} · Saualnama`;
  }, [briefing, locale]);

  if (briefing.state === 'failed') return <p className="live-message">{t.notFound}</p>;
  if (briefing.state === 'loading') return null;
  const b = briefing.value;
  // The link under the QR code: PUBLIC_URL when set, like the code itself (the projector's own address is often
  // localhost).
  const link = `${address?.origin ?? location.origin}/b/${encodeURIComponent(b.slug)}`;

  return (
    <div className="live-screen">
      {results ? (
        <LiveResults locale={locale} survey={b.survey} slug={b.slug} total={live.total} />
      ) : (
        <div className="live-main">
          <img className="live-qr" src={qrUrl(b.slug, 'svg')} alt={link} />
          <div className="live-side">
            <AddressWarning address={address} locales={[locale]} />
            <h1 lang="kk">{b.title.kk}</h1>
            <p lang="ru" className="live-title-ru">
              {b.title.ru}
            </p>
            <p className="live-link">{link.replace(/^https?:\/\//, '')}</p>
            <div className="live-count" aria-live="polite">
              <span className="live-number" data-testid="live-count">
                {live.total ?? '…'}
              </span>
              <span className="live-label">{t.live.responses(live.total ?? 0)}</span>
            </div>
            {live.stale && <p className="live-stale">{t.live.reconnecting}</p>}
          </div>
        </div>
      )}
      <button type="button" className="live-toggle" onClick={() => setResults((r) => !r)}>
        {results ? t.live.hideResults : t.live.results}
      </button>
    </div>
  );
}

/** The kinds whose answers are counted by choice: the ones a hall can read off a slide. */
const SHOWN = new Set(['choice', 'multiple', 'rating']);
const KEY_QUESTIONS = 3;
const TOP_CHOICES = 6;

function LiveResults({
  locale,
  survey,
  slug,
  total,
}: {
  locale: Locale;
  survey: string;
  slug: string;
  total: number | null;
}) {
  const t = BRIEFING_STRINGS[locale];
  // Reloaded when the count moves, so the results follow the hall while they are shown.
  const [summary] = useLoad(
    () =>
      getJson<SummaryBody>(
        // audience=public: the hall sees these, so they are perturbed whoever is signed in (README).
        `/api/surveys/${encodeURIComponent(survey)}/summary?briefing=${encodeURIComponent(slug)}&audience=public`,
      ),
    `${slug}:${total ?? ''}`,
  );
  if (summary.state !== 'ready') return <div className="live-results" />;
  const questions = summary.value.questions
    .filter(
      (q): q is Extract<QuestionAggregate, { choices: ChoiceCount[] }> =>
        SHOWN.has(q.kind) && q.name !== 'region',
    )
    .slice(0, KEY_QUESTIONS);
  const k = summary.value.smallCellThreshold;
  return (
    <div className="live-results">
      <h1>
        {t.live.results} · {t.live.of(total ?? 0)}
      </h1>
      {questions.length === 0 && <p>{t.live.noQuestions}</p>}
      <div className="live-questions">
        {questions.map((q) => (
          <section key={q.name} className="live-question">
            <h2>{q.title[locale]}</h2>
            {/* Choices by size, the largest few; a rating keeps its whole scale in order, which is how a hall reads
                it (cut, its top end would go missing, not its smallest shares). */}
            {(q.kind === 'rating'
              ? q.choices
              : [...q.choices].sort((a, b) => shown(b.result) - shown(a.result))
            )
              .slice(0, q.kind === 'rating' ? undefined : TOP_CHOICES)
              .map((c) => (
                <div key={String(c.code)} className="live-bar">
                  <span className="live-bar-label">{c.label[locale]}</span>
                  <span className="live-bar-track">
                    <span
                      className="live-bar-fill"
                      style={{ width: `${c.result.suppressed ? 0 : (c.result.percent ?? 0)}%` }}
                    />
                  </span>
                  <span className="live-bar-value">
                    {c.result.suppressed ? `< ${k}` : `${Math.round(c.result.percent ?? 0)}%`}
                  </span>
                </div>
              ))}
            {/* Issue 13: the hall must know the list is cut, not read the first six as every answer. */}
            {q.kind !== 'rating' && q.choices.length > TOP_CHOICES && (
              <p className="live-more">{t.live.moreOptions(q.choices.length - TOP_CHOICES)}</p>
            )}
          </section>
        ))}
      </div>
    </div>
  );
}

/** Sort key: a suppressed cell sorts as zero, so the order does not hint at its size. */
const shown = (r: ChoiceCount['result']) => (r.suppressed ? 0 : r.count);
