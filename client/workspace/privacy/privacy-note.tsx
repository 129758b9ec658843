// The note beside every page of numbers: perturbed or exact for this reader (the server says which), and a folded
// explanation of how small groups are protected.
import type { Locale } from '../../lib/locale';
import { PRIVACY_STRINGS } from './privacy-strings';
import './privacy-note.css';

export function PrivacyNote({ locale, perturbed, k }: { locale: Locale; perturbed: boolean; k: number }) {
  const t = PRIVACY_STRINGS[locale];
  return (
    <div className="privacy-note" role="note" data-testid="privacy-note">
      <p>{perturbed ? t.perturbed : t.exact}</p>
      <details>
        <summary>{t.how}</summary>
        {t.details(k).map((line) => (
          <p key={line}>{line}</p>
        ))}
      </details>
    </div>
  );
}
