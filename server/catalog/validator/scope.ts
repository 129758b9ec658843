// Builds one name scope of a survey into plan form: the survey itself, a dynamic panel's template, a matrix row
// (its columns) or a multipletext's items. Names are unique within a scope only, as in SurveyJS.
import { settings, type Question } from 'survey-core';
import { compileBuiltinValidator } from './builtin-validators';
import type { Expression, LogicCompiler } from './conditions';
import type { AnswerType, CommentPlan, ContainerPlan, Flag, QuestionPlan, SurveyPlan } from './plan';
import { refuseUnsupported } from './unsupported';
import { isPlainObject } from './values';

export type Json = Record<string, unknown>;

/** What every scope of one survey shares: the logic compiler (one variable list) and the answer types. */
export interface ScopeContext {
  logic: LogicCompiler;
  maxCommentLength: number;
  /** The answer type of a question of any supported type; nested types build their own scopes through it. */
  answerOf(q: Question, raw: Json, where: string): AnswerType;
}

const ANSWER_TYPES = new Set([
  'text',
  'comment',
  'radiogroup',
  'dropdown',
  'checkbox',
  'tagbox',
  'ranking',
  'rating',
  'boolean',
  'matrix',
  'matrixdropdown',
  'matrixdynamic',
  'paneldynamic',
  'multipletext',
]);
const DISPLAY_TYPES = new Set(['html', 'image']);
const NO_ANSWER: AnswerType = { checkShape: () => undefined };

function flag(fixed: boolean, when: Flag['when']): Flag {
  return { fixed, when };
}

export function flagsOf(raw: Json, where: string, logic: LogicCompiler) {
  const enable = logic.condition(raw.enableIf, `${where} enableIf`);
  return {
    // A condition, when present, overrides the static property, as survey-core's runCondition does.
    visible: flag(raw.visible !== false, logic.condition(raw.visibleIf, `${where} visibleIf`)),
    readOnly: flag(raw.readOnly === true, enable && ((values) => !enable(values))),
    required: flag(raw.isRequired === true, logic.condition(raw.requiredIf, `${where} requiredIf`)),
  };
}

export function childrenOf(raw: Json, where: string, key?: string): Json[] {
  const list = (key ? raw[key] : (raw.elements ?? raw.questions)) ?? [];
  if (!Array.isArray(list)) throw new Error(`${where}: "${key ?? 'elements'}" must be an array`);
  return list.map((child: unknown, i) => {
    if (!isPlainObject(child)) throw new Error(`${where}: element ${i + 1} is not an object`);
    return child;
  });
}

/** survey-core's roundValue for expression questions: a precision rounds numbers, Infinity becomes no value. */
function computeOf(q: Question, where: string, logic: LogicCompiler): Expression | undefined {
  const expression = logic.expression(q.getPropertyValue('expression'), `${where} expression`);
  if (!expression) return undefined;
  const precision = Number(q.getPropertyValue('precision'));
  return (values) => {
    const value = expression(values);
    if (value === Infinity) return undefined;
    return precision >= 0 && typeof value === 'number' ? parseFloat(value.toFixed(precision)) : value;
  };
}

function commentOf(q: Question, maxLength: number): CommentPlan | undefined {
  const key = q.name + settings.commentSuffix;
  if (q.supportOther() && q.getPropertyValue('showOtherItem') === true)
    return { key, kind: 'other', maxLength };
  if (q.supportComment() && q.showCommentArea) return { key, kind: 'area', maxLength };
  return undefined;
}

/**
 * Collects the questions of one scope. `lookup` finds a question of this scope in the compile-time Model;
 * `computedVariable` says where conditions read this scope's computed values (`{panel.x}` in a template).
 */
export class ScopeBuilder {
  readonly questions: QuestionPlan[] = [];
  readonly keys = new Set<string>();
  /** Keys the page may write that hold computed values (a matrix's `<name>-total`): refused by name. */
  readonly computedKeys = new Map<string, string>();

  constructor(
    private readonly ctx: ScopeContext,
    private readonly lookup: (name: string) => Question | null | undefined,
    private readonly label: string,
  ) {}

  question(raw: Json, where: string): QuestionPlan {
    const name = raw.name;
    if (typeof name !== 'string' || name === '') throw new Error(`${where}: a question without a name`);
    where = `${this.label}question "${name}"`;
    if (name === '__proto__') throw new Error(`${where}: the name is reserved`);
    const q = this.lookup(name);
    if (!q) throw new Error(`${where}: survey-core did not load it (unknown type "${String(raw.type)}"?)`);
    const type = q.getType();
    if (!ANSWER_TYPES.has(type) && !DISPLAY_TYPES.has(type) && type !== 'expression')
      throw new Error(`${where}: question type "${type}" is not supported by the server's validator`);
    refuseUnsupported(raw, q, where);
    const kind = type === 'expression' ? 'computed' : DISPLAY_TYPES.has(type) ? 'display' : 'answer';
    const comment = kind === 'answer' ? commentOf(q, this.ctx.maxCommentLength) : undefined;
    this.claim(comment ? [name, comment.key] : [name], where);
    const { logic } = this.ctx;
    const plan: QuestionPlan = {
      element: 'question',
      name,
      type,
      kind,
      ...flagsOf(raw, where, logic),
      answer: kind === 'answer' ? this.ctx.answerOf(q, raw, where) : NO_ANSWER,
      comment,
      validators: kind === 'answer' ? q.validators.map((v) => compileBuiltinValidator(v, where, logic)) : [],
      compute: kind === 'computed' ? computeOf(q, where, logic) : undefined,
    };
    for (const key of plan.answer.computedKeys ?? []) {
      this.claim([key], where);
      this.keys.delete(key);
      this.computedKeys.set(key, name);
    }
    this.questions.push(plan);
    return plan;
  }

  container(raw: Json, element: 'page' | 'panel', where: string, key?: string): ContainerPlan {
    const name = typeof raw.name === 'string' ? raw.name : '';
    where = `${this.label}${element} "${name}"`;
    const children = childrenOf(raw, where, key).map((child, i) => {
      const at = `${where}, element ${i + 1}`;
      if (child.type === 'panel') return this.container(child, 'panel', at);
      return this.question(child, at);
    });
    return { element, name, ...flagsOf(raw, where, this.ctx.logic), children };
  }

  claim(keys: readonly string[], where: string): void {
    for (const key of keys) {
      if (this.keys.has(key) || this.computedKeys.has(key))
        throw new Error(`${where}: "${key}" is used twice (question names and their comments)`);
      this.keys.add(key);
    }
  }

  /** The finished scope: `pages` are its top containers (one for a template, a matrix row or an item list). */
  plan(pages: readonly ContainerPlan[], nested = false): SurveyPlan {
    const { logic } = this.ctx;
    const computed = this.questions.filter((q) => q.compute);
    // One pass computes every expression unless one reads another (then survey-core settles them over passes);
    // in a nested scope they read each other as {panel.x} or {row.x}, so any two of them get the passes.
    const chained = nested ? computed.length > 1 : computed.some((q) => logic.reads(q.name));
    return {
      pages,
      questions: this.questions,
      computed,
      computePasses: chained ? computed.length + 1 : 1,
      keys: this.keys,
      computedKeys: this.computedKeys,
      logicKeys: [...this.keys].filter((key) => logic.reads(key)),
    };
  }
}
