// Suggestion rules for codes: word forms and phrases, written so that Kazakh and Russian inflection is caught. A rule
// is one to five words; a word ending in `*` is a stem (any ending), any other word a listed form (exactly that
// word). `орталы*` catches орталық, орталығы, орталықтар; `центр*` catches центр, центра, центров; `волонтер* орталы*`
// is a phrase of two consecutive words. Matching is on lower-cased text with ё read as е. A suggestion is never a
// code: a person accepts it, one answer at a time or a rule applied to a filtered set after its count was shown.

export const MAX_RULES_PER_CODE = 50;
const MAX_WORDS = 5;
/** A stem shorter than this would match most of a language (`б*`): refused. */
const MIN_STEM = 3;

type Word = { text: string; stem: boolean };

const WORD = /[\p{L}\p{N}]+/gu;

/** Lower-cased (JavaScript's Unicode rules: Kazakh and Russian letters too), ё as е: how texts and rules compare. */
export function fold(text: string): string {
  return text.toLowerCase().replaceAll('ё', 'е');
}

export function wordsOf(text: string): string[] {
  return fold(text).match(WORD) ?? [];
}

/** Why a rule cannot be used, or null when it is fine. */
export function ruleProblem(rule: string): string | null {
  const parts = rule.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return 'is empty';
  if (parts.length > MAX_WORDS) return `has more than ${MAX_WORDS} words`;
  for (const part of parts) {
    const stem = part.endsWith('*');
    const body = stem ? part.slice(0, -1) : part;
    if (body === '' || (body.match(WORD)?.join('') ?? '') !== fold(body))
      return `"${part}" must be letters or digits, optionally ending in *`;
    if (stem && body.length < MIN_STEM)
      return `the stem "${part}" needs at least ${MIN_STEM} letters before *`;
  }
  return null;
}

function parse(rule: string): Word[] {
  return rule
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((part) =>
      part.endsWith('*') ? { text: fold(part.slice(0, -1)), stem: true } : { text: fold(part), stem: false },
    );
}

const wordMatches = (word: string, pattern: Word) =>
  pattern.stem ? word.startsWith(pattern.text) : word === pattern.text;

/** A matcher for one code's rules: true when any rule occurs in the text. Rules must have passed ruleProblem. */
export function compileRules(rules: readonly string[]): (text: string) => boolean {
  const parsed = rules.map(parse).filter((r) => r.length > 0);
  return (text) => {
    if (parsed.length === 0) return false;
    const words = wordsOf(text);
    for (const rule of parsed)
      for (let i = 0; i + rule.length <= words.length; i += 1)
        if (rule.every((pattern, j) => wordMatches(words[i + j]!, pattern))) return true;
    return false;
  };
}
