// One stored answer in the reader's language: the question's title and its value with choice, row and column
// labels from the definition (SurveyJS JSON), for the responses table's detail. Plain text, shown verbatim.
import { localized, type Locale, type LocalizedText } from '../../lib/locale';

interface Element {
  name?: string;
  title?: LocalizedText;
  choices?: unknown[];
  rows?: unknown[];
  columns?: unknown[];
  elements?: Element[];
  templateElements?: Element[];
}

export interface QuestionText {
  name: string;
  title: string;
  label: (value: unknown) => string;
}

const labelsOf = (items: unknown[] | undefined, locale: Locale) =>
  new Map(
    (items ?? []).map((item) =>
      typeof item === 'object' && item !== null && 'value' in item
        ? [
            String((item as { value: unknown }).value),
            localized((item as { text?: LocalizedText }).text, locale) ||
              String((item as { value: unknown }).value),
          ]
        : [String(item), String(item)],
    ),
  );

/** Every named question of the definition in page order, with a function that words its values. */
export function questionTexts(definition: Record<string, unknown>, locale: Locale): QuestionText[] {
  const out: QuestionText[] = [];
  const walk = (elements: Element[] | undefined) => {
    for (const e of elements ?? []) {
      if (e.elements) walk(e.elements);
      if (!e.name || e.elements) continue;
      const choices = labelsOf(e.choices, locale);
      const rows = labelsOf(e.rows, locale);
      const columns = labelsOf(
        (e.columns ?? []).map((c) =>
          typeof c === 'object' && c !== null && 'name' in c
            ? { value: (c as { name: unknown }).name, text: (c as { title?: LocalizedText }).title }
            : c,
        ),
        locale,
      );
      const one = (v: unknown): string =>
        choices.get(String(v)) ??
        columns.get(String(v)) ??
        (typeof v === 'object' ? JSON.stringify(v) : String(v));
      out.push({
        name: e.name,
        title: localized(e.title, locale) || e.name,
        label: (value) => {
          if (Array.isArray(value)) return value.map(one).join('; ');
          if (typeof value === 'object' && value !== null)
            return Object.entries(value as Record<string, unknown>)
              .map(([k, v]) => `${rows.get(k) ?? k}: ${one(v)}`)
              .join('\n');
          if (typeof value === 'boolean') return value ? '✓' : '✗';
          return one(value);
        },
      });
    }
  };
  for (const page of (definition.pages as { elements?: Element[] }[] | undefined) ?? []) walk(page.elements);
  return out;
}
