// /workspace/tokens (admins, analysts; linked from Responses): one's own API tokens, a form to make one (shown once,
// with five-line R and Python examples), and revocation.
import { kazakhstanMinute } from '../../../server/domain/kazakhstan-time';
import { useState } from 'react';
import { ScrollBox } from '../../lib/scroll-box';
import { useLoad } from '../../lib/use-load';
import { isSignedOut } from '../../lib/workspace-api';
import { Field } from '../fields';
import { LoadFailed } from '../load-failed';
import type { SectionProps } from '../sections';
import { shellStrings } from '../strings';
import { createToken, listTokens, revokeToken, type NewTokenBody, type TokenBody } from './responses-api';
import { RESPONSES_STRINGS } from './strings';
import './responses.css';

function examples(origin: string, token: string): string {
  const url = `${origin}/api/surveys/roadmap-needs`;
  return [
    '# R',
    `h <- httr::add_headers(Authorization = "Bearer ${token}")`,
    `r <- httr::GET("${url}/export.csv?region=KZ-10", h)`,
    'd <- read.csv(text = httr::content(r, "text", encoding = "UTF-8"), check.names = FALSE)',
    '',
    '# Python',
    'import requests, json',
    `r = requests.get("${url}/responses.jsonl?since=2024-01-01T00:00:00Z", headers={"Authorization": "Bearer ${token}"})`,
    'rows = [json.loads(line) for line in r.text.splitlines()]',
  ].join('\n');
}

export default function TokensPage({ locale, onSignedOut }: SectionProps) {
  const t = RESPONSES_STRINGS[locale].tokens;
  const shell = shellStrings(locale);
  const [load, retry] = useLoad(listTokens, 'tokens');
  const [made, setMade] = useState<NewTokenBody | null>(null);
  const [changed, setChanged] = useState<Record<number, TokenBody>>({});
  const [name, setName] = useState('');
  const [expires, setExpires] = useState('');
  const [failed, setFailed] = useState(false);
  if (load.state === 'failed') {
    if (isSignedOut(load.error)) onSignedOut();
    return <LoadFailed locale={locale} onRetry={retry} error={load.error} />;
  }
  if (load.state === 'loading') return <p className="muted">{shell.loading}</p>;
  const tokens = [...(made ? [made] : []), ...load.value.filter((x) => x.id !== made?.id)].map(
    (x) => changed[x.id] ?? x,
  );
  const when = (iso: string | null) => (iso ? kazakhstanMinute(iso).replace('T', ' ') : t.never);
  const stateOf = (x: TokenBody) =>
    x.revokedAt ? t.revoked : Date.parse(x.expiresAt) <= Date.now() ? t.expired : t.active;

  const create = async () => {
    setFailed(false);
    try {
      // A date alone: the end of that day in Kazakhstan.
      const expiresAt = expires ? `${expires}T23:59:59+05:00` : undefined;
      setMade(await createToken(name.trim(), expiresAt));
      setName('');
    } catch (error) {
      if (isSignedOut(error)) onSignedOut();
      setFailed(true);
    }
  };
  const revoke = async (x: TokenBody) => {
    if (!window.confirm(t.confirmRevoke(x.name))) return;
    await revokeToken(x.id);
    setChanged((all) => ({ ...all, [x.id]: { ...x, revokedAt: new Date().toISOString() } }));
  };

  return (
    <div className="tokens-page">
      <h1>{t.title}</h1>
      <p className="muted">{t.intro}</p>
      <form
        className="filter-bar block"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <Field label={t.name}>
          {(id) => (
            <input id={id} required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
          )}
        </Field>
        <Field label={t.expires}>
          {(id) => <input id={id} type="date" value={expires} onChange={(e) => setExpires(e.target.value)} />}
        </Field>
        <button type="submit" disabled={name.trim() === ''}>
          {t.create}
        </button>
      </form>
      {failed && (
        <p className="notice bad" role="alert">
          {RESPONSES_STRINGS[locale].failed}
        </p>
      )}
      {made && (
        <section className="notice token-once" role="status" aria-label={t.shownOnce}>
          <p>{t.shownOnce}</p>
          <code>{made.token}</code>
          <p>{t.example}:</p>
          <pre>{examples(window.location.origin, made.token)}</pre>
        </section>
      )}
      {tokens.length === 0 ? (
        <p className="muted">{t.none}</p>
      ) : (
        <ScrollBox locale={locale} label={t.title}>
          <table className="tokens-table">
            <thead>
              <tr>
                <th scope="col">{t.columns.name}</th>
                <th scope="col">{t.columns.created}</th>
                <th scope="col">{t.columns.expires}</th>
                <th scope="col">{t.columns.lastUsed}</th>
                <th scope="col">{t.columns.state}</th>
                <th scope="col">
                  <span className="responses-hidden">{t.revoke}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((x) => (
                <tr key={x.id}>
                  <th scope="row">{x.name}</th>
                  <td className="nowrap">{when(x.createdAt)}</td>
                  <td className="nowrap">{when(x.expiresAt)}</td>
                  <td className="nowrap">{when(x.lastUsedAt)}</td>
                  <td>{stateOf(x)}</td>
                  <td>
                    {!x.revokedAt && (
                      <button
                        type="button"
                        aria-label={`${t.revoke}: ${x.name}`}
                        onClick={() => void revoke(x)}
                      >
                        {t.revoke}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </div>
  );
}
