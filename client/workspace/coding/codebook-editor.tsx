// The codebook of one question: add codes (short name, kk/ru/en labels, description, parent, rules), rename or
// merge them, edit their suggestion rules, and see how many uncoded answers of the filter each rule would tag
// before applying it to them in one go.
import { useState, type FormEvent } from 'react';
import { HttpError } from '../../lib/api';
import { LOCALES, type Locale } from '../../lib/locale';
import type { ViewFilters } from '../coverage/view-query';
import {
  addCode,
  applyRule,
  changeCode,
  mergeCodes,
  type CodeBody,
  type RulePreviewBody,
} from './coding-api';
import { CODING_STRINGS } from './strings';

interface Props {
  locale: Locale;
  survey: string;
  question: string;
  codes: readonly CodeBody[];
  preview: RulePreviewBody | null;
  filters: ViewFilters;
  /** May add, change and merge codes and apply rules (authors and admins). */
  editable: boolean;
  onChanged: () => void;
}

/** A refusal's detail and field messages, as the server worded them. */
const refusal = (error: unknown) =>
  error instanceof HttpError && error.problem
    ? [error.problem.detail, ...(error.problem.errors ?? []).map((e) => `${e.question}: ${e.message}`)].join(
        ' ',
      )
    : String(error);

const rulesOf = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

export function CodebookEditor({
  locale,
  survey,
  question,
  codes,
  preview,
  filters,
  editable,
  onChanged,
}: Props) {
  const t = CODING_STRINGS[locale];
  const [message, setMessage] = useState('');
  const run = async (work: () => Promise<string>) => {
    try {
      setMessage(await work());
      onChanged();
    } catch (error) {
      setMessage(refusal(error));
    }
  };

  return (
    <div className="codebook">
      <ol className="codebook-codes">
        {codes.map((c, i) => (
          <CodeRow
            key={c.code}
            locale={locale}
            code={c}
            number={i + 1}
            others={codes.filter((o) => o.code !== c.code)}
            matches={preview?.codes.find((p) => p.code === c.code)?.matches ?? null}
            editable={editable}
            onRename={(name) =>
              run(async () => (await changeCode(survey, question, c.code, { code: name }), t.saved))
            }
            onMerge={(into) =>
              run(async () => t.merged((await mergeCodes(survey, question, c.code, into)).moved))
            }
            onRules={(rules) =>
              run(async () => (await changeCode(survey, question, c.code, { rules }), t.saved))
            }
            onApply={() =>
              run(async () => t.applied((await applyRule(survey, question, c.code, filters)).coded))
            }
          />
        ))}
      </ol>
      {preview && <p className="muted">{t.uncodedInFilter(preview.uncoded)}</p>}
      <p className="coding-status" role="status">
        {message}
      </p>
      {editable && (
        <NewCodeForm
          locale={locale}
          parents={codes.filter((c) => c.parent === null)}
          onAdd={(code) => run(async () => (await addCode(survey, question, code), t.saved))}
        />
      )}
    </div>
  );
}

function CodeRow(props: {
  locale: Locale;
  code: CodeBody;
  number: number;
  others: readonly CodeBody[];
  matches: number | null;
  editable: boolean;
  onRename: (name: string) => void;
  onMerge: (into: string) => void;
  onRules: (rules: string[]) => void;
  onApply: () => void;
}) {
  const { locale, code, others, matches, editable } = props;
  const t = CODING_STRINGS[locale];
  const [name, setName] = useState(code.code);
  const [into, setInto] = useState('');
  const [rules, setRules] = useState(code.rules.join('\n'));
  return (
    <li className={code.parent ? 'child' : undefined}>
      <h3>
        <kbd className="key">{props.number}</kbd> {code.labels[locale]} <code>{code.code}</code>
        {code.parent && <small> ← {code.parent}</small>}
      </h3>
      {code.description && <p className="muted">{code.description}</p>}
      {editable && (
        <div className="codebook-actions">
          <label>
            {t.newName}
            <input value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <button type="button" disabled={name === code.code} onClick={() => props.onRename(name)}>
            {t.rename}
          </button>
          <label>
            {t.mergeInto}
            <select value={into} onChange={(e) => setInto(e.target.value)}>
              <option value="">—</option>
              {others.map((o) => (
                <option key={o.code} value={o.code}>
                  {o.labels[locale]} ({o.code})
                </option>
              ))}
            </select>
          </label>
          <button type="button" disabled={into === ''} onClick={() => props.onMerge(into)}>
            {t.merge}
          </button>
        </div>
      )}
      <div className="codebook-rules">
        <label>
          {t.rules}
          <textarea
            rows={2}
            value={rules}
            readOnly={!editable}
            onChange={(e) => setRules(e.target.value)}
            aria-describedby={`rules-hint-${code.code}`}
          />
        </label>
        <small id={`rules-hint-${code.code}`} className="muted">
          {t.rulesHint}
        </small>
        {editable && (
          <button type="button" onClick={() => props.onRules(rulesOf(rules))}>
            {t.saveRules}
          </button>
        )}
        {matches !== null && code.rules.length > 0 && (
          <p>
            <span className="rule-matches">{t.wouldTag(matches)}</span>{' '}
            {editable && matches > 0 && (
              <button type="button" className="primary" onClick={props.onApply}>
                {t.apply(matches)}
              </button>
            )}
          </p>
        )}
      </div>
    </li>
  );
}

function NewCodeForm({
  locale,
  parents,
  onAdd,
}: {
  locale: Locale;
  parents: readonly CodeBody[];
  onAdd: (code: CodeBody) => void;
}) {
  const t = CODING_STRINGS[locale];
  const empty = { code: '', kk: '', ru: '', en: '', description: '', parent: '', rules: '' };
  const [form, setForm] = useState(empty);
  const field = (key: keyof typeof empty) => ({
    value: form[key],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onAdd({
      code: form.code.trim(),
      labels: { kk: form.kk, ru: form.ru, en: form.en },
      description: form.description,
      parent: form.parent || null,
      rules: rulesOf(form.rules),
    });
    setForm(empty);
  };
  return (
    <form className="codebook-new" onSubmit={submit} aria-label={t.newCode}>
      <h3>{t.newCode}</h3>
      <label>
        {t.shortName}
        <input {...field('code')} required pattern="[a-z][a-z0-9_]{0,39}" aria-describedby="code-hint" />
      </label>
      <small id="code-hint" className="muted">
        {t.shortNameHint}
      </small>
      {LOCALES.map((l) => (
        <label key={l}>
          {t.label(l)}
          <input {...field(l)} required lang={l} />
        </label>
      ))}
      <label>
        {t.description}
        <input {...field('description')} />
      </label>
      <label>
        {t.parent}
        <select {...field('parent')}>
          <option value="">{t.noParent}</option>
          {parents.map((p) => (
            <option key={p.code} value={p.code}>
              {p.labels[locale]} ({p.code})
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.rules}
        <textarea rows={2} {...field('rules')} />
      </label>
      <button type="submit" className="primary">
        {t.add}
      </button>
    </form>
  );
}
