// The create/edit form of a briefing: slug (new only: posters print it), survey, region, city, date, the title in
// kk/ru/en, open or closed, and optional opening and closing times in Kazakhstan's clock (UTC+5).
import { fromKazakhstanClock, kazakhstanDay, kazakhstanMinute } from '../../../server/domain/kazakhstan-time';
import { useState, type FormEvent } from 'react';
import type { SurveySummary } from '../../lib/api';
import { localized, type Locale } from '../../lib/locale';
import { HttpError, isSignedOut } from '../../lib/workspace-api';
import type { RegionName } from '../../lib/workspace-regions';
import { Field, SelectField } from '../fields';
import { navigate } from '../router';
import {
  briefingsHref,
  changeBriefing,
  createBriefing,
  type AdminBriefing,
  type BriefingFields,
} from './briefings-api';
import { BRIEFING_STRINGS } from './strings';

/** An ISO instant as the `datetime-local` value of Kazakhstan's clock. */
const toLocalInput = (iso: string | null) => (iso ? kazakhstanMinute(iso) : '');
/** A `datetime-local` value read as Kazakhstan's clock, whatever the laptop's own time zone. */
const fromLocalInput = (value: string) => (value ? fromKazakhstanClock(value) : null);

interface Props {
  locale: Locale;
  surveys: SurveySummary[];
  /** The survey a new briefing starts on (the most answered); the first of `surveys` without it. */
  newSurvey?: string;
  regions: RegionName[];
  /** Absent: a new briefing. */
  briefing?: AdminBriefing;
  onSaved?: (saved: AdminBriefing) => void;
  onSignedOut: () => void;
}

export function BriefingForm({ locale, surveys, newSurvey, regions, briefing, onSaved, onSignedOut }: Props) {
  const t = BRIEFING_STRINGS[locale];
  const [slug, setSlug] = useState(briefing?.slug ?? '');
  const [fields, setFields] = useState<BriefingFields>(() => ({
    survey: briefing?.survey ?? newSurvey ?? surveys[0]?.id ?? '',
    region: briefing?.region ?? regions[0]?.code ?? '',
    city: briefing?.city ?? '',
    // A briefing made before cities had languages was typed in Latin letters (Semey): the English name.
    cityNames: briefing ? { en: briefing.city, ...briefing.cityNames } : {},
    date: briefing?.date ?? kazakhstanDay(Date.now()),
    title: briefing?.title ?? { kk: '', ru: '', en: '' },
    open: briefing?.open ?? true,
    opensAt: briefing?.opensAt ?? null,
    closesAt: briefing?.closesAt ?? null,
  }));
  const [status, setStatus] = useState<
    { state: 'idle' | 'saving' | 'saved' } | { state: 'failed'; lines: string[] }
  >({
    state: 'idle',
  });
  const set = (change: Partial<BriefingFields>) => setFields((f) => ({ ...f, ...change }));
  const label = (field: string) =>
    (
      ({
        slug: t.slug,
        survey: t.survey,
        region: t.region,
        city: t.city,
        'cityNames.kk': t.cityIn.kk,
        'cityNames.ru': t.cityIn.ru,
        'cityNames.en': t.cityIn.en,
        date: t.date,
        opensAt: t.opensAt,
        closesAt: t.closesAt,
        'title.kk': t.titleIn.kk,
        'title.ru': t.titleIn.ru,
        'title.en': t.titleIn.en,
      }) as Record<string, string>
    )[field] ?? field;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setStatus({ state: 'saving' });
    try {
      // `city` stays for readers that know no cityNames: the English name, else the first one given.
      const names = fields.cityNames;
      const city = names.en?.trim() || names.kk?.trim() || names.ru?.trim() || fields.city;
      const cityNames = Object.fromEntries(
        Object.entries(names).filter(([, name]) => name?.trim()),
      ) as BriefingFields['cityNames'];
      const sent = { ...fields, city, cityNames };
      const saved = briefing ? await changeBriefing(briefing.slug, sent) : await createBriefing(slug, sent);
      setStatus({ state: 'saved' });
      if (!briefing) navigate(briefingsHref(`/${encodeURIComponent(saved.slug)}`));
      onSaved?.(saved);
    } catch (error) {
      if (isSignedOut(error)) return onSignedOut();
      const problem = error instanceof HttpError ? error.problem : null;
      // The server names each wrong field; the form shows them by this form's own labels.
      const lines = problem?.errors?.map((e) => `${label(e.question)}: ${e.message}`) ?? [
        problem?.detail ?? String(error),
      ];
      setStatus({ state: 'failed', lines });
    }
  }

  return (
    <form className="briefing-form block" onSubmit={submit}>
      {!briefing && (
        <Field label={t.slug}>
          {(id) => (
            <>
              <input
                id={id}
                type="text"
                required
                pattern="[a-z0-9]([a-z0-9\-]{0,62}[a-z0-9])?"
                value={slug}
                autoCapitalize="none"
                spellCheck={false}
                onChange={(e) => setSlug(e.target.value.trim().toLowerCase())}
              />
              <small className="muted">{t.slugHint}</small>
            </>
          )}
        </Field>
      )}
      <div className="form-row">
        <SelectField label={t.survey} value={fields.survey} onChange={(survey) => set({ survey })}>
          {surveys.map((s) => (
            <option key={s.id} value={s.id}>
              {localized(s.title, locale)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t.region} value={fields.region} onChange={(region) => set({ region })}>
          {regions.map((r) => (
            <option key={r.code} value={r.code}>
              {localized(r.name, locale)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="form-row">
        <Field label={t.date}>
          {(id) => (
            <input
              id={id}
              type="date"
              required
              value={fields.date}
              onChange={(e) => set({ date: e.target.value })}
            />
          )}
        </Field>
      </div>
      <div className="form-row">
        {(['kk', 'ru', 'en'] as const).map((lang) => (
          <Field label={t.cityIn[lang]} key={lang}>
            {(id) => (
              <input
                id={id}
                type="text"
                lang={lang}
                required={lang === 'kk'}
                value={fields.cityNames[lang] ?? ''}
                onChange={(e) => set({ cityNames: { ...fields.cityNames, [lang]: e.target.value } })}
              />
            )}
          </Field>
        ))}
      </div>
      {(['kk', 'ru', 'en'] as const).map((lang) => (
        <Field label={t.titleIn[lang]} key={lang}>
          {(id) => (
            <input
              id={id}
              type="text"
              lang={lang}
              required
              value={fields.title[lang]}
              onChange={(e) => set({ title: { ...fields.title, [lang]: e.target.value } })}
            />
          )}
        </Field>
      ))}
      <div className="form-row">
        <Field label={t.opensAt}>
          {(id) => (
            <input
              id={id}
              type="datetime-local"
              value={toLocalInput(fields.opensAt)}
              onChange={(e) => set({ opensAt: fromLocalInput(e.target.value) })}
            />
          )}
        </Field>
        <Field label={t.closesAt}>
          {(id) => (
            <input
              id={id}
              type="datetime-local"
              value={toLocalInput(fields.closesAt)}
              onChange={(e) => set({ closesAt: fromLocalInput(e.target.value) })}
            />
          )}
        </Field>
      </div>
      <p className="muted small">{t.timeHint}</p>
      <label className="check">
        <input type="checkbox" checked={fields.open} onChange={(e) => set({ open: e.target.checked })} />
        <span>{t.takesAnswers}</span>
      </label>
      {status.state === 'failed' && (
        <div className="notice bad" role="alert">
          <p>{t.notSaved}</p>
          <ul>
            {status.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      {status.state === 'saved' && (
        <p className="notice" role="status">
          {t.saved}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={status.state === 'saving'}>
          {status.state === 'saving' ? t.saving : t.save}
        </button>
      </div>
    </form>
  );
}
