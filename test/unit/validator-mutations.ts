// Targeted mutations of page-like answers for the differential test: each breaks one kind of rule, on purpose.
import type {
  ItemValue,
  Question,
  QuestionMatrixModel,
  QuestionSelectBase,
  QuestionTextModel,
} from 'survey-core';
import {
  Dice,
  innerQuestions,
  isNested,
  offeredChoices,
  pageLikeAnswers,
  validEntry,
  validValue,
  valuesOf,
  type Data,
  type SurveyFacts,
} from './validator-random-answers';

type Mutation = (data: Data, facts: SurveyFacts, dice: Dice) => void;

function answerable(facts: SurveyFacts): Question[] {
  return facts.questions.filter((q) => !['expression', 'html', 'image'].includes(q.getType()));
}

/** A value of another JSON type than the question takes. */
function wrongType(q: Question, value: unknown, dice: Dice): unknown {
  if (Array.isArray(value)) return value.length > 0 ? value[0] : 'x';
  if (typeof value === 'number') return dice.pick([String(value), [value], true]);
  if (typeof value === 'boolean') return dice.pick([String(value), 1, 0]);
  if (typeof value === 'string') return dice.pick([Number(value) || 42, [value], { value }, false]);
  if (value !== null && typeof value === 'object') return dice.pick([['x'], 'x', 7]);
  return q.getType() === 'matrix' ? 'x' : { nested: true };
}

/** A value of the right JSON type that the definition does not offer. */
function offList(q: Question, value: unknown, dice: Dice): unknown {
  const type = q.getType();
  if (Array.isArray(value)) {
    const twin = value.find((v) => typeof v === 'number');
    return twin !== undefined && dice.chance(0.5)
      ? value.map((v) => (v === twin ? String(v) : v))
      : [...value, 'zzz'];
  }
  if (type === 'matrix') {
    const m = value !== null && typeof value === 'object' ? { ...(value as Data) } : {};
    const rows = valuesOf((q as QuestionMatrixModel).rows as ItemValue[]).map(String);
    if (dice.chance(0.5)) m.no_such_row = valuesOf((q as QuestionMatrixModel).columns as ItemValue[])[0];
    else m[dice.pick(rows)] = dice.pick(['zzz', 99, '1']);
    return m;
  }
  if (typeof value === 'number') return dice.chance(0.5) ? String(value) : 999;
  if (q.name === 'region') return dice.pick(['kz-10', ' KZ-10', 'KZ-99', 'Almaty']);
  return dice.pick(['zzz_not_a_choice', 'Other', 'none ']);
}

function overLong(q: Question, facts: SurveyFacts): string {
  const own = Number((q as QuestionTextModel).getMaxLength?.()) || 0;
  const cap = own > 0 ? own : q.getType() === 'comment' ? facts.commentCap : facts.textCap;
  return 'ж'.repeat(cap + 1);
}

function validatorBreaker(q: Question, dice: Dice): unknown {
  const t = q as QuestionTextModel;
  if (t.inputType === 'number') {
    const min = Number(t.min);
    const max = Number(t.max);
    return dice.pick([Number.isFinite(min) ? min - 1 : -5, Number.isFinite(max) ? max + 1 : 1e6, 0.3, 1000]);
  }
  return dice.pick(['abc123', 'not-an-email', 'x', '12', 'a@b', ' ', 'Short']);
}

/** The entries of a nested answer as objects that can be changed in place (grids: its rows' objects). */
function entriesOf(q: Question, value: unknown): Data[] {
  if (Array.isArray(value)) return value.filter((e): e is Data => e !== null && typeof e === 'object');
  if (value === null || typeof value !== 'object') return [];
  if (q.getType() === 'multipletext') return [value as Data];
  return Object.values(value as Data).filter((e): e is Data => e !== null && typeof e === 'object');
}

/** One change inside a repeat, grid or item list: the kinds of mistakes above, one level down, and entry counts. */
function mutateNested(data: Data, facts: SurveyFacts, dice: Dice): void {
  const nested = answerable(facts).filter(isNested);
  if (nested.length === 0) return;
  const q = dice.pick(nested);
  if (!(q.name in data) || dice.chance(0.2)) data[q.name] = validValue(q, dice, facts.regionCodes);
  const value = data[q.name];
  const inner = innerQuestions(q).filter((x) => !['expression', 'html', 'image'].includes(x.getType()));
  if (Array.isArray(value) && dice.chance(0.35)) {
    // Counts: one entry too many (or all removed but one), as no add or remove button would allow.
    if (dice.chance(0.5))
      for (let i = dice.int(1, 5); i > 0; i--) value.push(validEntry(q, dice, facts.regionCodes));
    else value.splice(1);
    return;
  }
  const entries = entriesOf(q, value);
  if (entries.length === 0 || inner.length === 0) return;
  const entry = dice.pick(entries);
  const x = dice.pick(inner);
  switch (dice.int(0, 5)) {
    case 0:
      delete entry[x.name];
      break;
    case 1:
      entry[x.name] = wrongType(x, entry[x.name] ?? validValue(x, dice, facts.regionCodes), dice);
      break;
    case 2:
      if (!['text', 'comment'].includes(x.getType()))
        entry[x.name] = offList(x, entry[x.name] ?? validValue(x, dice, facts.regionCodes), dice);
      else entry[x.name] = validatorBreaker(x, dice);
      break;
    case 3:
      entry[dice.pick(['no_such_field', `${x.name}-Comment`])] = 'x';
      break;
    case 4:
      entry[x.name] = dice.pick(['   ', '', null, [], {}]);
      break;
    default:
      entry[x.name] = validValue(x, dice, facts.regionCodes);
  }
}

export const MUTATIONS: Readonly<Record<string, Mutation>> = {
  nested: mutateNested,
  drop(data, _f, dice) {
    const keys = Object.keys(data);
    if (keys.length > 0) delete data[dice.pick(keys)];
  },
  wrongType(data, facts, dice) {
    const q = dice.pick(answerable(facts));
    data[q.name] = wrongType(q, data[q.name] ?? validValue(q, dice, facts.regionCodes), dice);
  },
  offList(data, facts, dice) {
    const choosy = answerable(facts).filter((q) => !['text', 'comment'].includes(q.getType()));
    if (choosy.length === 0) return;
    const q = dice.pick(choosy);
    data[q.name] = offList(q, data[q.name] ?? validValue(q, dice, facts.regionCodes), dice);
  },
  hidden(data, facts, dice) {
    const q = dice.pick(answerable(facts));
    if (!(q.name in data)) data[q.name] = validValue(q, dice, facts.regionCodes);
  },
  tooLong(data, facts, dice) {
    const texts = answerable(facts).filter(
      (q) => ['text', 'comment'].includes(q.getType()) && (q as QuestionTextModel).inputType !== 'number',
    );
    if (texts.length > 0) {
      const q = dice.pick(texts);
      data[q.name] = overLong(q, facts);
    }
  },
  validator(data, facts, dice) {
    const texts = answerable(facts).filter((x) => x.getType() === 'text' || x.getType() === 'comment');
    if (texts.length > 0) {
      const q = dice.pick(texts);
      data[q.name] = validatorBreaker(q, dice);
    }
  },
  blank(data, facts, dice) {
    const q = dice.pick(answerable(facts));
    data[q.name] = dice.pick(['   ', '', null, [], {}]);
  },
  unknownKey(data, facts, dice) {
    const key = dice.pick([
      'no_such_question',
      'constructor',
      'toString',
      '__proto__',
      `${dice.pick(facts.questions).name}-Comment`,
    ]);
    // An own "__proto__" key, as JSON.parse makes it: assignment would set the prototype instead.
    Object.defineProperty(data, key, { value: 'x', enumerable: true, configurable: true, writable: true });
  },
  otherText(data, facts, dice) {
    const present = Object.keys(data).filter((key) => key.endsWith('-Comment'));
    const key =
      present.length > 0 && dice.chance(0.7)
        ? dice.pick(present)
        : `${dice.pick(facts.questions).name}-Comment`;
    if (key in data) data[key] = dice.pick(['   ', '', 'ж'.repeat(facts.commentCap + 1), 5]);
    else data[key] = 'some other text';
  },
  computed(data, facts, dice) {
    const display = facts.questions.filter((q) => ['expression', 'html', 'image'].includes(q.getType()));
    if (display.length > 0) data[dice.pick(display).name] = dice.pick([1, 'x', null]);
  },
  arrayRules(data, facts, dice) {
    const arrays = answerable(facts).filter((q) => ['checkbox', 'tagbox', 'ranking'].includes(q.getType()));
    if (arrays.length === 0) return;
    const q = dice.pick(arrays);
    const choices = offeredChoices(q as QuestionSelectBase);
    const current = Array.isArray(data[q.name]) ? (data[q.name] as unknown[]) : [];
    data[q.name] = dice.pick([
      [...current, ...current.slice(0, 1)],
      choices,
      current.slice(1),
      [...choices.filter((c) => ['none', 'refused', 'dontknow'].includes(String(c))), ...choices.slice(0, 1)],
      ['other'],
    ]);
  },
};

/** One random case: page-like answers, then (half the time) one to three mutations. Returns the mutation names. */
export function randomCase(facts: SurveyFacts, dice: Dice): { data: Data; mutations: string[] } {
  const data = pageLikeAnswers(facts, dice);
  const mutations: string[] = [];
  if (dice.chance(0.5)) {
    const names = Object.keys(MUTATIONS);
    for (let i = dice.int(1, 3); i > 0; i--) {
      const name = dice.pick(names);
      MUTATIONS[name]?.(data, facts, dice);
      mutations.push(name);
    }
  }
  return { data, mutations };
}
