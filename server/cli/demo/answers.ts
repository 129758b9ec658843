// Draws one respondent's answers by walking a survey definition generically (any question type the server
// accepts), honouring visibleIf, required, maxSelectedChoices, ranking and "other" texts; tendencies.ts tilts draws.
import type { SurveyJson } from '../../catalog/types';
import { OFF_SCALE, readQuestionnaire, type Lookup, type Primitive, type Spec } from './questions';
import type { Random } from './random';
import type { Respondent } from './respondent';
import { FIXED_QUESTIONS, fixedAnswer, leaningOf, type Leaning } from './tendencies';
import { freeText, otherText, person, type Person } from './texts';

/** One question's draw for one segment of respondents: the leaning turned into arrays once. */
interface Tilt {
  /** Choices (then "other") and their weights or chances, in the same order. */
  list: Primitive[];
  weights: number[];
  none: number;
  /** Index of a "don't know" choice in `list`, or -1: chosen alone, never beside other choices. */
  dontKnow: number;
  rate: number;
  level: number;
  rowLevels: number[];
  rowSpecial: number[];
  /** Weights of how many to pick (index k-1), for capped checkboxes and rankings. */
  howMany: number[];
}

function tiltOf(spec: Spec, l: Leaning | undefined): Tilt {
  const many = spec.kind === 'many';
  const list =
    spec.other === undefined || spec.kind === 'rank' ? spec.choices : [...spec.choices, spec.other];
  const fallback = many ? 0.2 : 1;
  const weights = list.map(
    (v) =>
      l?.weights?.[String(v)] ??
      (v === spec.other ? 0.03 : OFF_SCALE.has(String(v)) ? fallback / 4 : fallback),
  );
  const dontKnow = many ? list.indexOf('dont_know') : -1;
  const cap = spec.maxSelected > 0 ? spec.maxSelected : list.length;
  return {
    list,
    // "Don't know" is drawn on its own first; among the other choices it never comes up again.
    weights: weights.map((w, i) => (i === dontKnow ? 0 : w)),
    none: spec.exclusive.length === 0 ? 0 : (l?.none ?? (many ? 0.04 : 0.03)),
    dontKnow: dontKnow >= 0 ? (weights[dontKnow] ?? 0) : 0,
    rate: l?.rate ?? 1,
    level: l?.level ?? (spec.kind === 'boolean' ? 0.5 : 0.6),
    rowLevels: spec.rows.map((row) => l?.rows?.[row]?.level ?? 0.5),
    rowSpecial: spec.rows.map((row) => (spec.special.length > 0 ? (l?.rows?.[row]?.special ?? 0.03) : 0)),
    // Most people use the whole allowance ("pick up to 3" → 3), some stop earlier; rankings run a little shorter.
    howMany: Array.from({ length: cap }, (_, i) => (i + 1) ** (spec.kind === 'rank' ? 1.5 : 2)),
  };
}

function ordinal(random: Random, scale: readonly Primitive[], level: number): Primitive | undefined {
  const n = scale.length;
  const i = Math.round(Math.min(1, Math.max(0, level)) * (n - 1) + random.normal() * 0.8);
  return scale[Math.min(n - 1, Math.max(0, i))];
}

function drawOne(random: Random, spec: Spec, t: Tilt, r: Respondent, who: () => Person): unknown {
  switch (spec.kind) {
    case 'one':
      if (random.chance(t.none)) return random.pick(spec.exclusive);
      return t.list[random.weighted(t.weights)];
    case 'many': {
      if (random.chance(t.none)) return [random.pick(spec.exclusive)];
      if (random.chance(t.dontKnow)) return ['dont_know'];
      const least = Math.max(1, spec.minSelected);
      let picked: number[];
      if (spec.maxSelected > 0) {
        picked = random.weightedOrder(t.weights, Math.max(least, 1 + random.weighted(t.howMany)));
      } else {
        picked = [];
        for (let i = 0; i < t.weights.length; i++)
          if (random.chance(Math.min(0.95, t.weights[i] ?? 0))) picked.push(i);
        if (picked.length < least) picked = random.weightedOrder(t.weights, least);
      }
      return picked.sort((a, b) => a - b).map((i) => t.list[i]);
    }
    case 'rank': {
      const k = spec.rankAll ? t.list.length : Math.max(spec.minSelected, 1 + random.weighted(t.howMany));
      return random.weightedOrder(t.weights, k).map((i) => t.list[i]);
    }
    case 'rating':
      return ordinal(random, spec.scale, t.level + r.mood);
    case 'matrix': {
      let answer: Record<string, unknown> | undefined;
      const used = new Set<Primitive>();
      for (const i of spec.rowOrder) {
        if (!spec.eachRowRequired && random.chance(0.04)) continue; // a row left blank on a long grid
        let cell = random.chance(t.rowSpecial[i] ?? 0)
          ? spec.special[0]
          : ordinal(random, spec.scale, (t.rowLevels[i] ?? 0.5) + r.mood);
        if (spec.eachRowUnique && cell !== undefined && used.has(cell)) {
          const free = spec.scale.filter((c) => !used.has(c));
          if (free.length === 0) continue;
          cell = random.pick(free);
        }
        if (cell === undefined) continue;
        used.add(cell);
        answer ??= {};
        answer[spec.rows[i]!] = cell;
      }
      return answer;
    }
    case 'boolean':
      return spec.booleans[random.chance(t.level) ? 0 : 1];
    case 'number':
      return spec.min + random.int(Math.max(1, spec.max - spec.min + 1));
    case 'text':
    case 'comment':
      return spec.contact
        ? who()[spec.contact]
        : freeText(random, r.locale, spec.name, r.place, spec.maxLength);
  }
}

export interface AnswerDrawer {
  draw(random: Random, respondent: Respondent): Record<string, unknown>;
}

/**
 * Compiles a definition once; `draw` then makes one respondent's data as the page would send it, with keys in
 * sorted order (matrix rows too), so the content hash needs no re-sorting (response-record.ts).
 */
export function answerDrawer(definition: SurveyJson): AnswerDrawer {
  const { specs, keys } = readQuestionnaire(definition);
  const where = new Map(keys.map((k) => [k.key, k]));
  const hasForward = specs.some((s) => s.forward);
  const isFixed = specs.map((s) => FIXED_QUESTIONS.has(s.name));
  // Leanings depend only on the respondent's segment (region, town, role, Front-office): a few hundred in all.
  const tilts = new Map<string, Tilt[]>();
  const tiltsFor = (r: Respondent): Tilt[] => {
    let found = tilts.get(r.segment);
    if (!found) tilts.set(r.segment, (found = specs.map((spec) => tiltOf(spec, leaningOf(spec.name, r)))));
    return found;
  };

  return {
    draw(random, r) {
      const plan = tiltsFor(r);
      // Answers and "other" texts by question index while drawing; the data object is built once at the end.
      const answers: unknown[] = new Array(specs.length);
      const others: (string | undefined)[] = new Array(specs.length);
      const get: Lookup = (key) => {
        const at = where.get(key);
        return at === undefined ? undefined : at.comment ? others[at.index] : answers[at.index];
      };
      const visible = (spec: Spec) => spec.visibleIf.every((c) => c.run(get));
      // One made-up person per response, so that name, phone and e-mail belong together.
      let someone: Person | undefined;
      const who = () => (someone ??= person(random, r.locale));
      for (const spec of specs) {
        const t = plan[spec.index]!;
        if (spec.visibleIf.length > 0 && !visible(spec)) continue;
        const required = spec.required || spec.requiredIf?.run(get) === true;
        if (!required) {
          const chance =
            spec.kind === 'text' || spec.kind === 'comment' ? (spec.contact ? 1 : r.talkative) : r.diligence;
          if (!random.chance(chance * t.rate)) continue;
        }
        const fixed = isFixed[spec.index] ? fixedAnswer(spec.name, r, random) : undefined;
        // A fact the survey has no choice for (another survey's role list) is left to the draw.
        const fits =
          fixed !== undefined &&
          (spec.kind !== 'one' || spec.choices.includes(fixed as Primitive) || fixed === spec.other);
        const value = fits ? fixed : drawOne(random, spec, t, r, who);
        if (value === undefined) continue;
        answers[spec.index] = value;
        if (
          spec.other !== undefined &&
          (value === spec.other || (Array.isArray(value) && value.includes(spec.other)))
        )
          others[spec.index] = otherText(random, r.locale, spec.name);
      }
      // As survey-core does on completion: answers to questions hidden by the final answers are cleared. Only a
      // condition on a later question can change its mind after the walk (earlier answers are final by then).
      for (let changed = hasForward; changed;) {
        changed = false;
        for (const spec of specs) {
          if (spec.forward && answers[spec.index] !== undefined && !visible(spec)) {
            answers[spec.index] = others[spec.index] = undefined;
            changed = true;
          }
        }
      }
      const data: Record<string, unknown> = {};
      for (const k of keys) {
        const value = k.comment ? others[k.index] : answers[k.index];
        if (value !== undefined) data[k.key] = value;
      }
      return data;
    },
  };
}
