// The Responses section's and the tokens page's requests, as the signed-in user.
import type {
  NewTokenBody,
  ResponseDetailBody,
  ResponseIdsBody,
  ResponseListBody,
  ReviewBody,
  TokenBody,
} from '../../../server/http/contract/reviews';
import { readProblem } from '../../lib/api';
import { getJson, HttpError, SAME_ORIGIN } from '../../lib/workspace-api';

export type { NewTokenBody, ResponseDetailBody, ResponseListBody, ReviewBody, TokenBody };

async function send<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    ...SAME_ORIGIN,
    method,
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new HttpError(res.status, await readProblem(res));
  return (res.status === 204 ? undefined : await res.json()) as T;
}

export const listResponses = (survey: string, query: URLSearchParams) =>
  getJson<ResponseListBody>(`/api/surveys/${encodeURIComponent(survey)}/responses?${query}`);
export const listResponseIds = (survey: string, query: URLSearchParams) =>
  getJson<ResponseIdsBody>(`/api/surveys/${encodeURIComponent(survey)}/response-ids?${query}`);
/** PATCH /api/responses takes at most this many ids; a larger set goes in turns. */
export const REVIEW_SET_MAX = 500;
export const setReviews = (ids: readonly string[], status: ReviewBody['status'], note: string) =>
  send<ReviewBody[]>('PATCH', '/api/responses', { ids, status, note });
export const getResponse = (id: string) => getJson<ResponseDetailBody>(`/api/responses/${id}`);
export const setReview = (id: string, status: ReviewBody['status'], note: string) =>
  send<ReviewBody>('PATCH', `/api/responses/${id}`, { status, note });
export const eraseContacts = (id: string) =>
  send<{ erasedAt: string }>('DELETE', `/api/responses/${id}/contacts`);
export const listTokens = () => getJson<TokenBody[]>('/api/tokens');
export const createToken = (name: string, expiresAt?: string) =>
  send<NewTokenBody>('POST', '/api/tokens', { name, ...(expiresAt && { expiresAt }) });
export const revokeToken = (id: number) => send<void>('DELETE', `/api/tokens/${id}`);
