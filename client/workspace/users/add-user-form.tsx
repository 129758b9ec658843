// Adding a user: email, role and regions. The server makes the one-time password, which the page shows once.
import { useState, type FormEvent } from 'react';
import type { Locale } from '../../lib/locale';
import type { Role } from '../../lib/workspace-api';
import type { RegionName } from '../../lib/workspace-regions';
import { Field, SelectField } from '../fields';
import { shellStrings } from '../strings';
import { RegionChoice } from './region-choice';
import { USERS_STRINGS } from './strings';
import { addUser, type UserWithPasswordBody } from './users-api';
import { refusalText } from './refusal';

const ROLES: readonly Role[] = ['analyst', 'author', 'admin'];

interface Props {
  locale: Locale;
  regions: readonly RegionName[];
  onAdded: (user: UserWithPasswordBody) => void;
  onSignedOut: () => void;
}

export function AddUserForm({ locale, regions, onAdded, onSignedOut }: Props) {
  const t = USERS_STRINGS[locale];
  const shell = shellStrings(locale);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('analyst');
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const scope = role === 'admin' ? null : chosen;
    if (scope !== null && scope.length === 0) return setError(t.chooseRegion);
    setBusy(true);
    setError(null);
    try {
      onAdded(await addUser({ email: email.trim(), role, regions: scope }));
      setEmail('');
      setChosen(null);
    } catch (failure) {
      const text = refusalText(failure, locale);
      if (text === null) return onSignedOut();
      setError(text);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card add-user" onSubmit={submit} aria-labelledby="add-user-title">
      <h2 id="add-user-title">{t.addTitle}</h2>
      <div className="add-user-fields">
        <Field label={t.email}>
          {(id) => (
            <input
              id={id}
              type="email"
              required
              autoComplete="off"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <SelectField label={t.role} value={role} onChange={(v) => setRole(v as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {shell.roles[r]}
            </option>
          ))}
        </SelectField>
      </div>
      <RegionChoice
        locale={locale}
        regions={regions}
        value={chosen}
        onChange={setChosen}
        isAdmin={role === 'admin'}
      />
      {error && (
        <p className="notice bad" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t.adding : t.add}
      </button>
    </form>
  );
}
