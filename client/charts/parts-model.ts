// The charts of a grid or repeat question (issue 19) as plain data: a grid by column (each row's answers, as a
// matrix), a repeat's entries per respondent, and each repeat field over entries with the respondents beside.
// Pure, like question-model.ts: the cards, their CSVs and the tests read the same numbers.
import type {
  AnsweredAggregate,
  GridColumn,
  RepeatCounts,
  RepeatField,
} from '../../server/http/contract/aggregates';
import { localized, type Locale } from '../lib/locale';
import type { Table } from './chart-table';
import { OKABE_ITO } from './palette';
import { PARTS_STRINGS } from './parts-strings';
import { isShown, questionModel, type ChartModel, type Count, type Series } from './question-model';
import { CHART_STRINGS } from './strings';

export interface PartChart {
  /** Stable within the question: `used`, `entries`, `who`, `ratings/reach/score`. */
  key: string;
  title: string;
  nLine: string;
  notes: string[];
  model: ChartModel;
  table: Table;
}

const code = (c: string | number | boolean) => String(c);

/** The chart's numbers: category, its code, then count and percent of each series. */
function modelTable(title: string, model: ChartModel, locale: Locale, k: number): Table {
  const t = CHART_STRINGS[locale].columns;
  const series = model.series.filter((s) => !s.hidden);
  const header = [t.question, t.answer, t.code, ...series.flatMap((s) => [s.label, `${s.label}, %`])];
  return [
    header,
    ...model.categories.map((c, i) => [
      title,
      c.label,
      c.code,
      ...series.flatMap((s): (string | number | null)[] => {
        const cell = s.cells[i];
        return isShown(cell) ? [cell.count, cell.percent] : [`< ${k}`, ''];
      }),
    ]),
  ];
}

function gridModel(q: AnsweredAggregate, column: GridColumn, locale: Locale, k: number): ChartModel {
  const rows = column.rows.map((r) => ({ code: code(r.code), label: localized(r.label, locale) }));
  // One value a cell: each row is a matrix row, drawn as the dashboard draws a matrix (100% bars, row n).
  if (column.shape === 'single')
    return questionModel({ ...q, kind: 'matrix', columns: column.values, rows: column.rows }, locale, k);
  if (column.shape === 'multiple') {
    const colours = [OKABE_ITO.blue, OKABE_ITO.orange, OKABE_ITO.green, OKABE_ITO.sky, OKABE_ITO.vermillion];
    return {
      layout: 'bars',
      categories: rows.map((r) => ({ ...r, special: false })),
      series: column.values.map((v, j) => ({
        code: code(v.code),
        label: localized(v.label, locale),
        colour: colours[j % colours.length]!,
        cells: column.rows.map((r) => r.cells[j] ?? { suppressed: true }),
      })),
    };
  }
  return {
    layout: 'bars',
    categories: rows.map((r) => ({ ...r, special: false })),
    series: [
      {
        code: 'answered',
        label: PARTS_STRINGS[locale].answeredSeries,
        colour: OKABE_ITO.blue,
        cells: column.rows.map((r) => r.answered),
      },
    ],
  };
}

/** Entries and respondents side by side, per category. */
function pairSeries(locale: Locale, entries: Count[], respondents: Count[]): Series[] {
  const p = PARTS_STRINGS[locale];
  return [
    { code: 'entries', label: p.entries, colour: OKABE_ITO.blue, cells: entries },
    { code: 'respondents', label: p.withEntry, colour: OKABE_ITO.sky, cells: respondents },
  ];
}

function fieldModel(field: RepeatField, locale: Locale): ChartModel {
  return {
    layout: 'bars',
    categories: field.values.map((v) => ({
      code: code(v.code),
      label: localized(v.label, locale),
      special: false,
    })),
    series: pairSeries(
      locale,
      field.values.map((v) => v.entries),
      field.values.map((v) => v.respondents),
    ),
  };
}

/** Trailing buckets nobody is in say nothing (1 … 10 for a survey where people add two): up to the last used. */
function entriesModel(repeat: RepeatCounts, locale: Locale): ChartModel {
  const p = PARTS_STRINGS[locale];
  const used = repeat.perRespondent.findLastIndex((b) => !isShown(b.respondents) || b.respondents.count > 0);
  const buckets = repeat.perRespondent.slice(0, Math.max(2, used + 1));
  return {
    layout: 'columns',
    categories: buckets.map((b) => ({
      code: String(b.entries),
      label: b.orMore ? p.orMore(b.entries) : String(b.entries),
      special: false,
    })),
    series: [
      {
        code: 'respondents',
        label: CHART_STRINGS[locale].respondents,
        colour: OKABE_ITO.blue,
        cells: buckets.map((b) => b.respondents),
      },
    ],
  };
}

const countText = (c: Count, locale: Locale, k: number) =>
  isShown(c) ? CHART_STRINGS[locale].number(c.count) : CHART_STRINGS[locale].fewer(k);

/** The question's n line, as question-card.tsx writes it for every other question. */
function answeredLine(q: AnsweredAggregate, locale: Locale, k: number): string {
  const t = CHART_STRINGS[locale];
  return isShown(q.answered)
    ? t.answered(countText(q.answered, locale, k), countText(q.asked, locale, k))
    : t.answeredHidden(k);
}

/** Every chart of a grid or repeat question, in the survey's order; none for any other question. */
export function partCharts(q: AnsweredAggregate, locale: Locale, k: number): PartChart[] {
  const t = CHART_STRINGS[locale];
  const p = PARTS_STRINGS[locale];
  const title = localized(q.title, locale);
  const chart = (
    key: string,
    name: string,
    nLine: string,
    notes: string[],
    model: ChartModel,
  ): PartChart => ({
    key,
    title: name,
    nLine,
    notes,
    model,
    table: modelTable(name, model, locale, k),
  });
  if (q.grid) {
    const nLine = answeredLine(q, locale, k);
    return q.grid.map((column) => {
      const label = localized(column.label, locale);
      const notes = column.shape === 'multiple' ? [t.multiple] : [];
      return chart(
        code(column.code),
        label ? `${title} — ${label}` : title,
        nLine,
        notes,
        gridModel(q, column, locale, k),
      );
    });
  }
  if (!q.repeat) return [];
  const { repeat } = q;
  const entries = countText(repeat.entries, locale, k);
  const charts = [
    chart(
      'entries',
      `${title} — ${p.entriesPerRespondent}`,
      p.askedLine(countText(q.asked, locale, k), entries),
      [],
      entriesModel(repeat, locale),
    ),
  ];
  const fieldName = (f: RepeatField) => f.labels.map((l) => localized(l, locale)).join(' · ');
  for (const f of repeat.fields.filter((x) => x.shape !== 'answered'))
    charts.push(
      chart(
        f.path.join('/'),
        `${title} — ${fieldName(f)}`,
        p.entriesLine(countText(f.answered.entries, locale, k), countText(f.answered.respondents, locale, k)),
        [p.fieldNote, ...(f.shape === 'multiple' ? [t.multiple] : [])],
        fieldModel(f, locale),
      ),
    );
  // Text and number fields: how many entries and respondents filled each in, in one chart.
  const texts = repeat.fields.filter((x) => x.shape === 'answered');
  if (texts.length > 0)
    charts.push(
      chart(
        'filled',
        `${title} — ${p.filled}`,
        p.entriesLine(entries, countText(q.answered, locale, k)),
        [],
        {
          layout: 'bars',
          categories: texts.map((f) => ({ code: f.path.join('/'), label: fieldName(f), special: false })),
          series: pairSeries(
            locale,
            texts.map((f) => f.answered.entries),
            texts.map((f) => f.answered.respondents),
          ),
        },
      ),
    );
  return charts;
}
