// Small survey versions built in code for flattening tests: one page of the given elements.
import type { VersionInput } from '../../exports/questions';

type Element = Record<string, unknown>;

export function version(n: number, elements: Element[], surveyId = 'test'): VersionInput {
  const pii = new Set(elements.filter((e) => e.pii === true).map((e) => String(e.name)));
  return { surveyId, version: n, definition: { pages: [{ name: 'page', elements }] }, piiQuestions: pii };
}
