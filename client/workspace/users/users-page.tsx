// /workspace/users (admins): everyone who may sign in, with role, regions, last sign-in and state; a form to add a
// user, and per user an editor (role, regions, disable/enable, password reset). A one-time password made by the
// server is shown once, above the list, until the admin closes it.
import { kazakhstanMinute } from '../../../server/domain/kazakhstan-time';
import { Fragment, useEffect, useState } from 'react';
import type { Locale } from '../../lib/locale';
import { ScrollBox } from '../../lib/scroll-box';
import { useLoad } from '../../lib/use-load';
import { getJson, isSignedOut } from '../../lib/workspace-api';
import { regionName, regionsOf, type RegionName } from '../../lib/workspace-regions';
import { loadSurveyChoice } from '../default-survey';
import { LoadFailed } from '../load-failed';
import type { SectionProps } from '../sections';
import { shellStrings } from '../strings';
import { AddUserForm } from './add-user-form';
import { USERS_STRINGS } from './strings';
import { UserEditor } from './user-editor';
import { listUsers, type UserBody, type UserWithPasswordBody } from './users-api';
import './users.css';

async function loadAll() {
  const [users, { survey }] = await Promise.all([listUsers(), loadSurveyChoice(null)]);
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
  return { users, regions };
}

/** `2024-05-14 15:00`: Kazakhstan time (UTC+5), the briefings' own clock. */
function localTime(iso: string): string {
  return kazakhstanMinute(iso).replace('T', ' ');
}

function regionsText(user: UserBody, regions: readonly RegionName[], locale: Locale): string {
  const t = USERS_STRINGS[locale];
  if (user.regions === null) return t.allRegions;
  return user.regions.map((code) => regionName(regions, code, locale)).join(', ');
}

function statusOf(user: UserBody, locale: Locale): { text: string; className: string } {
  const t = USERS_STRINGS[locale].status;
  if (user.disabledAt !== null) return { text: t.disabled, className: 'user-state off' };
  if (user.mustChangePassword) return { text: t.mustChange, className: 'user-state waiting' };
  return { text: t.active, className: 'user-state on' };
}

export default function UsersPage({ locale, onSignedOut }: SectionProps) {
  const t = USERS_STRINGS[locale];
  const shell = shellStrings(locale);
  const [load, retry] = useLoad(loadAll, 'users');
  const [changed, setChanged] = useState<Record<number, UserBody>>({});
  const [added, setAdded] = useState<UserBody[]>([]);
  const [editing, setEditing] = useState<number | null>(null);
  const [oneTime, setOneTime] = useState<{ email: string; password: string } | null>(null);
  useEffect(() => {
    if (load.state === 'failed' && isSignedOut(load.error)) onSignedOut();
  }, [load, onSignedOut]);

  if (load.state === 'failed') return <LoadFailed locale={locale} onRetry={retry} />;
  if (load.state === 'loading') return <p className="muted">{shell.loading}</p>;
  const { regions } = load.value;
  const users = [...load.value.users, ...added]
    .map((u) => changed[u.id] ?? u)
    .sort((a, b) => a.email.localeCompare(b.email));

  const remember = (user: UserWithPasswordBody) => {
    const { oneTimePassword, ...body } = user;
    setChanged((all) => ({ ...all, [body.id]: body }));
    if (oneTimePassword) setOneTime({ email: body.email, password: oneTimePassword });
  };

  return (
    <div className="users-page">
      <h1>{t.title}</h1>
      <p className="muted">{t.intro}</p>
      {oneTime && (
        <section className="notice one-time" role="status" aria-labelledby="one-time-title">
          <h2 id="one-time-title">{t.oneTimeTitle(oneTime.email)}</h2>
          <p>
            <code className="one-time-password">{oneTime.password}</code>
          </p>
          <p>{t.oneTimeNote}</p>
          <button type="button" onClick={() => setOneTime(null)}>
            {t.cancel}
          </button>
        </section>
      )}
      <div className="users-table-box">
        <ScrollBox locale={locale} label={t.title}>
          <table className="users-table">
            <thead>
              <tr>
                <th scope="col">{t.columns.email}</th>
                <th scope="col">{t.columns.role}</th>
                <th scope="col">{t.columns.regions}</th>
                <th scope="col">{t.columns.lastSignIn}</th>
                <th scope="col">{t.columns.status}</th>
                <th scope="col">
                  <span className="users-hidden">{t.columns.actions}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => {
                const status = statusOf(user, locale);
                return (
                  <Fragment key={user.id}>
                    <tr>
                      <th scope="row">{user.email}</th>
                      <td>{shell.roles[user.role]}</td>
                      <td className="small">{regionsText(user, regions, locale)}</td>
                      <td className="nowrap">{user.lastSignInAt ? localTime(user.lastSignInAt) : t.never}</td>
                      <td>
                        <span className={status.className}>{status.text}</span>
                      </td>
                      <td>
                        <button
                          type="button"
                          aria-expanded={editing === user.id}
                          aria-label={`${t.edit}: ${user.email}`}
                          onClick={() => setEditing(editing === user.id ? null : user.id)}
                        >
                          {t.edit}
                        </button>
                      </td>
                    </tr>
                    {editing === user.id && (
                      <tr className="editor-row">
                        <td colSpan={6}>
                          <UserEditor
                            locale={locale}
                            user={user}
                            regions={regions}
                            onChanged={remember}
                            onClose={() => setEditing(null)}
                            onSignedOut={onSignedOut}
                          />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </ScrollBox>
      </div>
      <AddUserForm
        locale={locale}
        regions={regions}
        onAdded={(user) => {
          const { oneTimePassword, ...body } = user;
          setAdded((all) => [...all, body]);
          if (oneTimePassword) setOneTime({ email: body.email, password: oneTimePassword });
        }}
        onSignedOut={onSignedOut}
      />
    </div>
  );
}
