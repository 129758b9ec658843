// Differential test: over a thousand seeded random answer sets judged by the compiled validator and by survey-core's
// Model. Wherever survey-core rejects a question, ours must too; where only ours rejects, the rule must be a
// named stricter rule (rules.ts STRICTER_RULES, which the README lists with reasons).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ConditionRunner,
  Helpers,
  Model,
  settings,
  type IPanel,
  type PanelModelBase,
  type Question,
} from 'survey-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { REGION_CODES } from '../../server/catalog/regions';
import { registerCustomProperties } from '../../server/catalog/serializer';
import type { SurveyJson } from '../../server/catalog/types';
import {
  compileJudge,
  DEFAULT_COMMENT_MAX_LENGTH,
  DEFAULT_TEXT_MAX_LENGTH,
  isStricterRule,
  STRICTER_RULES,
  SURVEY_CORE_RULES,
  type JudgedError,
} from '../../server/catalog/validator';
import { randomCase } from './validator-mutations';
import { withRegion } from '../support/foreign-surveys';
import { seededRandom } from '../support/seeded-random';
import { Dice, type Data, type SurveyFacts } from './validator-random-answers';

const ROOT = join(import.meta.dirname, '..', '..');
const KITCHEN_SINK = 'test/fixtures/surveys/kitchen-sink/v1.json';
const EXAMPLE = 'test/fixtures/surveys/example/v1.json';
/** Every repeat, grid and item-list type with their conditions: reaches the rules the kitchen sink cannot. */
const EVERY_TYPE = 'test/fixtures/qtypes/every-type/v1.json';
/** Public SurveyJS definitions written by others (test/fixtures/foreign/SOURCES.md), with a region added. */
const FOREIGN = readdirSync(join(ROOT, 'test/fixtures/foreign'))
  .filter((name) => name.endsWith('.json'))
  .map((name) => `test/fixtures/foreign/${name}`);
/**
 * Cases per survey. survey-core's Model costs 5-25 ms of CPU per case on a 2-core box (setting data runs every
 * condition and restyles every question), which bounds the default run to about 20 s: the kitchen sink, which
 * reaches every rule, gets most cases. DIFFERENTIAL_SCALE=10 runs ten times more, e.g. before a release.
 */
const SCALE = Number(process.env.DIFFERENTIAL_SCALE ?? 1) || 1;
const KITCHEN_SINK_CASES = Math.round(500 * SCALE);
/** Its repeats and grids make each survey-core case slow (0.3-0.6 s): fewer cases, which still reach its rules. */
const EVERY_TYPE_CASES = Math.round(120 * SCALE);
const OTHER_CASES = Math.round(125 * SCALE);
/** Foreign definitions carry big grids (16 columns of 26 choices), each case costing survey-core up to 0.2 s. */
const FOREIGN_CASES = Math.round(60 * SCALE);
const NO_ANSWER_TYPES = new Set(['expression', 'html', 'image']);

/** Every `<dir>/<id>/v<N>.json`, found at test time: the real instruments are being written alongside this test. */
function versionFiles(dir: string): string[] {
  let ids: string[];
  try {
    ids = readdirSync(join(ROOT, dir), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
  } catch {
    return [];
  }
  return ids.flatMap((id) =>
    readdirSync(join(ROOT, dir, id))
      .filter((name) => /^v\d+\.json$/.test(name))
      .map((name) => `${dir}/${id}/${name}`),
  );
}

/**
 * The kitchen sink, the example survey of the browser tests (when present) and every real instrument. Other
 * fixtures are not globbed: catalog tests may keep broken definitions there on purpose.
 */
const FILES = [
  KITCHEN_SINK,
  EVERY_TYPE,
  ...FOREIGN,
  ...(existsSync(join(ROOT, EXAMPLE)) ? [EXAMPLE] : []),
  ...versionFiles('surveys'),
];

/** A definition as the catalog would take it; foreign ones get the region question every survey asks. */
function definitionOf(file: string): SurveyJson {
  const definition = JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as SurveyJson;
  return file.startsWith('test/fixtures/foreign/') ? withRegion(definition) : definition;
}

interface SurveyCoreView {
  /** Questions it rejects, with a panel's "answer at least one" error put on the panel's first visible question. */
  rejected: Set<string>;
  /** Questions that have a value in data although it sees them hidden (the question, its panel or its page). */
  hiddenWithValue: Set<string>;
}

function surveyCoreView(model: Model, data: Data): SurveyCoreView {
  model.data = data;
  const questions = model.getAllQuestions();
  const containers = [...model.pages, ...model.getAllPanels()] as PanelModelBase[];
  // A reused Model keeps errors of elements that this validation does not visit (on hidden pages): clear them.
  for (const q of questions) q.errors = [];
  for (const c of containers) c.errors = [];
  model.validate(true, false);
  const rejected = new Set<string>();
  // getAllErrors: a repeat's, grid's or item list's own errors and those of every question inside it.
  for (const q of questions) if (q.isVisible && q.getAllErrors().length > 0) rejected.add(q.name);
  for (const c of containers) {
    if (c.errors.length === 0) continue;
    const visible: Question[] = [];
    c.addQuestionsToList(visible, true);
    if (visible[0]) rejected.add(visible[0].name);
  }
  const hiddenWithValue = new Set<string>();
  const has = (key: string) => Object.hasOwn(data, key) && !Helpers.isValueEmpty(data[key]);
  for (const q of questions) {
    if (NO_ANSWER_TYPES.has(q.getType()) || (q.isVisible && q.isParentVisible)) continue;
    const offersComment =
      q.showCommentArea || (q.supportOther() && q.getPropertyValue('showOtherItem') === true);
    if (has(q.name) || (offersComment && has(q.name + settings.commentSuffix))) hiddenWithValue.add(q.name);
  }
  return { rejected, hiddenWithValue };
}

interface Mismatch {
  seed: number;
  mutations: string[];
  data: Data;
  /** Rejected by survey-core, accepted by ours: always a bug in ours. */
  missed: string[];
  /** Rejected by ours only, by a rule that is not a named stricter rule. */
  unexplained: JudgedError[];
  /** The two disagree on which answered questions are hidden. */
  visibility: string[];
}

/** Rules by which ours refuses a value that survey-core converts or filters before its conditions read it. */
const REFUSED_VALUE_RULES = new Set(['type', 'choice']);

/**
 * For each question, the questions its logic reads: its own and its containers' visibleIf, enableIf and requiredIf,
 * and its expression validators. Used to excuse a disagreement that only a refused value of those can cause.
 */
function logicInputs(model: Model): Map<string, Set<string>> {
  const inputs = new Map<string, Set<string>>();
  const read = (expression: unknown, into: Set<string>) => {
    if (typeof expression !== 'string' || expression === '') return;
    for (const name of new ConditionRunner(expression).getVariables())
      into.add(name.split(/[.[]/)[0] ?? name);
  };
  for (const q of model.getAllQuestions()) {
    const names = new Set<string>();
    for (const property of ['visibleIf', 'enableIf', 'requiredIf']) read(q.getPropertyValue(property), names);
    for (const v of q.validators) read(v.getPropertyValue('expression'), names);
    if (q.getType() === 'expression') read(q.getPropertyValue('expression'), names);
    for (let parent: IPanel | null = q.parent; parent; parent = (parent as PanelModelBase).parent) {
      for (const property of ['visibleIf', 'enableIf', 'requiredIf'])
        read((parent as PanelModelBase).getPropertyValue(property), names);
    }
    inputs.set(q.name, names);
  }
  // Through expression questions, a condition reads the answers the expression reads: follow one level.
  for (const names of inputs.values())
    for (const name of [...names]) for (const more of inputs.get(name) ?? []) names.add(more);
  return inputs;
}

function compare(ours: JudgedError[], theirs: SurveyCoreView, inputs: Map<string, Set<string>>) {
  const refused = new Set(ours.filter((e) => REFUSED_VALUE_RULES.has(e.rule)).map((e) => e.question));
  // survey-core's conditions read a wrong-typed or off-list value after converting or filtering it; ours refuses
  // the value itself, so the response is rejected either way and any downstream difference is moot.
  const excused = (question: string) => [...(inputs.get(question) ?? [])].some((name) => refused.has(name));
  const oursByQuestion = new Set(ours.map((e) => e.question));
  const oursHidden = new Set(ours.filter((e) => e.rule === 'hidden-answer').map((e) => e.question));
  const found = {
    missed: [...theirs.rejected].filter((name) => !oursByQuestion.has(name) && !excused(name)),
    unexplained: ours.filter(
      (e) => !theirs.rejected.has(e.question) && !isStricterRule(e.rule) && !excused(e.question),
    ),
    visibility: [
      ...[...theirs.hiddenWithValue]
        .filter((name) => !oursHidden.has(name))
        .map((name) => `${name}: hidden for survey-core only`),
      ...[...oursHidden]
        .filter((name) => !theirs.hiddenWithValue.has(name))
        .map((name) => `${name}: hidden for ours only`),
    ].filter((line) => !excused(line.slice(0, line.indexOf(':')))),
  };
  return { ...found, any: found.missed.length + found.unexplained.length + found.visibility.length > 0 };
}

describe('compiled validator agrees with survey-core on random answers', () => {
  registerCustomProperties();
  // survey-core warns on the console for every wrong-typed value it refuses to take; those are the point here.
  beforeAll(() => void vi.spyOn(console, 'warn').mockImplementation(() => undefined));
  afterAll(() => vi.restoreAllMocks());
  const totals = { cases: 0, rejectedByBoth: 0, rejectedOnlyByUs: 0, accepted: 0, freshModels: 0 };
  const allRulesSeen = new Set<string>();

  it.each(FILES)(
    '%s: every question survey-core rejects is rejected, and every extra rejection is a named stricter rule',
    (file) => {
      const definition = definitionOf(file);
      const judge = compileJudge(definition, { regionCodes: REGION_CODES });
      let model = new Model(definition);
      const inputs = logicInputs(model);
      const facts: SurveyFacts = {
        // The generator's own Model: reading a dynamic matrix's cells gives it a row, which must not leak here.
        questions: new Model(definition).getAllQuestions(),
        regionCodes: REGION_CODES,
        textCap: DEFAULT_TEXT_MAX_LENGTH,
        commentCap: DEFAULT_COMMENT_MAX_LENGTH,
        hiddenAnswers: (data) =>
          judge(data)
            .filter((e) => e.rule === 'hidden-answer')
            .map((e) => e.question),
      };
      const cases =
        file === KITCHEN_SINK
          ? KITCHEN_SINK_CASES
          : file === EVERY_TYPE
            ? EVERY_TYPE_CASES
            : file.startsWith('test/fixtures/foreign/')
              ? FOREIGN_CASES
              : OTHER_CASES;
      const mismatches: Mismatch[] = [];
      const rulesSeen = new Set<string>();
      for (let seed = 1; seed <= cases; seed++) {
        const { data, mutations } = randomCase(facts, new Dice(seededRandom(seed)));
        const ours = judge(data);
        let theirs: SurveyCoreView;
        try {
          theirs = surveyCoreView(model, data);
        } catch (error) {
          // survey-core throws on some shapes no page sends (a string where a repeat holds entry objects): what
          // matters is that ours refuses them by their type; a fresh Model is needed after such a throw.
          model = new Model(definition);
          if (!ours.some((e) => e.rule === 'type'))
            mismatches.push({
              seed,
              mutations,
              data,
              missed: [`survey-core threw ${String(error)}`],
              unexplained: [],
              visibility: [],
            });
          totals.cases++;
          totals.rejectedOnlyByUs++;
          continue;
        }
        let found = compare(ours, theirs, inputs);
        if (found.any) {
          // One Model is reused for speed (a fresh one costs ~50 ms), but a reused Model can keep a wrong-typed
          // value of an earlier case (an array stays an array). Only a fresh Model's verdict counts.
          model = new Model(definition);
          totals.freshModels++;
          theirs = surveyCoreView(model, data);
          found = compare(ours, theirs, inputs);
        }
        if (found.any)
          mismatches.push({
            seed,
            mutations,
            data,
            missed: found.missed,
            unexplained: found.unexplained,
            visibility: found.visibility,
          });
        for (const e of ours) {
          rulesSeen.add(e.rule);
          allRulesSeen.add(e.rule);
        }
        totals.cases++;
        if (ours.length === 0) totals.accepted++;
        else if (theirs.rejected.size > 0) totals.rejectedByBoth++;
        else totals.rejectedOnlyByUs++;
      }
      expect(mismatches.slice(0, 3), `${mismatches.length} of ${cases} cases disagree`).toEqual([]);
      // The repeats' own rules must be reached where repeats are: a generator that never breaks them proves nothing.
      if (file === EVERY_TYPE)
        expect([...rulesSeen]).toEqual(
          expect.arrayContaining(['hidden-entry-answer', 'repeat-count', 'required', 'choice', 'type']),
        );
    },
    300_000 * SCALE,
  );

  it('reaches every rule over the kitchen sink and the every-type survey', () => {
    // A generator that never reaches a rule proves nothing about it.
    expect([...allRulesSeen].sort()).toEqual(
      [...Object.keys(SURVEY_CORE_RULES), ...Object.keys(STRICTER_RULES)].sort(),
    );
  });

  it('judges a healthy mix of accepted and rejected cases', () => {
    // Too few accepted cases would mean the generator only tests rejections (and the reverse).
    expect(totals.accepted).toBeGreaterThan(totals.cases * 0.1);
    expect(totals.rejectedByBoth).toBeGreaterThan(totals.cases * 0.1);
    expect(totals.rejectedOnlyByUs).toBeGreaterThan(totals.cases * 0.05);
    // Fresh Models are the exception; if most cases need one, the reuse (and the time budget) is broken.
    expect(totals.freshModels).toBeLessThan(totals.cases * 0.1);
    console.info(`differential: ${JSON.stringify(totals)}`);
  });
});
