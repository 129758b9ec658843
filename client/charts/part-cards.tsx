// A grid or repeat question on the dashboard (issue 19): a card per grid column, or the entries per respondent and
// a card per repeat field, each a ChartCard like any question's (lazy drawing, PNG, CSV, the numbers as a table).
import { useMemo } from 'react';
import type { AnsweredAggregate } from '../../server/http/contract/aggregates';
import type { Locale } from '../lib/locale';
import { ChartCard } from './chart-card';
import { partCharts } from './parts-model';

interface Props {
  question: AnsweredAggregate;
  locale: Locale;
  k: number;
  fileParts: readonly string[];
  context: readonly string[];
}

/** Whether the question is charted by its parts rather than as one card. */
export const hasParts = (q: { kind: string; grid?: unknown; repeat?: unknown }) =>
  q.kind === 'answered' && (q.grid !== undefined || q.repeat !== undefined);

export function PartCards({ question: q, locale, k, fileParts, context }: Props) {
  const charts = useMemo(() => partCharts(q, locale, k), [q, locale, k]);
  return charts.map((c) => (
    <ChartCard
      key={c.key}
      title={c.title}
      nLine={c.nLine}
      notes={c.notes}
      model={c.model}
      table={c.table}
      locale={locale}
      k={k}
      fileParts={[
        ...fileParts.slice(0, 1),
        q.name,
        c.key.replace(/[^\p{L}\p{N}_-]+/gu, '-'),
        ...fileParts.slice(1),
      ]}
      context={context}
      name={`${q.name}/${c.key}`}
      wide={c.model.layout === 'stacked' || c.model.categories.length > 12}
    />
  ));
}
