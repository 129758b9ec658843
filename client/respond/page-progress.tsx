// The form's own progress indicator: "page k of n", the current page's title, and one segment per page, above
// every page. It replaces SurveyJS's step buttons, which on a phone show three steps and, from page 4 on,
// three ticks and no current step.
import { useSyncExternalStore } from 'react';
import type { Model } from 'survey-core';
import type { Locale } from '../lib/locale';
import { formStringsFor } from './form-strings';

/** The current page's index among the visible pages, and how many there are; follows the model. */
export function usePagePosition(model: Model): { index: number; count: number } {
  const key = useSyncExternalStore(
    (changed) => {
      model.onCurrentPageChanged.add(changed);
      model.onPageVisibleChanged.add(changed);
      // A page hidden by a condition changes the count without changing the page.
      model.onValueChanged.add(changed);
      return () => {
        model.onCurrentPageChanged.remove(changed);
        model.onPageVisibleChanged.remove(changed);
        model.onValueChanged.remove(changed);
      };
    },
    () => `${model.currentPageNo}/${model.visiblePageCount}`,
  );
  const [index, count] = key.split('/').map(Number) as [number, number];
  return { index, count };
}

export function PageProgress({ model, locale }: { model: Model; locale: Locale }) {
  const { index, count } = usePagePosition(model);
  if (count < 2) return null;
  const t = formStringsFor(locale);
  const pages = model.visiblePages;
  const title = (n: number) =>
    pages[n]?.locTitle.renderedHtml.replace(/<[^>]*>/g, '') || t.pageOf(n + 1, count);
  return (
    <nav className="page-progress" aria-label={t.progressLabel}>
      <p className="page-progress-text">
        <span className="page-progress-count">{t.pageOf(index + 1, count)}</span>
        <strong className="page-progress-title">{title(index)}</strong>
      </p>
      <ol className="page-progress-steps">
        {pages.map((page, n) => (
          <li
            key={page.name}
            className={n < index ? 'done' : n === index ? 'current' : undefined}
            aria-current={n === index ? 'step' : undefined}
          >
            <span className="visually-hidden">{title(n)}</span>
          </li>
        ))}
      </ol>
    </nav>
  );
}
