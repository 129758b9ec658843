// The 20 regions with their names in kk/ru/en, read from a survey definition's `region` question: every survey
// asks it with all 20 codes (the catalog refuses one that does not), so the client needs no copy of regions.json.
import { localized, type Locale, type LocalizedText } from './locale';

export interface RegionName {
  code: string;
  name: LocalizedText;
}

type Element = { name?: unknown; choices?: unknown; elements?: unknown; templateElements?: unknown };

function* walk(elements: unknown): Generator<Element> {
  if (!Array.isArray(elements)) return;
  for (const element of elements as Element[]) {
    if (typeof element !== 'object' || element === null) continue;
    yield element;
    // Panels nest questions; a dynamic panel keeps them in templateElements.
    yield* walk(element.elements);
    yield* walk(element.templateElements);
  }
}

/** The `region` question's choices in the survey's order; empty when the definition has none (never in practice). */
export function regionsOf(definition: Record<string, unknown>): RegionName[] {
  const pages = Array.isArray(definition.pages) ? (definition.pages as { elements?: unknown }[]) : [];
  for (const page of pages) {
    for (const element of walk(page?.elements)) {
      if (element.name !== 'region' || !Array.isArray(element.choices)) continue;
      return (element.choices as unknown[]).map((choice) => {
        if (typeof choice === 'string') return { code: choice, name: choice };
        const { value, text } = choice as { value: unknown; text?: LocalizedText };
        return { code: String(value), name: text ?? String(value) };
      });
    }
  }
  return [];
}

/** A region's name in the reader's language, or its code when the survey does not list it. */
export function regionName(regions: readonly RegionName[], code: string, locale: Locale): string {
  const region = regions.find((r) => r.code === code);
  return region ? localized(region.name, locale) : code;
}
