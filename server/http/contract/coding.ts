// zod schemas and reply shapes of the coding routes (codebooks, codes given to answers, suggestions, agreement,
// quotes); the workspace imports the types only.
import { z } from 'zod';
import type { Count, Labels } from '../../../exports/aggregates/types';
import type { CodeAgreement } from '../../domain/agreement';
import { MAX_RULES_PER_CODE, ruleProblem } from '../../domain/coding-rules';

/** A short name becomes part of an export column (`<question>__code__<code>`): plain ASCII, like question names. */
export const codeName = z.string({ message: 'must be a short name' }).regex(/^[a-z][a-z0-9_]{0,39}$/, {
  message: 'must be 1–40 characters: lower-case Latin letters, digits and _, starting with a letter',
});

const label = z
  .string({ message: 'must be a text' })
  .trim()
  .min(1, { message: 'must not be empty' })
  .max(120, { message: 'must be at most 120 characters' });

const rules = z
  .array(
    z
      .string({ message: 'must be a text' })
      .max(100, { message: 'must be at most 100 characters' })
      .superRefine((rule, ctx) => {
        const problem = ruleProblem(rule);
        if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
      })
      .transform((rule) => rule.trim().split(/\s+/).join(' ')),
    { message: 'must be a list of word forms or phrases' },
  )
  .max(MAX_RULES_PER_CODE, { message: `must be at most ${MAX_RULES_PER_CODE} rules` });

const description = z
  .string({ message: 'must be a text' })
  .max(1000, { message: 'must be at most 1000 characters' });

export const newCodeBody = z.strictObject({
  code: codeName,
  labels: z.strictObject({ kk: label, ru: label, en: label }, { message: 'must be {kk, ru, en}' }),
  description: description.optional(),
  parent: codeName.nullable().optional(),
  rules: rules.optional(),
});

export const codePatchBody = z.strictObject({
  /** A new short name: a rename; the answers keep the code. */
  code: codeName.optional(),
  labels: z.strictObject({ kk: label.optional(), ru: label.optional(), en: label.optional() }).optional(),
  description: description.optional(),
  parent: codeName.nullable().optional(),
  rules: rules.optional(),
});

export const mergeBody = z.strictObject({ from: codeName, into: codeName });

const offset = z
  .number({ message: 'must be an integer' })
  .int({ message: 'must be an integer' })
  .min(0)
  .max(100_000);

export const answerCodesBody = z.strictObject({
  codes: z
    .array(codeName, { message: 'must be a list of code names' })
    .max(50, { message: 'must be at most 50 codes' }),
  /** A passage per code (UTF-16 offsets, end exclusive): the part of the answer the code is about. */
  passages: z
    .record(codeName, z.strictObject({ start: offset, end: offset }), {
      message: 'must map code names to passages',
    })
    .optional(),
  /** 2: the second coder's blind sample, kept for agreement and never counted. */
  pass: z.union([z.literal(1), z.literal(2)], { message: 'must be 1 or 2' }).optional(),
});

export const quoteBody = z.strictObject({
  code: codeName,
  response: z.uuid({ message: 'must be a response id' }).transform((s) => s.toLowerCase()),
  /** Needed when the answer's region had fewer respondents than the small-cell threshold in the whole survey. */
  confirmSmallRegion: z.boolean({ message: 'must be true or false' }).optional(),
});

/** A code as the routes show it. */
export interface CodeBody {
  code: string;
  labels: Labels;
  description: string;
  parent: string | null;
  rules: string[];
}

/** GET /api/surveys/:id/codebooks: the questions whose free text can be coded. */
export interface CodableQuestionBody {
  name: string;
  title: Labels;
  /** `answer`: a text question; `other`/`comment`: the text kept beside a choice question. */
  source: 'answer' | 'other' | 'comment';
  codes: number;
}

export interface CodebookBody {
  survey: string;
  question: CodableQuestionBody;
  codes: CodeBody[];
}

export interface PassageBody {
  start: number;
  end: number;
}

/** An answer's codes in one pass, by name, with their passages. */
export interface AnswerCodingBody {
  coder: string;
  codedAt: string;
  codes: string[];
  passages: Record<string, PassageBody>;
}

export interface QueuedAnswerBody {
  response: string;
  version: number;
  region: string;
  briefing: string | null;
  locale: string;
  submittedAt: string;
  text: string;
  coding: AnswerCodingBody | null;
  /** Codes whose rules match the text: suggestions only, never counted until a coder saves them. */
  suggested: string[];
}

/** GET /api/surveys/:id/coding/:question */
export interface CodingQueueBody {
  survey: string;
  question: string;
  pass: 1 | 2;
  state: 'all' | 'uncoded' | 'sample';
  /** Answers in the filter (the second pass: those the first coder coded), and those coded in this pass. */
  total: number;
  coded: number;
  page: number;
  answers: QueuedAnswerBody[];
}

/** PUT /api/responses/:id/codes/:question */
export interface AnswerCodesReply {
  response: string;
  question: string;
  pass: 1 | 2;
  coding: AnswerCodingBody | null;
  /** What the answer had before this write: the workspace's undo sends it back. */
  previous: AnswerCodingBody | null;
}

/** GET …/codebooks/:question/counts: per region and in total, coded answers and each code's share of them. */
export interface CodeCountsBody {
  survey: string;
  question: string;
  smallCellThreshold: number;
  /** As in SummaryBody: the counts are perturbed (cell key method) for this reader. */
  perturbed?: true;
  codes: CodeBody[];
  total: { coded: Count; codes: Record<string, Count> };
  regions: { region: string; coded: Count; codes: Record<string, Count> }[];
}

/** GET …/codebooks/:question/rules: how many not-yet-coded answers in the filter each code's rules would tag. */
export interface RulePreviewBody {
  survey: string;
  question: string;
  uncoded: number;
  codes: { code: string; rules: string[]; matches: number }[];
}

/** POST …/codes/:code/apply */
export interface RuleApplyBody {
  code: string;
  coded: number;
}

export interface AgreementBody {
  survey: string;
  question: string;
  /** Answers both coders coded. */
  answers: number;
  codes: (Omit<CodeAgreement, 'codeId'> & { code: string })[];
  disagreements: { response: string; region: string; text: string; first: string[]; second: string[] }[];
}

export interface QuoteBody {
  code: string;
  response: string;
  region: string;
  text: string;
  passage: PassageBody | null;
  chosenBy: string;
  smallRegionConfirmed: boolean;
}
