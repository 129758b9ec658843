// Definition features the compiled validator does not follow, refused at compile time with the reason.
// Refusing at start-up beats judging answers by rules that differ from the page's: the catalog names the file.
import type { ItemValue, Question } from 'survey-core';
import type { SurveyJson } from '../types';

/** Question properties that change which values are valid, or where they are stored, at run time. */
const REFUSED_PROPERTIES: Readonly<Record<string, string>> = {
  valueName: 'stores the answer under another key',
  valuePropertyName: 'stores choices as objects',
  choicesByUrl: 'loads choices from a web service at run time',
  choicesFromQuestion: 'copies choices from another answer at run time',
  choicesVisibleIf: 'hides choices by a condition',
  choicesEnableIf: 'disables choices by a condition',
  rowsVisibleIf: 'hides matrix rows by a condition',
  columnsVisibleIf: 'hides matrix columns by a condition',
  minValueExpression: 'computes the minimum at run time',
  maxValueExpression: 'computes the maximum at run time',
  allowCustomChoices: 'lets respondents add their own choices',
  choicesLazyLoadEnabled: 'loads choices on demand from code',
};

/** Survey-level settings that change what a valid response looks like. */
export function refuseUnsupportedSurvey(definition: SurveyJson): void {
  const nonEmpty = (key: string) =>
    Array.isArray(definition[key]) && (definition[key] as unknown[]).length > 0;
  if (nonEmpty('triggers'))
    throw new Error("survey triggers (setvalue, copyvalue, ...) are not supported by the server's validator");
  if (nonEmpty('calculatedValues'))
    throw new Error("survey calculatedValues are not supported by the server's validator");
  if (definition.mode === 'display' || definition.readOnly === true)
    throw new Error('a read-only survey (mode "display") cannot collect answers');
  // With "none" the page would send answers to hidden questions, which the server refuses.
  if (definition.clearInvisibleValues === 'none')
    throw new Error(
      'clearInvisibleValues "none" would send answers to hidden questions, which the server refuses',
    );
  if (definition.storeOthersAsComment === false)
    throw new Error('storeOthersAsComment false stores "other" texts inside the values; keep the default');
  if (
    Array.isArray(definition.pages) &&
    (definition.elements !== undefined || definition.questions !== undefined)
  )
    throw new Error('the definition has both "pages" and top-level "elements"; put every element in a page');
}

function refuseItems(items: readonly ItemValue[], where: string, what: string): void {
  for (const item of items) {
    const conditional = item.getPropertyValue('visibleIf') || item.getPropertyValue('enableIf');
    if (conditional)
      throw new Error(`${where}: ${what} ${JSON.stringify(item.value)} has visibleIf/enableIf`);
    if (item.getPropertyValue('showCommentArea') === true)
      throw new Error(`${where}: ${what} ${JSON.stringify(item.value)} has its own comment area`);
    const elements: unknown = item.getPropertyValue('elements');
    if (Array.isArray(elements) && elements.length > 0)
      throw new Error(`${where}: ${what} ${JSON.stringify(item.value)} holds questions`);
  }
}

/** Question-level features; `raw` is the question's JSON, `q` the compile-time Model's question. */
export function refuseUnsupported(raw: Record<string, unknown>, q: Question, where: string): void {
  for (const [property, reason] of Object.entries(REFUSED_PROPERTIES)) {
    // The JSON says what the author asked for; the Model also knows `min: "=expr"`, which it turns into an expression.
    const fromModel = property.endsWith('ValueExpression') ? q.getPropertyValue(property) : undefined;
    const value = raw[property] ?? fromModel;
    const set = typeof value === 'object' && value !== null ? Object.keys(value).length > 0 : Boolean(value);
    if (set)
      throw new Error(`${where}: ${property} is not supported by the server's validator (it ${reason})`);
  }
  const maskType: unknown = q.getPropertyValue('maskType');
  if (maskType && maskType !== 'none')
    throw new Error(`${where}: input masks (maskType "${String(maskType)}") are not supported`);
  if (raw.storeOthersAsComment === false)
    throw new Error(
      `${where}: storeOthersAsComment false stores the "other" text inside the value; keep the default`,
    );
  if (q.getPropertyValue('showOtherItem') === true && q.showCommentArea)
    throw new Error(`${where}: showOtherItem with showCommentArea stores the "other" text inside the value`);
  if (q.getType() === 'expression' && q.validators.length > 0)
    throw new Error(`${where}: validators on an expression question are not supported`);
  for (const property of ['choices', 'rows', 'columns']) {
    const items: unknown = q.getPropertyValue(property);
    if (Array.isArray(items)) refuseItems(items as ItemValue[], where, property.replace(/s$/, ''));
  }
}
