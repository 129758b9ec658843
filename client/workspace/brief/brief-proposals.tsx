// The brief's last section: a selection of the participants' free-text proposals for the Roadmap, quoted verbatim
// (React text, never HTML) with region and day, and a line saying how they were chosen (proposals.ts).
import { type Locale } from '../../lib/locale';
import { regionName, type RegionName } from '../../lib/workspace-regions';
import { dayText, kzDay } from '../coverage/format';
import { shellStrings } from '../strings';
import { BriefSection } from './brief-sections';
import type { Proposal } from './proposals';
import { BRIEF_STRINGS } from './strings';

interface Props {
  /** null: the survey asks no proposals question; undefined: still loading. */
  proposals: { picked: Proposal[]; total: number | null } | null | undefined;
  regions: readonly RegionName[];
  locale: Locale;
}

export function ProposalsSection({ proposals, regions, locale }: Props) {
  const t = BRIEF_STRINGS[locale];
  const shell = shellStrings(locale);
  return (
    <BriefSection id="proposals" title={t.proposals}>
      {proposals === undefined ? (
        <p className="muted">{shell.loading}</p>
      ) : proposals === null ? (
        <p className="muted">{t.notAsked}</p>
      ) : proposals.picked.length === 0 ? (
        <p className="muted">{t.noProposals}</p>
      ) : (
        <>
          <p className="brief-note">
            {t.proposalsRule(
              proposals.picked.length,
              proposals.total === null ? '—' : shell.number(proposals.total),
            )}
          </p>
          <ol className="brief-proposals">
            {proposals.picked.map((p) => (
              <li key={p.id}>
                <blockquote lang={p.locale}>{p.text}</blockquote>
                <p className="brief-note">
                  {regionName(regions, p.region, locale)} · {dayText(kzDay(p.submittedAt), locale)}
                </p>
              </li>
            ))}
          </ol>
        </>
      )}
    </BriefSection>
  );
}
