// The coding section's requests: codebooks, the queue of answers, the codes given to an answer, rules, agreement.
import type {
  AgreementBody,
  AnswerCodesReply,
  CodableQuestionBody,
  CodebookBody,
  CodeBody,
  CodeCountsBody,
  CodingQueueBody,
  PassageBody,
  QuoteBody,
  RuleApplyBody,
  RulePreviewBody,
} from '../../../server/http/contract/coding';
import { readProblem } from '../../lib/api';
import { getJson, HttpError, SAME_ORIGIN } from '../../lib/workspace-api';
import { apiPath, apiQuery, type ViewFilters } from '../coverage/view-query';

export type {
  AgreementBody,
  AnswerCodesReply,
  CodableQuestionBody,
  CodebookBody,
  CodeBody,
  CodeCountsBody,
  CodingQueueBody,
  PassageBody,
  QuoteBody,
  RulePreviewBody,
};
export type QueuedAnswer = CodingQueueBody['answers'][number];

/** A JSON request; a refusal throws HttpError carrying the problem (its errors name the fields). */
async function send<T>(method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    ...SAME_ORIGIN,
    method,
    headers: {
      accept: 'application/json',
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new HttpError(res.status, await readProblem(res));
  return (await res.json()) as T;
}

const book = (survey: string, question: string, tail = '', query = new URLSearchParams()) =>
  apiPath(survey, `codebooks/${encodeURIComponent(question)}${tail}`, query);

export const listCodable = (survey: string) =>
  getJson<CodableQuestionBody[]>(apiPath(survey, 'codebooks', new URLSearchParams()));
export const getCodebook = (survey: string, question: string) =>
  getJson<CodebookBody>(book(survey, question));
export const addCode = (
  survey: string,
  question: string,
  code: Omit<CodeBody, 'description'> & { description?: string },
) => send<CodeBody>('POST', book(survey, question, '/codes'), code);
export const changeCode = (survey: string, question: string, code: string, changes: Partial<CodeBody>) =>
  send<CodeBody>('PATCH', book(survey, question, `/codes/${encodeURIComponent(code)}`), changes);
export const mergeCodes = (survey: string, question: string, from: string, into: string) =>
  send<CodeBody & { moved: number }>('POST', book(survey, question, '/merge'), { from, into });

export const getQueue = (
  survey: string,
  question: string,
  filters: ViewFilters,
  pass: 1 | 2,
  state: 'all' | 'uncoded' | 'sample',
) =>
  getJson<CodingQueueBody>(
    apiPath(
      survey,
      `coding/${encodeURIComponent(question)}`,
      apiQuery(filters, { pass, state, pageSize: 200 }),
    ),
  );

const codesPath = (response: string, question: string, pass?: 1 | 2) =>
  `/api/responses/${encodeURIComponent(response)}/codes/${encodeURIComponent(question)}${pass === 2 ? '?pass=2' : ''}`;

export const putCodes = (
  response: string,
  question: string,
  codes: readonly string[],
  passages: Record<string, PassageBody>,
  pass: 1 | 2,
) => send<AnswerCodesReply>('PUT', codesPath(response, question), { codes, passages, pass });
export const clearCodes = (response: string, question: string, pass: 1 | 2) =>
  send<AnswerCodesReply>('DELETE', codesPath(response, question, pass));

export const getRulePreview = (survey: string, question: string, filters: ViewFilters) =>
  getJson<RulePreviewBody>(book(survey, question, '/rules', apiQuery(filters)));
export const applyRule = (survey: string, question: string, code: string, filters: ViewFilters) =>
  send<RuleApplyBody>(
    'POST',
    book(survey, question, `/codes/${encodeURIComponent(code)}/apply`, apiQuery(filters)),
  );
export const getCounts = (survey: string, question: string, filters: ViewFilters) =>
  getJson<CodeCountsBody>(book(survey, question, '/counts', apiQuery(filters)));
export const getAgreement = (survey: string, question: string, filters: ViewFilters) =>
  getJson<AgreementBody>(book(survey, question, '/agreement', apiQuery(filters)));
export const getQuotes = (survey: string, question: string) =>
  getJson<QuoteBody[]>(book(survey, question, '/quotes'));
export const chooseQuote = (
  survey: string,
  question: string,
  code: string,
  response: string,
  confirm: boolean,
) =>
  send<QuoteBody[]>('PUT', book(survey, question, '/quotes'), {
    code,
    response,
    ...(confirm && { confirmSmallRegion: true }),
  });
