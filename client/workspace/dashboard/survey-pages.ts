// Reads a SurveyJS definition for the dashboard: its pages (the survey's own sections: About you, Best practices,
// Needs, …) with the question names each holds, and any element's title in the reader's language.
import { localized, type Locale, type LocalizedText } from '../../lib/locale';

type Element = { name?: unknown; title?: unknown; elements?: unknown; templateElements?: unknown };

export interface SurveyPage {
  name: string;
  /** The page's title in the reader's language (its name when it has none). */
  title: string;
  /** Names of the questions on the page, panels opened, in order. */
  questions: string[];
}

function* walk(elements: unknown): Generator<Element> {
  if (!Array.isArray(elements)) return;
  for (const element of elements as unknown[]) {
    if (typeof element !== 'object' || element === null) continue;
    yield element as Element;
    yield* walk((element as Element).elements);
    yield* walk((element as Element).templateElements);
  }
}

/** A SurveyJS localizable string (`{default, kk, ru}`, `default` being English) or plain string, in `locale`. */
export function titleText(title: unknown, locale: Locale, fallback: string): string {
  if (typeof title === 'string') return title;
  if (typeof title === 'object' && title !== null)
    return localized(title as LocalizedText, locale) || fallback;
  return fallback;
}

export function surveyPages(definition: Record<string, unknown>, locale: Locale): SurveyPage[] {
  const pages = Array.isArray(definition.pages) ? (definition.pages as Element[]) : [];
  return pages.map((page, i) => {
    const name = typeof page.name === 'string' ? page.name : `page${i + 1}`;
    const questions = [...walk(page.elements)]
      .map((e) => e.name)
      .filter((n): n is string => typeof n === 'string');
    return { name, title: titleText(page.title, locale, name), questions };
  });
}

/**
 * The summary's questions grouped by page. A question of an older version only sits right after the question it
 * followed there (the summary's order), so it joins that question's page; one before any known question joins the first.
 */
export function groupByPage<Q extends { name: string }>(
  questions: readonly Q[],
  pages: readonly SurveyPage[],
) {
  if (pages.length === 0)
    return [{ page: { name: 'all', title: '', questions: [] }, questions: [...questions] }];
  const pageOf = new Map(pages.flatMap((p) => p.questions.map((q) => [q, p.name] as const)));
  const groups = pages.map((page) => ({ page, questions: [] as Q[] }));
  let current = groups[0];
  for (const q of questions) {
    const named = pageOf.get(q.name);
    if (named) current = groups.find((g) => g.page.name === named) ?? current;
    current?.questions.push(q);
  }
  return groups.filter((g) => g.questions.length > 0);
}

/**
 * The first `n` questions of grouped pages, in order, in their groups: what the dashboard renders before the rest,
 * so that the first screen of charts does not wait for all ~30 cards to be rendered (issue 13).
 */
export function firstQuestions<G extends { questions: readonly unknown[] }>(
  groups: readonly G[],
  n: number,
): G[] {
  const head: G[] = [];
  let left = n;
  for (const group of groups) {
    if (left <= 0) break;
    head.push({ ...group, questions: group.questions.slice(0, left) });
    left -= group.questions.length;
  }
  return head;
}
