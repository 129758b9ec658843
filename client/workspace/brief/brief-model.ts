// What the Roadmap brief says, taken from the summary (pure): which questions of the needs assessment feed each
// section (names and choice codes of surveys/roadmap-needs, v1 to v3) and their rows, sorted by share. A question the
// chosen survey lacks, or whose columns differ, leaves its part out instead of failing: another survey still prints.
import type {
  ChoiceCount,
  Count,
  Labels,
  MatrixAggregate,
  QuestionAggregate,
  SummaryBody,
} from '../../../server/http/contract/aggregates';
import { byShare, combine, figureOf, type Figure } from './figures';

export const BRIEF_QUESTIONS = {
  role: 'role',
  severity: { name: 'problems_severity', share: ['serious', 'very_serious'] },
  needs: 'top_needs',
  practices: 'practices_used',
  effectiveness: 'practices_effectiveness',
  cooperation: {
    /** Every role but akimat staff from v3 on; in earlier versions akimat staff answered it too (and rated the akimat). */
    name: 'cooperation_quality',
    /** v3 on: akimat staff rate their akimat's cooperation with the other partners, on the same columns. */
    byAkimat: 'cooperation_quality_by_akimat',
    good: ['good', 'very_good'],
    poor: ['poor', 'very_poor'],
    none: ['no_cooperation'],
  },
  vectors: { name: 'roadmap_vectors', share: ['very', 'extremely'] },
  top3: 'roadmap_top3',
  proposals: 'roadmap_proposals',
} as const;

export interface Part<Row> {
  title: Labels;
  /** Respondents who answered the question: every share below is of them (of a matrix row's own answers). */
  answered: Count;
  rows: Row[];
}

export interface ShareRow {
  code: string;
  label: Labels;
  figure: Figure;
  /** A matrix row's own base (its answers): a row asked only in later versions rests on fewer than the question. */
  n?: Count;
}

export interface NeedRow {
  code: string;
  label: Labels;
  first: Figure;
  meanRank: number | null;
}

export interface PartnerRow {
  code: string;
  label: Labels;
  n: Count;
  good: Figure;
  poor: Figure;
  none: Figure;
}

export interface BriefModel {
  responses: Count;
  roles?: Part<ShareRow>;
  severity?: Part<ShareRow>;
  needs?: Part<NeedRow>;
  practices?: Part<ShareRow>;
  effectiveness?: Part<ShareRow> & { mean: number | null; max: number | null };
  /** `akimatToo`: the chosen versions in which akimat staff answered it as well (before the question of their own). */
  cooperation?: Part<PartnerRow> & { akimatToo: number[] };
  /** Only when akimat staff answered it in the filter. */
  cooperationByAkimat?: Part<PartnerRow>;
  vectors?: Part<ShareRow>;
  top3?: Part<ShareRow>;
  /** The free-text question the proposals are read from, when the survey asks it. */
  proposals?: { name: string; title: Labels; answered: Count };
}

type Kind = QuestionAggregate['kind'];
type Of<K extends Kind> = Extract<QuestionAggregate, { kind: K }>;

function find<K extends Kind>(summary: SummaryBody, name: string, kind: K): Of<K> | undefined {
  return summary.questions.find((q): q is Of<K> => q.name === name && q.kind === kind);
}

/** "Don't know", "none", "other" and refusals say nothing about which practice or priority matters. */
const substantive = (c: ChoiceCount) => c.special === undefined && c.code !== 'dont_know';

function choiceRows(choices: readonly ChoiceCount[]): ShareRow[] {
  return choices.map((c) => ({ code: String(c.code), label: c.label, figure: figureOf(c.result) }));
}

/** Per matrix row, the share answering any of `codes`; undefined when the matrix has none of those columns. */
function matrixShare(
  q: MatrixAggregate,
  codes: readonly string[],
): ((row: MatrixAggregate['rows'][number]) => Figure) | undefined {
  const columns = q.columns.flatMap((c, i) => (codes.includes(String(c.code)) ? [i] : []));
  if (columns.length === 0) return undefined;
  return (row) =>
    combine(
      columns.map((i) => row.cells[i]),
      row.answered,
    );
}

function sharesOfMatrix(
  summary: SummaryBody,
  spec: { name: string; share: readonly string[] },
): Part<ShareRow> | undefined {
  const q = find(summary, spec.name, 'matrix');
  const share = q && matrixShare(q, spec.share);
  if (!q || !share) return undefined;
  const rows = q.rows.map((r) => ({ code: String(r.code), label: r.label, figure: share(r), n: r.answered }));
  return { title: q.title, answered: q.answered, rows: byShare(rows, (r) => r.figure) };
}

function sharesOfChoices(summary: SummaryBody, name: string): Part<ShareRow> | undefined {
  const q = find(summary, name, 'multiple') ?? find(summary, name, 'choice');
  if (!q) return undefined;
  return {
    title: q.title,
    answered: q.answered,
    rows: byShare(choiceRows(q.choices.filter(substantive)), (r) => r.figure),
  };
}

/** Per partner (matrix row), the shares rating cooperation good, poor, or saying there is none; best first. */
function partnerShares(
  summary: SummaryBody,
  name: string,
): { part: Part<PartnerRow>; versions: number[] } | undefined {
  const spec = BRIEF_QUESTIONS.cooperation;
  const q = find(summary, name, 'matrix');
  const good = q && matrixShare(q, spec.good);
  if (!q || !good) return undefined;
  const poor = matrixShare(q, spec.poor);
  const none = matrixShare(q, spec.none);
  const missing = (): Figure => ({ kind: 'shown', count: 0, percent: null });
  const rows = q.rows.map((r) => ({
    code: String(r.code),
    label: r.label,
    n: r.answered,
    good: good(r),
    poor: poor ? poor(r) : missing(),
    none: none ? none(r) : missing(),
  }));
  return {
    part: { title: q.title, answered: q.answered, rows: byShare(rows, (r) => r.good) },
    versions: q.versions,
  };
}

/** A hidden count still stands for at least one answer. */
const hasAnswers = (answered: Count) => answered.suppressed === true || answered.count > 0;

export function briefModel(summary: SummaryBody): BriefModel {
  const model: BriefModel = { responses: summary.responses };
  const Q = BRIEF_QUESTIONS;

  const role = find(summary, Q.role, 'choice');
  if (role) model.roles = { title: role.title, answered: role.answered, rows: choiceRows(role.choices) };

  model.severity = sharesOfMatrix(summary, Q.severity);

  const needs = find(summary, Q.needs, 'ranking');
  if (needs) {
    const rows = needs.choices.map((c) => ({
      code: String(c.code),
      label: c.label,
      first: figureOf(c.first),
      meanRank: c.meanRank,
    }));
    model.needs = { title: needs.title, answered: needs.answered, rows: byShare(rows, (r) => r.first) };
  }

  model.practices = sharesOfChoices(summary, Q.practices);

  const rating = find(summary, Q.effectiveness, 'rating');
  if (rating) {
    const max = Math.max(...rating.choices.map((c) => Number(c.code)).filter(Number.isFinite));
    model.effectiveness = {
      title: rating.title,
      answered: rating.answered,
      rows: choiceRows(rating.choices),
      mean: rating.mean,
      max: Number.isFinite(max) ? max : null,
    };
  }

  const cooperation = partnerShares(summary, Q.cooperation.name);
  const byAkimat = partnerShares(summary, Q.cooperation.byAkimat);
  if (cooperation) {
    const own = new Set(byAkimat?.versions);
    model.cooperation = { ...cooperation.part, akimatToo: cooperation.versions.filter((v) => !own.has(v)) };
  }
  if (byAkimat && hasAnswers(byAkimat.part.answered)) model.cooperationByAkimat = byAkimat.part;

  model.vectors = sharesOfMatrix(summary, Q.vectors);
  model.top3 = sharesOfChoices(summary, Q.top3);

  const proposals = find(summary, Q.proposals, 'answered');
  if (proposals?.listable)
    model.proposals = { name: proposals.name, title: proposals.title, answered: proposals.answered };
  return model;
}
