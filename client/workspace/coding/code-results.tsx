// Code frequencies where the authors look: per coded question, each code's count and share of the coded answers,
// in total and per region (counts as the server publishes them: cell key method, "< k"). On the dashboard a table;
// in the brief, "what people proposed": the top codes per region and the quotes an author chose.
import { localized, type Locale } from '../../lib/locale';
import { useLoad } from '../../lib/use-load';
import { getJson } from '../../lib/workspace-api';
import { regionName, type RegionName } from '../../lib/workspace-regions';
import { countText, shareText } from '../coverage/format';
import { readableQuery } from '../router';
import type { CodableQuestionBody, CodeCountsBody, QuoteBody } from './coding-api';
import { CODING_STRINGS } from './strings';

interface Props {
  survey: string;
  /** The page's filters as a query string (`?region=…` or ''). */
  search: string;
  locale: Locale;
  regions: readonly RegionName[];
  k: number;
  /** The brief's section: top codes per region and quotes, instead of the full table. */
  brief?: boolean;
}

interface Loaded {
  question: CodableQuestionBody;
  counts: CodeCountsBody;
  quotes: QuoteBody[];
}

async function load(survey: string, search: string, brief: boolean): Promise<Loaded[]> {
  const base = `/api/surveys/${encodeURIComponent(survey)}/codebooks`;
  const questions = (await getJson<CodableQuestionBody[]>(base)).filter((q) => q.codes > 0);
  return Promise.all(
    questions.map(async (question) => ({
      question,
      counts: await getJson<CodeCountsBody>(`${base}/${encodeURIComponent(question.name)}/counts${search}`),
      quotes: brief ? await getJson<QuoteBody[]>(`${base}/${encodeURIComponent(question.name)}/quotes`) : [],
    })),
  );
}

/** `?a=b` with commas left readable, or '' for no filter. */
export function searchOf(query: URLSearchParams): string {
  const search = readableQuery(query);
  return search ? `?${search}` : '';
}

const shown = (c: { suppressed?: true; count?: number }) => (c.suppressed ? 0 : (c.count ?? 0));

export function CodeResults({ survey, search, locale, regions, k, brief = false }: Props) {
  const t = CODING_STRINGS[locale];
  const [loaded] = useLoad(() => load(survey, search, brief), `codes:${survey}${search}:${brief}`);
  if (loaded.state !== 'ready' || loaded.value.length === 0) return null;
  return (
    <section className="code-results" aria-labelledby="code-results-title">
      <h2 id="code-results-title">{brief ? t.proposedTitle : t.resultsTitle}</h2>
      <p className="muted">{brief ? t.proposedIntro : t.resultsIntro(k)}</p>
      {loaded.value.map(({ question, counts, quotes }) => {
        const label = (code: string) => counts.codes.find((c) => c.code === code)?.labels[locale] ?? code;
        const active = counts.regions.filter((r) => r.coded.suppressed || shown(r.coded) > 0);
        const title = localized(question.title, locale);
        if (brief)
          return (
            <div key={question.name} className="code-proposals">
              <h3>{title}</h3>
              {active.length === 0 && <p className="muted">{t.noCoded}</p>}
              <ul>
                {active.map((r) => {
                  const top = counts.codes
                    .map((c) => ({ code: c.code, cell: r.codes[c.code]! }))
                    .filter((c) => shown(c.cell) > 0)
                    .sort((a, b) => shown(b.cell) - shown(a.cell))
                    .slice(0, 3);
                  return (
                    <li key={r.region}>
                      <b>{regionName(regions, r.region, locale)}</b> ({t.codedAnswers.toLowerCase()}:{' '}
                      {countText(r.coded, k, locale)}):{' '}
                      {top.length === 0
                        ? `< ${k}`
                        : top.map((c) => `${label(c.code)} — ${shareText(c.cell, k, locale)}`).join('; ')}
                    </li>
                  );
                })}
              </ul>
              {quotes.length > 0 && (
                <>
                  <h4>{t.quotes}</h4>
                  <ul className="code-quotes">
                    {quotes.map((q) => (
                      <li key={`${q.code}:${q.response}`}>
                        <blockquote>{q.text}</blockquote>
                        <p className="brief-note">
                          {label(q.code)} · {regionName(regions, q.region, locale)}
                        </p>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          );
        return (
          <div key={question.name} className="code-table-wrap">
            <table className="report-table code-table">
              <caption>{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.code}</th>
                  <th scope="col">{t.total}</th>
                  {active.map((r) => (
                    <th scope="col" key={r.region}>
                      {regionName(regions, r.region, locale)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">{t.codedAnswers}</th>
                  <td>{countText(counts.total.coded, k, locale)}</td>
                  {active.map((r) => (
                    <td key={r.region}>{countText(r.coded, k, locale)}</td>
                  ))}
                </tr>
                {counts.codes.map((c) => (
                  <tr key={c.code} className={c.parent ? 'child' : undefined}>
                    <th scope="row">{c.labels[locale]}</th>
                    <td>{cellText(counts.total.codes[c.code], k, locale)}</td>
                    {active.map((r) => (
                      <td key={r.region}>{cellText(r.codes[c.code], k, locale)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </section>
  );
}

/** "12 (46 %)", or "< 5". */
function cellText(c: CodeCountsBody['total']['coded'] | undefined, k: number, locale: Locale): string {
  if (!c) return '';
  if (c.suppressed) return `< ${k}`;
  const share = shareText(c, k, locale);
  return share ? `${countText(c, k, locale)} (${share})` : countText(c, k, locale);
}
