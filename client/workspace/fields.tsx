// The labelled controls that the workspace's filter bars and pickers are made of. Each control is named by its
// label's text alone (a sibling <label htmlFor>): a <select> inside a <label> would be named with its chosen option
// too ("Өңір Абай облысы"), which screen readers repeat and tests cannot match.
import { useId, type ReactNode } from 'react';
import type { SurveySummary } from '../lib/api';
import { localized, type Locale } from '../lib/locale';

interface FieldProps {
  label: string;
  value: string;
  /** Called with the new value; '' for an emptied date or the "all" option. */
  onChange: (value: string) => void;
  /** Extra classes beside `field` (`wide`, `block`, a page's own). */
  className?: string;
}

/** A label over any control; `children` gets the id the control must carry. */
export function Field({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: (id: string) => ReactNode;
}) {
  const id = useId();
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}

export function SelectField({
  label,
  value,
  onChange,
  className,
  children,
}: FieldProps & { children: ReactNode }) {
  return (
    <Field label={label} className={className}>
      {(id) => (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
          {children}
        </select>
      )}
    </Field>
  );
}

export function DateField({ label, value, onChange, className = 'date' }: FieldProps) {
  return (
    <Field label={label} className={className}>
      {(id) => <input id={id} type="date" value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

/** The survey picker: every survey by its title in the reader's language, a closed one marked so. */
export function SurveyField({
  locale,
  label,
  closed,
  surveys,
  value,
  onChange,
  className,
}: Omit<FieldProps, 'value'> & {
  locale: Locale;
  closed: string;
  surveys: readonly SurveySummary[];
  value: string;
}) {
  return (
    <SelectField label={label} value={value} onChange={onChange} className={className}>
      {surveys.map((s) => (
        <option key={s.id} value={s.id}>
          {localized(s.title, locale)}
          {s.closed ? ` (${closed})` : ''}
        </option>
      ))}
    </SelectField>
  );
}

/** A period whose end comes before its start: the filter bars warn, and the pages ask the server nothing. */
export const periodReversed = ({ from, to }: { from: string; to: string }): boolean =>
  Boolean(from && to && to < from);
