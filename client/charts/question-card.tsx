// One question of the summary as a dashboard card: the chart its type calls for, n, notes on how to read it
// (several answers, mean and median, mean rank), or for free text how many wrote and a link to read them.
import { useMemo, type MouseEvent } from 'react';
import { localized, type Locale } from '../lib/locale';
import { ChartCard } from './chart-card';
import { chartTable } from './chart-table';
import { isShown, questionModel, type QuestionAggregate } from './question-model';
import { CHART_STRINGS, percentText } from './strings';

interface Props {
  question: QuestionAggregate;
  locale: Locale;
  k: number;
  /** The survey and the filter for file names; the question's name goes after the survey. */
  fileParts: readonly string[];
  context: readonly string[];
  /** Where this question's written answers can be read; given for free-text questions. */
  textHref?: string | undefined;
  onTextLink?: ((event: MouseEvent<HTMLAnchorElement>) => void) | undefined;
}

/** The question's n line: who answered, of those asked; "n < k" when that itself is suppressed. */
export function answeredLine(q: QuestionAggregate, locale: Locale, k: number): string {
  const t = CHART_STRINGS[locale];
  const count = (c: typeof q.asked) => (isShown(c) ? t.number(c.count) : t.fewer(k));
  return isShown(q.answered) ? t.answered(count(q.answered), count(q.asked)) : t.answeredHidden(k);
}

export function QuestionCard({ question: q, locale, k, fileParts, context, textHref, onTextLink }: Props) {
  const t = CHART_STRINGS[locale];
  const model = useMemo(() => questionModel(q, locale, k), [q, locale, k]);
  const table = useMemo(() => chartTable(q, locale, k), [q, locale, k]);
  const nLine = answeredLine(q, locale, k);
  const notes: string[] = [];
  if (q.kind === 'multiple') notes.push(t.multiple);
  if (q.kind === 'ranking') notes.push(t.rankingNote);
  if (q.kind === 'rating' && q.mean !== null && q.median !== null)
    notes.push(t.meanMedian(t.decimal(q.mean), t.decimal(q.median)));

  return (
    <ChartCard
      title={localized(q.title, locale)}
      nLine={nLine}
      notes={notes}
      model={model}
      table={table}
      locale={locale}
      k={k}
      fileParts={[...fileParts.slice(0, 1), q.name, ...fileParts.slice(1)]}
      context={context}
      name={q.name}
      // Matrices and long lists (the 20 regions) get the grid's whole width.
      wide={model.layout === 'stacked' || model.categories.length > 12}
    >
      <p className="chart-texts">
        {isShown(q.answered)
          ? t.texts(t.number(q.answered.count), percentText(locale, q.answered.percent ?? 0))
          : nLine}{' '}
        {textHref && (
          <a href={textHref} onClick={onTextLink}>
            {t.readTexts}
          </a>
        )}
      </p>
    </ChartCard>
  );
}
