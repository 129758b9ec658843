// The brief's analytic sections: the top needs, the practices that work, cooperation per partner and the Roadmap
// priorities, each from the brief model; a part the survey does not ask is left out, an empty section says so.
import type { ReactNode } from 'react';
import type { Locale } from '../../lib/locale';
import { countText } from '../coverage/format';
import type { BriefModel, Part, PartnerRow } from './brief-model';
import { BriefTable } from './brief-table';
import { meanText } from './figures';
import { BRIEF_STRINGS } from './strings';

interface Props {
  model: BriefModel;
  k: number;
  locale: Locale;
}

export function BriefSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="brief-section" aria-labelledby={`brief-${id}`}>
      <h2 id={`brief-${id}`}>{title}</h2>
      {children}
    </section>
  );
}

/** The section's parts, or the "not asked" line when the survey has none of them. */
function partsOrNote(parts: ReactNode[], locale: Locale): ReactNode {
  const present = parts.filter(Boolean);
  return present.length > 0 ? present : <p className="muted">{BRIEF_STRINGS[locale].notAsked}</p>;
}

export function NeedsSection({ model, k, locale }: Props) {
  const t = BRIEF_STRINGS[locale];
  const { severity, needs } = model;
  return (
    <BriefSection id="needs" title={t.needs}>
      {partsOrNote(
        [
          severity && (
            <BriefTable
              key="severity"
              caption={t.severity}
              labelHead={t.problem}
              rows={severity.rows}
              columns={[{ head: t.severityShare, value: (r) => r.figure, bar: true }]}
              k={k}
              locale={locale}
              nHead={t.rowN}
              note={`${t.answered(countText(severity.answered, k, locale))} ${t.rowNNote}`}
            />
          ),
          needs && (
            <BriefTable
              key="needs"
              caption={t.ranking}
              labelHead={t.need}
              rows={needs.rows}
              columns={[
                { head: t.rankedFirst, value: (r) => r.first, bar: true },
                { head: t.meanRank, value: (r) => meanText(r.meanRank, k, locale) },
              ]}
              k={k}
              locale={locale}
              note={`${t.answered(countText(needs.answered, k, locale))} ${t.meanRankNote}`}
            />
          ),
        ],
        locale,
      )}
    </BriefSection>
  );
}

export function PracticesSection({ model, k, locale }: Props) {
  const t = BRIEF_STRINGS[locale];
  const { practices, effectiveness } = model;
  return (
    <BriefSection id="practices" title={t.practices}>
      {partsOrNote(
        [
          practices && (
            <BriefTable
              key="practices"
              caption={t.practicesUsed}
              labelHead={t.practice}
              rows={practices.rows}
              columns={[{ head: t.named, value: (r) => r.figure, bar: true }]}
              k={k}
              locale={locale}
              note={t.answered(countText(practices.answered, k, locale))}
            />
          ),
          effectiveness && (
            <BriefTable
              key="effectiveness"
              caption={`${t.effectiveness}. ${
                effectiveness.max === null
                  ? ''
                  : t.mean(meanText(effectiveness.mean, k, locale), String(effectiveness.max))
              }`}
              labelHead={t.rating}
              rows={effectiveness.rows}
              columns={[{ head: t.share, value: (r) => r.figure, bar: true }]}
              k={k}
              locale={locale}
              note={t.answered(countText(effectiveness.answered, k, locale))}
            />
          ),
        ],
        locale,
      )}
    </BriefSection>
  );
}

export function CooperationSection({ model, k, locale }: Props) {
  const t = BRIEF_STRINGS[locale];
  const { cooperation, cooperationByAkimat } = model;
  const akimatToo = cooperation && cooperation.akimatToo.length > 0 ? cooperation.akimatToo : null;
  return (
    <BriefSection id="cooperation" title={t.cooperation}>
      {partsOrNote(
        [
          cooperation && (
            <PartnerTable
              key="cooperation"
              caption={t.cooperationRated}
              part={cooperation}
              after={akimatToo ? t.akimatToo(akimatToo.length, akimatToo.join(', ')) : undefined}
              k={k}
              locale={locale}
            />
          ),
          cooperationByAkimat && (
            <PartnerTable
              key="cooperation-by-akimat"
              caption={t.cooperationByAkimat}
              part={cooperationByAkimat}
              k={k}
              locale={locale}
            />
          ),
        ],
        locale,
      )}
    </BriefSection>
  );
}

/** Good, poor and no cooperation per partner, with who the shares are of (and `after`, a word on who answered). */
function PartnerTable({
  caption,
  part,
  after,
  k,
  locale,
}: {
  caption: string;
  part: Part<PartnerRow>;
  after?: string | undefined;
  k: number;
  locale: Locale;
}) {
  const t = BRIEF_STRINGS[locale];
  return (
    <BriefTable
      caption={caption}
      labelHead={t.partner}
      rows={part.rows}
      columns={[
        { head: t.good, value: (r) => r.good, bar: true },
        { head: t.poor, value: (r) => r.poor },
        { head: t.noCooperation, value: (r) => r.none },
      ]}
      k={k}
      locale={locale}
      nHead={t.rowN}
      note={[t.answered(countText(part.answered, k, locale)), t.rowNNote, t.cooperationNote, after]
        .filter(Boolean)
        .join(' ')}
    />
  );
}

export function PrioritiesSection({ model, k, locale }: Props) {
  const t = BRIEF_STRINGS[locale];
  const { vectors, top3 } = model;
  return (
    <BriefSection id="priorities" title={t.priorities}>
      {partsOrNote(
        [
          vectors && (
            <BriefTable
              key="vectors"
              caption={t.vectors}
              labelHead={t.direction}
              rows={vectors.rows}
              columns={[{ head: t.vectorsShare, value: (r) => r.figure, bar: true }]}
              k={k}
              locale={locale}
              nHead={t.rowN}
              note={`${t.answered(countText(vectors.answered, k, locale))} ${t.rowNNote}`}
            />
          ),
          top3 && (
            <BriefTable
              key="top3"
              caption={t.top3}
              labelHead={t.priority}
              rows={top3.rows}
              columns={[{ head: t.chosen, value: (r) => r.figure, bar: true }]}
              k={k}
              locale={locale}
              note={t.answered(countText(top3.answered, k, locale))}
            />
          ),
        ],
        locale,
      )}
    </BriefSection>
  );
}
