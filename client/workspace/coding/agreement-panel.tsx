// Agreement between the first coder and the second (blind) one: Cohen's kappa per code with the table it comes
// from, and each answer they coded differently side by side, resolved by keeping the first coding or taking the
// second as the one that counts.
import { useState } from 'react';
import type { Locale } from '../../lib/locale';
import { regionName, type RegionName } from '../../lib/workspace-regions';
import { putCodes, type AgreementBody, type CodeBody } from './coding-api';
import { CODING_STRINGS } from './strings';

interface Props {
  locale: Locale;
  regions: readonly RegionName[];
  question: string;
  codes: readonly CodeBody[];
  agreement: AgreementBody;
  onChanged: () => void;
}

const decimal = (value: number, locale: Locale) =>
  value.toLocaleString(locale === 'en' ? 'en' : locale === 'kk' ? 'kk-KZ' : 'ru-RU', {
    maximumFractionDigits: 2,
  });

export function AgreementPanel({ locale, regions, question, codes, agreement, onChanged }: Props) {
  const t = CODING_STRINGS[locale];
  const [kept, setKept] = useState<string[]>([]);
  const label = (code: string) => codes.find((c) => c.code === code)?.labels[locale] ?? code;
  const open = agreement.disagreements.filter((d) => !kept.includes(d.response));
  return (
    <div className="agreement">
      <p className="muted">{t.agreementIntro}</p>
      <p>{t.bothCoded(agreement.answers)}</p>
      <table className="report-table">
        <thead>
          <tr>
            <th scope="col">{t.code}</th>
            <th scope="col">{t.kappa}</th>
            <th scope="col">{t.observed}</th>
            <th scope="col">{t.table}</th>
          </tr>
        </thead>
        <tbody>
          {agreement.codes.map((c) => (
            <tr key={c.code}>
              <th scope="row">{label(c.code)}</th>
              <td>{c.kappa === null ? t.undefinedKappa : decimal(c.kappa, locale)}</td>
              <td>{decimal(c.observed, locale)}</td>
              <td>
                {c.both} / {c.firstOnly} / {c.secondOnly} / {c.neither}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t.disagreements}</h2>
      {open.length === 0 ? (
        <p className="muted">{t.noDisagreements}</p>
      ) : (
        <table className="report-table disagreements">
          <thead>
            <tr>
              <th scope="col">{t.region}</th>
              <th scope="col">{t.codes}</th>
              <th scope="col">{t.firstCoder}</th>
              <th scope="col">{t.secondCoderCol}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {open.map((d) => (
              <tr key={d.response}>
                <td>{regionName(regions, d.region, locale)}</td>
                <td lang="">{d.text}</td>
                <td>{d.first.map(label).join(', ') || '—'}</td>
                <td>{d.second.map(label).join(', ') || '—'}</td>
                <td>
                  <button type="button" onClick={() => setKept([...kept, d.response])}>
                    {t.keepFirst}
                  </button>{' '}
                  <button
                    type="button"
                    onClick={async () => {
                      await putCodes(d.response, question, d.second, {}, 1);
                      onChanged();
                    }}
                  >
                    {t.takeSecond}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
