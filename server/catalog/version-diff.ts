// "What changed since v<N>": questions added, removed or reworded, choices added or removed, and names that look
// renamed (a question gone and one with the same English title come): a new name means a new meaning in every export,
// so the admin must see it before publishing. Pure: two definitions in, a list of changes out.
import type { SurveyJson } from './types';

export interface VersionChange {
  kind:
    | 'question-added'
    | 'question-removed'
    | 'question-reworded'
    | 'choice-added'
    | 'choice-removed'
    | 'renamed';
  question: string;
  /** The choice's code, or for `renamed` the old name. */
  detail?: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

interface Question {
  title: string;
  choices: string[];
}

function questionsOf(definition: SurveyJson): Map<string, Question> {
  const out = new Map<string, Question>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!isObject(node)) return;
    if (typeof node.name === 'string' && typeof node.type === 'string' && node.type !== 'panel')
      out.set(node.name, {
        title: JSON.stringify(node.title ?? null),
        choices: Array.isArray(node.choices)
          ? node.choices.map((c) => String(isObject(c) ? c.value : c))
          : [],
      });
    for (const value of Object.values(node)) walk(value);
  };
  walk(definition.pages);
  return out;
}

const englishOf = (title: string): string => {
  const parsed = JSON.parse(title) as unknown;
  return typeof parsed === 'string' ? parsed : isObject(parsed) ? String(parsed.default ?? '') : '';
};

export function diffVersions(before: SurveyJson, after: SurveyJson): VersionChange[] {
  const was = questionsOf(before);
  const now = questionsOf(after);
  const changes: VersionChange[] = [];
  const removed = [...was.keys()].filter((name) => !now.has(name));
  for (const [name, q] of now) {
    const old = was.get(name);
    if (!old) {
      const same = removed.find(
        (r) => englishOf(was.get(r)!.title) === englishOf(q.title) && englishOf(q.title),
      );
      changes.push(
        same ? { kind: 'renamed', question: name, detail: same } : { kind: 'question-added', question: name },
      );
      continue;
    }
    if (old.title !== q.title) changes.push({ kind: 'question-reworded', question: name });
    for (const c of q.choices)
      if (!old.choices.includes(c)) changes.push({ kind: 'choice-added', question: name, detail: c });
    for (const c of old.choices)
      if (!q.choices.includes(c)) changes.push({ kind: 'choice-removed', question: name, detail: c });
  }
  const renamedFrom = new Set(changes.filter((c) => c.kind === 'renamed').map((c) => c.detail));
  for (const name of removed)
    if (!renamedFrom.has(name)) changes.push({ kind: 'question-removed', question: name });
  return changes;
}
