// One user's changes: role and regions (saved together), disable or enable, and a reset to a one-time password.
// Disabling and resetting end the user's sessions at once, so both ask first.
import { useState } from 'react';
import type { Locale } from '../../lib/locale';
import type { Role } from '../../lib/workspace-api';
import type { RegionName } from '../../lib/workspace-regions';
import { SelectField } from '../fields';
import { shellStrings } from '../strings';
import { refusalText } from './refusal';
import { RegionChoice } from './region-choice';
import { USERS_STRINGS } from './strings';
import { changeUser, type UserBody, type UserChange, type UserWithPasswordBody } from './users-api';

interface Props {
  locale: Locale;
  user: UserBody;
  regions: readonly RegionName[];
  onChanged: (user: UserWithPasswordBody) => void;
  onClose: () => void;
  onSignedOut: () => void;
}

export function UserEditor({ locale, user, regions, onChanged, onClose, onSignedOut }: Props) {
  const t = USERS_STRINGS[locale];
  const shell = shellStrings(locale);
  const [role, setRole] = useState<Role>(user.role);
  const [chosen, setChosen] = useState<string[] | null>(user.regions);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function apply(change: UserChange, confirmText?: string) {
    if (confirmText && !window.confirm(confirmText)) return;
    setBusy(true);
    setMessage(null);
    try {
      onChanged(await changeUser(user.id, change));
      setMessage({ ok: true, text: t.saved });
    } catch (failure) {
      const text = refusalText(failure, locale);
      if (text === null) return onSignedOut();
      setMessage({ ok: false, text });
    } finally {
      setBusy(false);
    }
  }

  function save() {
    const scope = role === 'admin' ? null : chosen;
    if (scope !== null && scope.length === 0) return setMessage({ ok: false, text: t.chooseRegion });
    void apply({ role, regions: scope });
  }

  return (
    <section className="user-editor" aria-label={t.editTitle(user.email)}>
      <h3>{t.editTitle(user.email)}</h3>
      <SelectField label={t.role} value={role} onChange={(v) => setRole(v as Role)}>
        {(['analyst', 'author', 'admin'] as const).map((r) => (
          <option key={r} value={r}>
            {shell.roles[r]}
          </option>
        ))}
      </SelectField>
      <RegionChoice
        locale={locale}
        regions={regions}
        value={chosen}
        onChange={setChosen}
        isAdmin={role === 'admin'}
      />
      {message && (
        <p className={message.ok ? 'notice' : 'notice bad'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      <div className="editor-actions">
        <button type="button" className="primary" disabled={busy} onClick={save}>
          {t.save}
        </button>
        {user.disabledAt === null ? (
          <button
            type="button"
            disabled={busy}
            onClick={() => void apply({ disabled: true }, t.confirmDisable(user.email))}
          >
            {t.disable}
          </button>
        ) : (
          <button type="button" disabled={busy} onClick={() => void apply({ disabled: false })}>
            {t.enable}
          </button>
        )}
        <button
          type="button"
          disabled={busy}
          onClick={() => void apply({ resetPassword: true }, t.confirmReset(user.email))}
        >
          {t.resetPassword}
        </button>
        <button type="button" onClick={onClose}>
          {t.cancel}
        </button>
      </div>
    </section>
  );
}
